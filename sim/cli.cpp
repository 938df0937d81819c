#include "sim/cli.hpp"
#include "sim/interrupt.hpp"

#include <unistd.h>

#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "sim/compare_command.hpp"
#include "sim/compile_command.hpp"
#include "sim/config_error.hpp"
#include "sim/platform_catalog.hpp"
#include "sim/run_command.hpp"
#include "sim/sweep_collect.hpp"
#include "sim/sweep_command.hpp"
#include "sim/sweep_slurm.hpp"
#include "sim/sweep_task.hpp"
#include "sim/validate_command.hpp"

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
    "       edgesim validate MODEL [options]     compile, run random inputs, compare with the host reference\n"
    "       edgesim compare A.json B.json [...]  the --stats of several runs side by side, with ratios\n"
    "       edgesim sweep SWEEP.yaml [options]   run a sweep of platform parameters and workloads\n"
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
      ("stats-csv", po::value<std::string>()->value_name("FILE.csv"),
       "write the same statistics as CSV: name,value,unit,description")
      ("energy", po::value<std::string>()->value_name("NAME|FILE.yaml"),
       "energy cost table: a name in platforms/energy/ (horowitz-45nm, jouppi-7nm, stm32f407-vendor) or a YAML file "
       "(default: the platform's energy: key, else horowitz-45nm)")
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
       "after the run, write data symbol SYMBOL (e.g. `output`) to FILE as raw bytes (repeatable)")
      ("profile", po::value<size_t>()->implicit_value(20)->value_name("N"),
       "after the run, the N functions (ELF symbols; default 20) with the most cycles: calls, self cycles, "
       "instructions, CPI, bytes read and written, energy; per-layer energy for compiled networks; "
       "profile.functions.* in --stats (before FIRMWARE.elf, write --profile=N)")
      ("timeline", po::value<std::string>()->value_name("FILE.json"),
       "write a trace-event timeline (ui.perfetto.dev, chrome://tracing): layer spans on the core track, "
       "accelerator busy spans, function spans without layers")
      ("timeline-functions", "put function spans on the timeline even for a compiled network");
  return o;
}

int usage_error(std::ostream& err, const std::string& message, const std::string& hint) {
  err << "edgesim: error: " << message << " (see " << hint << ")\n";
  return kExitUsage;
}

// A command's positional argument: how the usage line and the errors name it.
struct Positional {
  const char* placeholder;  // "FIRMWARE.elf"
  const char* noun;         // "firmware"
  bool many = false;        // one or more (else exactly one)
};

// The options given, and the one positional argument; or, in `done`, the
// exit status when there is nothing more to do (--help: 0, usage error: 2).
struct Parsed {
  po::variables_map vm;
  std::string positional;                // the first
  std::vector<std::string> positionals;  // all of them
  std::optional<int> done;
};

Parsed parse_command(const std::vector<std::string>& args, const po::options_description& options,
                     const std::string& command, Positional what, std::ostream& out, std::ostream& err) {
  const std::string hint = "edgesim " + command + " --help";
  po::options_description hidden;
  hidden.add_options()("positional", po::value<std::vector<std::string>>());
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("positional", -1);
  Parsed p;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), p.vm);
    po::notify(p.vm);
  } catch (const po::error& e) {
    p.done = usage_error(err, fmt::format("{}: {}", command, e.what()), hint);
    return p;
  }
  if (p.vm.count("help")) {
    out << options;
    p.done = 0;
  } else if (!p.vm.count("positional")) {
    p.done = usage_error(err, fmt::format("{}: missing {}", command, what.placeholder), hint);
  } else if (const auto& given = p.vm["positional"].as<std::vector<std::string>>(); given.size() > 1 && !what.many) {
    p.done = usage_error(err, fmt::format("{}: one {} expected, got '{}' too", command, what.noun, given[1]), hint);
  } else {
    p.positional = given.front();
    p.positionals = given;
  }
  return p;
}

// What a compiled network is built for: `compile` and `validate` share these.
void add_model_target_options(po::options_description& o) {
  o.add_options()
      ("platform,p", po::value<std::string>()->default_value("mps2-an386")->value_name("NAME|FILE.yaml"),
       "the platform the firmware is for (its core, flash and RAM)")
      ("set", po::value<std::vector<std::string>>()->composing()->value_name("KEY.PATH=VALUE"),
       "override a platform key, e.g. --set memories.sram.size_kib=64 (repeatable)")
      ("backend,b", po::value<std::string>()->default_value("portable")->value_name("portable|simd|accel"),
       "the kernels: portable C, ARMv7E-M DSP (simd), or the accelerator")
      ("sources", po::value<std::string>()->value_name("DIR"), "keep the generated sources (model.c, model.ld) in DIR");
}

