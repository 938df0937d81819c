// `edgesim sweep --collect DIR`: merges the records Slurm array tasks left in
// DIR/points/<id>.json with those DIR/results.jsonl already has (a task's
// record wins: it is the newer run), and writes results.jsonl and results.csv
// as a local run does (its columns; the points in the sweep's order, then any
// other records the file had). Each point without a record is listed: not
// started (still queued, or never submitted) or started but left no record
// (the task was killed: its Slurm log is named).
#pragma once

#include <filesystem>
#include <ostream>

namespace sim {

// Exit status: 0 every point recorded ok; 1 a point failed, hit the limit or
// has no record yet; 2 DIR holds no submitted sweep.
int collect_command(const std::filesystem::path& dir, std::ostream& out, std::ostream& err);

}  // namespace sim
