// One slave of the bus matrix (a memory's port) and the masters that use it.
// Plain C++, in the core's cycles.
//
// The model:
//  - An access holds the port for `hold` cycles from its start (the memory's
//    wait states plus the transfer cycle).
//  - A master asking while another master's access is under way waits for
//    it to end; two asking in the same cycle are ordered by the arbiter. A
//    master's own accesses never wait for each other (it is one pipeline).
//  - Masters run with their own local time (the core runs ahead of SystemC
//    in quanta), so an access already simulated may turn out to overlap one
//    that, in time, came first or won arbitration. It cannot be moved any
//    more: its master owes the cycles instead (owed(), taken with
//    take_owed() and charged at its next access), so totals stay right.
//  - Streams are background masters that ask every `period` cycles for
//    `hold` cycles, from cycle 0 (a DMA moving data at a steady rate, a
//    display refresh). Their accesses keep their schedule: the cycles they
//    lose are counted, not replayed.
//  - Only the last access of each master is kept (and when the one before
//    started, for round robin): each master is sequential, so its earlier
//    accesses ended before its last one started.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bus/arbiter.hpp"

namespace bus {

struct Stream {
  MasterId master;
  uint32_t period;  // cycles between the starts of two accesses
  uint32_t hold;    // cycles each access holds the port, 1 .. period
};

// Per master, plain integers: the stats registry reads them.
struct MasterCounters {
  uint64_t accesses = 0;
  uint64_t contention_cycles = 0;  // waited for other masters, or owed
  uint64_t conflicts = 0;          // accesses that waited or owed at all
};

class SlavePort {
 public:
  SlavePort(std::string name, const Arbiter& arbiter, unsigned masters);

  const std::string& name() const { return name_; }
  // Throws std::invalid_argument unless 1 <= hold <= period.
  void add_stream(const Stream& s);
  const std::vector<Stream>& streams() const { return streams_; }

  // Master m asks for the port at cycle `now` for `hold` cycles (>= 1);
  // returns the cycles it waits before its access starts.
  uint32_t request(MasterId m, uint64_t now, uint32_t hold);
  // Cycles master m owes for accesses that should have waited for others.
  uint64_t take_owed(MasterId m) {
    const uint64_t n = owed_[m];
    owed_[m] = 0;
    return n;
  }

  // Counters of master m on this port; a stream's accesses are counted up
  // to the last cycle any master asked about.
  MasterCounters counters(MasterId m) const;
  uint64_t busy_cycles() const { return busy_cycles_; }  // held by real (non-stream) masters

 private:
  struct Access {
    uint64_t start = 0, end = 0;  // [start, end)
  };
  // The stream's access under way at or starting after `at`.
  Access stream_access_from(const Stream& s, uint64_t at) const;
  std::optional<uint64_t> last_grant(MasterId m, uint64_t before) const;
  bool first_of(MasterId m, MasterId other, uint64_t at) const;

  std::string name_;
  const Arbiter& arbiter_;
  std::vector<Stream> streams_;
  std::vector<std::optional<Access>> last_;  // per master: its last access
  std::vector<std::optional<uint64_t>> previous_start_;  // per master: when its access before that started
  std::vector<uint64_t> owed_;
  std::vector<MasterCounters> counters_;
  uint64_t busy_cycles_ = 0;
  uint64_t horizon_ = 0;  // the latest cycle a request reached
};

}  // namespace bus
