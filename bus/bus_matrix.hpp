// The bus matrix: the masters (the core's instruction and data sides, DMA
// engines, background streams), the slaves they share (memories' ports)
// and the arbitration policy. It owns one SlavePort per shared memory;
// memories not listed are reached without contention (a core-private TCM,
// or a memory only one master uses).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bus/arbiter.hpp"
#include "bus/slave_port.hpp"

namespace bus {

inline constexpr std::string_view kCoreFetch = "core.fetch";
inline constexpr std::string_view kCoreData = "core.data";

class BusMatrix {
 public:
  // `masters`: every master's name, in id order. `priority`: names in
  // fixed-priority order (first wins); masters it leaves out follow in
  // id order. Throws std::invalid_argument for an unknown or repeated name.
  BusMatrix(std::vector<std::string> masters, Policy policy, const std::vector<std::string>& priority);
  BusMatrix(const BusMatrix&) = delete;  // ports refer to its arbiter
  BusMatrix& operator=(const BusMatrix&) = delete;

  const std::vector<std::string>& masters() const { return masters_; }
  std::optional<MasterId> master(std::string_view name) const;
  Policy policy() const { return arbiter_.policy(); }
  // Fixed-priority order, first wins.
  std::vector<std::string> priority_order() const;

  SlavePort& add_port(std::string memory);
  SlavePort* port(std::string_view memory);
  const std::vector<std::unique_ptr<SlavePort>>& ports() const { return ports_; }

 private:
  std::vector<std::string> masters_;
  Arbiter arbiter_;
  std::vector<std::unique_ptr<SlavePort>> ports_;  // stable addresses: timers point at them
};

}  // namespace bus
