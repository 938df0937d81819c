// Runs several commands as child processes, at most `jobs` at a time (one
// host thread waits on each), e.g. one `edgesim run` per input: SystemC
// elaborates once per process, so each simulation needs its own.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "compiler/toolchain/process.hpp"

namespace sim {

// Results in the commands' order; every command runs, whatever the others do.
std::vector<compiler::toolchain::ProcessResult> run_processes(const std::vector<std::vector<std::string>>& commands,
                                                              unsigned jobs);

// Called with a command's index and result as soon as it finishes; the pool
// makes one call at a time, so the callback needs no lock of its own.
using ProcessFinished = std::function<void(std::size_t, const compiler::toolchain::ProcessResult&)>;

// As above, but each result goes to `finished` when it is there (so a caller
// can save it before the others end), and once `stop` is set no further
// command starts (those running are waited for). An exception `finished`
// throws stops the pool the same way and is rethrown once the running
// commands have ended. Returns how many started.
std::size_t run_processes(const std::vector<std::vector<std::string>>& commands, unsigned jobs,
                          const ProcessFinished& finished, const std::atomic<bool>* stop = nullptr);

// Why a child failed, in one line: its "edgesim: error:" lines (without the
// prefix, joined by "; "), else its last non-empty line, else "no output".
std::string error_line(const compiler::toolchain::ProcessResult& result);

}  // namespace sim
