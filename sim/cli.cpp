#include "sim/cli.hpp"
#include "sim/interrupt.hpp"

#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "sim/config_error.hpp"
#include "sim/platform_catalog.hpp"
#include "sim/run_command.hpp"

#ifndef EDGESIM_VERSION
#define EDGESIM_VERSION "unknown"
#endif

namespace sim {

namespace po = boost::program_options;

namespace {
constexpr int kExitUsage = 2;

const char* const kUsage =
    "usage: edgesim run FIRMWARE.elf [options]   simulate a firmware ELF\n"
    "       edgesim platforms                    list the built-in platforms\n"
    "       edgesim --help | --version\n"
    "\n"
    "Run `edgesim run --help` for the run options.\n"
    "Exit status of `run`: the firmware's exit code; 2 usage or configuration error;\n"
    "124 run limit (--max-instructions, or a CPU asleep for ever); 125 lockup or\n"
    "simulator failure; 130 stopped by Ctrl-C (the summary and --stats are still written).\n";

po::options_description run_options() {
  po::options_description o("edgesim run FIRMWARE.elf [options]");
  o.add_options()
      ("help,h", "show this help")
      ("platform,p", po::value<std::string>()->default_value("mps2-an386")->value_name("NAME|FILE.yaml"),
       "built-in platform name (see `edgesim platforms`) or a platform YAML file")
      ("set", po::value<std::vector<std::string>>()->composing()->value_name("KEY.PATH=VALUE"),
       "override a platform key, e.g. --set memories.flash.wait_states=3 (repeatable)")
      ("stats", po::value<std::string>()->value_name("FILE.json"), "write the run's statistics as JSON")
      ("max-instructions", po::value<uint64_t>()->value_name("N"),
       "stop after N instructions (exit status 124)")
      ("quiet,q", "no end-of-run summary on stderr")
      ("semihosting-root", po::value<std::string>()->value_name("DIR"),
       "let the firmware open host files below DIR (off by default)")
      ("semihosting-cmdline", po::value<std::string>()->value_name("ARGS"),
       "arguments the firmware sees after its name (SYS_GET_CMDLINE)")
      ("vcd", po::value<std::string>()->value_name("FILE.vcd"),
       "dump the accelerator RTL's waveforms (platforms with accel.impl: rtl)");
  return o;
}

int usage_error(std::ostream& err, const std::string& message, const char* hint) {
  err << "edgesim: error: " << message << " (see " << hint << ")\n";
  return kExitUsage;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, std::istream* in) {
  const auto options = run_options();
  po::options_description hidden;
  hidden.add_options()("firmware", po::value<std::vector<std::string>>());
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("firmware", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usage_error(err, fmt::format("run: {}", e.what()), "edgesim run --help");
  }
  if (vm.count("help")) {
    out << options;
    return 0;
  }
  if (!vm.count("firmware")) return usage_error(err, "run: missing FIRMWARE.elf", "edgesim run --help");
  const auto& firmware = vm["firmware"].as<std::vector<std::string>>();
  if (firmware.size() > 1)
    return usage_error(err, fmt::format("run: one firmware expected, got '{}' too", firmware[1]), "edgesim run --help");

  RunCommand cmd;
  cmd.firmware = firmware.front();
  cmd.platform = vm["platform"].as<std::string>();
  if (vm.count("set")) cmd.overrides = vm["set"].as<std::vector<std::string>>();
  if (vm.count("stats")) cmd.stats_file = vm["stats"].as<std::string>();
  if (vm.count("max-instructions")) {
    cmd.max_instructions = vm["max-instructions"].as<uint64_t>();
    if (cmd.max_instructions == 0) return usage_error(err, "run: --max-instructions must be at least 1", "edgesim run --help");
  }
  cmd.quiet = vm.count("quiet") > 0;
  if (vm.count("semihosting-root")) cmd.semihosting_root = vm["semihosting-root"].as<std::string>();
  if (vm.count("semihosting-cmdline")) cmd.semihosting_cmdline = vm["semihosting-cmdline"].as<std::string>();
  if (vm.count("vcd")) cmd.vcd = vm["vcd"].as<std::string>();
  cmd.interrupt = &install_interrupt_handler();
  return run_command(cmd, Console{out, err, in}, err);
}

int platforms(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (!args.empty()) return usage_error(err, fmt::format("platforms: unexpected argument '{}'", args[0]), "edgesim --help");
  const auto catalog = PlatformCatalog::from_environment();
  const auto list = catalog.list();
  if (list.empty()) {
    err << "edgesim: error: no built-in platforms found (set EDGESIM_PLATFORM_DIR)\n";
    return kExitUsage;
  }
  size_t width = 0;
  for (const auto& p : list) width = std::max(width, p.name.size());
  for (const auto& p : list) out << fmt::format("{:<{}}  {}\n", p.name, width, p.description);
  return 0;
}
}  // namespace

int cli_main(int argc, const char* const argv[], std::ostream& out, std::ostream& err, std::istream* in) {
  // The command comes first; each command parses its own options.
  const std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  if (args.empty()) {
    err << kUsage;
    return kExitUsage;
  }
  const std::string& command = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "--help" || command == "-h" || command == "help") {
    out << kUsage;
    return 0;
  }
  if (command == "--version") {
    out << "edgesim " << EDGESIM_VERSION << '\n';
    return 0;
  }
  if (command == "run") return run(rest, out, err, in);
  if (command == "platforms") return platforms(rest, out, err);
  return usage_error(err, fmt::format("unknown command '{}'", command), "edgesim --help");
}

}  // namespace sim
