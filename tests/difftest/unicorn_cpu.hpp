// Unicorn 2 (QEMU 5) as the reference Cortex-M core: one engine with the
// lockstep memory map, stepped one instruction at a time.
//
// Known Unicorn behaviour the lockstep runner relies on or works around:
// - uc_emu_start(..., count = 1) at an IT instruction runs the IT and its
//   whole block: Unicorn does not trace (so cannot stop) inside IT blocks,
//   since stopping there lost the condition (unicorn-engine/unicorn#853,
//   fixed by #880). The runner therefore compares after IT + block. But the
//   count does stop at a translation-block start inside a block, and
//   resuming there runs the rest of the block wrongly. A TB ends at a 1 KiB
//   page boundary (QEMU's ARM TARGET_PAGE_BITS is 10) and after anything
//   that may write the PC, so the planner keeps IT blocks inside one 1 KiB
//   page and puts PC writers last only (which the manual requires anyway).
//   VMSR also ends a TB, so it too comes last only (generator.hpp).
// - Writing UC_ARM_REG_XPSR does not set GE; APSR_NZCVQG does.
// - Code is rewritten through the host pointer, which Unicorn cannot see:
//   code_changed() drops its translations (uc_ctl_remove_cache).
// - YIELD runs but ends the run with UC_ERR_INSN_INVALID (generator.hpp).
// - MSR MSP/PSP and BASEPRI keep bits the M4 drops (planner.cpp).
// - The engine is opened without UC_MODE_MCLASS, which would make every
//   model cortex-m33 (unicorn_cpu.cpp). Its M4 has the FPv4-SP FPU, its M7
//   FPv5 with double precision. CPACR is not reachable (no SCS), but FP
//   instructions run from reset without it.
// - SMLAD{X} sets Q when its products alone sum to 2^31, although a negative
//   Ra brings the result back in range (QEMU < 5.2): such instances are not
//   planned (generator.cpp, kUnicornErrors), nor FP instructions that
//   create an FP context while FPSCR has flags set (QEMU clears them).
#pragma once
#include <unicorn/unicorn.h>

#include <cstdint>
#include <vector>

#include "tests/difftest/arch_state.hpp"

namespace difftest {

class UnicornCpu {
 public:
  struct Write {
    uint32_t addr;
    uint32_t size;
  };

  // A core of the given model; maps code and RAM (host buffers of
  // layout::kCodeSize and kRamSize bytes).
  UnicornCpu(uc_cpu_arm model, uint8_t* code, uint8_t* ram);
  ~UnicornCpu();
  UnicornCpu(const UnicornCpu&) = delete;
  UnicornCpu& operator=(const UnicornCpu&) = delete;

  void set_state(const ArchState& a);
  ArchState state() const;
  void set_apsr(uint32_t apsr);
  void set_fpscr(uint32_t fpscr);
  void set_single(unsigned n, uint32_t value);  // Sn

  // Executes one instruction (an IT instruction with its block) at pc.
  uc_err step(uint32_t pc);
  // Code in [first, end) changed.
  void code_changed(uint32_t first, uint32_t end);

  const std::vector<Write>& writes() const { return writes_; }
  void clear_writes() { writes_.clear(); }

 private:
  static void on_write(uc_engine* uc, uc_mem_type type, uint64_t addr, int size, int64_t value, void* self);
  void write_reg(int id, uint32_t v);

  uc_engine* uc_ = nullptr;
  uc_hook write_hook_{};
  std::vector<Write> writes_;
};

}  // namespace difftest
