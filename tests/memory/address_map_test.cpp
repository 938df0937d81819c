#include "memory/address_map.hpp"

#include <catch2/catch.hpp>

using memory::AddressMap;
using memory::MapError;
using memory::Mapping;

TEST_CASE("address map finds the window holding an address") {
  const AddressMap map({{"sram", 0x20000000, 0x20000, 1, 0}, {"flash", 0x08000000, 0x100000, 0, 0}});
  REQUIRE(map.find(0x08000000)->name == "flash");
  REQUIRE(map.find(0x080FFFFF)->name == "flash");
  REQUIRE(map.find(0x20000000)->name == "sram");
  REQUIRE(map.find(0x2001FFFF)->name == "sram");
  REQUIRE(map.find(0x08100000) == nullptr);  // one past flash
  REQUIRE(map.find(0x1FFFFFFF) == nullptr);
  REQUIRE(map.find(0x00000000) == nullptr);
  REQUIRE(map.find(0xFFFFFFFF) == nullptr);
}

TEST_CASE("address map translates into the target's space") {
  const AddressMap map({{"boot", 0x0, 0x100000, 0, 0}, {"flash", 0x08000000, 0x100000, 0, 0},
                        {"upper_half", 0x30000000, 0x1000, 2, 0x3000}});
  REQUIRE(map.find(0x1234)->to_target(0x1234) == 0x1234);
  REQUIRE(map.find(0x08001234)->to_target(0x08001234) == 0x1234);
  REQUIRE(map.find(0x30000010)->to_target(0x30000010) == 0x3010);
  REQUIRE(map.find(0x30000010)->from_target(0x3010) == 0x30000010);
}

TEST_CASE("a window may end at the top of the address space") {
  const AddressMap map({{"top", 0xFFFF0000, 0x10000, 0, 0}});
  REQUIRE(map.find(0xFFFFFFFF)->name == "top");
  REQUIRE(map.find(0xFFFFFFFC)->contains(0xFFFFFFFC, 4));
  REQUIRE_FALSE(map.find(0xFFFFFFFE)->contains(0xFFFFFFFE, 4));
}

TEST_CASE("overlapping windows are rejected, naming both") {
  try {
    AddressMap({{"ram", 0x20000000, 0x10000, 0, 0}, {"ccm", 0x2000F000, 0x1000, 1, 0}});
    FAIL("no error");
  } catch (const MapError& e) {
    const std::string what = e.what();
    REQUIRE_THAT(what, Catch::Contains("'ram'") && Catch::Contains("'ccm'") && Catch::Contains("overlaps"));
    REQUIRE_THAT(what, Catch::Contains("0x2000f000"));
  }
}

TEST_CASE("adjacent windows do not overlap") {
  REQUIRE_NOTHROW(AddressMap({{"a", 0x0, 0x1000, 0, 0}, {"b", 0x1000, 0x1000, 1, 0}}));
}

TEST_CASE("empty windows and windows past 4 GiB are rejected") {
  REQUIRE_THROWS_WITH(AddressMap({{"nothing", 0x1000, 0, 0, 0}}), Catch::Contains("'nothing'") && Catch::Contains("size 0"));
  REQUIRE_THROWS_WITH(AddressMap({{"too_far", 0xFFFFF000, 0x2000, 0, 0}}),
                      Catch::Contains("'too_far'") && Catch::Contains("address space"));
}

TEST_CASE("the gap around an unmapped address spans to the neighbouring windows") {
  const AddressMap map({{"a", 0x1000, 0x1000, 0, 0}, {"b", 0x8000, 0x1000, 1, 0}});
  REQUIRE(map.gap_around(0x4000) == std::pair<uint64_t, uint64_t>{0x2000, 0x7FFF});
  REQUIRE(map.gap_around(0x0) == std::pair<uint64_t, uint64_t>{0x0, 0xFFF});
  REQUIRE(map.gap_around(0x9000) == std::pair<uint64_t, uint64_t>{0x9000, 0xFFFFFFFF});
}
