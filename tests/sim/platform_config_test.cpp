#include "sim/platform_config.hpp"

#include <catch2/catch.hpp>

#include "sim/config_error.hpp"
#include "tests/sim/config_test_helpers.hpp"

using sim::ConfigError;
using sim::Override;
using sim::parse_platform_config;

namespace {
// Line numbers below refer to this text (line 1 is "name: ...").
const std::string kBoard = R"(name: test-board
core: { type: cortex-m0plus, clock_hz: 48000000 }
memories:
  flash: { base: 0x0, size_kib: 256, kind: flash, wait_states: 1 }
  sram:
    base: 0x2000_0000
    size_kib: 32
aliases:
  boot_mirror: { base: 0x10000000, target: flash, size_kib: 64 }
devices:
  uart0: { type: cmsdk-uart, base: 0x40004000, irq_rx: 0, irq_tx: 1 }
)";

using test::error_of;
using test::replace;
}  // namespace

TEST_CASE("platform config: a valid board reads into typed structs with defaults") {
  const auto p = parse_platform_config(kBoard, "board.yaml");
  REQUIRE(p.name == "test-board");
  REQUIRE(p.core.profile.name == "cortex-m0plus");
  REQUIRE(p.core.clock_hz == 48'000'000);
  REQUIRE(p.core.vtor == 0);
  REQUIRE(p.memories.size() == 2);
  REQUIRE(p.memories[0].name == "flash");
  REQUIRE(p.memories[0].kind == sim::MemoryKind::Flash);
  REQUIRE(p.memories[0].size_bytes == 256 * 1024);
  REQUIRE(p.memories[0].wait_states == 1);
  REQUIRE(p.memories[1].base == 0x20000000);
  REQUIRE(p.memories[1].kind == sim::MemoryKind::Ram);  // default
  REQUIRE(p.memories[1].wait_states == 0);               // default
  REQUIRE(p.aliases.at(0).size_bytes == 64 * 1024);
  REQUIRE(p.uarts.at(0).irq_tx == 1u);
  REQUIRE_FALSE(p.uarts.at(0).irq_overflow.has_value());
  REQUIRE(p.sim.quantum_ns == 10000);  // default
}

TEST_CASE("platform config: the address map sends aliases to their memory") {
  const auto map = parse_platform_config(kBoard, "board.yaml").address_map();
  REQUIRE(map.find(0x10000010)->target == map.find(0x10)->target);
  REQUIRE(map.find(0x40004000)->name == "uart0");
  REQUIRE(map.find(0x10010000) == nullptr);  // past the 64 KiB mirror
}

TEST_CASE("platform config: an unknown key names file, line, column and key path") {
  const auto e = error_of(replace(kBoard, "wait_states: 1", "wait_state: 1"));
  REQUIRE_THAT(e, Catch::StartsWith("board.yaml:4:"));
  REQUIRE_THAT(e, Catch::Contains("memories.flash.wait_state") && Catch::Contains("did you mean 'wait_states'"));
}

TEST_CASE("platform config: an unknown top-level key lists the known ones when nothing is close") {
  const auto e = error_of(kBoard + "frobnicate: 3\n");
  REQUIRE_THAT(e, Catch::StartsWith("board.yaml:12:1: frobnicate: unknown key"));
  REQUIRE_THAT(e, Catch::Contains("memories"));
}

TEST_CASE("platform config: wrong types and out-of-range values are errors at their line") {
  REQUIRE_THAT(error_of(replace(kBoard, "size_kib: 32", "size_kib: lots")),
               Catch::StartsWith("board.yaml:7:15: memories.sram.size_kib: expected a non-negative integer, got 'lots'"));
  REQUIRE_THAT(error_of(replace(kBoard, "size_kib: 32", "size_kib: [32]")),
               Catch::StartsWith("board.yaml:7:") && Catch::Contains("expected a single value"));
  REQUIRE_THAT(error_of(replace(kBoard, "clock_hz: 48000000", "clock_hz: 0")),
               Catch::StartsWith("board.yaml:2:") && Catch::Contains("core.clock_hz: 0 is out of range"));
  REQUIRE_THAT(error_of(replace(kBoard, "kind: flash", "kind: eeprom")),
               Catch::Contains("memories.flash.kind: 'eeprom' is not one of ram, flash"));
  REQUIRE_THAT(error_of(replace(kBoard, "type: cortex-m0plus", "type: cortex-m99")),
               Catch::Contains("core.type: unknown core 'cortex-m99'"));
  // The M0+ has 32 interrupt lines: 0..31.
  REQUIRE_THAT(error_of(replace(kBoard, "irq_tx: 1", "irq_tx: 32")),
               Catch::StartsWith("board.yaml:11:") && Catch::Contains("devices.uart0.irq_tx: 32 is out of range [0, 31]"));
}