std::vector<std::string> overrides_of(const po::variables_map& vm) {
  return vm.count("set") ? vm["set"].as<std::vector<std::string>>() : std::vector<std::string>{};
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, std::istream* in) {
  const auto options = run_options();
  const Parsed parsed = parse_command(args, options, "run", {"FIRMWARE.elf", "firmware"}, out, err);
  if (parsed.done) return *parsed.done;
  const po::variables_map& vm = parsed.vm;

  RunCommand cmd;
  cmd.firmware = parsed.positional;
  cmd.platform = vm["platform"].as<std::string>();
  cmd.overrides = overrides_of(vm);
  if (vm.count("stats")) cmd.stats_file = vm["stats"].as<std::string>();
  if (vm.count("stats-csv")) cmd.stats_csv_file = vm["stats-csv"].as<std::string>();
  if (vm.count("energy")) cmd.energy = vm["energy"].as<std::string>();
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
  if (vm.count("profile")) cmd.profiling.top_functions = vm["profile"].as<size_t>();
  if (vm.count("timeline")) cmd.profiling.timeline = vm["timeline"].as<std::string>();
  cmd.profiling.timeline_functions = vm.count("timeline-functions") > 0;
  if (cmd.profiling.timeline_functions && !cmd.profiling.timeline)
    return usage_error(err, "run: --timeline-functions needs --timeline FILE.json", "edgesim run --help");
  cmd.interrupt = &install_interrupt_handler();
  return run_command(cmd, Console{out, err, in}, err);
}

po::options_description compile_options() {
  po::options_description o("edgesim compile MODEL.tflite|NETWORK.yaml [options]");
  o.add_options()("help,h", "show this help");
  add_model_target_options(o);
  o.add_options()
      ("output,o", po::value<std::string>()->value_name("OUT.elf"), "the firmware (default: MODEL-STEM.BACKEND.elf)")
      ("input-seed", po::value<uint64_t>()->default_value(1)->value_name("N"),
       "seed of the input buffers' initial contents (replace them with `edgesim run --load`)")
      ("quiet,q", "print nothing but errors");
  return o;
}

int compile(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const auto options = compile_options();
  const Parsed parsed = parse_command(args, options, "compile", {"MODEL", "model"}, out, err);
  if (parsed.done) return *parsed.done;
  const po::variables_map& vm = parsed.vm;
  CompileCommand cmd;
  cmd.model = parsed.positional;
  cmd.platform = vm["platform"].as<std::string>();
  cmd.overrides = overrides_of(vm);
  cmd.backend = vm["backend"].as<std::string>();
  if (vm.count("output")) cmd.output = vm["output"].as<std::string>();
  if (vm.count("sources")) cmd.sources_dir = vm["sources"].as<std::string>();
  cmd.input_seed = vm["input-seed"].as<uint64_t>();
  cmd.quiet = vm.count("quiet") > 0;
  return compile_command(cmd, out, err);
}

po::options_description validate_options() {
  po::options_description o(
      "edgesim validate MODEL.tflite|NETWORK.yaml [options]\n"
      "Compiles MODEL as `edgesim compile` does, runs the firmware on N seeded random inputs (the inputs of\n"
      "`edgesim_reference MODEL --random N --seed S`), and compares each output with the host reference.\n"
      "Exit status: 0 every input matches (integer outputs bit-exact, float32 within --tolerance relative);\n"
      "1 an output differs or a run failed (each reported); 2 usage, configuration or compile error");
  o.add_options()("help,h", "show this help");
  add_model_target_options(o);
  o.add_options()
      ("inputs,n", po::value<int>()->default_value(20)->value_name("N"), "how many random inputs")
      ("seed", po::value<uint64_t>()->default_value(1)->value_name("S"), "seed of the random inputs")
      ("tolerance", po::value<double>()->default_value(1e-5, "1e-5")->value_name("REL"),
       "float32 outputs: largest relative error allowed, |out - ref| <= REL * |ref|")
      ("jobs,j", po::value<unsigned>()->value_name("J"), "runs at once (default: the host's cores)")
      ("max-instructions", po::value<uint64_t>()->value_name("N"),
       "stop each run after N instructions (that input fails: run limit)")
      ("keep", po::value<std::string>()->value_name("DIR"),
       "keep the ELF, the inputs, reference and firmware outputs, and each run's stats in DIR")
      ("no-baseline", "early-exit networks: do not run each input again with exits off (no cycles saved)");
  return o;
}

