#include "tests/difftest/arch_state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "isa/system_control.hpp"

namespace difftest {

void reset_core(isa::Cpu& cpu) {
  cpu.reset(0);
  constexpr uint32_t kCpacr = 0xE000ED88, kCp10Cp11Full = 0x00F00000;  // ARMv7-M ARM B3.2.20
  if (!cpu.scs().write(kCpacr, 4, kCp10Cp11Full)) throw std::runtime_error("difftest: CPACR not writable");
}

ArchState capture(const isa::CpuState& s) {
  ArchState a;
  a.r = s.r;
  a.r[15] = s.pc;  // r[15] holds the executing instruction's address + 4 only while it runs
  a.apsr = s.apsr() & kApsrMask;
  a.itstate = s.itstate;
  a.ipsr = s.exception;
  a.psp = s.psp();
  a.primask = s.primask;
  a.faultmask = s.faultmask;
  a.basepri = s.basepri;
  a.control = s.control;
  a.s = s.sreg;
  a.fpscr = s.fpscr;
  return a;
}

void restore(const ArchState& a, isa::CpuState& s) {
  s.mode = isa::Mode::Thread;
  s.control = a.control & ~2u;  // SP_main stays active: MSR CONTROL is not generated; FPCA as given
  s.exception = a.ipsr;
  s.thumb = true;
  s.r = a.r;
  s.pc = a.r[15];
  s.set_apsr_nzcvq(a.apsr);
  s.ge = (a.apsr >> 16) & 0xF;
  s.itstate = a.itstate;
  s.sp_process = a.psp;
  s.primask = a.primask;
  s.faultmask = a.faultmask;
  s.basepri = a.basepri;
  s.sreg = a.s;
  s.fpscr = a.fpscr;
}

namespace {
struct Field {
  std::string name;
  uint32_t a, b;
  int width;  // hex digits
};

bool has_fp_state(const ArchState& a) {
  return a.fpscr != 0 || (a.control & 4) || std::any_of(a.s.begin(), a.s.end(), [](uint32_t v) { return v != 0; });
}

std::vector<Field> fields(const ArchState& a, const ArchState& b) {
  std::vector<Field> f;
  static constexpr const char* kNames[16] = {"r0", "r1", "r2",  "r3",  "r4",  "r5", "r6", "r7",
                                             "r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc"};
  for (int i = 0; i < 16; ++i) f.push_back({kNames[i], a.r[i], b.r[i], 8});
  f.push_back({"apsr", a.apsr, b.apsr, 8});
  f.push_back({"itstate", a.itstate, b.itstate, 2});
  f.push_back({"ipsr", a.ipsr, b.ipsr, 3});
  f.push_back({"psp", a.psp, b.psp, 8});
  f.push_back({"primask", a.primask, b.primask, 1});
  f.push_back({"faultmask", a.faultmask, b.faultmask, 1});
  f.push_back({"basepri", a.basepri, b.basepri, 2});
  f.push_back({"control", a.control, b.control, 1});
  if (has_fp_state(a) || has_fp_state(b)) {  // a core without an FPU keeps them all zero
    for (int i = 0; i < 32; ++i) f.push_back({fmt::format("s{}", i), a.s[i], b.s[i], 8});
    f.push_back({"fpscr", a.fpscr, b.fpscr, 8});
  }
  return f;
}

std::string flags(uint32_t apsr) {
  std::string s;
  const char* names = "NZCVQ";
  for (int i = 0; i < 5; ++i) s += (apsr >> (31 - i)) & 1 ? names[i] : '-';
  return s + fmt::format(" GE={:04b}", (apsr >> 16) & 0xF);
}

// FPSCR (ARMv7-M ARM A2.5.3): NZCV, AHP DN FZ, RMode, then the cumulative
// flags IDC IXC UFC OFC DZC IOC.
std::string fp_controls(uint32_t fpscr) {
  static constexpr const char* kModes[4] = {"RN", "RP", "RM", "RZ"};
  std::string s;
  for (int i = 0; i < 4; ++i) s += (fpscr >> (31 - i)) & 1 ? "NZCV"[i] : '-';
  s += (fpscr >> 26) & 1 ? " AHP" : " ---";
  s += (fpscr >> 25) & 1 ? " DN" : " --";
  s += (fpscr >> 24) & 1 ? " FZ " : " -- ";
  s += kModes[(fpscr >> 22) & 3];
  return s;
}
std::string fp_flags(uint32_t fpscr) {
  static constexpr struct {
    unsigned bit;
    const char* name;
  } kFlags[] = {{7, "IDC"}, {4, "IXC"}, {3, "UFC"}, {2, "OFC"}, {1, "DZC"}, {0, "IOC"}};
  std::string s;
  for (const auto& f : kFlags) s += (s.empty() ? "" : " ") + std::string((fpscr >> f.bit) & 1 ? f.name : "---");
  return s;
}
}  // namespace

std::string side_by_side(const ArchState& a, const ArchState& b, const char* a_name, const char* b_name) {
  std::string out = fmt::format("  {:<10} {:<10} {:<10}\n", "", a_name, b_name);
  for (const Field& f : fields(a, b)) {
    out += fmt::format("  {:<10} {:0{}x}{:<{}} {:0{}x}{:<{}}{}\n", f.name, f.a, f.width, "", 11 - f.width, f.b,
                       f.width, "", 11 - f.width, f.a != f.b ? "  <-- differs" : "");
  }
  out += fmt::format("  {:<10} {:<24} {}\n", "flags", flags(a.apsr), flags(b.apsr));
  if (!has_fp_state(a) && !has_fp_state(b)) return out;
  out += fmt::format("  {:<10} {:<24} {}\n", "fp control", fp_controls(a.fpscr), fp_controls(b.fpscr));
  out += fmt::format("  {:<10} {:<24} {}\n", "fp flags", fp_flags(a.fpscr), fp_flags(b.fpscr));
  return out;
}

std::string differing_fields(const ArchState& a, const ArchState& b) {
  std::string out;
  for (const Field& f : fields(a, b))
    if (f.a != f.b) out += (out.empty() ? "" : ", ") + f.name;
  return out;
}

}  // namespace difftest
