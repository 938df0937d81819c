#include "sim/cli.hpp"
#include "sim/interrupt.hpp"

#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "sim/compile_command.hpp"
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
    "       edgesim compile MODEL [options]      compile a .tflite or network YAML into firmware\n"
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
       "dump the accelerator RTL's waveforms (platforms with accel.impl: rtl)")
      ("load", po::value<std::vector<std::string>>()->composing()->value_name("FILE@SYMBOL"),
       "before the run, fill data symbol SYMBOL (e.g. a compiled network's `input`) with FILE's raw bytes (repeatable)")
      ("dump", po::value<std::vector<std::string>>()->composing()->value_name("SYMBOL:FILE"),
       "after the run, write data symbol SYMBOL (e.g. `output`) to FILE as raw bytes (repeatable)");
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
  if (vm.count("load")) cmd.loads = vm["load"].as<std::vector<std::string>>();
  if (vm.count("dump")) cmd.dumps = vm["dump"].as<std::vector<std::string>>();
  cmd.interrupt = &install_interrupt_handler();
  return run_command(cmd, Console{out, err, in}, err);
}

po::options_description compile_options() {
  po::options_description o("edgesim compile MODEL.tflite|NETWORK.yaml [options]");
  o.add_options()
      ("help,h", "show this help")
      ("platform,p", po::value<std::string>()->default_value("mps2-an386")->value_name("NAME|FILE.yaml"),
       "the platform the firmware is for (its core, flash and RAM)")
      ("set", po::value<std::vector<std::string>>()->composing()->value_name("KEY.PATH=VALUE"),
       "override a platform key, e.g. --set memories.sram.size_kib=64 (repeatable)")
      ("backend,b", po::value<std::string>()->default_value("portable")->value_name("portable|simd|accel"),
       "the kernels: portable C, ARMv7E-M DSP (simd), or the accelerator")
      ("output,o", po::value<std::string>()->value_name("OUT.elf"), "the firmware (default: MODEL-STEM.BACKEND.elf)")
      ("sources", po::value<std::string>()->value_name("DIR"), "keep the generated sources (model.c, model.ld) in DIR")
      ("input-seed", po::value<uint64_t>()->default_value(1)->value_name("N"),
       "seed of the input buffers' initial contents (replace them with `edgesim run --load`)")
      ("quiet,q", "print nothing but errors");
  return o;
}

int compile(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const auto options = compile_options();
  po::options_description hidden;
  hidden.add_options()("model", po::value<std::vector<std::string>>());
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("model", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usage_error(err, fmt::format("compile: {}", e.what()), "edgesim compile --help");
  }
  if (vm.count("help")) {
    out << options;
    return 0;
  }
  if (!vm.count("model")) return usage_error(err, "compile: missing MODEL", "edgesim compile --help");
  const auto& model = vm["model"].as<std::vector<std::string>>();
  if (model.size() > 1)
    return usage_error(err, fmt::format("compile: one model expected, got '{}' too", model[1]), "edgesim compile --help");
  CompileCommand cmd;
  cmd.model = model.front();
  cmd.platform = vm["platform"].as<std::string>();
  if (vm.count("set")) cmd.overrides = vm["set"].as<std::vector<std::string>>();
  cmd.backend = vm["backend"].as<std::string>();
  if (vm.count("output")) cmd.output = vm["output"].as<std::string>();
  if (vm.count("sources")) cmd.sources_dir = vm["sources"].as<std::string>();
  cmd.input_seed = vm["input-seed"].as<uint64_t>();
  cmd.quiet = vm.count("quiet") > 0;
  return compile_command(cmd, out, err);
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
  if (command == "compile") return compile(rest, out, err);
  return usage_error(err, fmt::format("unknown command '{}'", command), "edgesim --help");
}

}  // namespace sim
