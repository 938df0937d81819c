// edgesim-difftest: edgesim and Unicorn run the same random instruction
// stream in lockstep and are compared after every instruction (an IT block
// counts as one step): r0-r15, APSR (N Z C V Q GE), ITSTATE, IPSR, PSP, the
// masks and CONTROL, S0-S31 and FPSCR, and RAM whenever either side stored.
//
// The stream is generated online from edgesim's encoding table: each step
// picks a row (round-robin over the rows under test: those the core
// implements, narrowed by --mix and --rows), plans a random instance on a
// scratch edgesim (planner.hpp), writes it at the PC and runs it on both.
// Every few hundred instructions a block ends and the registers (FP ones
// too) and RAM are re-randomised from the seed.
//
// Exit status: 0 if nothing differed and every row under test (not
// excluded in generator.cpp) ran at least once; 1 otherwise; 2 for bad
// options.
#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <iostream>
#include <memory>
#include <optional>
#include <regex>
#include <stdexcept>

#include "isa/cpu.hpp"
#include "tests/difftest/arch_state.hpp"
#include "tests/difftest/fp_values.hpp"
#include "tests/difftest/generator.hpp"
#include "tests/difftest/layout.hpp"
#include "tests/difftest/oracle.hpp"
#include "tests/difftest/planner.hpp"
#include "tests/difftest/region_bus.hpp"
#include "tests/difftest/unicorn_cpu.hpp"

namespace difftest {
namespace {

struct Options {
  uint64_t seed = 1;
  uint64_t count = 10000;  // instructions of the rows under test
  uint32_t block = 200;
  std::string core = "cortex-m4f";
  std::string mix = "all";
  RowFilter filter;  // from mix and --rows
  bool verbose = false;
};

// edgesim cores with a Unicorn model to compare against: its Cortex-M4 has
// the DSP extension and an FPv4-SP FPU, so it is the reference for both the
// M4 and the M4F (on the M4, no FP row is implemented and the FP registers
// stay zero on both sides). Its Cortex-M7 (QEMU's cortex-m7: FPv5 with
// double precision, MVFR0 0x10110221, MVFR1 0x12000011, MVFR2 0x40) checks
// the M7's double-precision and FPv5 rows too; the D registers are S pairs,
// so comparing S0-S31 compares D0-D15.
std::optional<uc_cpu_arm> unicorn_model(std::string_view core) {
  if (core == "cortex-m4" || core == "cortex-m4f") return UC_CPU_ARM_CORTEX_M4;
  if (core == "cortex-m7") return UC_CPU_ARM_CORTEX_M7;
  return std::nullopt;
}

// Page-aligned host memory (Unicorn maps it directly).
class HostMemory {
 public:
  explicit HostMemory(size_t size) : p_(static_cast<uint8_t*>(std::aligned_alloc(4096, size))) {
    if (!p_) throw std::bad_alloc();
    std::memset(p_.get(), 0, size);
  }
  uint8_t* data() const { return p_.get(); }

 private:
  struct Free {
    void operator()(uint8_t* p) const { std::free(p); }
  };
  std::unique_ptr<uint8_t, Free> p_;
};

std::string halfwords(const Insn& i) {
  return i.wide ? fmt::format("{:04x} {:04x}", i.raw >> 16, i.raw & 0xFFFF) : fmt::format("{:04x}     ", i.raw);
}

class Lockstep {
 public:
  explicit Lockstep(const Options& o);
  int run();

 private:
  struct Step {  // a compared group, for the mismatch report
    uint64_t number;
    uint32_t pc;
    Group group;
  };

  void start_block();
  uint16_t next_row();
  bool commit(const Plan& plan, const Trial& trial);
  bool check(const Group& g, uint32_t pc, uc_err err, bool stored, const ArchState& before);
  void report(const std::string& what, const Group& g, uint32_t pc, const ArchState& before, const ArchState& e,
              const ArchState& u, std::optional<uint32_t> mem_diff, const char* e_name = "edgesim",
              const char* u_name = "unicorn");
  std::string describe(const Group& g, uint32_t pc) const;
  std::optional<uint32_t> ram_difference() const;
  int summary(double seconds) const;
  std::string command(uint64_t count) const;  // the command line that repeats this run up to count

