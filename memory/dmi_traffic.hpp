// Asks a memory target, along with a DMI request, where the initiator should
// count the accesses it makes through the granted pointer, and who decides
// their latency. Without it the fast path would be invisible to the
// per-region traffic statistics and blind to state-dependent latency.
#pragma once
#include <tlm>

#include "isa/bus.hpp"
#include "memory/traffic.hpp"

namespace memory {

class DmiTrafficExtension : public tlm::tlm_extension<DmiTrafficExtension> {
 public:
  Traffic* counters = nullptr;       // filled in by the target granting DMI
  isa::AccessTimer* timer = nullptr;  // likewise; null: the DMI latencies hold

  tlm::tlm_extension_base* clone() const override { return new DmiTrafficExtension(*this); }  // the TLM API hands out ownership
  void copy_from(const tlm::tlm_extension_base& other) override {
    const auto& from = static_cast<const DmiTrafficExtension&>(other);
    counters = from.counters;
    timer = from.timer;
  }
};

}  // namespace memory
