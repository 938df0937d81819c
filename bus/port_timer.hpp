// The core's accesses to a shared memory, as the isa::AccessTimer its direct
// region carries: the memory's own timing (its timer, else fixed wait
// states) decides the wait, then the access asks the memory's port for
// wait + 1 cycles as core.fetch or core.data. Waiting for other masters,
// and cycles owed for accesses that should have waited, are contention.
#pragma once
#include "bus/slave_port.hpp"
#include "isa/bus.hpp"

namespace bus {

class PortTimer : public isa::AccessTimer {
 public:
  struct CoreMasters {
    MasterId fetch, data;
  };
  // `inner` may be null (fixed wait states); it and the port must outlive
  // this. Without a timer a fetch holds the port per `fetch_bytes` (the
  // core's fetch width).
  PortTimer(isa::AccessTimer* inner, uint32_t read_wait, uint32_t write_wait, SlavePort& port, CoreMasters core,
            uint32_t fetch_bytes)
      : inner_(inner), read_wait_(read_wait), write_wait_(write_wait), port_(port), core_(core), fetch_bytes_(fetch_bytes) {}

  isa::AccessDelay access(uint32_t addr, unsigned size, isa::AccessKind kind, uint64_t now) override {
    isa::AccessDelay d = inner_ ? inner_->access(addr, size, kind, now)
                                : isa::AccessDelay{.wait = kind == isa::AccessKind::Store ? write_wait_ : read_wait_};
    const MasterId m = kind == isa::AccessKind::Fetch ? core_.fetch : core_.data;
    d.contention += port_.request(m, now, d.total() + 1);
    // Both sides stall the one pipeline.
    d.contention += static_cast<uint32_t>(port_.take_owed(core_.fetch) + port_.take_owed(core_.data));
    return d;
  }
  // A fetch holds the port per fetch word (or the memory's line).
  uint32_t fetch_block_bytes() const override { return inner_ ? inner_->fetch_block_bytes() : fetch_bytes_; }

 private:
  isa::AccessTimer* inner_;
  uint32_t read_wait_, write_wait_;
  SlavePort& port_;
  CoreMasters core_;
  uint32_t fetch_bytes_;
};

}  // namespace bus
