#include "tests/difftest/oracle.hpp"

#include <cstring>

#include "tests/difftest/arch_state.hpp"
#include "tests/difftest/generator.hpp"
#include "tests/difftest/layout.hpp"

namespace difftest {

const char* failure_name(Failure f) {
  switch (f) {
    case Failure::None: return "ok";
    case Failure::Fault: return "exception";
    case Failure::BadTarget: return "branch target outside the code arena";
    case Failure::BadSp: return "SP not word-aligned";
    case Failure::PcInsideIt: return "PC written before the last instruction of an IT block";
    case Failure::ItNotClosed: return "ITSTATE set after the block";
    case Failure::SetupBranched: return "setup instruction branched";
    case Failure::NotOnBus: return "memory access to the PPB";
    case Failure::UnicornError: return "Unicorn is known to get it wrong";
  }
  return "?";
}

// Code is read-only here; RAM writes go to a small overlay over the real
// RAM, so a trial leaves no trace.
class OracleBus : public isa::Bus {
 public:
  OracleBus(uint8_t* code, uint8_t* ram) : code_(code), ram_(ram) {}

  void begin() {
    overlay_.clear();
    log_.clear();
  }
  void poke(uint32_t addr, uint32_t value, unsigned size) {
    for (unsigned i = 0; i < size; ++i) put(addr + i - layout::kRamBase, static_cast<uint8_t>(value >> (8 * i)));
  }
  const std::vector<Access>& log() const { return log_; }

  isa::BusResult read(uint32_t addr, unsigned size, uint32_t& data, isa::AccessKind kind) override {
    data = 0;
    if (layout::in_code(addr, size)) {
      std::memcpy(&data, code_ + (addr - layout::kCodeBase), size);
    } else if (layout::in_ram(addr, size)) {
      for (unsigned i = 0; i < size; ++i) data |= uint32_t{get(addr - layout::kRamBase + i)} << (8 * i);
    } else {
      return {false, 0};
    }
    if (kind != isa::AccessKind::Fetch) log_.push_back({addr, static_cast<uint8_t>(size), false});
    return {true, 0};
  }
  isa::BusResult write(uint32_t addr, unsigned size, uint32_t data) override {
    if (!layout::in_ram(addr, size)) return {false, 0};  // code is not writable in lockstep
    for (unsigned i = 0; i < size; ++i) put(addr - layout::kRamBase + i, static_cast<uint8_t>(data >> (8 * i)));
    log_.push_back({addr, static_cast<uint8_t>(size), true});
    return {true, 0};
  }

 private:
  uint8_t get(uint32_t offset) const {
    for (const auto& [o, v] : overlay_)
      if (o == offset) return v;
    return ram_[offset];
  }
  void put(uint32_t offset, uint8_t v) {
    for (auto& [o, old] : overlay_)
      if (o == offset) {
        old = v;
        return;
      }
    overlay_.push_back({offset, v});
  }