TEST_CASE("platform config: missing keys and bad references are named") {
  REQUIRE_THAT(error_of(replace(kBoard, "    base: 0x2000_0000\n", "")),
               Catch::Contains("memories.sram.base: missing"));
  REQUIRE_THAT(error_of(replace(kBoard, "target: flash", "target: flsh")),
               Catch::StartsWith("board.yaml:9:") && Catch::Contains("no memory named 'flsh'"));
}

TEST_CASE("platform config: overlapping regions are rejected with both names") {
  const auto e = error_of(replace(kBoard, "base: 0x10000000", "base: 0x00020000"));
  REQUIRE_THAT(e, Catch::StartsWith("board.yaml: ") && Catch::Contains("'boot_mirror'") && Catch::Contains("'flash'"));
}

TEST_CASE("platform config: duplicate keys and malformed YAML are errors") {
  REQUIRE_THAT(error_of(kBoard + "name: again\n"), Catch::StartsWith("board.yaml:12:1: name: duplicate key"));
  REQUIRE_THAT(error_of("core: {type: [\n"), Catch::StartsWith("board.yaml:") && Catch::Contains("invalid YAML"));
}

TEST_CASE("platform config: --set overrides any key before validation") {
  const auto p = parse_platform_config(kBoard, "board.yaml",
                                       {{"memories.flash.wait_states", "3"},
                                        {"core.clock_hz", "0x100"},
                                        {"sim.quantum_ns", "500"},
                                        {"devices.uart0.irq_overflow", "5"}});
  REQUIRE(p.memories[0].wait_states == 3);
  REQUIRE(p.core.clock_hz == 256);
  REQUIRE(p.sim.quantum_ns == 500);
  REQUIRE(p.uarts[0].irq_overflow == 5u);
}

TEST_CASE("platform config: --set can add a whole region as a flow map") {
  const auto p = parse_platform_config(kBoard, "board.yaml", {{"memories.tcm", "{base: 0x30000000, size_kib: 8}"}});
  REQUIRE(p.memories.size() == 3);
  REQUIRE(p.find_memory("tcm")->base == 0x30000000);
}

TEST_CASE("platform config: --set errors name the override, not the file") {
  REQUIRE(error_of(kBoard, {{"memories.flash.wait_statez", "3"}}) ==
          "--set memories.flash.wait_statez=3: memories.flash.wait_statez: unknown key; did you mean 'wait_states'?");
  REQUIRE_THAT(error_of(kBoard, {{"memories.flash.wait_states", "many"}}),
               Catch::StartsWith("--set memories.flash.wait_states=many: ") &&
                   Catch::Contains("expected a non-negative integer"));
  REQUIRE_THAT(error_of(kBoard, {{"memorys.flash.wait_states", "3"}}),
               Catch::StartsWith("--set memorys.flash.wait_states=3: memorys: unknown key; did you mean 'memories'?"));
  REQUIRE_THAT(error_of(kBoard, {{"name.first", "x"}}),
               Catch::StartsWith("--set name.first=x: ") && Catch::Contains("'name' is not a map"));
  REQUIRE_THAT(error_of(kBoard, {{"memories.ghost.wait_states", "1"}}),
               Catch::StartsWith("--set memories.ghost.wait_states=1: memories.ghost.base: missing"));
}

TEST_CASE("platform config: --set arguments must be KEY=VALUE") {
  REQUIRE_THROWS_AS(sim::parse_override("core.clock_hz"), ConfigError);
  REQUIRE_THROWS_AS(sim::parse_override("core..clock_hz=1"), ConfigError);
  const auto o = sim::parse_override("core.type=cortex-m4=x");
  REQUIRE(o.path == "core.type");
  REQUIRE(o.value == "cortex-m4=x");
}

namespace {
// An STM32F4-like flash and the other memory kinds; line numbers below
// refer to this text.
const std::string kFlashBoard = R"(name: flash-board
core: { type: cortex-m4f, clock_hz: 168000000 }
memories:
  flash:
    base: 0x08000000
    size_kib: 1024
    kind: flash
    wait_states: auto
    wait_state_table_hz: [30000000, 60000000, 90000000, 120000000, 150000000, 168000000]
    line_bits: 128
    prefetch: true
    art: { icache_lines: 64, dcache_lines: 8 }
  sdram: { base: 0xC0000000, size_kib: 8192, kind: external, wait_states: 6, write_wait_states: 2 }
  dtcm: { base: 0x20000000, size_kib: 128, kind: tcm }
)";

sim::PlatformConfig flash_board(const std::vector<Override>& overrides = {}) {
  return parse_platform_config(kFlashBoard, "board.yaml", overrides);
}

