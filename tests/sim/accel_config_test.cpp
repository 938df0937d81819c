// The platform YAML's accel: section: defaults, the bus master and shared
// memories it brings, and mistakes named by file, line and key.
#include <catch2/catch.hpp>

#include "sim/platform_config.hpp"
#include "tests/sim/config_test_helpers.hpp"

using sim::Override;
using sim::parse_platform_config;
using test::error_of;
using test::replace;

namespace {
// Line numbers below refer to this text (line 1 is "name: ...").
const std::string kBoard = R"(name: npu-board
core: { type: cortex-m4, clock_hz: 100000000, num_irqs: 32 }
memories:
  flash: { base: 0x08000000, size_kib: 512, kind: flash, wait_states: 2 }
  ccm: { base: 0x10000000, size_kib: 64, kind: tcm }
  sram: { base: 0x20000000, size_kib: 128 }
accel:
  base: 0x40080000
  irq: 31
  rows: 16
  impl: rtl
  buffers: { weight_kib: 32 }
  dma: { width_bytes: 16, burst_bytes: 128 }
)";
}  // namespace

TEST_CASE("accel config: given keys, defaults for the rest") {
  const auto p = parse_platform_config(kBoard, "board.yaml");
  REQUIRE(p.accel.has_value());
  const sim::AccelConfig& a = *p.accel;
  CHECK(a.base == 0x40080000);
  CHECK(a.irq == 31u);
  CHECK(a.rows == 16);
  CHECK(a.cols == 8);  // default
  CHECK(a.impl == sim::AccelImpl::Rtl);
  CHECK(a.clock_ratio == 1);
  CHECK(a.input_buffer_bytes == 64 * 1024);
  CHECK(a.weight_buffer_bytes == 32 * 1024);
  CHECK(a.output_buffer_bytes == 16 * 1024);
  CHECK(a.dma_width_bytes == 16);
  CHECK(a.dma_latency_cycles == 4);
  CHECK(a.dma_burst_bytes == 128);
}

TEST_CASE("accel config: its DMA is a bus master, every memory but the TCM a shared port, its registers mapped") {
  const auto p = parse_platform_config(kBoard, "board.yaml");
  CHECK(p.bus.masters() == std::vector<std::string>{"core.fetch", "core.data", "accel.dma"});
  CHECK(p.find_memory("flash")->shared);
  CHECK(p.find_memory("sram")->shared);
  CHECK_FALSE(p.find_memory("ccm")->shared);
  const auto map = p.address_map();
  const memory::Mapping* regs = map.find(0x40080FFC);
  REQUIRE(regs != nullptr);
  CHECK(regs->name == "accel");
  CHECK(map.find(0x40081000) == nullptr);  // 4 KiB of registers
  // The master can be given a priority.
  const auto q = parse_platform_config(kBoard + "bus: { priority: [accel.dma] }\n", "board.yaml");
  CHECK(q.bus.priority == std::vector<std::string>{"accel.dma"});
}

TEST_CASE("accel config: without the section, no accelerator and no DMA master") {
  const auto p = parse_platform_config(kBoard.substr(0, kBoard.find("accel:")), "board.yaml");
  CHECK_FALSE(p.accel.has_value());
  CHECK(p.bus.masters() == std::vector<std::string>{"core.fetch", "core.data"});
  CHECK_FALSE(p.find_memory("sram")->shared);
}

TEST_CASE("accel config: overrides reach every key") {
  const auto p = parse_platform_config(kBoard, "board.yaml",
                                       {Override{"accel.cols", "4"}, Override{"accel.impl", "tlm"},
                                        Override{"accel.clock_ratio", "2"}, Override{"accel.buffers.output_kib", "8"},
                                        Override{"accel.dma.latency_cycles", "10"}});
  CHECK(p.accel->cols == 4);
  CHECK(p.accel->impl == sim::AccelImpl::Tlm);
  CHECK(p.accel->clock_ratio == 2);
  CHECK(p.accel->output_buffer_bytes == 8 * 1024);
  CHECK(p.accel->dma_latency_cycles == 10);
}

TEST_CASE("accel config: mistakes name the file, line and key") {
  CHECK_THAT(error_of(replace(kBoard, "0x40080000", "0x40080100")),
             Catch::Contains("board.yaml:8") && Catch::Contains("accel.base") && Catch::Contains("0x1000"));
  CHECK_THAT(error_of(replace(kBoard, "irq: 31", "irq: 32")), Catch::Contains("board.yaml:9") && Catch::Contains("accel.irq"));
  CHECK_THAT(error_of(replace(kBoard, "rows: 16", "rows: 0")), Catch::Contains("accel.rows"));
  CHECK_THAT(error_of(replace(kBoard, "rows: 16", "rows: 256")), Catch::Contains("accel.rows"));
  CHECK_THAT(error_of(replace(kBoard, "impl: rtl", "impl: verilog")),
             Catch::Contains("accel.impl") && Catch::Contains("tlm") && Catch::Contains("rtl"));
  CHECK_THAT(error_of(replace(kBoard, "weight_kib: 32", "weights_kib: 32")),
             Catch::Contains("board.yaml:12") && Catch::Contains("weights_kib"));
  CHECK_THAT(error_of(replace(kBoard, "width_bytes: 16", "width_bytes: 12")),
             Catch::Contains("accel.dma.width_bytes") && Catch::Contains("power of two"));
  CHECK_THAT(error_of(replace(kBoard, "burst_bytes: 128", "burst_bytes: 8")),
             Catch::Contains("accel.dma.burst_bytes") && Catch::Contains("at least width_bytes"));
  CHECK_THAT(error_of(replace(kBoard, "base: 0x40080000", "base: 0x20000000")), Catch::Contains("overlap"));
  CHECK_THAT(error_of(kBoard, {Override{"accel.clock_ratio", "0"}}), Catch::Contains("accel.clock_ratio"));
}
