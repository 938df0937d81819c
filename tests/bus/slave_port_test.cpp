// The slave port's rules, with cycle counts worked out by hand from them:
// an access under way is never interrupted, the arbiter orders requests of
// one cycle, late-simulated losers owe, streams keep their schedule.
#include <catch2/catch.hpp>

#include "bus/port_timer.hpp"
#include "bus/slave_port.hpp"

using namespace bus;

namespace {
constexpr MasterId kA = 0, kB = 1, kS = 2;
}

TEST_CASE("slave port: a master waits for another's access under way, whatever the priorities") {
  const Arbiter fixed(Policy::FixedPriority, {0, 1, 2});  // A before B
  SlavePort p("sram", fixed, 3);
  REQUIRE(p.request(kB, 10, 3) == 0);  // B holds 10-12
  REQUIRE(p.request(kA, 11, 1) == 2);  // A, though first in priority, waits until 13
  REQUIRE(p.request(kB, 20, 1) == 0);
  REQUIRE(p.counters(kA).contention_cycles == 2);
  REQUIRE(p.counters(kA).conflicts == 1);
  REQUIRE(p.counters(kA).accesses == 1);
  REQUIRE(p.counters(kB).accesses == 2);
  REQUIRE(p.busy_cycles() == 3 + 1 + 1);
}

TEST_CASE("slave port: a master's own accesses never wait for each other") {
  const Arbiter fixed(Policy::FixedPriority, {0, 1, 2});
  SlavePort p("sram", fixed, 3);
  REQUIRE(p.request(kA, 0, 4) == 0);
  REQUIRE(p.request(kA, 1, 4) == 0);  // one pipeline: its accesses overlap freely
  REQUIRE(p.counters(kA).contention_cycles == 0);
}

TEST_CASE("slave port: fixed priority orders one cycle's requests; the loser simulated first owes") {
  const Arbiter fixed(Policy::FixedPriority, {0, 1, 2});
  SlavePort p("sram", fixed, 3);
  REQUIRE(p.request(kB, 20, 2) == 0);  // simulated first: B takes 20-21
  REQUIRE(p.request(kA, 20, 1) == 0);  // A asked in the same cycle and wins: it goes first (20)
  REQUIRE(p.take_owed(kB) == 1);       // B should have started at 21: it owes 1 cycle
  REQUIRE(p.take_owed(kB) == 0);       // taken once
  REQUIRE(p.counters(kB).contention_cycles == 1);
  // B's access now ends at 23: A asking at 22 waits 1.
  REQUIRE(p.request(kA, 22, 1) == 1);
  // In the other order the loser simply waits.
  SlavePort q("sram", fixed, 3);
  REQUIRE(q.request(kA, 20, 1) == 0);
  REQUIRE(q.request(kB, 20, 2) == 1);
}

TEST_CASE("slave port: round robin gives a same-cycle tie to the master granted longer ago") {
  const Arbiter rr(Policy::RoundRobin, {0, 1, 2});
  SlavePort p("sram", rr, 3);
  REQUIRE(p.request(kA, 0, 1) == 0);
  REQUIRE(p.request(kA, 5, 1) == 0);   // simulated first
  REQUIRE(p.request(kB, 5, 1) == 0);   // B never granted, A at 0: B wins the tie and goes at 5
  REQUIRE(p.take_owed(kA) == 1);       // A's access moves to 6
  REQUIRE(p.request(kB, 10, 1) == 0);  // B simulated first this time
  REQUIRE(p.request(kA, 10, 1) == 1);  // B granted at 5, A at 6: B was longer ago, A waits
  // The same ties under fixed priority (A first) go the other way.
  const Arbiter fixed(Policy::FixedPriority, {0, 1, 2});
  SlavePort q("sram", fixed, 3);
  REQUIRE(q.request(kA, 0, 1) == 0);
  REQUIRE(q.request(kA, 5, 1) == 0);
  REQUIRE(q.request(kB, 5, 1) == 1);
  REQUIRE(q.take_owed(kA) == 0);
}

TEST_CASE("slave port: a stream holds the port on its schedule; the arbiter decides the ties") {
  const Arbiter core_first(Policy::FixedPriority, {0, 1, 2});
  SlavePort p("sram", core_first, 3);
  p.add_stream({.master = kS, .period = 4, .hold = 1});  // holds cycles 0, 4, 8, ...
  REQUIRE(p.request(kA, 8, 1) == 0);  // a tie at 8: A wins, the stream's access waits 1
  REQUIRE(p.request(kA, 9, 1) == 0);  // nothing under way at 9
  REQUIRE(p.counters(kS).contention_cycles == 1);
  REQUIRE(p.counters(kS).accesses == 3);  // at 0, 4 and 8, up to cycle 9

  const Arbiter stream_first(Policy::FixedPriority, {1, 2, 0});
  SlavePort q("sram", stream_first, 3);
  q.add_stream({.master = kS, .period = 4, .hold = 1});
  REQUIRE(q.request(kA, 8, 1) == 1);   // the stream wins at 8: A goes at 9
  REQUIRE(q.request(kA, 10, 3) == 0);  // 10-12 covers the stream's 12, but A came first: the stream waits
  REQUIRE(q.counters(kS).contention_cycles == 1);
  REQUIRE(q.request(kA, 13, 1) == 0);  // the stream's late access is not replayed
}

TEST_CASE("slave port: a stream's access under way makes anyone wait; hold must fit the period") {
  const Arbiter core_first(Policy::FixedPriority, {0, 1, 2});
  SlavePort p("sram", core_first, 3);
  p.add_stream({.master = kS, .period = 4, .hold = 2});  // holds 0-1, 4-5, 8-9, ...
  REQUIRE(p.request(kA, 9, 1) == 1);
  REQUIRE(p.request(kA, 5, 2) == 1);  // from the past too: 4-5 was under way at 5
  REQUIRE_THROWS_AS(p.add_stream({.master = kS, .period = 4, .hold = 5}), std::invalid_argument);
  REQUIRE_THROWS_AS(p.add_stream({.master = kS, .period = 4, .hold = 0}), std::invalid_argument);
}

TEST_CASE("port timer: the core's fetch and data sides meet on a shared memory; data first by default") {
  const Arbiter data_first(Policy::FixedPriority, {1, 0, 2});  // A = fetch, B = data
  SlavePort p("sram", data_first, 3);
  PortTimer t(nullptr, 2, 1, p, {.fetch = kA, .data = kB}, 4);
  using isa::AccessKind;
  REQUIRE(t.fetch_block_bytes() == 4);
  // A fetch word at 100 holds the port 100-102 (2 wait states + 1).
  REQUIRE(t.access(0x20000000, 4, AccessKind::Fetch, 100) == isa::AccessDelay{.wait = 2});
  // The load of that same instruction, in the same cycle, wins: the fetch
  // owes 3, and the core (one pipeline) pays it now.
  REQUIRE(t.access(0x20001000, 4, AccessKind::Load, 100) == isa::AccessDelay{.wait = 2, .contention = 3});
  // A store at 104 finds the fetch's moved access (103-105) under way: 2 more.
  REQUIRE(t.access(0x20001000, 4, AccessKind::Store, 104) == isa::AccessDelay{.wait = 1, .contention = 2});
  REQUIRE(p.counters(kA).contention_cycles == 3);
  REQUIRE(p.counters(kB).contention_cycles == 2);
}
