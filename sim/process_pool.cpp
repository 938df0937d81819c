#include "sim/process_pool.hpp"

#include <algorithm>
#include <exception>
#include <mutex>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace sim {

std::vector<compiler::toolchain::ProcessResult> run_processes(const std::vector<std::vector<std::string>>& commands,
                                                              unsigned jobs) {
  std::vector<compiler::toolchain::ProcessResult> results(commands.size());
  // Each result slot is written by exactly one call.
  run_processes(commands, jobs, [&](std::size_t i, const compiler::toolchain::ProcessResult& r) { results[i] = r; });
  return results;
}

std::size_t run_processes(const std::vector<std::vector<std::string>>& commands, unsigned jobs,
                          const ProcessFinished& finished, const std::atomic<bool>* stop) {
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> started{0};
  std::mutex report;
  std::exception_ptr error;  // the first exception `finished` threw (under `report`)
  std::atomic<bool> failed{false};
  // Each worker takes the next command not yet taken, until none is left or
  // the caller asks to stop.
  const auto worker = [&] {
    for (;;) {
      if (failed.load() || (stop && stop->load())) return;
      const std::size_t i = next.fetch_add(1);
      if (i >= commands.size()) return;
      ++started;
      const auto result = compiler::toolchain::run_process(commands[i]);
      const std::lock_guard lock(report);
      try {
        finished(i, result);
      } catch (...) {  // a thread must not let it escape: stop and hand it to the caller
        if (!error) error = std::current_exception();
        failed = true;
      }
    }
  };
  const std::size_t workers = std::clamp<std::size_t>(jobs, 1, std::max<std::size_t>(commands.size(), 1));
  {
    std::vector<std::jthread> threads;
    for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(worker);
    worker();
  }  // the jthreads join here
  if (error) std::rethrow_exception(error);
  return started.load();
}

std::string error_line(const compiler::toolchain::ProcessResult& result) {
  std::vector<std::string> errors;
  std::string last;
  std::istringstream lines(result.output);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    if (line.starts_with("edgesim: error: ")) errors.push_back(line.substr(16));
    last = line;
  }
  if (!errors.empty()) return fmt::format("{}", fmt::join(errors, "; "));
  return last.empty() ? "no output" : last;
}

}  // namespace sim
