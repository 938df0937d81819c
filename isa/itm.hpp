// The Instrumentation Trace Macrocell's programmer's model (ARMv7-M ARM,
// C1.7): 32 stimulus ports, the trace enable (TER), privilege (TPR) and
// control (TCR) registers. On silicon a word written to an enabled port
// becomes a packet on the trace pin (SWO); edgesim hands it to a listener
// instead (layer markers, sim/layer_profile). A port reads as 1 ("FIFO ready")
// while the ITM is enabled, so firmware that polls before writing goes on.
// The lock (LAR/LSR) is not modelled: LSR reads 0, "no lock".
#pragma once
#include <cstdint>
#include <functional>

namespace isa {

class Itm {
 public:
  using Listener = std::function<void(unsigned port, uint32_t value)>;

  static bool owns(uint32_t addr) { return (addr >> 12) == 0xE0000; }
  // trace_enabled: DEMCR.TRCENA, which gates the whole ITM.
  uint32_t read(uint32_t addr, bool trace_enabled) const;
  void write(uint32_t addr, uint32_t value, bool trace_enabled);
  void set_listener(Listener listener) { listener_ = std::move(listener); }
  void reset() { ter_ = tpr_ = tcr_ = 0; }

 private:
  static constexpr uint32_t kTer = 0xE0000E00, kTpr = 0xE0000E40, kTcr = 0xE0000E80;
  bool enabled(bool trace_enabled) const { return trace_enabled && (tcr_ & 1u); }  // TCR.ITMENA

  uint32_t ter_ = 0, tpr_ = 0, tcr_ = 0;
  Listener listener_;
};

}  // namespace isa
