#include "tests/difftest/arch_state.hpp"

#include <fmt/format.h>

#include <vector>

namespace difftest {

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
  return a;
}

void restore(const ArchState& a, isa::CpuState& s) {
  s.mode = isa::Mode::Thread;
  s.control = a.control & ~2u;  // SP_main stays active: MSR CONTROL is not generated
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
}

namespace {
struct Field {
  std::string name;
  uint32_t a, b;
  int width;  // hex digits
};

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
  return f;
}

std::string flags(uint32_t apsr) {
  std::string s;
  const char* names = "NZCVQ";
  for (int i = 0; i < 5; ++i) s += (apsr >> (31 - i)) & 1 ? names[i] : '-';
  return s + fmt::format(" GE={:04b}", (apsr >> 16) & 0xF);
}
}  // namespace

std::string side_by_side(const ArchState& a, const ArchState& b, const char* a_name, const char* b_name) {
  std::string out = fmt::format("  {:<10} {:<10} {:<10}\n", "", a_name, b_name);
  for (const Field& f : fields(a, b)) {
    out += fmt::format("  {:<10} {:0{}x}{:<{}} {:0{}x}{:<{}}{}\n", f.name, f.a, f.width, "", 11 - f.width, f.b,
                       f.width, "", 11 - f.width, f.a != f.b ? "  <-- differs" : "");
  }
  out += fmt::format("  {:<10} {:<22} {}\n", "flags", flags(a.apsr), flags(b.apsr));
  return out;
}

std::string differing_fields(const ArchState& a, const ArchState& b) {
  std::string out;
  for (const Field& f : fields(a, b))
    if (f.a != f.b) out += (out.empty() ? "" : ", ") + f.name;
  return out;
}

}  // namespace difftest
