#include "isa/timing/model.hpp"

#include <bit>

#include "isa/decoded.hpp"
#include "isa/encoding.hpp"
#include "isa/features.hpp"
#include "isa/timing/cortex_m.hpp"

namespace isa::timing {

namespace {
constexpr uint16_t bit(unsigned r) { return static_cast<uint16_t>(1u << (r & 15)); }

bool is_compare(std::string_view m) { return m == "CMP" || m == "CMN" || m == "TST" || m == "TEQ"; }
bool is_fp_row(const Encoding& row) { return row.name.starts_with('V'); }
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
      t.reads = operands;
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
    default:
      break;
  }
  return t;
}

}  // namespace isa::timing

namespace isa::timing {

std::unique_ptr<Model> model_for(const CoreProfile& core, const Options& options) {
  if (!core.mainline()) return std::make_unique<CortexM0Plus>(options);
  return std::make_unique<CortexM3M4>(core.name == "cortex-m3");
}

}  // namespace isa::timing
