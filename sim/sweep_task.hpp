// `edgesim sweep --run-point INDEX PLAN`: what one Slurm array task does. It
// runs point INDEX of the plan (sim/sweep_plan.hpp) as a local sweep would,
// and writes its record to DIR/points/<id>.json in one step. Before the run it
// leaves DIR/points/<id>/started (job, task, host, time), so that --collect
// can tell a task that died without a record from one that never started.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <ostream>
#include <string>

namespace sim {

// Exit status: 0 the point is recorded (whatever its own status: that is in
// the record), 2 a plan that cannot be read or an index beyond it, 130
// interrupted (scancel, a time limit: nothing recorded).
int run_planned_point(const std::filesystem::path& plan_file, std::size_t index, const std::string& edgesim,
                      const std::atomic<bool>* interrupt, std::ostream& out, std::ostream& err);

}  // namespace sim
