// What a branch predictor remembers of the branches it has seen: for each
// branch address, where it went when taken and a two-bit saturating counter
// of how often it is taken (a bimodal predictor beside a branch target
// address cache). The Cortex-M7 TRM names a BTAC in the prefetch unit but
// publishes neither its size nor its policy: this is the textbook scheme,
// used by CortexM7::branch_penalty.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>

namespace isa::timing {

class BranchHistory {
 public:
  struct Prediction {
    bool taken = false;
    uint32_t target = 0;  // where a predicted-taken branch goes
  };

  // An unseen branch is predicted not taken: fetch simply goes on.
  Prediction predict(uint32_t pc) const {
    const Entry& e = entries_[index(pc)];
    if (e.pc != pc) return {};
    return {e.counter >= 2, e.target};
  }

  void update(uint32_t pc, uint32_t next_pc, bool taken) {
    Entry& e = entries_[index(pc)];
    if (e.pc != pc) {
      if (!taken) return;  // only taken branches take an entry
      e = {pc, next_pc, 2};  // weakly taken: one not-taken outcome does not evict a loop branch
      return;
    }
    if (taken) {
      e.target = next_pc;
      if (e.counter < 3) ++e.counter;
    } else if (e.counter > 0) {
      --e.counter;
    }
  }

 private:
  // Direct-mapped on the halfword address, tagged with the whole address.
  // 1024 entries hold the branches of a few KiB of hot code: a stand-in for
  // "seen before", not the M7's real capacity (unpublished).
  static constexpr size_t kEntries = 1024;
  struct Entry {
    uint32_t pc = 1;  // 1: empty (Thumb instructions are halfword aligned)
    uint32_t target = 0;
    uint8_t counter = 0;
  };
  static size_t index(uint32_t pc) { return (pc >> 1) & (kEntries - 1); }
  std::array<Entry, kEntries> entries_{};
};

}  // namespace isa::timing