uint32_t auto_wait_states_at(const std::string& clock_hz) {
  return flash_board({{"core.clock_hz", clock_hz}}).find_memory("flash")->wait_states;
}
}  // namespace

TEST_CASE("platform config: flash timing keys read into a FlashTimingConfig") {
  const auto p = flash_board();
  const auto& flash = *p.find_memory("flash");
  REQUIRE(flash.kind == sim::MemoryKind::Flash);
  REQUIRE(flash.wait_states == 5);  // auto: 168 MHz is in the last band
  REQUIRE(flash.flash.has_value());
  REQUIRE(flash.flash->wait_states == 5);
  REQUIRE(flash.flash->line_bytes == 16);
  REQUIRE(flash.flash->prefetch);
  REQUIRE(flash.flash->icache_lines == 64);
  REQUIRE(flash.flash->dcache_lines == 8);
  REQUIRE(flash.flash->flash_bytes == 1024 * 1024);
  REQUIRE_FALSE(flash.write_wait_states.has_value());
}

TEST_CASE("platform config: a flash without timing keys has 128-bit lines, no prefetch, no ART") {
  const auto& flash = *parse_platform_config(kBoard, "board.yaml").find_memory("flash");
  REQUIRE(flash.flash.has_value());
  REQUIRE(flash.flash->wait_states == 1);
  REQUIRE(flash.flash->line_bytes == 16);
  REQUIRE_FALSE(flash.flash->prefetch);
  REQUIRE(flash.flash->icache_lines == 0);
  REQUIRE(flash.flash->dcache_lines == 0);
  REQUIRE_FALSE(parse_platform_config(kBoard, "board.yaml").find_memory("sram")->flash.has_value());
  const auto narrow = parse_platform_config(kBoard, "board.yaml", {{"memories.flash.line_bits", "64"}});
  REQUIRE(narrow.find_memory("flash")->flash->line_bytes == 8);
}

TEST_CASE("platform config: external and tcm memories are RAM with their own wait states") {
  const auto p = flash_board();
  const auto& sdram = *p.find_memory("sdram");
  REQUIRE(sdram.kind == sim::MemoryKind::External);
  REQUIRE(sdram.wait_states == 6);
  REQUIRE(sdram.write_wait_states == 2u);
  REQUIRE_FALSE(sdram.flash.has_value());
  const auto& dtcm = *p.find_memory("dtcm");
  REQUIRE(dtcm.kind == sim::MemoryKind::Tcm);
  REQUIRE(dtcm.wait_states == 0);
  REQUIRE_FALSE(dtcm.write_wait_states.has_value());  // writes cost what reads do
}

TEST_CASE("platform config: wait_states auto takes the first band whose maximum clock covers the core's") {
  REQUIRE(auto_wait_states_at("1000000") == 0);
  REQUIRE(auto_wait_states_at("30000000") == 0);
  REQUIRE(auto_wait_states_at("30000001") == 1);
  REQUIRE(auto_wait_states_at("100000000") == 3);
  REQUIRE(auto_wait_states_at("150000000") == 4);
}

TEST_CASE("platform config: a clock above the wait-state table is an error naming the table") {
  REQUIRE_THAT(error_of(kFlashBoard, {{"core.clock_hz", "200000000"}}),
               Catch::StartsWith("board.yaml:9:") &&
                   Catch::Contains("memories.flash.wait_state_table_hz: core.clock_hz 200000000 is above its last "
                                   "entry (168000000)"));
}

TEST_CASE("platform config: wait-state table and auto errors") {
  REQUIRE_THAT(error_of(replace(kFlashBoard, "60000000, 90000000", "90000000, 60000000")),
               Catch::StartsWith("board.yaml:9:") &&
                   Catch::Contains("must be ascending: entry 2 (60000000) is not above entry 1 (90000000)"));
  REQUIRE_THAT(error_of(replace(kFlashBoard, "[30000000, 60000000,", "[30000000, fast,")),
               Catch::StartsWith("board.yaml:9:") &&
                   Catch::Contains("wait_state_table_hz: expected a non-negative integer, got 'fast'"));
  REQUIRE_THAT(error_of(kFlashBoard, {{"memories.flash.wait_state_table_hz", "30000000"}}),
               Catch::StartsWith("--set memories.flash.wait_state_table_hz=30000000: ") &&
                   Catch::Contains("expected a list of integers"));
  const auto no_table =
      replace(kFlashBoard, "    wait_state_table_hz: [30000000, 60000000, 90000000, 120000000, 150000000, 168000000]\n", "");
  REQUIRE_THAT(error_of(no_table),
               Catch::StartsWith("board.yaml:8:") && Catch::Contains("memories.flash.wait_states: 'auto' needs "
                                                                     "wait_state_table_hz"));
  REQUIRE_THAT(error_of(replace(kFlashBoard, "wait_states: auto", "wait_states: automatic")),
               Catch::StartsWith("board.yaml:8:") && Catch::Contains("expected a non-negative integer, got 'automatic'"));
}

