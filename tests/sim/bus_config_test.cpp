// The platform YAML's bus section: policy, priority, streams, shared memories.
#include <catch2/catch.hpp>

#include "sim/platform_config.hpp"
#include "tests/sim/config_test_helpers.hpp"

using sim::Override;
using sim::parse_platform_config;
using test::error_of;
using test::replace;

namespace {
// Line numbers below refer to this text (line 1 is "name: ...").
const std::string kBoard = R"(name: m4-board
core: { type: cortex-m4, clock_hz: 100000000 }
memories:
  flash: { base: 0x08000000, size_kib: 512, kind: flash, wait_states: 2 }
  ccm: { base: 0x10000000, size_kib: 64, kind: tcm }
  sram: { base: 0x20000000, size_kib: 128 }
bus:
  arbitration: round_robin
  priority: [dma, core.data]
  streams:
    dma: { memory: sram, period: 8, hold: 2 }
)";
}  // namespace

TEST_CASE("bus config: policy, priority and streams; a streamed memory is shared") {
  const auto p = parse_platform_config(kBoard, "board.yaml");
  REQUIRE(p.bus.arbitration == bus::Policy::RoundRobin);
  REQUIRE(p.bus.priority == std::vector<std::string>{"dma", "core.data"});
  REQUIRE(p.bus.masters() == std::vector<std::string>{"core.fetch", "core.data", "dma"});
  REQUIRE(p.bus.streams.size() == 1);
  REQUIRE(p.bus.streams[0].memory == "sram");
  REQUIRE(p.bus.streams[0].period == 8);
  REQUIRE(p.bus.streams[0].hold == 2);
  REQUIRE(p.find_memory("sram")->shared);
  REQUIRE_FALSE(p.find_memory("flash")->shared);
}

TEST_CASE("bus config: defaults are fixed priority, no streams, nothing shared; shared: true by hand") {
  const auto p = parse_platform_config(replace(kBoard, kBoard.substr(kBoard.find("bus:")), ""), "board.yaml");
  REQUIRE(p.bus.arbitration == bus::Policy::FixedPriority);
  REQUIRE(p.bus.streams.empty());
  REQUIRE_FALSE(p.find_memory("sram")->shared);
  const auto q = parse_platform_config(kBoard, "board.yaml", {Override{"memories.flash.shared", "true"}});
  REQUIRE(q.find_memory("flash")->shared);
}

TEST_CASE("bus config: mistakes name the file, line and key") {
  CHECK_THAT(error_of(replace(kBoard, "round_robin", "lottery")), Catch::Contains("board.yaml:8") &&
                                                                      Catch::Contains("bus.arbitration"));
  CHECK_THAT(error_of(replace(kBoard, "[dma, core.data]", "[gpu]")),
             Catch::Contains("bus.priority") && Catch::Contains("unknown bus master 'gpu'"));
  CHECK_THAT(error_of(replace(kBoard, "[dma, core.data]", "[dma, dma]")), Catch::Contains("listed twice"));
  CHECK_THAT(error_of(replace(kBoard, "memory: sram", "memory: dram")),
             Catch::Contains("board.yaml:11") && Catch::Contains("no memory named 'dram'"));
  CHECK_THAT(error_of(replace(kBoard, "memory: sram", "memory: ccm")), Catch::Contains("TCM"));
  CHECK_THAT(error_of(replace(kBoard, "hold: 2", "hold: 9")), Catch::Contains("bus.streams.dma.hold"));
  CHECK_THAT(error_of(replace(kBoard, "period: 8", "period: 0")), Catch::Contains("bus.streams.dma.period"));
  CHECK_THAT(error_of(replace(kBoard, "    dma:", "    core.data:")), Catch::Contains("names may use only"));
  CHECK_THAT(error_of(replace(kBoard, "period: 8", "period: 8, rate: 3")), Catch::Contains("rate"));
}
