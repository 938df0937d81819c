// Asks a memory target, along with a DMI request, where the initiator should
// count the accesses it makes through the granted pointer. Without it the
// fast path would be invisible to the per-region traffic statistics.
#pragma once
#include <tlm>

#include "memory/traffic.hpp"

namespace memory {

class DmiTrafficExtension : public tlm::tlm_extension<DmiTrafficExtension> {
 public:
  Traffic* counters = nullptr;  // filled in by the target granting DMI

  tlm::tlm_extension_base* clone() const override { return new DmiTrafficExtension(*this); }  // the TLM API hands out ownership
  void copy_from(const tlm::tlm_extension_base& other) override {
    counters = static_cast<const DmiTrafficExtension&>(other).counters;
  }
};

}  // namespace memory
