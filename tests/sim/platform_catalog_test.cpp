// The built-in platform files: found by name, strictly valid, and matching
// the boards they describe.
#include "sim/platform_catalog.hpp"

#include <catch2/catch.hpp>

#include "sim/config_error.hpp"
#include "sim/platform_config.hpp"

namespace {
sim::PlatformCatalog catalog() { return sim::PlatformCatalog({EDGESIM_PLATFORM_DIR_FOR_TESTS}); }
sim::PlatformConfig builtin(const std::string& name) { return sim::load_platform_config(catalog().resolve(name)); }
}  // namespace

TEST_CASE("catalog: lists the built-in platforms with descriptions") {
  const auto list = catalog().list();
  std::vector<std::string> names;
  for (const auto& e : list) {
    names.push_back(e.name);
    REQUIRE_FALSE(e.description.empty());
  }
  REQUIRE_THAT(names, Catch::VectorContains(std::string("mps2-an386")) &&
                          Catch::VectorContains(std::string("stm32f407")) &&
                          Catch::VectorContains(std::string("m0plus-minimal")));
}

TEST_CASE("catalog: unknown names are errors listing the known ones") {
  REQUIRE_THROWS_WITH(catalog().resolve("mps3"), Catch::Contains("unknown platform 'mps3'") && Catch::Contains("mps2-an386"));
  REQUIRE_THROWS_AS(catalog().resolve("no/such/file.yaml"), sim::ConfigError);
}

TEST_CASE("every built-in platform passes strict validation") {
  for (const auto& e : catalog().list()) {
    INFO(e.file);
    const auto p = sim::load_platform_config(e.file);
    REQUIRE(p.name == e.name);
  }
}

TEST_CASE("mps2-an386 has QEMU 7.2's memory map and UART interrupts") {
  const auto p = builtin("mps2-an386");
  REQUIRE(p.core.clock_hz == 25'000'000);
  REQUIRE(p.core.profile.max_irqs == 32);
  const auto map = p.address_map();
  // Values from QEMU hw/arm/mps2.c (AN385/AN386 map).
  REQUIRE(map.find(0x00000000)->name == "ssram1");
  REQUIRE(map.find(0x003FFFFF)->name == "ssram1");
  REQUIRE(map.find(0x00400000)->target == map.find(0x0)->target);   // mirror
  REQUIRE(map.find(0x01000000)->name == "blockram");
  REQUIRE(map.find(0x0100C000)->target == map.find(0x01000000)->target);
  REQUIRE(map.find(0x01010000)->name == "reserved2");  // unimplemented, as in QEMU
  REQUIRE(map.find(0x20000000)->name == "ssram23");
  REQUIRE(map.find(0x20400000)->target == map.find(0x20000000)->target);
  REQUIRE(map.find(0x21FFFFFF)->name == "psram");
  // Bit-band aliases of SRAM and peripherals, as QEMU's armv7m enables them.
  REQUIRE(map.find(0x22000000)->name == "sram_bitband");
  REQUIRE(map.find(0x23FFFFFF)->name == "sram_bitband");
  REQUIRE(map.find(0x42000000)->name == "peripheral_bitband");
  REQUIRE(p.bitbands.size() == 2);
  REQUIRE(p.bitbands[0].region == 0x20000000);
  // QEMU's unimplemented-device ranges read as zero instead of faulting...
  for (uint32_t addr : {0x00800000u, 0x01010000u, 0x1FFFFFFFu, 0x20800000u, 0x40000000u, 0x40008000u, 0x4002F000u,
                        0x40030000u, 0x401FFFFFu, 0x41000000u}) {
    INFO(addr);
    REQUIRE(map.find(addr) != nullptr);
  }
  // ...but 0x60000000-0x9FFFFFFF (fault_unmapped) stays unmapped.
  REQUIRE(map.find(0x60000000) == nullptr);
  REQUIRE(map.find(0x90000000) == nullptr);
  const uint32_t bases[] = {0x40004000, 0x40005000, 0x40006000, 0x40007000, 0x40009000};
  const unsigned rx[] = {0, 2, 4, 18, 20};
  REQUIRE(p.uarts.size() == 5);
  for (size_t i = 0; i < 5; ++i) {
    REQUIRE(p.uarts[i].base == bases[i]);
    REQUIRE(p.uarts[i].irq_rx == rx[i]);
    REQUIRE(p.uarts[i].irq_tx == rx[i] + 1);
    REQUIRE(p.uarts[i].irq_overflow == (i < 3 ? std::optional<unsigned>(12) : std::nullopt));
  }
}

TEST_CASE("stm32f407 boots from a read-only alias of its flash") {
  const auto p = builtin("stm32f407");
  REQUIRE(p.core.clock_hz == 168'000'000);
  const auto map = p.address_map();
  REQUIRE(map.find(0x0)->target == map.find(0x08000000)->target);
  REQUIRE(map.find(0x000FFFFF)->target == map.find(0x08000000)->target);
  REQUIRE(p.find_memory("flash")->kind == sim::MemoryKind::Flash);
  REQUIRE(p.find_memory("flash")->size_bytes == 1024 * 1024);
  REQUIRE(p.find_memory("ccm")->base == 0x10000000);
  REQUIRE(p.find_memory("ccm")->kind == sim::MemoryKind::Tcm);
  REQUIRE(p.find_memory("sram")->size_bytes == 128 * 1024);
}

TEST_CASE("stm32f407's flash is set up as SystemInit leaves it: 5 wait states at 168 MHz, prefetch and ART on") {
  const auto p = builtin("stm32f407");
  const auto& flash = *p.find_memory("flash");
  REQUIRE(flash.wait_states == 5);  // RM0090 3.5.1, 2.7-3.6 V
  REQUIRE(flash.flash->line_bytes == 16);
  REQUIRE(flash.flash->prefetch);
  REQUIRE(flash.flash->icache_lines == 64);  // RM0090 3.5.2
  REQUIRE(flash.flash->dcache_lines == 8);
  // The same table gives fewer wait states at lower clocks.
  const auto slow = sim::load_platform_config(catalog().resolve("stm32f407"), {{"core.clock_hz", "84000000"}});
  REQUIRE(slow.find_memory("flash")->wait_states == 2);
}

TEST_CASE("m0plus-minimal is a Cortex-M0+ with one UART") {
  const auto p = builtin("m0plus-minimal");
  REQUIRE(p.core.profile.name == "cortex-m0plus");
  REQUIRE(p.core.clock_hz == 48'000'000);
  REQUIRE(p.uarts.size() == 1);
  REQUIRE(p.uarts[0].base == 0x40004000);
  const auto& flash = *p.find_memory("flash");
  REQUIRE(flash.wait_states == 1);
  REQUIRE(flash.flash->line_bytes == 8);
  REQUIRE_FALSE(flash.flash->prefetch);
  REQUIRE(flash.flash->icache_lines == 0);
}