  uint8_t* code_;
  uint8_t* ram_;
  std::vector<std::pair<uint32_t, uint8_t>> overlay_;  // a plan writes at most ~100 bytes
  std::vector<Access> log_;
};

namespace {
// The fault the core took, from the SCB's fault status registers (CFSR, HFSR).
std::string fault_detail(isa::Cpu& cpu) {
  uint32_t cfsr = 0, hfsr = 0;
  cpu.debug_read(0xE000ED28, &cfsr, 4);
  cpu.debug_read(0xE000ED2C, &hfsr, 4);
  static constexpr struct {
    uint32_t bit;
    const char* name;
  } kBits[] = {
      {1u << 16, "UsageFault UNDEFINSTR"}, {1u << 17, "UsageFault INVSTATE"}, {1u << 18, "UsageFault INVPC"},
      {1u << 19, "UsageFault NOCP"},       {1u << 24, "UsageFault UNALIGNED"}, {1u << 25, "UsageFault DIVBYZERO"},
      {1u << 8, "BusFault IBUSERR"},       {1u << 9, "BusFault PRECISERR"},   {1u << 10, "BusFault IMPRECISERR"},
      {1u << 0, "MemManage IACCVIOL"},     {1u << 1, "MemManage DACCVIOL"},
  };
  for (const auto& b : kBits)
    if (cfsr & b.bit) return b.name;
  if (hfsr & (1u << 31)) return "HardFault DEBUGEVT";
  return "exception " + std::to_string(cpu.state().exception);
}
}  // namespace

Oracle::Oracle(const Generator& gen, uint8_t* code, uint8_t* ram)
    : gen_(gen),
      bus_(std::make_unique<OracleBus>(code, ram)),
      cpu_(std::make_unique<isa::Cpu>(gen.profile(), *bus_)),
      must_access_(gen.must_access()) {}

Oracle::~Oracle() = default;

Trial Oracle::run(const isa::CpuState& start, const Plan& plan) {
  Trial t;
  if (needs_reset_) {  // a fault left exception state in the SCS
    reset_core(*cpu_);
    needs_reset_ = false;
  }
  bus_->begin();
  for (const Poke& p : plan.pokes) bus_->poke(p.addr, p.value, p.size);
  isa::CpuState& s = cpu_->state();
  s = start;
  set_registers(plan, s);

  auto faulted = [&] {
    if (s.exception == 0 && !cpu_->lockup()) return false;
    t.failure = Failure::Fault;
    t.detail = fault_detail(*cpu_);
    needs_reset_ = true;
    return true;
  };

  uint32_t addr = start.pc;
  for (size_t gi = 0; gi < plan.groups.size(); ++gi) {
    const Group& g = plan.groups[gi];
    const bool last_group = gi + 1 == plan.groups.size();
    const size_t log_mark = bus_->log().size();
    uint32_t insn_addr = addr;
    StepHistory history;
    for (size_t k = 0; k < g.insns.size(); ++k) {
      if (last_group && k + 1 == g.insns.size()) t.last_pc = insn_addr;
      // The core's SCS answers PPB addresses before the bus sees them, so a
      // load or store that executes but logs nothing went there.
      const bool executes = s.itstate == 0 || cpu_->condition_passed(s.itstate >> 4);
      if (executes) {
        if (const std::string_view why = gen_.known_unicorn_error(g.insns[k], s, history); !why.empty()) {
          t.failure = Failure::UnicornError;
          t.detail = why;
          return t;
        }
      } else {
        history.fp_skipped |= gen_.info(g.insns[k].row).fp;
      }
      const size_t logged = bus_->log().size();
      cpu_->step_one();
      if (faulted()) return t;
      if (executes && must_access_[g.insns[k].row] && bus_->log().size() == logged) {
        t.failure = Failure::NotOnBus;
        return t;
      }
      insn_addr += g.insns[k].size();
      const bool last_in_group = k + 1 == g.insns.size();
      // Inside an IT block only the last instruction may branch (ARMv7-M ARM, IT).
      if (!last_in_group && s.pc != insn_addr) {
        t.failure = g.it ? Failure::PcInsideIt : Failure::SetupBranched;
        return t;
      }
      if (!g.it) break;  // a plain group is one instruction
    }
    if (s.itstate != 0) {
      t.failure = Failure::ItNotClosed;
      return t;
    }
    addr += g.size();
    if (!last_group && s.pc != addr) {
      t.failure = Failure::SetupBranched;
      return t;
    }
    // Plans start below kArenaLimit and branch targets stay below it; the
    // runner starts a new block when the PC passes it.
    if (!s.thumb || s.pc < layout::kArenaLo || s.pc >= layout::kArenaHi) {
      t.failure = Failure::BadTarget;
      t.detail = s.thumb ? "" : "EPSR.T cleared";
    }
    if (s.r[13] & 3) t.failure = Failure::BadSp;
    bool stored = false;
    for (size_t i = log_mark; i < bus_->log().size(); ++i) stored |= bus_->log()[i].store;
    t.group_stores.push_back(stored);
    if (last_group) t.last_accesses.assign(bus_->log().begin() + static_cast<long>(log_mark), bus_->log().end());
    if (!t.ok()) return t;
  }
  t.final = s;
  return t;
}

}  // namespace difftest
