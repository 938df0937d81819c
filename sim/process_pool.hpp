// Runs several commands as child processes, at most `jobs` at a time (one
// host thread waits on each), e.g. one `edgesim run` per input: SystemC
// elaborates once per process, so each simulation needs its own.
#pragma once

#include <string>
#include <vector>

#include "compiler/toolchain/process.hpp"

namespace sim {

// Results in the commands' order; every command runs, whatever the others do.
std::vector<compiler::toolchain::ProcessResult> run_processes(const std::vector<std::vector<std::string>>& commands,
                                                              unsigned jobs);

}  // namespace sim
