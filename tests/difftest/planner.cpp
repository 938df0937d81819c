#include "tests/difftest/planner.hpp"

#include <algorithm>
#include <bit>

#include "tests/difftest/fp_values.hpp"
#include "tests/difftest/layout.hpp"

namespace difftest {

namespace {
constexpr int kAttempts = 24;    // candidates per request
constexpr int kFixRounds = 3;    // oracle-guided repairs per candidate

uint32_t data_address(Rng& rng) {
  uint32_t a = rng.between(layout::kDataLo, layout::kDataHi);
  switch (rng.below(5)) {  // mostly aligned; v7-M LDR/STR(H) may be unaligned (ARMv7-M ARM, alignment support)
    case 0: case 1: return a & ~7u;
    case 2: return a & ~3u;
    case 3: return a & ~1u;
    default: return a;
  }
}
// May the instruction write the PC, whatever its condition? Such an
// instruction must be the last of an IT block (ARMv7-M ARM, IT).
bool may_write_pc(const RowInfo& info, const isa::Decoded& d) {
  if (info.op_class == isa::OpClass::Branch || info.branch != BranchForm::None) return true;
  if (info.op_class == isa::OpClass::LoadMultiple) return (d.imm >> 15) & 1;
  return d.rd == 15;  // Rd or Rt of data-processing and load rows
}

// Unicorn stops inside an IT block that crosses a 1 KiB page (unicorn_cpu.hpp).
bool crosses_page(const Plan& p, uint32_t pc) {
  if (!p.groups.back().it) return false;
  const uint32_t end = pc + p.size();
  return ((end - p.groups.back().size()) >> 10) != ((end - 1) >> 10);
}

uint32_t stack_address(Rng& rng) { return rng.between(layout::kStackLo, layout::kStackHi) & (rng.chance(0.5) ? ~7u : ~3u); }
uint32_t index_value(Rng& rng) {
  static constexpr uint32_t kSmall[] = {0, 1, 2, 3, 4, 8, 0xFFFFFFFF, 0xFFFFFFFC};
  return rng.chance(0.5) ? rng.pick(kSmall) : rng.below(256);
}

// A branch target the form can reach from pc, in the arena, mostly close.
uint32_t choose_target(uint32_t pc, BranchForm form, Rng& rng) {
  auto [lo, hi] = form == BranchForm::None ? std::pair<int32_t, int32_t>{-(1 << 24), (1 << 24) - 2} : Generator::reach(form);
  const int32_t scale = rng.chance(0.5) ? 128 : rng.chance(0.6) ? 2048 : 1 << 24;
  const int64_t base = int64_t{pc} + 4;
  const int64_t first = std::max<int64_t>({layout::kArenaLo, base + lo, base - scale});
  const int64_t last = std::min<int64_t>({layout::kArenaLimit - 2, base + hi, base + scale});
  if (first > last) return pc;  // nothing reachable: the oracle rejects it
  return static_cast<uint32_t>(first + rng.below(static_cast<uint32_t>(last - first + 1))) & ~1u;
}
}  // namespace

Planner::Planner(const Generator& gen, Oracle& oracle, uint8_t* code)
    : gen_(gen), oracle_(oracle), code_(code), stats_(gen.rows().size()) {
  for (const RowInfo& r : gen.rows()) {
    if (!r.under_test() || r.not_in_it || r.unicorn_stops) continue;
    in_it_last_.push_back(r.index);
    if (r.branch == BranchForm::None && r.op_class != isa::OpClass::Branch && !r.ends_unicorn_block)
      in_it_inner_.push_back(r.index);
  }
}

void Planner::set(std::vector<Group>& out, unsigned reg, uint32_t value, Rng& rng, Assigned& assigned) const {
  if (reg >= 15 || (assigned.core >> reg & 1)) return;
  unsigned scratch = 0;
  if (reg == 13) {  // MOV SP needs a scratch register the plan does not rely on
    unsigned free[13], n = 0;
    for (unsigned r = 0; r < 13; ++r)
      if (!(assigned.core >> r & 1)) free[n++] = r;
    if (n == 0) return;
    scratch = free[rng.below(n)];
    assigned.core |= 1u << scratch;
  }
  assigned.core |= 1u << reg;
  gen_.set_register(out, reg, value, scratch);
}

void Planner::set_single(std::vector<SingleSet>& out, unsigned reg, uint32_t value, Assigned& assigned) const {
  if (reg >= 32 || (assigned.singles >> reg & 1)) return;
  assigned.singles |= 1u << reg;
  out.push_back({static_cast<uint8_t>(reg), value});
}

// Operands of an FP row. Data processing reads S registers (Vd too, for the
// multiply-accumulates and the in-place fixed-point VCVT): they get edge
// values of the kind the row reads. Transfers from core registers get
// singles in Rt (and Rt2); VMSR a plausible FPSCR. Transfers between S and
// core registers and loads and stores move bits, which any value tests.
void Planner::fp_operands(Member& m, const RowInfo& info, const isa::Decoded& d, Rng& rng,
                          Assigned& assigned) const {
  using fp_values::Kind;
  const std::string_view name = info.name;
  if (info.mnemonic == "VMSR") {
    set(m.setups, d.ra, rng.chance(0.8) ? fp_values::fpscr(rng) : rng.u32(), rng, assigned);
    return;
  }
  if (name.starts_with("VMOV S") || name.starts_with("VMOV D")) {  // from core registers
    set(m.setups, d.ra, fp_values::single(rng), rng, assigned);
    if (name.find("Rt2") != std::string_view::npos) set(m.setups, d.shift_n, fp_values::single(rng), rng, assigned);
    return;
  }
  if (info.op_class == isa::OpClass::FloatMove && info.mnemonic != "VMOV.F32") return;
  if (info.memory() || name.find(".F64") != std::string_view::npos) return;  // doubles: not on FPv4-SP
  const Kind rm_kind = name == "VCVT.F32.<S,U>32" ? Kind::Integer
                       : name == "VCVTB/T.F32.F16" ? Kind::Halves
                                                   : Kind::Single;
  const Kind rd_kind = name == "VCVT.F32.<fixed>" ? Kind::Integer : Kind::Single;
  // Registers may coincide (VADD s0, s0, s0): the first setting wins.
  const std::pair<unsigned, Kind> operands[] = {{d.rn, Kind::Single}, {d.rm, rm_kind}, {d.rd, rd_kind}};
  for (const auto& [reg, kind] : operands)
    if (rng.chance(0.85)) set_single(m.singles, reg, fp_values::operand(rng, kind), assigned);
}

std::optional<Planner::Member> Planner::member(uint16_t row, const isa::CpuState& now, Rng& rng,
                                               Assigned& assigned) const {
  const auto insn = gen_.instance(row, rng);
  if (!insn) return std::nullopt;
  Member m{{}, {}, *insn};
  const RowInfo& info = gen_.info(row);
  const isa::Decoded d = gen_.decode(*insn);
  if (info.fp) fp_operands(m, info, d, rng, assigned);
  if (info.memory()) {
    // Base in a RAM window, index small; SP too if it has wandered off
    // (PUSH/POP and the SP-relative forms use it implicitly).
    const uint32_t sp = now.r[13];
    if (d.rn == 13 || sp < layout::kStackLo || sp >= layout::kStackHi) set(m.setups, 13, stack_address(rng), rng, assigned);
    // (LR is a legal base and index too.) Edgesim's SCS sits in the oracle's
    // core, out of its bus's sight, so an uncontrolled address could reach
    // the PPB unnoticed: every address register gets a value.
    // FP loads and stores access words: MemA, aligned (ARMv7-M ARM, VLDR/VSTR/VLDM/VSTM).
    if (d.rn != 13 && d.rn != 15) set(m.setups, d.rn, data_address(rng) & (info.fp ? ~3u : ~0u), rng, assigned);
    if (!info.fp && d.rm != 13 && d.rm != 15 && d.rm != d.rn) set(m.setups, d.rm, index_value(rng), rng, assigned);
  } else if (info.op_class == isa::OpClass::Branch && info.branch == BranchForm::None) {
    // BX/BLX Rm: a Thumb target in the arena (the plan sits close to now.pc).
    if (d.rm != 13 && d.rm != 15) set(m.setups, d.rm, choose_target(now.pc, BranchForm::None, rng) | 1, rng, assigned);
  } else if (info.msr) {
    // MSR BASEPRI(_MAX): the M4 implements priority_bits of the 8; the low
    // ones are RAZ/WI (ARMv7-M ARM, BASEPRI). Unicorn has no NVIC and keeps all 8,
    // so only values whose unimplemented bits are zero are compared.
    const uint32_t sysm = insn->raw & 0xFF, rn = (insn->raw >> 16) & 0xF;
    // MSR MSP/PSP: SP bits [1:0] are SBZP in ARMv7-M (a non-zero write is
    // UNPREDICTABLE) and RES0H in ARMv8-M; edgesim drops them. QEMU 5
    // (Unicorn 2.0.1) keeps them; QEMU 6.1 changed that ("target/arm:
    // Enforce that M-profile SP low 2 bits are always zero"). Only aligned
    // values are compared.
    if (sysm == 8 || sysm == 9) set(m.setups, rn, stack_address(rng), rng, assigned);
    if (sysm == 17 || sysm == 18) {
      const uint32_t implemented = (0xFFu << (8 - gen_.profile().priority_bits)) & 0xFF;
      set(m.setups, rn, rng.u32() & implemented, rng, assigned);
    }
  } else if (!info.fp && rng.chance(0.6)) {
    for (unsigned reg : {d.rn, d.rm, d.ra, d.rd})
      if (reg != 13 && reg != 15 && rng.chance(0.7)) set(m.setups, reg, rng.operand(), rng, assigned);
  }
  return m;
}

bool Planner::build_single(Plan& p, uint16_t row, const isa::CpuState& now, Rng& rng, Assigned& assigned) const {
  auto m = member(row, now, rng, assigned);
  if (!m) return false;
  p.groups = std::move(m->setups);
  p.singles = std::move(m->singles);
  p.groups.push_back(Group{{m->insn}});
  return true;
}

// IT and a block of random rows; every setup goes before the IT, so that the
// block is exactly what the IT covers.
bool Planner::build_it(Plan& p, uint16_t row, const isa::CpuState& now, Rng& rng, Assigned& assigned) const {
  const auto it = gen_.instance(row, rng);
  if (!it || in_it_last_.empty() || in_it_inner_.empty()) return false;
  const unsigned mask = it->raw & 0xF;
  if (mask == 0) return false;
  const int n = 4 - std::countr_zero(mask);
  Group block{{*it}, true};
  std::vector<Group> setups;
  std::vector<SingleSet> singles;
  for (int k = 0; k < n; ++k) {
    const auto& pool = k + 1 == n ? in_it_last_ : in_it_inner_;
    std::optional<Member> m;
    for (int tries = 0; tries < 16 && !m; ++tries) {
      const Assigned before = assigned;
      m = member(rng.pick(pool), now, rng, assigned);
      if (m && k + 1 < n && may_write_pc(gen_.info(m->insn.row), gen_.decode(m->insn))) {
        m.reset();
        assigned = before;  // its setups are dropped with it
      }
    }
    if (!m) return false;
    for (Group& g : m->setups) setups.push_back(std::move(g));
    singles.insert(singles.end(), m->singles.begin(), m->singles.end());
    block.insns.push_back(m->insn);
  }
  p.groups = std::move(setups);
  p.singles = std::move(singles);
  p.groups.push_back(std::move(block));
  return true;
}

bool Planner::fix(Plan& p, const Trial& t, Rng& rng, Assigned& assigned) const {
  Insn& last = p.groups.back().insns.back();
  const RowInfo& info = gen_.info(last.row);
  const isa::Decoded d = gen_.decode(last);
  std::vector<Group> setups;
  switch (t.failure) {
    case Failure::BadTarget: {
      const uint32_t target = choose_target(t.last_pc, info.branch, rng);
      if (info.branch != BranchForm::None) return gen_.retarget(last, t.last_pc, target);
      // A load set the PC (LDR/POP/LDM PC; it comes last) or chose a table
      // entry (TBB/TBH): give the loaded memory a value that stays in the arena.
      const Access* load = nullptr;
      for (const Access& a : t.last_accesses)
        if (!a.store && (!load || a.addr >= load->addr)) load = &a;
      if (load) {
        if (!layout::in_ram(load->addr, load->size)) return false;
        for (const Poke& k : p.pokes)
          if (k.addr == load->addr) return false;  // poked already and still bad
        if (load->size == 4) {
          // LDR PC: "if address<1:0> == '00' then LoadWritePC(data) else UNPREDICTABLE"
          if (load->addr & 3) return false;
          p.pokes.push_back({load->addr, target | 1, 4});
        } else {
          p.pokes.push_back({load->addr, rng.below(16), load->size});
        }
        return true;
      }
      // BX/BLX/MOV PC from a register.
      if (d.rm == 13 || d.rm == 15 || (assigned.core >> d.rm & 1)) return false;
      set(setups, d.rm, target | 1, rng, assigned);
      break;
    }
    case Failure::BadSp:
      // ADD/SUB/MOV to SP from registers: word-aligned sources.
      for (unsigned reg : {d.rn, d.rm})
        if (reg < 13) set(setups, reg, rng.chance(0.5) ? stack_address(rng) : 4 * rng.below(64), rng, assigned);
      break;
    default: return false;
  }
  if (setups.empty()) return false;
  p.groups.insert(p.groups.end() - 1, std::make_move_iterator(setups.begin()), std::make_move_iterator(setups.end()));
  return true;
}

std::optional<Plan> Planner::plan(uint16_t row, const isa::CpuState& now, Rng& rng) {
  RowStats& st = stats_[row];
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    Plan p;
    p.row = row;
    Assigned assigned;
    if (rng.chance(0.5)) p.apsr = rng.u32();
    // FPSCR's controls and flags, often for FP rows (and IT blocks, which may hold them).
    if (gen_.profile().has(isa::kFpSp) && rng.chance(gen_.info(row).fp || gen_.info(row).it ? 0.5 : 0.1))
      p.fpscr = fp_values::fpscr(rng);
    const bool built = gen_.info(row).it ? build_it(p, row, now, rng, assigned) : build_single(p, row, now, rng, assigned);
    if (!built) {
      ++st.rejected["no random instance decodes back to the row"];
      continue;
    }
    for (int round = 0;; ++round) {
      if (crosses_page(p, now.pc)) {
        trial_ = Trial{};
        break;
      }
      write_code(code_, layout::kCodeBase, now.pc, p);
      trial_ = oracle_.run(now, p);
      if (trial_.ok()) {
        ++st.plans;
        return p;
      }
      if (round == kFixRounds || !fix(p, trial_, rng, assigned)) break;
    }
    std::string why = trial_.ok() ? "IT block across a 1 KiB page (Unicorn stops inside it)" : failure_name(trial_.failure);
    if (!trial_.detail.empty()) why += ": " + trial_.detail;
    ++st.rejected[why];
  }
  return std::nullopt;
}

}  // namespace difftest
