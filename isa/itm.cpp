#include "isa/itm.hpp"

namespace isa {

uint32_t Itm::read(uint32_t addr, bool trace_enabled) const {
  if (addr < 0xE0000080) return enabled(trace_enabled) ? 1u : 0u;  // a stimulus port: FIFOREADY
  switch (addr) {
    case kTer: return ter_;
    case kTpr: return tpr_;
    case kTcr: return tcr_;
    default: return 0;
  }
}

void Itm::write(uint32_t addr, uint32_t value, bool trace_enabled) {
  if (addr < 0xE0000080) {
    const unsigned port = (addr - 0xE0000000) / 4;
    if (enabled(trace_enabled) && (ter_ >> port & 1u) && listener_) listener_(port, value);
    return;
  }
  switch (addr) {
    case kTer: ter_ = value; break;
    case kTpr: tpr_ = value & 0xFu; break;
    case kTcr: tcr_ = value & 0x00FF3F1Fu; break;  // ITMENA, TSENA, SYNCENA, TXENA, SWOENA, TSPrescale, GTSFREQ, TraceBusID
    default: break;                                // LAR and the rest: ignored
  }
}

}  // namespace isa