int validate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const auto options = validate_options();
  const Parsed parsed = parse_command(args, options, "validate", {"MODEL", "model"}, out, err);
  if (parsed.done) return *parsed.done;
  const po::variables_map& vm = parsed.vm;
  const std::string hint = "edgesim validate --help";
  ValidateCommand cmd;
  cmd.model = parsed.positional;
  cmd.platform = vm["platform"].as<std::string>();
  cmd.overrides = overrides_of(vm);
  cmd.backend = vm["backend"].as<std::string>();
  if (vm.count("sources")) cmd.sources_dir = vm["sources"].as<std::string>();
  cmd.inputs = vm["inputs"].as<int>();
  if (cmd.inputs < 1) return usage_error(err, "validate: --inputs must be at least 1", hint);
  cmd.seed = vm["seed"].as<uint64_t>();
  cmd.tolerance = vm["tolerance"].as<double>();
  if (!(cmd.tolerance >= 0)) return usage_error(err, "validate: --tolerance must be 0 or more", hint);
  if (vm.count("jobs")) {
    cmd.jobs = vm["jobs"].as<unsigned>();
    if (cmd.jobs == 0) return usage_error(err, "validate: --jobs must be at least 1", hint);
  }
  if (vm.count("max-instructions")) {
    cmd.max_instructions = vm["max-instructions"].as<uint64_t>();
    if (cmd.max_instructions == 0) return usage_error(err, "validate: --max-instructions must be at least 1", hint);
  }
  if (vm.count("keep")) cmd.keep_dir = vm["keep"].as<std::string>();
  cmd.no_baseline = vm.count("no-baseline") > 0;
  return validate_command(cmd, out, err);
}

po::options_description compare_options() {
  po::options_description o(
      "edgesim compare A.json B.json [C.json...] [options]\n"
      "The --stats files of several runs side by side, each run after the first with its ratio to the first\n"
      "(\"0.19x\" = this run / the first). A stat a run lacks shows as \"-\". Exit status 2 when a file cannot\n"
      "be read or is not a stats JSON");
  o.add_options()
      ("help,h", "show this help")
      ("metrics,m", po::value<std::vector<std::string>>()->multitoken()->composing()->value_name("PATTERN"),
       "the stats whose names match these shell patterns, e.g. 'energy.*' 'layers.*.cycles' (default: cycles, "
       "instructions, CPI, time, traffic per memory, energy per component and top operation classes, the "
       "accelerator, per-layer cycles when the runs have the same layers)")
      ("nonzero", "leave out the stats --metrics matches that are zero in every run")
      ("names", po::value<std::string>()->value_name("A,B,..."), "the columns' headings (default: the files' stems)")
      ("format,f", po::value<std::string>()->default_value("text")->value_name("text|markdown|csv"),
       "aligned text, a Markdown table, or CSV with the exact values");
  return o;
}

int compare(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const auto options = compare_options();
  const Parsed parsed = parse_command(args, options, "compare", {"A.json B.json", "stats file", true}, out, err);
  if (parsed.done) return *parsed.done;
  const po::variables_map& vm = parsed.vm;
  const std::string hint = "edgesim compare --help";
  CompareCommand cmd;
  cmd.files = parsed.positionals;
  if (cmd.files.size() < 2) return usage_error(err, "compare: two or more stats files expected", hint);
  if (vm.count("metrics")) cmd.metrics = vm["metrics"].as<std::vector<std::string>>();
  cmd.nonzero = vm.count("nonzero") > 0;
  if (vm.count("names")) {
    const std::string names = vm["names"].as<std::string>();
    for (size_t begin = 0; begin <= names.size();) {
      const size_t comma = std::min(names.find(',', begin), names.size());
      cmd.names.push_back(names.substr(begin, comma - begin));
      begin = comma + 1;
    }
  }
  const std::string format = vm["format"].as<std::string>();
  if (format == "markdown") cmd.format = CompareFormat::Markdown;
  else if (format == "csv") cmd.format = CompareFormat::Csv;
  else if (format != "text") return usage_error(err, fmt::format("compare: unknown --format '{}'", format), hint);
  return compare_command(cmd, out, err);
}

