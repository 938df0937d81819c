#include "isa/exec/misc.hpp"

#include "isa/cpu.hpp"
#include "isa/exec/branch.hpp"

namespace isa::exec {

namespace {
// Special-register numbers (SYSm, B5.1.1).
enum SysReg : unsigned {
  kMsp = 8,
  kPsp = 9,
  kPrimask = 16,
  kBasepri = 17,
  kBasepriMax = 18,
  kFaultmask = 19,
  kControl = 20,
};

// BASEPRI keeps only the implemented priority bits; the rest are RAZ/WI.
uint8_t implemented_priority(const Cpu& c, uint32_t v) {
  return static_cast<uint8_t>(v & (0xFFu << (8 - c.profile().priority_bits)));
}

// FAULTMASK may be raised only while ExecutionPriority() > -1, i.e. not in
// HardFault or NMI. Clearing it is always allowed (as QEMU and silicon do).
void write_faultmask(Cpu& c, bool on) {
  if (!on || !(c.scs().active(kHardFault) || c.scs().active(kNmi))) c.state().faultmask = on;
}

// MRS of the xPSR views: IPSR if SYSm<0>, APSR unless SYSm<2>; EPSR reads as zero.
uint32_t read_psr(const CpuState& s, unsigned sysm) {
  return ((sysm & 1) ? s.exception : 0u) | ((sysm & 4) ? 0u : s.apsr());
}

uint32_t read_privileged(const CpuState& s, unsigned sysm) {
  switch (sysm) {
    case kMsp: return s.msp();
    case kPsp: return s.psp();
    case kPrimask: return s.primask;
    case kBasepri:
    case kBasepriMax: return s.basepri;
    case kFaultmask: return s.faultmask;
    default: return 0;
  }
}

// MSR APSR_<mask>: mask<1> writes N,Z,C,V,Q (Q only where it exists), mask<0> GE.
void write_apsr(Cpu& c, unsigned sysm, unsigned mask, uint32_t v) {
  if (sysm & 4) return;  // IPSR and EPSR ignore writes
  CpuState& s = c.state();
  if (mask & 2) s.set_apsr_nzcvq(c.profile().mainline() ? v : v & ~(1u << 27));
  if (mask & 1) s.ge = static_cast<uint8_t>((v >> 16) & 0xF);
}

// CONTROL: SPSEL changes only in Thread mode; FPCA exists with an FPU.
void write_control(Cpu& c, uint32_t v) {
  CpuState& s = c.state();
  if (s.mode == Mode::Thread) s.switch_stack(Mode::Thread, v & 2);
  const uint32_t fpca = c.profile().has(kFpSp) ? (v & 4) : 0;
  s.control = static_cast<uint8_t>((s.control & 2) | (v & 1) | fpca);
}

void write_privileged(Cpu& c, unsigned sysm, uint32_t v) {
  CpuState& s = c.state();
  switch (sysm) {
    case kMsp: s.set_msp(v); break;
    case kPsp: s.set_psp(v); break;
    case kPrimask: s.primask = v & 1; break;
    case kBasepri: s.basepri = implemented_priority(c, v); break;
    case kBasepriMax:  // raises the mask only
      if (const uint8_t p = implemented_priority(c, v); p && (p < s.basepri || !s.basepri)) s.basepri = p;
      break;
    case kFaultmask: write_faultmask(c, v & 1); break;
    case kControl: write_control(c, v); break;
    default: break;
  }
}
}  // namespace

void it(Cpu& c, const Decoded& d) {
  require_outside_it(c);
  c.state().itstate = static_cast<uint8_t>(d.imm);
}

void nop(Cpu&, const Decoded&) {}
void wfe(Cpu& c, const Decoded&) { c.wait_for_event(); }
void wfi(Cpu& c, const Decoded&) { c.wait_for_interrupt(); }
void sev(Cpu& c, const Decoded&) { c.send_event(); }
// Accesses complete in program order and the predecode cache checks every
// fetched word, so no barrier has anything to wait for.
void barrier(Cpu&, const Decoded&) {}

void cpsie(Cpu& c, const Decoded& d) {
  require_outside_it(c);
  if (!c.state().privileged()) return;  // ignored unprivileged
  if (d.imm & 2) c.state().primask = false;
  if (d.imm & 1) c.state().faultmask = false;
  c.recheck_exceptions();
}
void cpsid(Cpu& c, const Decoded& d) {
  require_outside_it(c);
  if (!c.state().privileged()) return;
  if (d.imm & 2) c.state().primask = true;
  if (d.imm & 1) write_faultmask(c, true);
}

void mrs(Cpu& c, const Decoded& d) {
  const CpuState& s = c.state();
  const unsigned sysm = d.imm;
  uint32_t v = 0;
  if (sysm < 8)
    v = read_psr(s, sysm);
  else if (sysm == kControl)
    v = s.control;
  else if (s.privileged())
    v = read_privileged(s, sysm);  // unprivileged reads are zero
  c.write_reg(d.rd, v);
}

void msr(Cpu& c, const Decoded& d) {
  const unsigned sysm = d.imm & 0xFF;
  const uint32_t v = c.reg(d.rn);
  if (sysm < 8) {
    write_apsr(c, sysm, d.imm >> 8, v);
  } else if (c.state().privileged()) {  // unprivileged writes are ignored
    write_privileged(c, sysm, v);
    c.recheck_exceptions();  // a mask may have dropped
  }
}

void svc(Cpu& c, const Decoded&) { c.call_supervisor(); }
void no_coprocessor(Cpu&, const Decoded&) { throw Fault{FaultKind::NoCoprocessor}; }
void bkpt(Cpu& c, const Decoded& d) { c.breakpoint(static_cast<uint8_t>(d.imm)); }

}  // namespace isa::exec
