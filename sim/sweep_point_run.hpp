// One point's `edgesim run` and the record made from how it ended: the same
// whether a local sweep runs the point or a Slurm array task does.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "compiler/toolchain/process.hpp"
#include "sim/sweep_constraint.hpp"
#include "sim/sweep_results.hpp"

namespace sim {

// "--set key=value" for each parameter.
std::vector<std::string> set_arguments(const ParameterValues& parameters);

// The point's folder: DIR/points/<id>/ (its stats.json and output.txt).
std::filesystem::path point_folder(const std::filesystem::path& dir, const std::string& id);

// `edgesim run`'s arguments (after the program) for a point: its firmware on
// its platform with its parameters, quiet, its --stats in its folder.
std::vector<std::string> point_run_arguments(const std::filesystem::path& elf, const std::string& platform,
                                             const ParameterValues& parameters, std::uint64_t max_instructions,
                                             const std::filesystem::path& folder);

// Makes the point's folder ready for a run: created, without the stats a
// killed run may have left, and without an earlier record of the point.
void prepare_point_folder(const std::filesystem::path& dir, const std::string& id);

// Whether a run ended by the sweep's own interrupt: not a result (the point
// is run again next time).
bool stopped_by_interrupt(const compiler::toolchain::ProcessResult& run);

// Completes `record` (id, platform, workload, parameters set) from the run:
// status by exit code (0 ok, 124 the limit, else failed), its error line, the
// metrics from the folder's stats.json (null where absent); keeps the
// console in output.txt.
PointResult finish_point(PointResult record, const compiler::toolchain::ProcessResult& run,
                         const std::filesystem::path& folder, const std::vector<std::string>& metrics);

}  // namespace sim