po::options_description sweep_options() {
  po::options_description o(
      "edgesim sweep SWEEP.yaml [options]\n"
      "Runs every point of SWEEP.yaml (each workload with each combination of its parameters) as its own\n"
      "`edgesim run`, compiling model workloads once per firmware target, and appends each finished point to\n"
      "DIR/results.jsonl and DIR/results.csv. Running it again skips the points DIR already has.\n"
      "Exit status: 0 every point ok; 1 a point failed or hit the instruction limit (each is recorded);\n"
      "2 usage or configuration error; 130 interrupted (the finished points are kept)\n"
      "On a Slurm cluster (DIR, the firmware and edgesim on a filesystem every node sees):\n"
      "  edgesim sweep SWEEP.yaml --backend slurm [--out DIR] [-j N] [--slurm-opt \"--partition=P ...\"]\n"
      "      builds the firmware here, then submits the points left as one job array (N tasks at a time)\n"
      "  edgesim sweep --collect DIR\n"
      "      merges the tasks' DIR/points/<id>.json into the results; lists the points without one\n"
      "      (exit 1 if any, or if a point failed)\n"
      "  edgesim sweep --run-point I DIR/slurm/<n>/plan.json\n"
      "      what array task I runs: point I of that submission");
  o.add_options()
      ("help,h", "show this help")
      ("jobs,j", po::value<unsigned>()->value_name("N"), "points at a time (default: the host's cores; Slurm: no limit)")
      ("out,o", po::value<std::string>()->value_name("DIR"), "the results' folder (default: ./sweep-NAME)")
      ("firmware-dir", po::value<std::string>()->value_name("DIR"),
       "where `firmware: PROGRAM` workloads are, as PROGRAM.PLATFORM.elf (default: $EDGESIM_FIRMWARE_DIR)")
      ("retry-failed", "run the points recorded as failed or at the limit again")
      ("backend", po::value<std::string>()->default_value("local")->value_name("local|slurm"),
       "run the points here, or submit them to Slurm as a job array")
      ("slurm-opt", po::value<std::vector<std::string>>()->composing()->value_name("OPTIONS"),
       "sbatch options for the job array, split at spaces (repeatable), e.g. \"--partition=short --time=0:10:00\"")
      ("collect", "the argument is a results' folder: merge the Slurm tasks' records into its results")
      ("run-point", po::value<std::size_t>()->value_name("I"), "the argument is a submission's plan.json: run its point I");
  return o;
}

int sweep(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const auto options = sweep_options();
  const Parsed parsed = parse_command(args, options, "sweep", {"SWEEP.yaml", "sweep file"}, out, err);
  if (parsed.done) return *parsed.done;
  const po::variables_map& vm = parsed.vm;
  const std::string hint = "edgesim sweep --help";
  if (vm.count("collect") && vm.count("run-point")) return usage_error(err, "sweep: --collect or --run-point, not both", hint);
  if (vm.count("collect")) return collect_command(parsed.positional, out, err);
  if (vm.count("run-point"))
    return run_planned_point(parsed.positional, vm["run-point"].as<std::size_t>(), "/proc/self/exe",
                             &install_interrupt_handler(), out, err);
  SweepCommand cmd;
  cmd.sweep_file = parsed.positional;
  if (const std::string backend = vm["backend"].as<std::string>(); backend == "slurm") cmd.backend = SweepBackend::Slurm;
  else if (backend != "local") return usage_error(err, fmt::format("sweep: unknown --backend '{}'", backend), hint);
  if (vm.count("slurm-opt")) {
    if (cmd.backend != SweepBackend::Slurm) return usage_error(err, "sweep: --slurm-opt needs --backend slurm", hint);
    for (const auto& text : vm["slurm-opt"].as<std::vector<std::string>>())
      for (auto& option : split_options(text)) cmd.slurm_options.push_back(std::move(option));
  }
  if (vm.count("jobs")) {
    cmd.jobs = vm["jobs"].as<unsigned>();
    if (cmd.jobs == 0) return usage_error(err, "sweep: --jobs must be at least 1", hint);
  }
  if (vm.count("out")) cmd.out_dir = vm["out"].as<std::string>();
  if (vm.count("firmware-dir")) cmd.firmware_dir = vm["firmware-dir"].as<std::string>();
  cmd.retry_failed = vm.count("retry-failed") > 0;
  cmd.progress_bar = isatty(STDERR_FILENO) == 1;  // progress goes to stderr
  cmd.interrupt = &install_interrupt_handler();
  return sweep_command(cmd, out, err);
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
  if (command == "validate") return validate(rest, out, err);
  if (command == "sweep") return sweep(rest, out, err);
  if (command == "compare") return compare(rest, out, err);
  return usage_error(err, fmt::format("unknown command '{}'", command), "edgesim --help");
}

}  // namespace sim
