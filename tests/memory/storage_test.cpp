#include "memory/storage.hpp"

#include <array>

#include <catch2/catch.hpp>

using memory::AccessStatus;
using memory::Storage;

namespace {
// {data reads, bytes read, writes, bytes written} of a region.
using Counts = std::array<uint64_t, 4>;
Counts counts(const memory::Traffic& t) { return {t.reads, t.bytes_read, t.writes, t.bytes_written}; }
}  // namespace

TEST_CASE("RAM storage reads back what was written and counts each access") {
  Storage ram(1024, false);
  const std::array<uint8_t, 4> word{0x78, 0x56, 0x34, 0x12};
  REQUIRE(ram.write(0x10, word) == AccessStatus::Ok);
  std::array<uint8_t, 2> half{};
  REQUIRE(ram.read(0x12, half) == AccessStatus::Ok);
  REQUIRE(half == std::array<uint8_t, 2>{0x34, 0x12});
  std::array<uint8_t, 1> byte{};
  REQUIRE(ram.read(0x10, byte) == AccessStatus::Ok);
  REQUIRE(byte[0] == 0x78);

  REQUIRE(counts(ram.transport_traffic()) == Counts{2, 3, 1, 4});
  REQUIRE(counts(ram.traffic()) == Counts{2, 3, 1, 4});
}

TEST_CASE("flash storage rejects bus writes but accepts loader writes") {
  Storage flash(256, true);
  const std::array<uint8_t, 2> data{0xAA, 0x55};
  REQUIRE(flash.write(0, data) == AccessStatus::ReadOnly);
  std::array<uint8_t, 2> back{};
  REQUIRE(flash.read(0, back) == AccessStatus::Ok);
  REQUIRE(back == std::array<uint8_t, 2>{0, 0});

  REQUIRE(flash.debug_write(0, data) == AccessStatus::Ok);
  REQUIRE(flash.read(0, back) == AccessStatus::Ok);
  REQUIRE(back == data);
  // Failed writes and debug accesses are not traffic.
  REQUIRE(counts(flash.traffic()) == Counts{2, 4, 0, 0});
}

TEST_CASE("accesses past the end are out of range and uncounted") {
  Storage ram(16, false);
  std::array<uint8_t, 4> buf{};
  REQUIRE(ram.read(13, buf) == AccessStatus::OutOfRange);
  REQUIRE(ram.write(16, buf) == AccessStatus::OutOfRange);
  REQUIRE(ram.debug_read(~uint64_t{0}, buf) == AccessStatus::OutOfRange);
  REQUIRE(ram.read(12, buf) == AccessStatus::Ok);
  REQUIRE(counts(ram.traffic()) == Counts{1, 4, 0, 0});
}

TEST_CASE("DMI traffic counted by the initiator adds to the region's totals") {
  Storage ram(64, false);
  std::array<uint8_t, 4> buf{};
  REQUIRE(ram.read(0, buf) == AccessStatus::Ok);
  ram.direct_traffic().count(isa::AccessKind::Load, 4);
  ram.direct_traffic().count(isa::AccessKind::Store, 2);
  ram.direct_traffic().count(isa::AccessKind::Fetch, 2);
  REQUIRE(counts(ram.transport_traffic()) == Counts{1, 4, 0, 0});
  REQUIRE(counts(ram.traffic()) == Counts{2, 8, 1, 2});
  REQUIRE(ram.traffic().fetches == 1);
  REQUIRE(memory::all_reads(ram.traffic()) == 3);
  REQUIRE(memory::all_bytes_read(ram.traffic()) == 10);
}
