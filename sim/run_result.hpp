// How a run ended, and what that means for the user: the process exit status
// (DESIGN.md: the firmware's code, 124 run limit, 125 lockup or simulator
// failure) and a one-line description.
#pragma once
#include <cstdint>
#include <exception>
#include <optional>
#include <string>

#include "isa/cpu.hpp"
#include "sim/core_module.hpp"

namespace sim {

constexpr int kExitRunLimit = 124;
constexpr int kExitInterrupted = 130;  // 128 + SIGINT, as shells report Ctrl-C
constexpr int kExitLockupOrFailure = 125;

struct RunResult {
  CoreEnd end = CoreEnd::Running;
  std::optional<int> exit_code;       // CoreEnd::Exit
  std::optional<isa::Lockup> lockup;  // CoreEnd::Lockup
  std::string lockup_report;          // describe_lockup() of it
  uint32_t pc = 0;                    // where the core stopped
  uint64_t instructions = 0;
  std::exception_ptr error;           // CoreEnd::Error
  double host_seconds = 0;
};

int exit_status(const RunResult& r);
// "exit", "lockup", "instruction_limit", "hang", "error"
std::string stop_reason(const RunResult& r);
// One line, e.g. "lockup at PC 0x00000124 after data bus error (BusFault
// PRECISERR) (address 0x90000000)"; for a normal exit "firmware exited with
// code 3".
std::string describe(const RunResult& r);

}  // namespace sim