  Options opt_;
  isa::CoreProfile profile_;
  Rng rng_;
  HostMemory code_{layout::kCodeSize}, ram_edgesim_{layout::kRamSize}, ram_unicorn_{layout::kRamSize};
  RegionBus bus_;
  isa::Cpu cpu_;
  UnicornCpu unicorn_;
  Generator gen_;
  Oracle oracle_;
  Planner planner_;

  std::vector<uint16_t> order_;  // rows under test, shuffled per round
  size_t next_ = 0;
  uint16_t it_row_ = 0;
  bool has_it_ = false;

  std::vector<uint64_t> executed_;  // per row
  std::vector<uint64_t> branched_;  // per row: instances after which the PC was not the next instruction
  std::deque<Step> recent_;
  uint64_t instructions_ = 0, steps_ = 0, blocks_ = 0, block_start_ = 0;
  uint64_t tested_ = 0;  // instructions of the rows under test (setups of other rows are not counted)
};

Lockstep::Lockstep(const Options& o)
    : opt_(o),
      profile_(*isa::core_profile(o.core)),
      rng_(o.seed),
      bus_({{layout::kCodeBase, layout::kCodeSize, code_.data()}, {layout::kRamBase, layout::kRamSize, ram_edgesim_.data()}}),
      cpu_(profile_, bus_),
      unicorn_(*unicorn_model(o.core), code_.data(), ram_unicorn_.data()),
      gen_(profile_, o.filter),
      oracle_(gen_, code_.data(), ram_edgesim_.data()),
      planner_(gen_, oracle_, code_.data()),
      executed_(gen_.rows().size()),
      branched_(gen_.rows().size()) {
  // Vector table for edgesim's reset: initial SP and PC.
  const uint32_t vectors[2] = {layout::kStackHi, layout::kArenaLo | 1};
  std::memcpy(code_.data(), vectors, sizeof vectors);
  // IT blocks wrap rows under test even when IT itself is not under test.
  for (const RowInfo& r : gen_.rows()) {
    if (r.under_test()) order_.push_back(r.index);
    if (r.it && r.lockstep()) {
      it_row_ = r.index;
      has_it_ = true;
    }
  }
  if (order_.empty())
    throw std::invalid_argument("no row under test: --mix and --rows leave none on the " + o.core);
  next_ = order_.size();
}

void Lockstep::start_block() {
  ++blocks_;
  block_start_ = instructions_;
  for (uint32_t i = 0; i < layout::kRamSize; i += 4) {
    const uint32_t v = rng_.u32();
    std::memcpy(ram_edgesim_.data() + i, &v, 4);
  }
  std::memcpy(ram_unicorn_.data(), ram_edgesim_.data(), layout::kRamSize);

  ArchState a;
  for (int i = 0; i < 13; ++i) a.r[i] = rng_.chance(0.2) ? rng_.between(layout::kDataLo, layout::kDataHi) : rng_.operand();
  a.r[13] = rng_.between(layout::kStackLo, layout::kStackHi) & ~7u;
  a.r[14] = rng_.chance(0.5) ? (rng_.between(layout::kArenaLo, layout::kArenaLimit - 2) | 1) : rng_.operand();
  a.r[15] = rng_.between(layout::kArenaLo, layout::kArenaLo + 0x2000) & ~1u;
  a.apsr = rng_.u32() & kApsrMask;
  a.psp = rng_.between(layout::kStackLo, layout::kStackHi) & ~3u;
  if (profile_.has(isa::kFpSp)) {
    for (uint32_t& v : a.s) v = fp_values::single(rng_);
    a.fpscr = fp_values::fpscr(rng_);
    // Mostly an active FP context (CONTROL.FPCA): FPSCR's controls stay as
    // set. Otherwise the block's first FP instruction starts a context and
    // takes them from FPDSCR (ARMv7-M ARM, ExecuteFPCheck()).
    a.control = rng_.chance(0.9) ? 4 : 0;
  }
  reset_core(cpu_);
  restore(a, cpu_.state());
  unicorn_.set_state(a);
}

uint16_t Lockstep::next_row() {
  if (has_it_ && rng_.chance(0.05)) return it_row_;  // IT blocks wrap random rows: worth more than 1/N
  if (next_ == order_.size()) {
    for (size_t i = order_.size(); i > 1; --i) std::swap(order_[i - 1], order_[rng_.below(static_cast<uint32_t>(i))]);
    next_ = 0;
  }
  return order_[next_++];
}

std::optional<uint32_t> Lockstep::ram_difference() const {
  if (std::memcmp(ram_edgesim_.data(), ram_unicorn_.data(), layout::kRamSize) == 0) return std::nullopt;
  for (uint32_t i = 0; i < layout::kRamSize; ++i)
    if (ram_edgesim_.data()[i] != ram_unicorn_.data()[i]) return layout::kRamBase + i;
  return std::nullopt;
}

std::string Lockstep::describe(const Group& g, uint32_t pc) const {
  std::string out;
  for (const Insn& i : g.insns) {
    out += fmt::format("    {:08x}: {}  {}\n", pc, halfwords(i), gen_.info(i.row).name);
    pc += i.size();
  }
  return out;
}

void Lockstep::report(const std::string& what, const Group& g, uint32_t pc, const ArchState& before,
                      const ArchState& e, const ArchState& u, std::optional<uint32_t> mem_diff, const char* e_name,
                      const char* u_name) {
  std::string out = fmt::format(
      "difftest: MISMATCH: {}\n  seed {}, block {}, step {} (instruction {} overall, {} in the block)\n  instruction"
      "{}:\n{}",
      what, opt_.seed, blocks_, steps_, instructions_, instructions_ - block_start_, g.it ? "s (IT block, one step)" : "",
      describe(g, pc));
  out += "  state before the step (both):\n" + side_by_side(before, before);
  out += "  state after the step:\n" + side_by_side(e, u, e_name, u_name);
  if (mem_diff) {
    const uint32_t from = (*mem_diff & ~15u) >= layout::kRamBase + 16 ? (*mem_diff & ~15u) - 16 : layout::kRamBase;
    out += fmt::format("  memory differs first at {:08x}:\n", *mem_diff);
    for (uint32_t row = from; row < from + 48 && layout::in_ram(row, 16); row += 16) {
      std::string a, b;
      for (uint32_t k = 0; k < 16; ++k) {
        a += fmt::format("{:02x}", ram_edgesim_.data()[row - layout::kRamBase + k]);
        b += fmt::format("{:02x}", ram_unicorn_.data()[row - layout::kRamBase + k]);
      }
      out += fmt::format("    {:08x} edgesim {}\n             unicorn {}\n", row, a, b);
    }
  }
  out += "  preceding steps (oldest first):\n";
  for (const Step& s : recent_)
    if (s.number != steps_) out += fmt::format("   step {}\n{}", s.number, describe(s.group, s.pc));
  out += fmt::format("  reproduce: {}\n", command(tested_ + 1));  // +1: the step may be a setup, not under test
  std::cout << out << std::flush;
}

bool Lockstep::check(const Group& g, uint32_t pc, uc_err err, bool stored, const ArchState& before) {
  const ArchState e = capture(cpu_.state());
  const ArchState u = unicorn_.state();
  const bool tolerated = err == UC_ERR_INSN_INVALID && g.insns.size() == 1 && gen_.info(g.insns[0].row).unicorn_stops;
  if (err != UC_ERR_OK && !tolerated) {
    report(fmt::format("Unicorn stopped with \"{}\"", uc_strerror(err)), g, pc, before, e, u, std::nullopt);
    return false;
  }
  if (e != u) {
    std::string what = "registers differ: " + differing_fields(e, u);
    if (g.it && u.itstate != 0 && e.itstate == 0)
      what += " (Unicorn stopped inside the IT block: an instruction in it ended Unicorn's translation block; "
              "see unicorn_cpu.hpp)";
    report(what, g, pc, before, e, u, std::nullopt);
    return false;
  }
  for (const UnicornCpu::Write& w : unicorn_.writes())
    if (!layout::in_ram(w.addr, w.size)) {
      report(fmt::format("Unicorn wrote {} bytes at {:08x}, outside RAM (edgesim did not)", w.size, w.addr), g, pc,
             before, e, u, std::nullopt);
      return false;
    }
  if (stored || !unicorn_.writes().empty()) {
    if (const auto diff = ram_difference()) {
      report("memory differs", g, pc, before, e, u, diff);
      return false;
    }
  }
  return true;
}

bool Lockstep::commit(const Plan& plan, const Trial& trial) {
  isa::CpuState& s = cpu_.state();
  set_registers(plan, s);
  if (plan.apsr) unicorn_.set_apsr(*plan.apsr);
  if (plan.fpscr) unicorn_.set_fpscr(*plan.fpscr);
  for (const SingleSet& x : plan.singles) unicorn_.set_single(x.reg, x.value);
  for (const Poke& p : plan.pokes)
    for (unsigned i = 0; i < p.size; ++i) {
      const auto byte = static_cast<uint8_t>(p.value >> (8 * i));
      ram_edgesim_.data()[p.addr - layout::kRamBase + i] = byte;
      ram_unicorn_.data()[p.addr - layout::kRamBase + i] = byte;
    }
  const uint32_t end = write_code(code_.data(), layout::kCodeBase, s.pc, plan);
  unicorn_.code_changed(s.pc, end);

  for (size_t gi = 0; gi < plan.groups.size(); ++gi) {
    const Group& g = plan.groups[gi];
    const uint32_t pc = s.pc;
    const ArchState before = capture(s);
    unicorn_.clear_writes();
    cpu_.step_one();
    for (int guard = 0; g.it && s.itstate != 0 && guard < 4; ++guard) cpu_.step_one();
    const uc_err err = unicorn_.step(pc);
    ++steps_;
    instructions_ += g.insns.size();
    for (const Insn& i : g.insns) {
      ++executed_[i.row];
      tested_ += gen_.info(i.row).under_test();
    }
    recent_.push_back({steps_, pc, g});
    if (recent_.size() > 6) recent_.pop_front();
    if (!check(g, pc, err, trial.group_stores[gi], before)) return false;
    if (s.pc != pc + g.size()) ++branched_[g.insns.back().row];
  }
  // The oracle ran the same plan without DMI: edgesim must agree with itself.
  if (capture(trial.final) != capture(s)) {
    const Group& g = plan.groups.back();
    report("edgesim without DMI (the oracle) and with DMI disagree: " + differing_fields(capture(s), capture(trial.final)),
           g, s.pc, capture(trial.final), capture(s), capture(trial.final), std::nullopt, "DMI", "no DMI");
    return false;
  }
  return true;
}

int Lockstep::run() {
  const auto t0 = std::chrono::steady_clock::now();
  unsigned unplanned = 0;  // requests in a row that found no plan
  while (tested_ < opt_.count) {
    start_block();
    while (tested_ < opt_.count && instructions_ - block_start_ < opt_.block) {
      if (!layout::in_arena(cpu_.state().pc)) break;  // ran off the arena's end: new block
      const uint16_t row = next_row();
      const auto plan = planner_.plan(row, cpu_.state(), rng_);
      if (!plan) {
        if (++unplanned < 10 * order_.size() + 100) continue;
        std::cout << "difftest: no row could be planned from this state; the generator cannot make progress\n";
        return 1;
      }
      unplanned = 0;
      if (!commit(*plan, planner_.trial())) return 1;
    }
    if (const auto diff = ram_difference()) {
      const ArchState e = capture(cpu_.state());
      report("memory differs at the end of the block", Group{}, cpu_.state().pc, e, e, unicorn_.state(), diff);
      return 1;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return summary(seconds);
}

std::string Lockstep::command(uint64_t count) const {
  std::string c = fmt::format("edgesim-difftest --seed {} --count {} --core {}", opt_.seed, count, opt_.core);
  if (opt_.block != Options{}.block) c += fmt::format(" --block {}", opt_.block);
  if (opt_.mix != "all") c += " --mix " + opt_.mix;
  if (!opt_.filter.name_regex.empty()) c += " --rows '" + opt_.filter.name_regex + "'";
  return c;
}

int Lockstep::summary(double seconds) const {
  // Coverage per row group: base (neither DSP nor FP), DSP, FP.
  struct Count {
    size_t covered = 0, tested = 0;
  } groups[3];
  static constexpr const char* kGroups[3] = {"base", "dsp", "fp"};
  std::vector<const RowInfo*> missing;
  for (const RowInfo& r : gen_.rows()) {
    if (!r.under_test()) continue;
    Count& g = groups[r.fp ? 2 : (r.features & isa::kDsp) ? 1 : 0];
    ++g.tested;
    if (executed_[r.index])
      ++g.covered;
    else
      missing.push_back(&r);
  }
  size_t covered = 0, tested = 0;
  std::string per_group;
  for (int i = 0; i < 3; ++i) {
    covered += groups[i].covered;
    tested += groups[i].tested;
    if (groups[i].tested)
      per_group += fmt::format("{}{} {}/{}", per_group.empty() ? "" : ", ", kGroups[i], groups[i].covered, groups[i].tested);
  }
  auto top_reason = [&](uint16_t row) -> std::string {
    const RowStats& st = planner_.stats()[row];
    std::string best = "never planned";
    uint64_t n = 0;
    for (const auto& [why, k] : st.rejected)
      if (k > n) {
        n = k;
        best = fmt::format("{} ({}x)", why, k);
      }
    return best;
  };

  if (opt_.verbose) {
    std::cout << fmt::format("{:<34} {:>9} {:>8} {:>7}  {}\n", "row", "executed", "branched", "plans",
                             "rejected candidates");
    for (const RowInfo& r : gen_.rows()) {
      if (!r.under_test()) continue;
      const RowStats& st = planner_.stats()[r.index];
      std::string rej;
      for (const auto& [why, k] : st.rejected) rej += fmt::format("{}{}x {}", rej.empty() ? "" : "; ", k, why);
      std::cout << fmt::format("{:<34} {:>9} {:>8} {:>7}  {}\n", r.name, executed_[r.index], branched_[r.index],
                               st.plans, rej);
    }
    std::cout << "excluded rows:\n";
    for (const RowInfo& r : gen_.rows())
      if (r.implemented && !r.excluded.empty()) std::cout << fmt::format("  {:<32} {}\n", r.name, r.excluded);
    std::cout << fmt::format("rows the {} does not implement: ", profile_.name);
    size_t n = 0;
    for (const RowInfo& r : gen_.rows())
      if (!r.implemented && r.index != isa::Decoder::undefined_row()) ++n;
    std::cout << n << "\n";
  }
  for (const RowInfo* r : missing) std::cout << fmt::format("difftest: not covered: {} ({})\n", r->name, top_reason(r->index));
  std::cout << fmt::format(
      "difftest: {} instructions of the rows under test ({} with setups; {} steps, {} blocks), {}/{} encodings "
      "covered ({}), 0 mismatches, {:.0f} instructions/s [{}]\n",
      tested_, instructions_, steps_, blocks_, covered, tested, per_group, instructions_ / std::max(seconds, 1e-9),
      command(opt_.count));
  return missing.empty() ? 0 : 1;
}

}  // namespace
}  // namespace difftest

int main(int argc, char** argv) {
  namespace po = boost::program_options;
  difftest::Options o;
  po::options_description desc("edgesim-difftest: edgesim vs Unicorn in lockstep on random instructions");
  desc.add_options()("help,h", "this help")("seed", po::value(&o.seed)->default_value(o.seed), "random seed")(
      "count", po::value(&o.count)->default_value(o.count),
      "instructions of the rows under test to compare (setup instructions of other rows come on top)")(
      "block", po::value(&o.block)->default_value(o.block), "instructions between state re-randomisations")(
      "core", po::value(&o.core)->default_value(o.core), "edgesim core: cortex-m4 or cortex-m4f (Unicorn's M4), cortex-m7 (Unicorn's M7)")(
      "mix", po::value(&o.mix)->default_value(o.mix),
      "rows under test: all, or a comma-separated list of base, dsp, fp (rows needing neither extension, the "
      "DSP rows, the FP rows); IT blocks wrap them either way")(
      "rows", po::value(&o.filter.name_regex), "only rows whose name matches this ECMAScript regex (e.g. 'VCVT')")(
      "verbose,v", po::bool_switch(&o.verbose), "per-row coverage and rejection statistics");
  try {
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, desc), vm);
    if (vm.count("help")) {
      std::cout << desc << "\n";
      return 0;
    }
    po::notify(vm);
    if (!isa::core_profile(o.core) || !difftest::unicorn_model(o.core))
      throw std::invalid_argument("--core: no Unicorn reference for \"" + o.core + "\" (cortex-m4, cortex-m4f or cortex-m7)");
    const std::string regex = o.filter.name_regex;
    o.filter = difftest::parse_mix(o.mix);
    o.filter.name_regex = regex;
    std::regex check(regex, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    std::cerr << "edgesim-difftest: --rows: bad regular expression: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "edgesim-difftest: " << e.what() << "\n" << desc << "\n";
    return 2;
  }
  try {
    return difftest::Lockstep(o).run();
  } catch (const std::invalid_argument& e) {  // options that select nothing
    std::cerr << "edgesim-difftest: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "edgesim-difftest: " << e.what() << "\n";
    return 1;
  }
}
