// The ISS's narrow view of memory: plain reads and writes that report whether
// the access completed and how many wait cycles it cost, plus direct host
// pointers (DMI) for the fast path. Adapters to TLM live in sim/.
#pragma once
#include <cstdint>
#include <optional>

namespace isa {

enum class AccessKind : uint8_t { Fetch, Load, Store };

// Traffic a memory region saw. The owner (a memory model) keeps it; the ISS
// bumps it directly on the DMI fast path so that no access goes uncounted.
struct TrafficCounters {
  uint64_t fetches = 0, fetch_bytes = 0;
  uint64_t reads = 0, bytes_read = 0;
  uint64_t writes = 0, bytes_written = 0;

  // `times` accesses of `bytes` each.
  void count(AccessKind kind, unsigned bytes, uint64_t times = 1) {
    switch (kind) {
      case AccessKind::Fetch: fetches += times; fetch_bytes += bytes * times; break;
      case AccessKind::Load: reads += times; bytes_read += bytes * times; break;
      case AccessKind::Store: writes += times; bytes_written += bytes * times; break;
    }
  }
};

// What one access cost beyond a zero-wait access, in core cycles: the
// memory's own wait states, and the cycles spent waiting for it while
// another master (or the flash array busy with a prefetch) held it.
struct AccessDelay {
  uint32_t wait = 0;
  uint32_t contention = 0;

  uint32_t total() const { return wait + contention; }
  AccessDelay& operator+=(const AccessDelay& o) {
    wait += o.wait;
    contention += o.contention;
    return *this;
  }
  friend bool operator==(const AccessDelay&, const AccessDelay&) = default;
};

// A memory whose latency depends on its state and on time: flash behind a
// line buffer, prefetch and an ART-style cache; later caches. The ISS asks it
// about every access it makes through a direct region, and bus adapters ask
// it on b_transport, so the core learns latency from the memory model.
class AccessTimer {
 public:
  virtual ~AccessTimer() = default;
  // The delay of an access of `size` bytes at addr, made at core cycle `now`
  // (cycles are the core's clock).
  virtual AccessDelay access(uint32_t addr, unsigned size, AccessKind kind, uint64_t now) = 0;
  // Instruction fetches stay inside one aligned block of this many bytes
  // for free once it has been fetched (a line buffer): the ISS asks again
  // only when a fetch leaves the block it asked about last.
  virtual uint32_t fetch_block_bytes() const { return 4; }
};

struct BusResult {
  bool ok;
  uint32_t wait_cycles;
};

// A range the ISS may access directly through a host pointer.
struct DirectRegion {
  uint32_t base;      // first address
  uint32_t last;      // last address (inclusive, so a region may end at 0xFFFFFFFF)
  uint8_t* host;      // host address of `base`
  bool readable;
  bool writable;
  uint32_t read_wait;   // wait cycles per access
  uint32_t write_wait;
  TrafficCounters* counters;  // may be null
  AccessTimer* timer = nullptr;  // when set, it decides the wait cycles (read_wait/write_wait unused)

  // len must not exceed the region's size (regions are memories, far larger
  // than any single access or block transfer).
  bool contains(uint32_t addr, unsigned len) const { return addr >= base && addr - base <= last - base - (len - 1); }
  // The fixed wait states of one access (without a timer).
  uint32_t fixed_wait(AccessKind kind) const { return kind == AccessKind::Store ? write_wait : read_wait; }
};

class Bus {
 public:
  virtual ~Bus() = default;
  // size is 1, 2 or 4; data is little-endian in the low bytes.
  virtual BusResult read(uint32_t addr, unsigned size, uint32_t& data, AccessKind kind) = 0;
  virtual BusResult write(uint32_t addr, unsigned size, uint32_t data) = 0;
  // A direct region covering addr, if the target grants one.
  virtual std::optional<DirectRegion> direct(uint32_t addr) { return std::nullopt; }
};

}  // namespace isa
