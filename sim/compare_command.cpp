#include "sim/compare_command.hpp"

#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

#include "sim/compare_input.hpp"
#include "sim/compare_selection.hpp"

namespace sim {

namespace {
constexpr int kExitUsage = 2;
}  // namespace

int compare_command(const CompareCommand& cmd, std::ostream& out, std::ostream& err) {
  const auto fail = [&err](const std::string& message) {
    err << "edgesim: error: compare: " << message << '\n';
    return kExitUsage;
  };
  if (!cmd.names.empty() && cmd.names.size() != cmd.files.size())
    return fail(fmt::format("--names gives {} names for {} files", cmd.names.size(), cmd.files.size()));
  std::vector<RunStats> runs;
  try {
    for (size_t i = 0; i < cmd.files.size(); ++i) {
      const std::filesystem::path file = cmd.files[i];
      runs.push_back(read_run_stats(file, cmd.names.empty() ? file.stem().string() : cmd.names[i]));
    }
  } catch (const CompareInputError& e) {
    return fail(e.what());
  }
  std::vector<std::string> stats;
  try {
    stats = cmd.metrics.empty() ? default_comparison(runs) : matching_comparison(runs, cmd.metrics);
  } catch (const std::invalid_argument& e) {
    return fail(fmt::format("--metrics: {}", e.what()));
  }
  if (cmd.nonzero) stats = without_zero_rows(runs, stats);
  out << format_comparison(runs, stats, cmd.format);
  return 0;
}

}  // namespace sim