TEST_CASE("platform config: line_bits, prefetch and art values are checked") {
  REQUIRE_THAT(error_of(replace(kFlashBoard, "line_bits: 128", "line_bits: 32")),
               Catch::StartsWith("board.yaml:10:") && Catch::Contains("memories.flash.line_bits: '32' is not one of 64, 128"));
  REQUIRE_THAT(error_of(replace(kFlashBoard, "prefetch: true", "prefetch: maybe")),
               Catch::StartsWith("board.yaml:11:") &&
                   Catch::Contains("memories.flash.prefetch: expected true or false, got 'maybe'"));
  REQUIRE_THAT(error_of(replace(kFlashBoard, "icache_lines: 64", "icache_line: 64")),
               Catch::StartsWith("board.yaml:12:") &&
                   Catch::Contains("memories.flash.art.icache_line: unknown key; did you mean 'icache_lines'?"));
  REQUIRE_THAT(error_of(replace(kFlashBoard, "dcache_lines: 8", "dcache_lines: 5000")),
               Catch::StartsWith("board.yaml:12:") && Catch::Contains("memories.flash.art.dcache_lines: 5000 is out of range"));
}

TEST_CASE("platform config: flash-only keys elsewhere, and write wait states on flash, are errors") {
  REQUIRE(error_of(kFlashBoard, {{"memories.dtcm.prefetch", "true"}}) ==
          "--set memories.dtcm.prefetch=true: memories.dtcm.prefetch: only for kind: flash");
  REQUIRE_THAT(error_of(kFlashBoard, {{"memories.sdram.art", "{icache_lines: 4}"}}),
               Catch::Contains("memories.sdram.art: only for kind: flash"));
  REQUIRE_THAT(error_of(kFlashBoard, {{"memories.sdram.wait_states", "auto"}}),
               Catch::Contains("memories.sdram.wait_states: 'auto' is only for kind: flash"));
  REQUIRE_THAT(error_of(kFlashBoard, {{"memories.flash.write_wait_states", "3"}}),
               Catch::Contains("memories.flash.write_wait_states: not for kind: flash"));
  REQUIRE_THAT(error_of(replace(kFlashBoard, "kind: tcm", "kind: sram")),
               Catch::Contains("memories.dtcm.kind: 'sram' is not one of ram, flash, external, tcm"));
}

TEST_CASE("platform config: --set overrides every flash timing key") {
  const auto p = flash_board({{"memories.flash.prefetch", "false"},
                              {"memories.flash.art.icache_lines", "0"},
                              {"memories.flash.wait_states", "3"},
                              {"memories.flash.line_bits", "64"}});
  const auto& f = *p.find_memory("flash")->flash;
  REQUIRE_FALSE(f.prefetch);
  REQUIRE(f.icache_lines == 0);
  REQUIRE(f.dcache_lines == 8);  // untouched
  REQUIRE(f.wait_states == 3);   // a number replaces auto (the table stays, unused)
  REQUIRE(p.find_memory("flash")->wait_states == 3);
  REQUIRE(f.line_bytes == 8);
  // An ART on a board that had none, and a table of its own.
  const auto q = parse_platform_config(kBoard, "board.yaml",
                                       {{"memories.flash.art.icache_lines", "16"},
                                        {"memories.flash.wait_states", "auto"},
                                        {"memories.flash.wait_state_table_hz", "[24000000, 48000000]"}});
  REQUIRE(q.find_memory("flash")->flash->icache_lines == 16);
  REQUIRE(q.find_memory("flash")->wait_states == 1);
}

TEST_CASE("platform config: the Cortex-M0+ multiplier option") {
  CHECK_FALSE(parse_platform_config(kBoard, "board.yaml").core.timing.small_multiplier);  // default: fast
  const auto small = replace(kBoard, "clock_hz: 48000000", "clock_hz: 48000000, multiplier: small");
  CHECK(parse_platform_config(small, "board.yaml").core.timing.small_multiplier);
  CHECK(parse_platform_config(kBoard, "board.yaml", {Override{"core.multiplier", "small"}}).core.timing.small_multiplier);
  REQUIRE_THAT(error_of(replace(kBoard, "clock_hz: 48000000", "clock_hz: 48000000, multiplier: tiny")),
               Catch::Contains("core.multiplier: 'tiny' is not one of fast, small"));
  const auto m4 = replace(replace(kBoard, "cortex-m0plus", "cortex-m4"), "clock_hz: 48000000", "clock_hz: 48000000, multiplier: small");
  REQUIRE_THAT(error_of(m4), Catch::Contains("core.multiplier: only the Cortex-M0+ has a multiplier option"));
}
