#include "sim/process_pool.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

namespace sim {

std::vector<compiler::toolchain::ProcessResult> run_processes(const std::vector<std::vector<std::string>>& commands,
                                                              unsigned jobs) {
  std::vector<compiler::toolchain::ProcessResult> results(commands.size());
  std::atomic<std::size_t> next{0};
  // Each worker takes the next command not yet taken; each result slot is
  // written by exactly one worker.
  const auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < commands.size();)
      results[i] = compiler::toolchain::run_process(commands[i]);
  };
  const std::size_t workers = std::clamp<std::size_t>(jobs, 1, std::max<std::size_t>(commands.size(), 1));
  {
    std::vector<std::jthread> threads;
    for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(worker);
    worker();
  }  // the jthreads join here
  return results;
}

}  // namespace sim
