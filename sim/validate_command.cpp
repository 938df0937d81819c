#include "sim/validate_command.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "compiler/codegen/backend.hpp"
#include "compiler/codegen/model_source.hpp"
#include "compiler/reference/exit_decision.hpp"
#include "compiler/reference/interpreter.hpp"
#include "compiler/reference/tool/random_inputs.hpp"
#include "sim/exit_statistics.hpp"
#include "sim/model_compiler.hpp"
#include "sim/output_comparison.hpp"
#include "sim/platform_catalog.hpp"
#include "sim/process_pool.hpp"
#include "sim/scratch_dir.hpp"

namespace sim {

namespace fs = std::filesystem;
using compiler::reference::Bytes;

namespace {

constexpr int kExitMatch = 0;
constexpr int kExitMismatch = 1;
constexpr int kExitError = 2;

// The early-exit firmware's bytes (workloads/model/model_exit.h).
constexpr std::string_view kExitTaken = "edgesim_exit_taken";
constexpr std::string_view kExitsEnabled = "edgesim_exits_enabled";

// Where one input's files go: DIR/<kind>/<input, 3 digits>.<symbol>.bin.
fs::path input_file(const fs::path& dir, std::string_view kind, int input, std::string_view symbol) {
  return dir / kind / fmt::format("{:03}.{}.bin", input, symbol);
}

void write_bytes(const fs::path& file, const Bytes& bytes) {
  std::ofstream f(file, std::ios::binary);
  f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!f.flush()) throw std::runtime_error(fmt::format("{}: cannot write", file.string()));
}

std::optional<Bytes> read_bytes(const fs::path& file) {
  std::ifstream f(file, std::ios::binary);
  if (!f) return std::nullopt;
  return Bytes(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

// The model compiled, its reference outputs, and one `edgesim run` per
// input; for an early-exit network with a baseline, then one per input with
// exits off (runs[inputs + i]).
struct Plan {
  CompiledModel model;
  std::vector<std::string> input_symbols, output_symbols;
  std::vector<std::vector<Bytes>> expected;  // [input][output]
  std::vector<int> expected_exits;           // [input], early-exit networks
  std::vector<std::vector<std::string>> runs;
  bool baseline = false;
};

// Where a run of input `input` keeps its stats: DIR/<kind>/<input>.json,
// kind "stats" for the runs with exits, "without_exits" for the baseline.
fs::path stats_file(const fs::path& work, std::string_view kind, int input) {
  return work / kind / fmt::format("{:03}.json", input);
}

// One `edgesim run` of input `input`. `exits_off`: the baseline of an
// early-exit network, the same input with exits off so that the whole
// network runs; its outputs are not compared, only the exit it took is
// dumped (to check that it was the final one).
std::vector<std::string> run_arguments(const ValidateCommand& cmd, const fs::path& elf, const fs::path& work,
                                       int input, const Plan& plan, bool exits_off) {
  const std::string_view kind = exits_off ? "without_exits" : "stats";
  std::vector<std::string> args = {cmd.edgesim, "run", elf.string(), "--platform", cmd.platform, "--quiet",
                                   "--stats", stats_file(work, kind, input).string()};
  for (const auto& o : cmd.overrides) args.insert(args.end(), {"--set", o});
  if (cmd.max_instructions) args.insert(args.end(), {"--max-instructions", std::to_string(cmd.max_instructions)});
  for (const auto& s : plan.input_symbols)
    args.insert(args.end(), {"--load", input_file(work, "inputs", input, s).string() + "@" + s});
  if (exits_off) {
    args.insert(args.end(), {"--load", fmt::format("{}@{}", (work / "exits_off.bin").string(), kExitsEnabled),
                             "--dump", fmt::format("{}:{}", kExitTaken, input_file(work, kind, input, kExitTaken).string())});
    return args;
  }
  for (const auto& s : plan.output_symbols)
    args.insert(args.end(), {"--dump", s + ":" + input_file(work, "outputs", input, s).string()});
  if (!plan.model.graph.exits.empty())
    args.insert(args.end(), {"--dump", fmt::format("{}:{}", kExitTaken, input_file(work, "exits", input, kExitTaken).string())});
  return args;
}

// Compiles the model, draws the inputs, writes them and computes the
// reference's outputs. Throws for anything that is a compile or
// configuration error (exit 2).
Plan prepare(const ValidateCommand& cmd, compiler::codegen::Backend backend, const fs::path& work) {
  const PlatformConfig platform = load_platform(cmd.platform, cmd.overrides);
  ModelCompileRequest request;
  request.model = cmd.model;
  request.backend = backend;
  request.output_elf = work / "model.elf";
  request.work_dir = cmd.sources_dir ? fs::path(*cmd.sources_dir) : work / "sources";
  fs::create_directories(request.work_dir);

  Plan plan;
  plan.model = compile_model(platform, request);
  const compiler::graph::Graph& graph = plan.model.graph;
  plan.input_symbols = compiler::codegen::input_symbols(graph);
  plan.output_symbols = compiler::codegen::output_symbols(graph);
  compiler::reference::Interpreter reference(graph);

  for (const char* kind : {"inputs", "expected", "outputs", "stats"}) fs::create_directories(work / kind);
  const bool exits = !graph.exits.empty();
  plan.baseline = exits && !cmd.no_baseline;
  if (exits) fs::create_directories(work / "exits");
  if (plan.baseline) {
    fs::create_directories(work / "without_exits");
    write_bytes(work / "exits_off.bin", Bytes{0});
  }
  std::mt19937_64 rng(cmd.seed);  // as edgesim_reference --random N --seed S draws them
  for (int i = 0; i < cmd.inputs; ++i) {
    const auto inputs = compiler::reference::tool::random_inputs(graph, rng);
    for (std::size_t k = 0; k < inputs.size(); ++k)
      write_bytes(input_file(work, "inputs", i, plan.input_symbols[k]), inputs[k]);
    plan.expected.push_back(reference.run(inputs));
    // An early-exit network's output holds the scores of the exit taken.
    if (exits) {
      plan.expected_exits.push_back(compiler::reference::exit_taken(graph, reference.tensors()));
      plan.expected.back().at(0) =
          reference.tensor(compiler::reference::exit_scores_tensor(graph, plan.expected_exits.back()));
    }
    for (std::size_t k = 0; k < plan.expected.back().size(); ++k)
      write_bytes(input_file(work, "expected", i, plan.output_symbols[k]), plan.expected.back()[k]);
    plan.runs.push_back(run_arguments(cmd, request.output_elf, work, i, plan, false));
  }
  if (plan.baseline)
    for (int i = 0; i < cmd.inputs; ++i) plan.runs.push_back(run_arguments(cmd, request.output_elf, work, i, plan, true));
  return plan;
}

// Why a run failed, in one line.
std::string failure_message(const compiler::toolchain::ProcessResult& run) {
  if (run.exit_code < 0) return "did not finish (killed by a signal, or could not start): " + error_line(run);
  return fmt::format("run failed (exit {}): {}", run.exit_code, error_line(run));
}

// The run's cycles from its --stats: between the first layer marker and the
// end of the inference when the stats have a layer profile (layers.outside:
// the cycles outside the layers), else the whole run.
struct RunCycles {
  std::uint64_t cycles = 0;
  bool whole_run = true;
};

std::optional<RunCycles> run_cycles(const fs::path& stats_file) {
  std::ifstream f(stats_file);
  const auto stats = nlohmann::json::parse(f, nullptr, false);
  const auto core = nlohmann::json::json_pointer("/core/cycles");
  if (stats.is_discarded() || !stats.contains(core) || !stats[core].is_number_unsigned()) return std::nullopt;
  RunCycles c{stats[core].get<std::uint64_t>(), true};
  const auto outside = nlohmann::json::json_pointer("/layers/outside/cycles");
  if (stats.contains(outside) && stats[outside].is_number_unsigned() && stats[outside].get<std::uint64_t>() <= c.cycles) {
    c.cycles -= stats[outside].get<std::uint64_t>();
    c.whole_run = false;
  }
  return c;
}

std::string percent(std::size_t part, std::size_t whole) {
  return fmt::format("{:.2f}%", whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 100.0);
}

std::string summary_line(const std::string& symbol, const compiler::graph::Tensor& t, const OutputComparison& c,
                         double tolerance) {
  const std::string head = fmt::format("  output '{}' ({}, {}): ", symbol, compiler::graph::name_of(t.type),
                                       fmt::join(t.shape, "x"));
  if (c.inputs() == 0) return head + "not compared (no run finished)\n";
  if (c.is_float())
    return head + fmt::format("max abs error {:.3g}, max relative error {:.3g} (tolerance {:g}); {}/{} inputs within "
                              "tolerance, {}/{} bit-exact\n",
                              c.max_abs_error(), c.max_rel_error(), tolerance, c.matching_inputs(), c.inputs(),
                              c.exact_inputs(), c.inputs());
  return head + fmt::format("max difference {} steps; exact elements {} ({}/{}), exact inputs {} ({}/{})\n",
                            c.max_step_difference(), percent(c.exact_elements(), c.elements()), c.exact_elements(),
                            c.elements(), percent(static_cast<std::size_t>(c.exact_inputs()),
                                                  static_cast<std::size_t>(c.inputs())),
                            c.exact_inputs(), c.inputs());
}

std::string cycles_line(std::vector<RunCycles> runs) {
  if (runs.empty()) return {};
  std::sort(runs.begin(), runs.end(), [](const RunCycles& a, const RunCycles& b) { return a.cycles < b.cycles; });
  const bool whole = std::any_of(runs.begin(), runs.end(), [](const RunCycles& r) { return r.whole_run; });
  return fmt::format("  cycles per inference: min {}, median {}, max {} ({}; {} runs)\n", runs.front().cycles,
                     runs[(runs.size() - 1) / 2].cycles, runs.back().cycles,
                     whole ? "whole run, startup and output checksums included" : "the layers only", runs.size());
}

// An early-exit input's exits, checked: the run with exits took the
// reference's exit, the baseline run (if any) the final one. `cycles`: the
// run's, from its stats. What is wrong is reported to `out`.
struct ExitCheck {
  std::optional<ExitSample> sample;  // for the statistics: the exit was read and is one of the network's
  bool matches = true;
  bool baseline_failed = false;
};

ExitCheck check_exits(const Plan& plan, const fs::path& work, int input, const std::optional<RunCycles>& cycles,
                      const compiler::toolchain::ProcessResult* baseline, std::ostream& out) {
  const int count = static_cast<int>(plan.model.graph.exits.size()) + 1;
  const auto taken_in = [&](std::string_view kind) -> std::optional<int> {
    const auto byte = read_bytes(input_file(work, kind, input, kExitTaken));
    if (!byte || byte->size() != 1) return std::nullopt;
    return byte->front();
  };
  ExitCheck check;
  const auto taken = taken_in("exits");
  if (!taken) {
    out << fmt::format("  input {}: the run wrote no dump of {}\n", input, kExitTaken);
    check.matches = false;
    return check;
  }
  if (*taken != plan.expected_exits.at(input)) {
    out << fmt::format("  input {}: took exit {}, the host reference exit {}\n", input, *taken,
                       plan.expected_exits[input]);
    check.matches = false;
  }
  if (*taken < 1 || *taken > count || !cycles) return check;
  check.sample = ExitSample{*taken, cycles->cycles, std::nullopt};
  if (!baseline) return check;
  if (baseline->exit_code != 0) {
    out << fmt::format("  input {} with exits off: {}\n", input, failure_message(*baseline));
    check.baseline_failed = true;
    return check;
  }
  if (const auto full = taken_in("without_exits"); full != count) {
    out << fmt::format("  input {} with exits off: took {}, not the final output (exit {})\n", input,
                       full ? fmt::format("exit {}", *full) : std::string("no exit"), count);
    check.matches = false;
    return check;
  }
  if (const auto without = run_cycles(stats_file(work, "without_exits", input)))
    check.sample->cycles_without_exits = without->cycles;
  return check;
}

std::vector<std::string> exit_descriptions(const CompiledModel& model) {
  std::vector<std::string> lines;
  for (std::size_t k = 1; k <= model.graph.exits.size() + 1; ++k) lines.push_back(describe_exit(model, k));
  return lines;
}

}  // namespace

int validate_command(const ValidateCommand& cmd, std::ostream& out, std::ostream& err) {
  const auto backend = compiler::codegen::parse_backend(cmd.backend);
  if (!backend) {
    err << fmt::format("edgesim: error: validate: unknown backend '{}' (portable, simd, accel)\n", cmd.backend);
    return kExitError;
  }
  std::optional<ScratchDir> work;
  Plan plan;
  try {
    work.emplace(cmd.keep_dir ? ScratchDir::kept(*cmd.keep_dir) : ScratchDir("edgesim-validate"));
    plan = prepare(cmd, *backend, work->path());
  } catch (const std::exception& e) {
    err << "edgesim: error: " << e.what() << '\n';
    return kExitError;
  }
  const compiler::graph::Graph& graph = plan.model.graph;
  const bool exits = !graph.exits.empty();
  const unsigned jobs = std::min<unsigned>(cmd.jobs ? cmd.jobs : std::max(1u, std::thread::hardware_concurrency()),
                                           static_cast<unsigned>(plan.runs.size()));
  out << fmt::format("{} on {} ({} backend): {} random inputs (seed {}){}, {} runs at a time\n", graph.name,
                     plan.model.target.platform, cmd.backend, cmd.inputs, cmd.seed,
                     plan.baseline ? ", each also with exits off" : "", jobs)
      << std::flush;

  const auto results = run_processes(plan.runs, jobs);

  std::vector<OutputComparison> comparisons;
  for (int t : graph.outputs) comparisons.emplace_back(graph.tensors[t], cmd.tolerance);
  std::vector<RunCycles> cycles;
  std::vector<ExitSample> exit_samples;
  int failed_runs = 0, mismatches = 0, failed_inputs = 0;
  for (int i = 0; i < cmd.inputs; ++i) {
    const auto& run = results[i];
    if (run.exit_code != 0) {
      out << fmt::format("  input {}: {}\n", i, failure_message(run));
      ++failed_runs;
      ++failed_inputs;
      continue;
    }
    bool matches = true;
    for (std::size_t k = 0; k < comparisons.size(); ++k) {
      const std::string& symbol = plan.output_symbols[k];
      const auto actual = read_bytes(input_file(work->path(), "outputs", i, symbol));
      try {
        if (!actual) throw std::invalid_argument("the run wrote no dump");
        if (comparisons[k].add(*actual, plan.expected[i][k])) continue;
        out << fmt::format("  input {}: output '{}' differs from the reference: {}\n", i, symbol,
                           comparisons[k].last_difference());
      } catch (const std::invalid_argument& e) {
        out << fmt::format("  input {}: output '{}': {}\n", i, symbol, e.what());
      }
      matches = false;
    }
    const auto run_cycles_of_input = run_cycles(stats_file(work->path(), "stats", i));
    bool baseline_failed = false;
    if (exits) {
      const ExitCheck check = check_exits(plan, work->path(), i, run_cycles_of_input,
                                          plan.baseline ? &results.at(cmd.inputs + i) : nullptr, out);
      if (check.sample) exit_samples.push_back(*check.sample);
      matches = matches && check.matches;
      baseline_failed = check.baseline_failed;
    }
    if (baseline_failed) {
      ++failed_runs;
      ++failed_inputs;
    } else if (!matches) {
      ++mismatches;
    }
    if (run_cycles_of_input) cycles.push_back(*run_cycles_of_input);
  }

  for (std::size_t k = 0; k < comparisons.size(); ++k)
    out << summary_line(plan.output_symbols[k], graph.tensors[graph.outputs[k]], comparisons[k], cmd.tolerance);
  out << cycles_line(cycles);
  if (exits)
    out << exit_report(exit_statistics(exit_samples, static_cast<int>(graph.exits.size()) + 1),
                       exit_descriptions(plan.model), plan.baseline);
  const int matching = cmd.inputs - failed_inputs - mismatches;
  out << fmt::format("validate: {}/{} inputs match the host reference", matching, cmd.inputs);
  if (failed_runs) out << fmt::format("; {} runs failed", failed_runs);
  if (mismatches) out << fmt::format("; {} outputs differ", mismatches);
  out << '\n';
  if (cmd.keep_dir) out << fmt::format("kept the ELF, inputs, outputs and stats in {}\n", *cmd.keep_dir);
  return failed_runs || mismatches ? kExitMismatch : kExitMatch;
}

}  // namespace sim
