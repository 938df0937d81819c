#include "tests/difftest/generator.hpp"

#include <regex>
#include <stdexcept>

namespace difftest {

namespace {

// Rows that cannot run in lockstep, by mnemonic. Everything else the core
// implements must be covered, or the run fails.
struct Exclusion {
  std::string_view mnemonic;
  std::string_view reason;
};
constexpr Exclusion kExcluded[] = {
    {"SVC", "takes the SVCall exception; lockstep compares straight-line execution, and Unicorn stops with "
            "UC_ERR_EXCEPTION instead of entering the handler"},
    {"BKPT", "debug event: semihosting or HardFault (DEBUGEVT) in edgesim, an exception stop in Unicorn"},
    {"UDF", "permanently UNDEFINED: always a UsageFault"},
    {"coprocessor", "no coprocessor on the core: always a UsageFault (NOCP). Also kept out of IT blocks, where a "
                    "failing condition makes it a no-op: Unicorn ends its translation block there and stops inside "
                    "the block"},
    {"WFI", "sleeps until an interrupt: edgesim sleeps, Unicorn ends the run (EXCP_HLT)"},
    {"WFE", "sleeps until an event, as WFI"},
};

// Instances Unicorn 2.0.1 (QEMU 5.0) executes wrongly, by row and the state
// before them, decided from the ARMv7-M ARM pseudocode. The oracle drops
// plans that would run one (known_unicorn_error); tests/isa pins what the
// manual requires instead. The rest of each row still runs in lockstep.
struct KnownError {
  bool (*row)(const RowInfo& r);
  bool (*hits)(uint32_t raw, const isa::CpuState& before, const StepHistory& history);
  std::string_view reason;
};

// SMLAD{X}: "result = product1 + product2 + SInt(R[a]); R[d] = result<31:0>;
// if result != SInt(result<31:0>) then APSR.Q = '1'" (ARMv7-M ARM, SMLAD):
// one overflow check on the exact sum. QEMU before 5.2 adds the products with
// a Q-setting 32-bit add first, so products summing to 2^31 (all four
// halfwords 0x8000) set Q even when a negative Ra brings the result back in
// range (fixed upstream: "target/arm: Fix SMLAD incorrect setting of Q bit").
bool smlad_products_reach_2_31(uint32_t raw, const isa::CpuState& s, const StepHistory&) {
  const uint32_t rn = (raw >> 16) & 0xF, ra = (raw >> 12) & 0xF, rm = raw & 0xF;
  return !s.q && s.r[rn] == 0x80008000u && s.r[rm] == 0x80008000u && static_cast<int32_t>(s.r[ra]) < 0;
}

// Every FP instruction starts with ExecuteFPCheck(): "if FPCCR.ASPEN == '1'
// && CONTROL.FPCA == '0' then FPSCR<26:22> = FPDSCR<26:22>; CONTROL.FPCA =
// '1';" (ARMv7-M ARM, ExecuteFPCheck()): a new FP context takes only AHP, DN, FZ and
// RMode from FPDSCR, and FPSCR's NZCV and cumulative flags are kept. QEMU 5
// writes all of FPSCR from FPDSCR (ARMv8-M's "FPSCR = FPDSCR"), clearing
// them. The harness keeps FPCCR.ASPEN at its reset value 1.
constexpr uint32_t kControlFpca = 1u << 2;
bool new_fp_context_with_status(uint32_t, const isa::CpuState& s, const StepHistory&) {
  constexpr uint32_t kFpdscrFields = 0x07C00000;
  return !(s.control & kControlFpca) && (s.fpscr & ~kFpdscrFields) != 0;
}

// The same check runs for every FP instruction that executes (its
// condition passed). QEMU emits the context creation once per translation
// block, into the first FP instruction's code: when that one fails its IT
// condition, a later FP instruction in the block runs without creating the
// context (CONTROL.FPCA stays 0, FPSCR's controls are not reset).
bool fp_context_after_skipped_fp(uint32_t, const isa::CpuState& s, const StepHistory& history) {
  return !(s.control & kControlFpca) && history.fp_skipped;
}

// VCVT from fixed point: "S[d] = FixedToFP(S[d]<size-1:0>, 32, frac_bits,
// unsigned, TRUE, TRUE)", where round_to_nearest = TRUE makes FixedToFP
// round to nearest, ties to even, whatever FPSCR.RMode says (ARMv7-M ARM,
// VCVT (between floating-point and fixed-point) and FixedToFP()). QEMU 5
// rounds per FPSCR.RMode. Instances that round (more than 24 significant
// bits) with a mode other than RN are dropped.
bool fixed_to_float_rounds_by_fpscr(uint32_t raw, const isa::CpuState& s, const StepHistory&) {
  if (((s.fpscr >> 22) & 3) == 0) return false;
  const bool is_unsigned = (raw >> 16) & 1, size32 = (raw >> 7) & 1;
  const unsigned sd = ((raw >> 12) & 0xF) << 1 | ((raw >> 22) & 1);
  const uint32_t bits = size32 ? s.sreg[sd] : s.sreg[sd] & 0xFFFF;
  const int64_t value = is_unsigned ? int64_t{bits}
                        : size32    ? int64_t{static_cast<int32_t>(bits)}
                                    : int64_t{static_cast<int16_t>(bits)};
  uint64_t magnitude = static_cast<uint64_t>(value < 0 ? -value : value);
  while (magnitude && !(magnitude & 1)) magnitude >>= 1;
  return magnitude >= (1u << 24);  // not exact in a 24-bit significand
}

constexpr KnownError kUnicornErrors[] = {
    {[](const RowInfo& r) { return r.mnemonic == "SMLAD{X}"; }, smlad_products_reach_2_31,
     "SMLAD with products summing to 2^31 and a negative Ra: Unicorn sets Q from the products' partial sum"},
    {[](const RowInfo& r) { return r.fp; }, new_fp_context_with_status,
     "FP instruction creating an FP context (CONTROL.FPCA = 0) with FPSCR's NZCV or flags set: Unicorn clears them"},
    {[](const RowInfo& r) { return r.fp; }, fp_context_after_skipped_fp,
     "FP instruction creating an FP context after an FP instruction of its IT block failed its condition: Unicorn "
     "creates none"},
    {[](const RowInfo& r) { return r.name == "VCVT.F32.<fixed>"; }, fixed_to_float_rounds_by_fpscr,
     "VCVT from fixed point that rounds, with FPSCR.RMode not RN: Unicorn rounds per RMode, not to nearest"},
};

// Immediate branch encodings, as drawn in the ARM ARM (fixed bits only).
struct BranchSignature {
  uint32_t mask, value;
  uint8_t width;
  BranchForm form;
};
constexpr BranchSignature kBranches[] = {
    {0xF000, 0xD000, 16, BranchForm::BT1},  // B<c> T1: 1101 cond imm8
    {0xF800, 0xE000, 16, BranchForm::BT2},  // B T2: 11100 imm11
    {0xF500, 0xB100, 16, BranchForm::Cbz},  // CB{N}Z: 1011 op 0 i 1 imm5 Rn
    {0xF800D000, 0xF0008000, 32, BranchForm::BT3},  // B<c> T3
    {0xF800D000, 0xF0009000, 32, BranchForm::BT4},  // B T4
    {0xF800D000, 0xF000D000, 32, BranchForm::BL},   // BL T1
};

BranchForm branch_form(const isa::Pattern& p) {
  for (const auto& b : kBranches)
    if (p.width == b.width && (p.mask & b.mask) == b.mask && (p.value & b.mask) == b.value) return b.form;
  return BranchForm::None;
}

// MSR SYSm values written in lockstep (ARMv7-M ARM, MSR): the APSR forms, MSP, PSP,
// PRIMASK, BASEPRI, BASEPRI_MAX, FAULTMASK. CONTROL is left out: setting
// nPRIV would make every later MSR a no-op, and SPSEL swaps the stack
// pointer the harness manages.
bool msr_sysm_allowed(uint32_t sysm) {
  return sysm <= 3 || sysm == 8 || sysm == 9 || (sysm >= 16 && sysm <= 19);
}

}  // namespace

std::string_view Generator::known_unicorn_error(const Insn& insn, const isa::CpuState& before,
                                                const StepHistory& history) const {
  for (const KnownError& k : kUnicornErrors)
    if (k.row(rows_[insn.row]) && k.hits(insn.raw, before, history)) return k.reason;
  return {};
}

bool RowInfo::memory() const {
  using isa::OpClass;
  return table_branch || op_class == OpClass::Load || op_class == OpClass::Store || op_class == OpClass::LoadMultiple ||
         op_class == OpClass::StoreMultiple;
}

Generator::Generator(const isa::CoreProfile& profile, const RowFilter& filter)
    : profile_(profile), decoder_(profile) {
  const std::regex name_re(filter.name_regex, std::regex::ECMAScript);
  const auto& all = isa::Decoder::rows();
  for (uint16_t i = 0; i < all.size(); ++i) {
    const isa::Encoding& e = all[i];
    RowInfo r;
    r.index = i;
    r.name = e.name;
    r.mnemonic = std::string(e.name.substr(0, e.name.find(' ')));
    r.op_class = e.op_class;
    r.features = e.features;
    r.fp = e.features & isa::kFpSp;
    r.implemented = i != isa::Decoder::undefined_row() && profile.has(e.features);
    for (const auto& x : kExcluded)
      if (r.mnemonic == x.mnemonic) r.excluded = x.reason;
    if (r.excluded.empty() && e.op_class == isa::OpClass::Undefined)
      r.excluded = "decodes to a fault on this core (OpClass Undefined): an exception";
    r.it = r.mnemonic == "IT";
    r.branch = branch_form(e.pattern);
    r.msr = r.mnemonic == "MSR";
    r.unicorn_stops = r.mnemonic == "YIELD";
    r.ends_unicorn_block = r.mnemonic == "VMSR";
    r.table_branch = r.mnemonic == "TBB" || r.mnemonic == "TBH";
    // IT, CBZ/CBNZ, conditional B and CPS are UNPREDICTABLE inside an IT
    // block (ARMv7-M ARM, IT and each instruction's decode).
    r.not_in_it = r.it || r.branch == BranchForm::BT1 || r.branch == BranchForm::BT3 ||
                  r.branch == BranchForm::Cbz || r.mnemonic == "CPS" || r.mnemonic == "CPSIE" ||
                  r.mnemonic == "CPSID";
    const bool group = r.fp ? filter.fp : (r.features & isa::kDsp) ? filter.dsp : filter.base;
    r.selected = group && std::regex_search(r.name.begin(), r.name.end(), name_re);
    rows_.push_back(std::move(r));
  }
}

RowFilter parse_mix(std::string_view mix) {
  if (mix == "all") return RowFilter{};
  RowFilter f{false, false, false, {}};
  while (!mix.empty()) {
    const size_t comma = mix.find(',');
    const std::string_view item = mix.substr(0, comma);
    if (item == "base")
      f.base = true;
    else if (item == "dsp")
      f.dsp = true;
    else if (item == "fp")
      f.fp = true;
    else
      throw std::invalid_argument("--mix: unknown row group \"" + std::string(item) +
                                  "\" (expected all, or a comma-separated list of base, dsp, fp)");
    mix = comma == std::string_view::npos ? std::string_view{} : mix.substr(comma + 1);
  }
  return f;
}

std::vector<bool> Generator::must_access() const {
  std::vector<bool> v(rows_.size());
  for (const RowInfo& r : rows_) v[r.index] = r.memory() && !r.mnemonic.starts_with("STREX");
  return v;
}

std::optional<Insn> Generator::instance(uint16_t row, Rng& rng) const {
  const isa::Encoding& e = isa::Decoder::row(row);
  const bool wide = e.pattern.width == 32;
  const uint32_t width_mask = wide ? 0xFFFFFFFFu : 0xFFFFu;
  const uint32_t raw = e.pattern.value | rng.field_bits(~e.pattern.mask & width_mask);
  if (rows_[row].msr && !msr_sysm_allowed(raw & 0xFF)) return std::nullopt;
  if (decoder_.decode(raw, wide).row != row) return std::nullopt;
  return Insn{raw, wide, row};
}

Insn Generator::make(uint32_t raw, bool wide) const {
  const isa::Decoded d = decoder_.decode(raw, wide);
  if (d.row == isa::Decoder::undefined_row())
    throw std::logic_error("difftest: edgesim does not decode a setup instruction (MOVW/MOVT/MOV)");
  return Insn{raw, wide, d.row};
}

void Generator::set_register(std::vector<Group>& out, unsigned reg, uint32_t value, unsigned scratch) const {
  // MOV (immediate) T3 = MOVW, MOVT T1: imm16 = imm4:i:imm3:imm8.
  auto imm16 = [](uint32_t op_hw1, unsigned rd, uint32_t v) {
    const uint32_t hw1 = op_hw1 | (((v >> 11) & 1) << 10) | ((v >> 12) & 0xF);
    const uint32_t hw2 = (((v >> 8) & 7) << 12) | (rd << 8) | (v & 0xFF);
    return hw1 << 16 | hw2;
  };
  const unsigned rd = reg == 13 ? scratch : reg;
  out.push_back(Group{{make(imm16(0xF240, rd, value & 0xFFFF), true)}});
  if (value >> 16) out.push_back(Group{{make(imm16(0xF2C0, rd, value >> 16), true)}});
  if (reg == 13)  // MOV (register) T1, MOV SP, Rm: 01000110 D Rm Rd with D:Rd = 13
    out.push_back(Group{{make(0x4685 | (scratch << 3), false)}});
}

std::pair<int32_t, int32_t> Generator::reach(BranchForm form) {
  switch (form) {
    case BranchForm::BT1: return {-256, 254};
    case BranchForm::BT2: return {-2048, 2046};
    case BranchForm::Cbz: return {0, 126};
    case BranchForm::BT3: return {-(1 << 20), (1 << 20) - 2};
    case BranchForm::BT4:
    case BranchForm::BL: return {-(1 << 24), (1 << 24) - 2};
    case BranchForm::None: break;
  }
  return {0, 0};
}

bool Generator::retarget(Insn& insn, uint32_t pc, uint32_t target) const {
  const BranchForm form = rows_[insn.row].branch;
  const auto [lo, hi] = reach(form);
  const int32_t off = static_cast<int32_t>(target - (pc + 4));
  if (form == BranchForm::None || off < lo || off > hi || (off & 1)) return false;
  const auto v = static_cast<uint32_t>(off);
  uint32_t raw = insn.raw;
  switch (form) {
    case BranchForm::BT1: raw = (raw & ~0xFFu) | ((v >> 1) & 0xFF); break;
    case BranchForm::BT2: raw = (raw & ~0x7FFu) | ((v >> 1) & 0x7FF); break;
    case BranchForm::Cbz:  // i:imm5:'0', i at bit 9, imm5 at 7:3
      raw = (raw & ~0x2F8u) | (((v >> 6) & 1) << 9) | (((v >> 1) & 0x1F) << 3);
      break;
    case BranchForm::BT3:  // S:J2:J1:imm6:imm11:'0'
      raw = (raw & ~((1u << 26) | (0x3Fu << 16) | (1u << 13) | (1u << 11) | 0x7FFu)) | (((v >> 20) & 1) << 26) |
            (((v >> 12) & 0x3F) << 16) | (((v >> 18) & 1) << 13) | (((v >> 19) & 1) << 11) | ((v >> 1) & 0x7FF);
      break;
    case BranchForm::BT4:
    case BranchForm::BL: {  // S:I1:I2:imm10:imm11:'0', J1 = NOT(I1) EOR S, J2 = NOT(I2) EOR S
      const uint32_t s = (v >> 24) & 1, i1 = (v >> 23) & 1, i2 = (v >> 22) & 1;
      const uint32_t j1 = (i1 ^ 1) ^ s, j2 = (i2 ^ 1) ^ s;
      raw = (raw & ~((1u << 26) | (0x3FFu << 16) | (1u << 13) | (1u << 11) | 0x7FFu)) | (s << 26) |
            (((v >> 12) & 0x3FF) << 16) | (j1 << 13) | (j2 << 11) | ((v >> 1) & 0x7FF);
      break;
    }
    case BranchForm::None: return false;
  }
  if (decoder_.decode(raw, insn.wide).row != insn.row) return false;
  insn.raw = raw;
  return true;
}

}  // namespace difftest
