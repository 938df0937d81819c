#include "sim/run_command.hpp"
#include "sim/symbol_io.hpp"

#include <fstream>
#include <functional>
#include <optional>

#include <fmt/format.h>

#include "sim/config_error.hpp"
#include "sim/elf_loader.hpp"
#include "sim/energy_activity.hpp"
#include "sim/energy_stats.hpp"
#include "sim/energy_table.hpp"
#include "sim/layer_profile.hpp"
#include "sim/layer_sampling.hpp"
#include "sim/layer_stats.hpp"
#include "sim/model_metadata.hpp"
#include "sim/platform.hpp"
#include "sim/platform_catalog.hpp"
#include "sim/profile_session.hpp"
#include "sim/run_stats.hpp"
#include "sim/run_summary.hpp"
#include "sim/stats_csv.hpp"

namespace sim {

namespace {
constexpr int kExitUsage = 2;

void error_line(std::ostream& diagnostics, const std::string& message) {
  diagnostics << "edgesim: error: " << message << '\n' << std::flush;
}

// Opened before the run, so that a path that cannot be written stops it early.
void open_output(std::ofstream& out, const std::optional<std::string>& file, const char* option) {
  if (!file) return;
  out.open(*file);
  if (!out) throw ConfigError(fmt::format("{} {}: cannot open for writing", option, *file));
}

void write_output(std::ofstream& out, const std::string& text, const std::optional<std::string>& file, const char* option,
                  std::ostream& diagnostics) {
  if (!out.is_open()) return;
  out << text;
  if (!out.flush()) error_line(diagnostics, fmt::format("{} {}: write failed", option, *file));
}

// The layers the firmware's markers number, if it says (compiled networks).
// A malformed section costs the names, not the run.
std::optional<ModelMetadata> model_of(const ElfImage& firmware, const std::function<void(const std::string&)>& warn) {
  try {
    return read_model_metadata(firmware);
  } catch (const ModelMetadataError& e) {
    warn(std::string(e.what()) + "; layers are reported by index only");
    return std::nullopt;
  }
}
}  // namespace

int run_command(const RunCommand& cmd, Console console, std::ostream& diagnostics) {
  std::unique_ptr<Platform> platform;
  std::ofstream stats_out, stats_csv_out;
  std::ofstream timeline_out;
  std::vector<SymbolFile> dumps;
  ElfImage firmware;  // kept for --dump after the run
  energy::CostTable cost_table;
  const auto warn = [&diagnostics](const std::string& w) { diagnostics << "edgesim: warning: " << w << '\n'; };
  try {
    std::vector<Override> overrides;
    for (const auto& o : cmd.overrides) overrides.push_back(parse_override(o));
    const auto file = PlatformCatalog::from_environment().resolve(cmd.platform);
    PlatformConfig config = load_platform_config(file, overrides);
    // --energy FILE is relative to the working directory, the platform's energy: FILE to the platform file.
    cost_table = cmd.energy ? load_cost_table(resolve_cost_table(*cmd.energy, {}))
                            : load_cost_table(resolve_cost_table(config.energy, file.parent_path()));
    firmware = load_elf(cmd.firmware);
    open_output(stats_out, cmd.stats_file, "--stats");
    open_output(stats_csv_out, cmd.stats_csv_file, "--stats-csv");
    open_output(timeline_out, cmd.profiling.timeline, "--timeline");
    RunOptions options;
    options.max_instructions = cmd.max_instructions;
    options.interrupt = cmd.interrupt;
    if (cmd.semihosting_root) options.semihosting_root = *cmd.semihosting_root;
    options.semihosting_cmdline =
        cmd.firmware + (cmd.semihosting_cmdline && !cmd.semihosting_cmdline->empty() ? " " + *cmd.semihosting_cmdline : "");
    if (cmd.vcd) options.vcd = *cmd.vcd;
    options.warn = warn;
    platform = std::make_unique<Platform>(std::move(config), options, console);
    platform->load(firmware);
    for (const auto& spec : cmd.loads) load_symbol_file(*platform, firmware, parse_load(spec));
    for (const auto& spec : cmd.dumps) dumps.push_back(parse_dump(spec));
  } catch (const ConfigError& e) {
    error_line(diagnostics, e.what());
    return kExitUsage;
  } catch (const ElfError& e) {
    error_line(diagnostics, e.what());
    return kExitUsage;
  } catch (const std::invalid_argument& e) {  // e.g. semihosting root is not a directory
    error_line(diagnostics, e.what());
    return kExitUsage;
  }

  LayerProfile layers(model_of(firmware, warn), [&platform] { return sample_counters(*platform); }, warn);
  ProfileSession profiling(cmd.profiling, *platform, firmware, layers);
  layers.start();
  profiling.start();
  const RunResult result = platform->run();
  layers.finish();
  profiling.finish();
  console.out.flush();
  console.err.flush();

  int dump_failed = 0;
  for (const auto& d : dumps) {
    try {
      dump_symbol_file(*platform, firmware, d);
    } catch (const ConfigError& e) {
      error_line(diagnostics, e.what());
      dump_failed = kExitUsage;
    }
  }

  StatsRegistry stats;
  register_run_stats(stats, *platform, result);
  // The run is over: gather the counts once, not once per energy stat (each
  // gathering sums the core's decoded-instruction cache).
  const energy::Activity activity = gather_activity(*platform);
  register_energy_stats(stats, cost_table, [&activity] { return activity; });
  register_layer_stats(stats, layers, platform->config());
  profiling.register_stats(stats, cost_table);
  if (stats_out.is_open()) write_output(stats_out, stats.to_json().dump(2) + '\n', cmd.stats_file, "--stats", diagnostics);
  if (stats_csv_out.is_open()) write_output(stats_csv_out, stats_csv(stats), cmd.stats_csv_file, "--stats-csv", diagnostics);
  if (!cmd.quiet) diagnostics << format_summary(stats, result);
  diagnostics << profiling.report(stats);
  if (timeline_out.is_open())
    write_output(timeline_out, profiling.timeline().dump() + '\n', cmd.profiling.timeline, "--timeline", diagnostics);
  const int status = exit_status(result) == 0 && dump_failed ? dump_failed : exit_status(result);
  if (result.end != CoreEnd::Exit) error_line(diagnostics, describe(result));
  diagnostics.flush();
  return status;
}

}  // namespace sim
