#include "isa/timing/model.hpp"

#include <bit>

#include "isa/decoded.hpp"
#include "isa/encoding.hpp"
#include "isa/features.hpp"
#include "isa/timing/cortex_m.hpp"

namespace isa::timing {

namespace {
constexpr uint16_t bit(unsigned r) { return static_cast<uint16_t>(1u << (r & 15)); }

constexpr uint16_t kPc = bit(15), kLr = bit(14);

bool is_compare(std::string_view m) { return m == "CMP" || m == "CMN" || m == "TST" || m == "TEQ"; }
bool is_fp_row(const Encoding& row) { return row.name.starts_with('V'); }

template <size_t N>
bool is_one_of(std::string_view m, const std::string_view (&names)[N]) {
  for (std::string_view n : names)
    if (m == n) return true;
  return false;
}

// Data-processing rows whose decoders leave Rn unset (it stays 0 and would
// read as r0), and those that leave Rm unset.
constexpr std::string_view kNoRn[] = {"MOV",  "MVN", "LSL",   "LSR",   "ASR",  "SXTB", "SXTH", "UXTB",
                                      "UXTH", "REV", "REV16", "REVSH", "RBIT", "CLZ",  "SXTB16", "UXTB16"};
constexpr std::string_view kNoRm[] = {"UBFX", "SBFX", "SSAT", "USAT", "SSAT16", "USAT16"};

// The registers a data-processing instruction computes from. MOVT keeps
// Rd's low half, but the Cortex-M7 issues it beside the MOVW before it
// (measured, see cortex_m7.cpp), so neither is taken to read a register.
uint16_t alu_operands(const Encoding& row, const Decoded& d, std::string_view m) {
  const uint16_t rm = d.use_imm ? 0 : bit(d.rm);
  if (m == "MOVW" || m == "MOVT" || m == "ADR") return 0;
  if (m == "BFI") return bit(d.rn) | bit(d.rd);  // inserts into Rd
  if (m == "BFC") return bit(d.rd);
  const bool shift_by_register = (m == "LSL" || m == "LSR" || m == "ASR") && row.name.find("(reg)") != row.name.npos;
  if (is_one_of(m, kNoRn) && !shift_by_register) return rm;  // 16-bit shifts by register are Rdn, Rm
  if (is_one_of(m, kNoRm)) return bit(d.rn);
  return bit(d.rn) | rm;
}

// VMOV and VMRS/VMSR between core and FPU: Rt is d.ra, Rt2 d.shift_n.
void core_transfer_use(const Encoding& row, const Decoded& d, InstrTiming& t) {
  const std::string_view n = row.name;
  if (n.find("Rt") == n.npos) return;  // VMOV between FP registers
  uint16_t rt = bit(d.ra);
  if (n.find("Rt2") != n.npos) rt |= bit(d.shift_n);
  if (n.starts_with("VMOV Rt") || n.starts_with("VMRS")) {
    t.writes = rt & ~kPc;  // VMRS to Rt = 15 writes APSR.NZCV, not the PC
  } else {
    t.reads = rt;
  }
}

// Branches read and write the PC, so that two never issue as a pair (one
// branch unit on the dual-issue cores); BL and BLX also write LR.
void branch_use(std::string_view m, const Decoded& d, InstrTiming& t) {
  t.reads = kPc;
  t.writes = kPc;
  if (m == "BX" || m == "BLX") t.reads |= bit(d.rm);
  if (m == "CBZ" || m == "CBNZ") t.reads |= bit(d.rn);
  if (m == "TBB" || m == "TBH") t.reads |= bit(d.rn) | bit(d.rm);
  if (m == "BL" || m == "BLX") t.writes |= kLr;
}
}  // namespace

std::string_view stall_name(Stall s) {
  static constexpr std::string_view kNames[kStallKinds] = {
      "none",         "memory",    "multicycle", "divide",     "fpu",        "branch_refill",
      "interlock",    "fetch_wait", "data_wait", "exception",  "contention", "dual_issue"};
  return kNames[static_cast<size_t>(s)];
}

std::string_view stall_description(Stall s) {
  static constexpr std::string_view kText[kStallKinds] = {
      "cycles of single-cycle instructions beyond the first (always 0)",
      "load/store data phases and register transfers beyond the first cycle (LDR 2, LDM 1+N)",
      "other multi-cycle instructions beyond the first cycle (MRS, barriers, iterative multiply)",
      "divide cycles beyond the first (early termination by operand size)",
      "floating-point cycles beyond the first (VMLA, VDIV, VSQRT, FP transfers)",
      "pipeline refill after taken branches and PC writes",
      "address-generation and load-use interlocks",
      "instruction fetch wait states not hidden by line buffers, prefetch or caches",
      "data access wait states",
      "exception entry and return sequences",
      "cycles waiting for a bus slave held by another master",
      "instructions issued in the same cycle as the one before (negative: cycles saved)"};
  return kText[static_cast<size_t>(s)];
}

std::string_view mnemonic(const Encoding& row) { return row.name.substr(0, row.name.find(' ')); }

unsigned cycles_in(std::span<const RowCycles> table, const Encoding& row, unsigned otherwise) {
  for (const RowCycles& c : table)
    if (row.name == c.row) return c.cycles;
  return otherwise;
}

unsigned transfer_count(const Encoding& row, const Decoded& d) {
  if (is_fp_row(row)) {
    const bool dbl = row.name.ends_with(".64");
    return d.imm * (dbl ? 2 : 1);
  }
  return static_cast<unsigned>(std::popcount(d.imm & 0xFFFF));
}

InstrTiming register_use(const Encoding& row, const Decoded& d) {
  InstrTiming t;
  const std::string_view m = mnemonic(row);
  const uint16_t operands = bit(d.rn) | (d.use_imm ? 0 : bit(d.rm));
  switch (row.op_class) {
    case OpClass::IntAlu:
    case OpClass::IntMul:
    case OpClass::IntMulLong:
    case OpClass::IntDiv:
    case OpClass::Simd:
      t.flags = kAluResult;
      t.reads = (row.op_class == OpClass::IntAlu || row.op_class == OpClass::Simd) ? alu_operands(row, d, m) : operands;
      if (!is_compare(m)) t.writes = bit(d.rd);
      if (row.op_class == OpClass::IntMulLong) t.writes |= bit(d.ra);
      break;
    case OpClass::Load:
    case OpClass::Store: {
      t.flags = kMemoryAccess;
      t.reads = bit(d.rn) | (d.use_imm ? 0 : bit(d.rm));
      if (is_fp_row(row)) {
        t.reads = bit(d.rn);
        break;
      }
      if (row.op_class == OpClass::Load) {
        t.flags |= kLoadResult;
        t.writes = bit(d.rd);
        if (m == "LDRD") t.writes |= bit(d.ra);
      }
      if (d.wback) t.writes |= bit(d.rn);
      break;
    }
    case OpClass::LoadMultiple:
    case OpClass::StoreMultiple:
      t.flags = kMemoryAccess;
      t.reads = bit(d.rn);
      if (row.op_class == OpClass::LoadMultiple && !is_fp_row(row)) {
        t.flags |= kLoadResult;
        t.writes = static_cast<uint16_t>(d.imm);
      }
      if (d.wback) t.writes |= bit(d.rn);
      break;
    case OpClass::FloatMove:
      core_transfer_use(row, d, t);
      break;
    case OpClass::Branch:
      branch_use(m, d, t);
      return t;
    default:
      break;
  }
  t.reads &= ~kPc;  // the PC as an operand is known at decode: never a dependency
  return t;
}

}  // namespace isa::timing

namespace isa::timing {

std::unique_ptr<Model> model_for(const CoreProfile& core, const Options& options) {
  if (!core.mainline()) return std::make_unique<CortexM0Plus>(options);
  if (core.name == "cortex-m7") return std::make_unique<CortexM7>();
  if (core.name == "cortex-m33") return std::make_unique<CortexM33>();
  return std::make_unique<CortexM3M4>(core.name == "cortex-m3");
}

}  // namespace isa::timing
