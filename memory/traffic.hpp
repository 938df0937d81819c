// Per-region access counters: the ISS's isa::TrafficCounters, plain integers
// that the DMI fast path bumps through a pointer without any SystemC
// machinery. A memory keeps one block for b_transport and hands out another
// with each DMI grant (see dmi_traffic.hpp).
#pragma once
#include "isa/bus.hpp"

namespace memory {

using Traffic = isa::TrafficCounters;

inline Traffic operator+(Traffic a, const Traffic& b) {
  a.fetches += b.fetches;
  a.fetch_bytes += b.fetch_bytes;
  a.reads += b.reads;
  a.bytes_read += b.bytes_read;
  a.writes += b.writes;
  a.bytes_written += b.bytes_written;
  return a;
}

// Every read from the region, instruction fetches included.
inline uint64_t all_reads(const Traffic& t) { return t.reads + t.fetches; }
inline uint64_t all_bytes_read(const Traffic& t) { return t.bytes_read + t.fetch_bytes; }

}  // namespace memory
