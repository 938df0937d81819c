// Who gets a slave when two masters ask for it in the same cycle. A transfer
// under way is never interrupted: the policy only orders simultaneous
// requests.
//  - fixed priority: a rank per master (lower wins), e.g. the core's data
//    side before its instruction side before DMA, as Microchip's bus
//    matrices do by default;
//  - round robin: the master granted the slave longer ago wins (STM32
//    reference manuals describe their bus matrices so, e.g. RM0090 2.1).
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace bus {

using MasterId = uint8_t;

enum class Policy : uint8_t { FixedPriority, RoundRobin };

std::string_view policy_name(Policy p);
std::optional<Policy> parse_policy(std::string_view name);  // "fixed_priority" or "round_robin"

class Arbiter {
 public:
  // ranks[m]: master m's place for fixed priority (0 first).
  Arbiter(Policy policy, std::vector<unsigned> ranks) : policy_(policy), ranks_(std::move(ranks)) {}

  Policy policy() const { return policy_; }
  // Whether `a` wins over `b` for a slave both ask for in one cycle; for
  // round robin, given when each was last granted that slave (nullopt:
  // never, which wins).
  bool wins(MasterId a, MasterId b, std::optional<uint64_t> a_last, std::optional<uint64_t> b_last) const {
    if (policy_ == Policy::RoundRobin && a_last != b_last) return !a_last || (b_last && *a_last < *b_last);
    return rank(a) < rank(b) || (rank(a) == rank(b) && a < b);
  }
  // Master m's place for fixed priority.
  unsigned rank(MasterId m) const { return m < ranks_.size() ? ranks_[m] : ~0u; }

 private:

  Policy policy_;
  std::vector<unsigned> ranks_;
};

}  // namespace bus
