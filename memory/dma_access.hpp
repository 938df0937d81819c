// Marks a payload as a DMA engine's. A memory counts it apart from the
// core's accesses (memory.<name>.dma.*) and times it with its plain wait
// states: the DMA asks the bus matrix for its port itself, and a flash's
// line buffer, prefetcher and ART serve the core alone.
#pragma once
#include <tlm>

namespace memory {

class DmaAccess : public tlm::tlm_extension<DmaAccess> {
 public:
  tlm::tlm_extension_base* clone() const override { return new DmaAccess(*this); }  // the TLM API hands out ownership
  void copy_from(const tlm::tlm_extension_base&) override {}
};

}  // namespace memory
