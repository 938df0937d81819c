// core.l1 (the Cortex-M7's L1 caches) in the platform YAML, the alias
// tcm flag, and the built-in stm32f746 board that uses them.
#include <catch2/catch.hpp>

#include "sim/config_error.hpp"
#include "tests/sim/config_test_helpers.hpp"
#include "sim/platform_catalog.hpp"
#include "sim/platform_config.hpp"

using sim::Override;
using sim::parse_platform_config;

namespace {
// Line numbers below refer to this text (line 1 is "name: ...").
const std::string kBoard = R"(name: m7-board
core:
  type: cortex-m7
  clock_hz: 200000000
  l1: { icache_kib: 16, dcache_kib: 8 }
memories:
  flash: { base: 0x08000000, size_kib: 512, kind: flash, wait_states: 5 }
  dtcm: { base: 0x20000000, size_kib: 64, kind: tcm }
  sram: { base: 0x20010000, size_kib: 128 }
aliases:
  flash_itcm: { base: 0x00200000, target: flash, tcm: true }
)";

using test::error_of;
using test::replace;
}  // namespace

TEST_CASE("l1 config: keys read into an L1Config with the Cortex-M7's geometry as defaults") {
  const auto p = parse_platform_config(kBoard, "board.yaml");
  REQUIRE(p.core.l1.has_value());
  const memory::L1Config& l1 = *p.core.l1;
  CHECK(l1.icache_bytes == 16 * 1024);
  CHECK(l1.dcache_bytes == 8 * 1024);
  CHECK(l1.icache_ways == 2);
  CHECK(l1.dcache_ways == 4);
  CHECK(l1.line_bytes == 32);
  CHECK_FALSE(l1.force_write_through);
  CHECK(l1.write_allocate);
  CHECK(l1.bus_bytes == 8);
  CHECK(p.aliases.at(0).tcm);
}

TEST_CASE("l1 config: no l1 key, no caches") {
  const auto p = parse_platform_config(replace(kBoard, "  l1: { icache_kib: 16, dcache_kib: 8 }\n", ""), "board.yaml");
  CHECK_FALSE(p.core.l1.has_value());
}

TEST_CASE("l1 config: every key can be set, also with --set") {
  const auto p = parse_platform_config(
      replace(kBoard, "{ icache_kib: 16, dcache_kib: 8 }",
              "{ icache_kib: 64, dcache_kib: 0, ways_i: 4, ways_d: 8, line_bytes: 64, write_policy: write_through, "
              "write_allocate: false }"),
      "board.yaml");
  const memory::L1Config& l1 = *p.core.l1;
  CHECK(l1.icache_bytes == 64 * 1024);
  CHECK(l1.dcache_bytes == 0);
  CHECK(l1.icache_ways == 4);
  CHECK(l1.dcache_ways == 8);
  CHECK(l1.line_bytes == 64);
  CHECK(l1.force_write_through);
  CHECK_FALSE(l1.write_allocate);

  const auto q = parse_platform_config(kBoard, "board.yaml",
                                       {Override{"core.l1.icache_kib", "0"}, Override{"core.l1.write_policy", "write_through"}});
  CHECK(q.core.l1->icache_bytes == 0);
  CHECK(q.core.l1->force_write_through);
}

TEST_CASE("l1 config: sizes, ways and lines are checked where they are written") {
  CHECK_THAT(error_of(replace(kBoard, "icache_kib: 16", "icache_kib: 12")),
             Catch::StartsWith("board.yaml:5:") &&
                 Catch::Contains("core.l1.icache_kib: must be 0 (no cache) or 4, 8, 16, 32 or 64"));
  CHECK_THAT(error_of(replace(kBoard, "dcache_kib: 8", "dcache_kib: 2")), Catch::Contains("core.l1.dcache_kib: must be 0"));
  CHECK_THAT(error_of(replace(kBoard, "dcache_kib: 8", "dcache_kib: 128")), Catch::Contains("core.l1.dcache_kib"));
  CHECK_THAT(error_of(replace(kBoard, "dcache_kib: 8", "dcache_kib: 8, ways_d: 3")),
             Catch::Contains("core.l1.ways_d: must be a power of two, not 3"));
  CHECK_THAT(error_of(replace(kBoard, "dcache_kib: 8", "dcache_kib: 8, line_bytes: 4")),
             Catch::Contains("core.l1.line_bytes"));
  CHECK_THAT(error_of(replace(kBoard, "dcache_kib: 8", "dcache_kib: 8, write_policy: write_around")),
             Catch::Contains("core.l1.write_policy: 'write_around' is not one of write_back, write_through"));
  CHECK_THAT(error_of(replace(kBoard, "dcache_kib: 8", "dcache_kib: 8, size_kib: 8")),
             Catch::Contains("core.l1.size_kib: unknown key"));
  CHECK_THAT(error_of(kBoard, {Override{"core.l1.icache_kib", "5"}}),
             Catch::StartsWith("--set core.l1.icache_kib=5") && Catch::Contains("must be 0 (no cache)"));
}

