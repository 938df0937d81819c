// Runs a program and collects what it prints (stdout and stderr together).
#pragma once

#include <string>
#include <vector>

namespace compiler::toolchain {

struct ProcessResult {
  int exit_code = -1;  // -1: it could not start or died of a signal
  std::string output;
};

ProcessResult run_process(const std::vector<std::string>& argv);

}  // namespace compiler::toolchain
