#include "tests/difftest/unicorn_cpu.hpp"

#include <stdexcept>
#include <string>

#include "tests/difftest/layout.hpp"

namespace difftest {

namespace {
void check(uc_err e, const char* what) {
  if (e != UC_ERR_OK) throw std::runtime_error(std::string("unicorn: ") + what + ": " + uc_strerror(e));
}

// Registers read for a state snapshot, in ArchState order.
constexpr int kCore[16] = {UC_ARM_REG_R0,  UC_ARM_REG_R1,  UC_ARM_REG_R2, UC_ARM_REG_R3, UC_ARM_REG_R4,  UC_ARM_REG_R5,
                           UC_ARM_REG_R6,  UC_ARM_REG_R7,  UC_ARM_REG_R8, UC_ARM_REG_R9, UC_ARM_REG_R10, UC_ARM_REG_R11,
                           UC_ARM_REG_R12, UC_ARM_REG_SP, UC_ARM_REG_LR, UC_ARM_REG_PC};
enum Extra { kXpsr, kPsp, kPrimask, kFaultmask, kBasepri, kControl, kFpscr, kExtras };
constexpr int kExtraIds[kExtras] = {UC_ARM_REG_XPSR,    UC_ARM_REG_PSP,     UC_ARM_REG_PRIMASK, UC_ARM_REG_FAULTMASK,
                                    UC_ARM_REG_BASEPRI, UC_ARM_REG_CONTROL, UC_ARM_REG_FPSCR};
constexpr int kSingles = 32;  // S0-S31, UC_ARM_REG_S0 onwards
constexpr int kRead = 16 + kExtras + kSingles;

// CONTROL as ARMv7-M has it: nPRIV, SPSEL, FPCA.
constexpr uint32_t kControlV7m = 7;
}  // namespace

UnicornCpu::UnicornCpu(uc_cpu_arm model, uint8_t* code, uint8_t* ram) {
  // No UC_MODE_MCLASS: with it, Unicorn 2.0.1's cpu_arm_init() replaces the
  // chosen model by cortex-m33 (ARMv8-M, Secure state, FPv5 single precision
  // only). The model alone makes the core M-profile.
  check(uc_open(UC_ARCH_ARM, UC_MODE_THUMB, &uc_), "uc_open");
  check(uc_ctl_set_cpu_model(uc_, model), "set CPU model");
  check(uc_mem_map_ptr(uc_, layout::kCodeBase, layout::kCodeSize, UC_PROT_ALL, code), "map code");
  check(uc_mem_map_ptr(uc_, layout::kRamBase, layout::kRamSize, UC_PROT_READ | UC_PROT_WRITE, ram), "map RAM");
  check(uc_hook_add(uc_, &write_hook_, UC_HOOK_MEM_WRITE, reinterpret_cast<void*>(&UnicornCpu::on_write), this, 1, 0),
        "hook memory writes");
}

UnicornCpu::~UnicornCpu() {
  if (uc_) uc_close(uc_);
}

void UnicornCpu::on_write(uc_engine*, uc_mem_type, uint64_t addr, int size, int64_t, void* self) {
  static_cast<UnicornCpu*>(self)->writes_.push_back({static_cast<uint32_t>(addr), static_cast<uint32_t>(size)});
}

void UnicornCpu::write_reg(int id, uint32_t v) { check(uc_reg_write(uc_, id, &v), "register write"); }

void UnicornCpu::set_state(const ArchState& a) {
  write_reg(UC_ARM_REG_CONTROL, a.control);
  write_reg(UC_ARM_REG_PRIMASK, a.primask);
  write_reg(UC_ARM_REG_FAULTMASK, a.faultmask);
  write_reg(UC_ARM_REG_BASEPRI, a.basepri);
  write_reg(UC_ARM_REG_PSP, a.psp);
  for (int i = 0; i < 15; ++i) write_reg(kCore[i], a.r[i]);
  write_reg(UC_ARM_REG_PC, a.r[15] | 1);
  set_apsr(a.apsr);
  for (int i = 0; i < kSingles; ++i) set_single(static_cast<unsigned>(i), a.s[static_cast<size_t>(i)]);
  set_fpscr(a.fpscr);
}

void UnicornCpu::set_apsr(uint32_t apsr) { write_reg(UC_ARM_REG_APSR_NZCVQG, apsr & kApsrMask); }
void UnicornCpu::set_fpscr(uint32_t fpscr) { write_reg(UC_ARM_REG_FPSCR, fpscr); }
void UnicornCpu::set_single(unsigned n, uint32_t value) { write_reg(UC_ARM_REG_S0 + static_cast<int>(n), value); }

ArchState UnicornCpu::state() const {
  uint32_t values[kRead];
  int ids[kRead];
  void* ptrs[kRead];
  for (int i = 0; i < kRead; ++i) {
    ids[i] = i < 16 ? kCore[i] : i < 16 + kExtras ? kExtraIds[i - 16] : UC_ARM_REG_S0 + (i - 16 - kExtras);
    ptrs[i] = &values[i];
  }
  check(uc_reg_read_batch(uc_, ids, ptrs, kRead), "register read");
  ArchState a;
  for (int i = 0; i < 16; ++i) a.r[i] = values[i];
  const uint32_t xpsr = values[16 + kXpsr];
  a.apsr = xpsr & kApsrMask;
  a.itstate = static_cast<uint8_t>(((xpsr >> 25) & 3) | (((xpsr >> 10) & 0x3F) << 2));
  a.ipsr = xpsr & 0x1FF;
  a.psp = values[16 + kPsp];
  a.primask = values[16 + kPrimask] & 1;
  a.faultmask = values[16 + kFaultmask] & 1;
  a.basepri = static_cast<uint8_t>(values[16 + kBasepri]);
  a.control = static_cast<uint8_t>(values[16 + kControl] & kControlV7m);
  a.fpscr = values[16 + kFpscr];
  for (int i = 0; i < kSingles; ++i) a.s[static_cast<size_t>(i)] = values[16 + kExtras + i];
  return a;
}

uc_err UnicornCpu::step(uint32_t pc) { return uc_emu_start(uc_, pc | 1, 0xFFFFFFFF, 0, 1); }

void UnicornCpu::code_changed(uint32_t first, uint32_t end) {
  // uc_ctl reads both bounds as uint64_t varargs.
  check(uc_ctl_remove_cache(uc_, uint64_t{first}, uint64_t{end}), "drop translated code");
}

}  // namespace difftest