TEST_CASE("l1 config: only the Cortex-M7 has L1 caches") {
  const auto m4 = replace(kBoard, "type: cortex-m7", "type: cortex-m4");
  CHECK_THAT(error_of(m4), Catch::StartsWith("board.yaml:5:") &&
                               Catch::Contains("core.l1: L1 caches are only modelled on the cortex-m7 (core.type is cortex-m4)"));
  CHECK_THAT(error_of(replace(kBoard, "type: cortex-m7", "type: cortex-m33")), Catch::Contains("core.l1:"));
}

TEST_CASE("l1 config: a cached memory may not straddle default-map regions of different policies") {
  // Code (write-through) into SRAM (write-back): 0x1FFF0000 + 128 KiB.
  const auto odd = replace(kBoard, "sram: { base: 0x20010000, size_kib: 128 }", "odd: { base: 0x1FFF0000, size_kib: 128 }");
  CHECK_THAT(error_of(odd), Catch::Contains("memories.odd.size_kib: 0x1fff0000-0x2000ffff spans regions of the "
                                            "ARMv7-M default memory map"));
  // Fine as a TCM (never cached), or without caches.
  CHECK_THAT(error_of(replace(odd, "size_kib: 128 }", "size_kib: 128, kind: tcm }")),
             Catch::Contains("overlap"));  // it overlaps dtcm, but the cache check let it pass
  CHECK_THAT(error_of(replace(odd, "  l1: { icache_kib: 16, dcache_kib: 8 }\n", "")), Catch::Contains("overlap"));
}

TEST_CASE("stm32f746: the board's memory map, boot address, flash latency and L1 caches") {
  const sim::PlatformCatalog catalog({EDGESIM_PLATFORM_DIR_FOR_TESTS});
  const auto p = sim::load_platform_config(catalog.resolve("stm32f746"));
  CHECK(p.core.profile.name == "cortex-m7");
  CHECK(p.core.clock_hz == 216'000'000);
  CHECK(p.core.vtor == 0x00200000);  // BOOT_ADD0 = 0x0080: flash on the ITCM interface
  CHECK(p.core.profile.max_irqs == 98);
  REQUIRE(p.core.l1.has_value());
  CHECK(p.core.l1->icache_bytes == 4096);  // the F746's 4 KiB + 4 KiB
  CHECK(p.core.l1->dcache_bytes == 4096);
  CHECK(p.core.l1->icache_ways == 2);
  CHECK(p.core.l1->dcache_ways == 4);
  CHECK(p.core.l1->line_bytes == 32);
  CHECK(p.find_memory("flash")->wait_states == 7);  // 216 MHz: 7 WS (RM0385)
  CHECK(p.find_memory("flash")->flash->line_bytes == 16);
  CHECK(p.find_memory("itcm")->kind == sim::MemoryKind::Tcm);
  CHECK(p.find_memory("dtcm")->kind == sim::MemoryKind::Tcm);
  const auto map = p.address_map();
  CHECK(map.find(0x00000000)->name == "itcm");
  CHECK(map.find(0x00200000)->target == map.find(0x08000000)->target);  // ITCM flash window
  CHECK(map.find(0x2000FFFF)->name == "dtcm");
  CHECK(map.find(0x20010000)->name == "sram1");
  CHECK(map.find(0x2004BFFF)->name == "sram1");
  CHECK(map.find(0x2004C000)->name == "sram2");
  CHECK(map.find(0x20050000) == nullptr);
  CHECK(p.aliases.at(0).tcm);
  // Lower clocks need fewer wait states: 1 per 30 MHz.
  CHECK(sim::load_platform_config(catalog.resolve("stm32f746"), {Override{"core.clock_hz", "30000000"}})
            .find_memory("flash")
            ->wait_states == 0);
  CHECK(sim::load_platform_config(catalog.resolve("stm32f746"), {Override{"core.clock_hz", "200000000"}})
            .find_memory("flash")
            ->wait_states == 6);
}
