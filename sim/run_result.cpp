#include "sim/run_result.hpp"

#include <fmt/format.h>

#include "sim/lockup_report.hpp"

namespace sim {

namespace {
std::string error_text(const std::exception_ptr& e) {
  try {
    if (e) std::rethrow_exception(e);
  } catch (const std::exception& ex) {
    return ex.what();
  } catch (...) {
  }
  return "unknown error";
}
}  // namespace

int exit_status(const RunResult& r) {
  switch (r.end) {
    case CoreEnd::Exit:
      return r.exit_code.value_or(0);
    case CoreEnd::InstructionLimit:
    case CoreEnd::Hang:
      return kExitRunLimit;
    case CoreEnd::Interrupted:
      return kExitInterrupted;
    case CoreEnd::Lockup:
    case CoreEnd::Error:
    case CoreEnd::Running:
      break;
  }
  return kExitLockupOrFailure;
}

std::string stop_reason(const RunResult& r) {
  switch (r.end) {
    case CoreEnd::Exit: return "exit";
    case CoreEnd::Lockup: return "lockup";
    case CoreEnd::InstructionLimit: return "instruction_limit";
    case CoreEnd::Hang: return "hang";
    case CoreEnd::Interrupted: return "interrupted";
    case CoreEnd::Error: return "error";
    case CoreEnd::Running: break;
  }
  return "not_stopped";
}

std::string describe(const RunResult& r) {
  switch (r.end) {
    case CoreEnd::Exit:
      return fmt::format("firmware exited with code {}", r.exit_code.value_or(0));
    case CoreEnd::Lockup: {
      if (!r.lockup_report.empty()) return r.lockup_report;
      const auto& l = r.lockup.value_or(isa::Lockup{r.pc, isa::FaultKind::UndefInstr, 0});
      return fmt::format("lockup at PC {:#010x} after {}", l.pc, fault_text(l.cause, l.address));
    }
    case CoreEnd::InstructionLimit:
      return fmt::format("instruction limit reached: {} instructions executed, PC {:#010x}", r.instructions, r.pc);
    case CoreEnd::Hang:
      return fmt::format(
          "hang: the CPU sleeps (WFI/WFE, resuming at PC {:#010x}) and nothing can wake it "
          "(no SysTick running, no device activity pending)",
          r.pc);
    case CoreEnd::Interrupted:
      return fmt::format("interrupted at PC {:#010x} after {} instructions", r.pc, r.instructions);
    case CoreEnd::Error:
      return "simulation failed: " + error_text(r.error);
    case CoreEnd::Running:
      break;
  }
  return "simulation ended without the core stopping";
}

}  // namespace sim
