#include <catch2/catch.hpp>

#include <string>

#include "energy/work_names.hpp"
#include "sim/config_error.hpp"
#include "sim/energy_table.hpp"
#include "sim/platform_config.hpp"

using sim::ConfigError;
using sim::parse_cost_table;

namespace {
size_t idx(isa::WorkOp op) { return static_cast<size_t>(op); }
size_t idx(isa::WorkWidth w) { return static_cast<size_t>(w); }

// A complete table; line numbers matter to the error tests (line 1 is "name").
const std::string kTable = R"(name: tiny
source: made up for the tests
core:
  cycle_pj: 1.5
  ops:
    add:      { int8_pj: 0.03, int16_pj: 0.05, int32_pj: 0.1, int64_pj: 0.2, fp32_pj: 0.9, fp64_pj: 1.8 }
    multiply: { int8_pj: 0.2, int16_pj: 0.8, int32_pj: 3.1, int64_pj: 12, fp32_pj: 3.7, fp64_pj: 15 }
    mac:      { int8_pj: 0.3, int16_pj: 0.9, int32_pj: 3.2, int64_pj: 12, fp32_pj: 4.6, fp64_pj: 17 }
    divide:   { int8_pj: 1, int16_pj: 2, int32_pj: 3, int64_pj: 4, fp32_pj: 5, fp64_pj: 6 }
    load:     { int8_pj: 0.1, int16_pj: 0.1, int32_pj: 0.1, int64_pj: 0.1, fp32_pj: 0.1, fp64_pj: 0.1 }
    store:    { int8_pj: 0.1, int16_pj: 0.1, int32_pj: 0.1, int64_pj: 0.1, fp32_pj: 0.1, fp64_pj: 0.1 }
    branch:   { int8_pj: 0.1, int16_pj: 0.1, int32_pj: 0.1, int64_pj: 0.1, fp32_pj: 0.1, fp64_pj: 0.1 }
    other:    { int8_pj: 0, int16_pj: 0, int32_pj: 0, int64_pj: 0, fp32_pj: 0, fp64_pj: 1e-2 }
memory:
  sram: { access_bytes: 8, size_kib: [8, 32], access_pj: [10, 20] }
  flash: { access_bytes: 16, access_pj: 100, art_hit_pj: 10 }
  external: { access_bytes: 8, access_pj: 1300 }
cache: { hit_pj: 10, miss_pj: 50 }
accel: { mac_pj: 0.3, buffer_access_bytes: 8, buffer_access_pj: 36, dma_byte_pj: 0.5 }
static: { core_mw: 1, accel_mw: 2, sram_mw_per_kib: 0.25, flash_mw_per_kib: 0, external_mw_per_kib: 0 }
)";

// kTable with the first `from` replaced by `to`.
std::string edited(const std::string& from, const std::string& to) {
  std::string t = kTable;
  const auto at = t.find(from);
  REQUIRE(at != std::string::npos);
  return t.replace(at, from.size(), to);
}

std::string error_of(const std::string& yaml) {
  try {
    parse_cost_table(yaml, "t.yaml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  FAIL("no error for:\n" << yaml);
  return {};
}
}  // namespace

TEST_CASE("a cost table reads into every entry") {
  const auto t = parse_cost_table(kTable, "t.yaml");
  CHECK(t.name == "tiny");
  CHECK(t.source == "t.yaml");
  CHECK(t.core_cycle_pj == 1.5);
  CHECK(t.core_op_pj[idx(isa::WorkOp::Add)][idx(isa::WorkWidth::Int8)] == 0.03);
  CHECK(t.core_op_pj[idx(isa::WorkOp::Multiply)][idx(isa::WorkWidth::Fp32)] == 3.7);
  CHECK(t.core_op_pj[idx(isa::WorkOp::Divide)][idx(isa::WorkWidth::Int64)] == 4);
  CHECK(t.core_op_pj[idx(isa::WorkOp::Other)][idx(isa::WorkWidth::Fp64)] == 0.01);
  REQUIRE(t.sram.size() == 2);
  CHECK(t.sram[1].size_bytes == 32 * 1024);
  CHECK(t.sram[1].access_pj == 20);
  CHECK(t.flash_access_bytes == 16);
  CHECK(t.flash_art_hit_pj == 10);
  CHECK(t.external_access_pj == 1300);
  CHECK(t.l1_miss_pj == 50);
  CHECK(t.accel_buffer_access_pj == 36);
  CHECK(t.accel_dma_byte_pj == 0.5);
  CHECK(t.static_accel_mw == 2);
  CHECK(t.static_sram_mw_per_kib == 0.25);
}

TEST_CASE("a missing entry is an error naming the file, line and key") {
  CHECK(error_of(edited(", fp64_pj: 6 }", " }")) == "t.yaml:9:15: core.ops.divide.fp64_pj: missing (required)");
  // Entries are read in order: the missing one is found before the stray one.
  CHECK(error_of(edited("    branch:", "    jump:")) == "t.yaml:6:5: core.ops.branch: missing (required)");
  CHECK(error_of(edited("  external: { access_bytes: 8, access_pj: 1300 }\n", "")) ==
        "t.yaml:15:3: memory.external: missing (required)");
  CHECK(error_of(edited("source: made up for the tests\n", "")) == "t.yaml:1:1: source: missing (required)");
}

TEST_CASE("a negative entry is an error naming the file, line and key") {
  CHECK(error_of(edited("mac_pj: 0.3", "mac_pj: -0.3")) == "t.yaml:19:18: accel.mac_pj: -0.3 is negative");
  CHECK(error_of(edited("access_pj: [10, 20]", "access_pj: [10, -20]")) ==
        "t.yaml:15:63: memory.sram.access_pj: -20 is negative");
  CHECK(error_of(edited("cycle_pj: 1.5", "cycle_pj: -1e-3")) == "t.yaml:4:13: core.cycle_pj: -1e-3 is negative");
}

TEST_CASE("an unknown key or a malformed value is an error naming the file, line and key") {
  CHECK(error_of(edited("cache: { hit_pj: 10,", "cache: { hit_pj: 10, leak_mw: 1,")) ==
        "t.yaml:18:22: cache.leak_mw: unknown key (expected one of: hit_pj, miss_pj)");
  CHECK(error_of(edited("accel_mw: 2", "accel_mw: lots")) == "t.yaml:20:33: static.accel_mw: expected a number, got 'lots'");
  CHECK(error_of(edited("core_mw: 1", "core_mw: inf")) == "t.yaml:20:20: static.core_mw: expected a number, got 'inf'");
  CHECK(error_of(edited("access_bytes: 16", "access_bytes: 0")) ==
        "t.yaml:16:26: memory.flash.access_bytes: 0 is out of range [1, 4096]");
  CHECK(error_of(edited("size_kib: [8, 32]", "size_kib: [32, 8]")) ==
        "t.yaml:15:38: memory.sram.size_kib: must be ascending: 8 follows 32");
  CHECK(error_of(edited("access_pj: [10, 20]", "access_pj: [10]")) ==
        "t.yaml:15:58: memory.sram.access_pj: has 1 entries for 2 sizes in size_kib");
  const std::string broken = error_of("name: [unclosed\n");
  CHECK(broken.starts_with("t.yaml:"));
  CHECK(broken.find("invalid YAML") != std::string::npos);
}

TEST_CASE("horowitz-45nm holds the published 45 nm figures") {
  const auto h = sim::load_cost_table(EDGESIM_ENERGY_DIR_FOR_TESTS "/horowitz-45nm.yaml");
  CHECK(h.name == "horowitz-45nm");
  // Horowitz, ISSCC 2014, 45 nm.
  CHECK(h.core_op_pj[idx(isa::WorkOp::Add)][idx(isa::WorkWidth::Int8)] == 0.03);
  CHECK(h.core_op_pj[idx(isa::WorkOp::Add)][idx(isa::WorkWidth::Int32)] == 0.1);
  CHECK(h.core_op_pj[idx(isa::WorkOp::Add)][idx(isa::WorkWidth::Fp32)] == 0.9);
  CHECK(h.core_op_pj[idx(isa::WorkOp::Multiply)][idx(isa::WorkWidth::Int8)] == 0.2);
  CHECK(h.core_op_pj[idx(isa::WorkOp::Multiply)][idx(isa::WorkWidth::Int32)] == 3.1);
  CHECK(h.core_op_pj[idx(isa::WorkOp::Multiply)][idx(isa::WorkWidth::Fp32)] == 3.7);
  // MAC = multiply + 32-bit accumulate (the file's rule).
  CHECK(h.core_op_pj[idx(isa::WorkOp::Mac)][idx(isa::WorkWidth::Int8)] == Approx(0.2 + 0.1));
  REQUIRE(h.sram.size() == 3);
  CHECK(h.sram[0].size_bytes == 8 * 1024);
  CHECK(h.sram[0].access_pj == 10);
  CHECK(h.sram[1].access_pj == 20);
  CHECK(h.sram[2].size_bytes == 1024 * 1024);
  CHECK(h.sram[2].access_pj == 100);
  CHECK(h.external_access_pj == 1300);  // DRAM 1.3-2.6 nJ per 64 bits: the low end
}

TEST_CASE("jouppi-7nm holds the quoted 7 nm operation energies and Horowitz's 45 nm memories") {
  const auto j = sim::load_cost_table(EDGESIM_ENERGY_DIR_FOR_TESTS "/jouppi-7nm.yaml");
  CHECK(j.name == "jouppi-7nm");
  const auto op = [&](isa::WorkOp o, isa::WorkWidth w) { return j.core_op_pj[idx(o)][idx(w)]; };
  // Jouppi et al. ISCA 2021 Table 2 at 7 nm, as quoted by Sadi et al., DAES
  // 28:91-110 (2024), section 1 ("FP32 multiplication only needs 1.31 pJ"),
  // and by koc-lab/BitTransGNN bittransgnn_energy_calc.py, tot_energy() "7nm":
  // int8 add 0.007 / mult 0.07, int32 add 0.03 / mult 1.48, fp32 add 0.38 / mult 1.31.
  CHECK(op(isa::WorkOp::Add, isa::WorkWidth::Int8) == 0.007);
  CHECK(op(isa::WorkOp::Add, isa::WorkWidth::Int32) == 0.03);
  CHECK(op(isa::WorkOp::Add, isa::WorkWidth::Fp32) == 0.38);
  CHECK(op(isa::WorkOp::Multiply, isa::WorkWidth::Int8) == 0.07);
  CHECK(op(isa::WorkOp::Multiply, isa::WorkWidth::Int32) == 1.48);
  CHECK(op(isa::WorkOp::Multiply, isa::WorkWidth::Fp32) == 1.31);
  // horowitz-45nm's rules applied to them: a multiplier by the square of its
  // width, an adder linearly, MAC = multiply + 32-bit add, float divide 7.1 x multiply.
  CHECK(op(isa::WorkOp::Multiply, isa::WorkWidth::Int16) == Approx(1.48 / 4));
  CHECK(op(isa::WorkOp::Add, isa::WorkWidth::Int64) == Approx(0.03 * 2));
  CHECK(op(isa::WorkOp::Mac, isa::WorkWidth::Int8) == Approx(0.07 + 0.03));
  CHECK(op(isa::WorkOp::Mac, isa::WorkWidth::Fp32) == Approx(1.31 + 0.38));
  CHECK(op(isa::WorkOp::Divide, isa::WorkWidth::Fp32) == Approx(7.1 * 1.31));
  CHECK(j.accel_mac_pj == Approx(0.07 + 0.03));
  // No 7 nm SRAM or DRAM figure could be verified: the memories are
  // Horowitz's 45 nm ones (10/20/100 pJ per 64 bits at 8 KB/32 KB/1 MB; DRAM 1.3 nJ).
  REQUIRE(j.sram.size() == 3);
  CHECK(j.sram[0].access_pj == 10);
  CHECK(j.sram[1].access_pj == 20);
  CHECK(j.sram[2].access_pj == 100);
  CHECK(j.external_access_pj == 1300);
}

TEST_CASE("stm32f407-vendor charges ST's run-mode current per cycle and nothing else") {
  const auto v = sim::load_cost_table(EDGESIM_ENERGY_DIR_FOR_TESTS "/stm32f407-vendor.yaml");
  CHECK(v.name == "stm32f407-vendor");
  // ST's STM32F407/417 product page: 238 uA/MHz at 168 MHz from flash, ART on.
  // Per cycle: 238e-6 A / 1e6 Hz = 238e-12 C; x 3.3 V = 785.4e-12 J.
  CHECK(v.core_cycle_pj == Approx(785.4));
  // 238 uA/MHz x 168 MHz is DS8626 Table 20's ~40 mA (peripherals disabled).
  CHECK(v.core_cycle_pj / 3.3 * 168 / 1e3 == Approx(40).epsilon(0.01));
  // Everything else is inside that current: charging it again would double count.
  for (const auto& per_width : v.core_op_pj)
    for (const double pj : per_width) CHECK(pj == 0);
  REQUIRE(v.sram.size() == 1);
  CHECK(v.sram[0].access_pj == 0);
  CHECK(v.flash_access_pj == 0);
  CHECK(v.flash_art_hit_pj == 0);
  CHECK(v.external_access_pj == 0);
  CHECK(v.static_core_mw == 0);
}

TEST_CASE("tables resolve by name from platforms/energy/, or as files") {
  const auto by_name = sim::resolve_cost_table("jouppi-7nm", {});
  CHECK(by_name.filename() == "jouppi-7nm.yaml");
  CHECK(by_name.parent_path().filename() == "energy");
  const auto by_file = sim::resolve_cost_table("horowitz-45nm.yaml", EDGESIM_ENERGY_DIR_FOR_TESTS);
  CHECK(by_file == std::filesystem::path(EDGESIM_ENERGY_DIR_FOR_TESTS) / "horowitz-45nm.yaml");
  try {
    sim::resolve_cost_table("horowitz-46nm", {});
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()).starts_with("unknown energy table 'horowitz-46nm' (built-in: horowitz-45nm, jouppi-7nm"));
  }
  CHECK_THROWS_WITH(sim::resolve_cost_table("missing.yaml", "/nonexistent"),
                    "/nonexistent/missing.yaml: no such energy table file");
}

TEST_CASE("a platform names its cost table with energy:, horowitz-45nm by default") {
  const std::string platform = R"(name: p
core: { type: cortex-m4, clock_hz: 1000000 }
memories: { sram: { base: 0x20000000, size_kib: 64 } }
)";
  CHECK(sim::parse_platform_config(platform, "p.yaml").energy == "horowitz-45nm");
  CHECK(sim::parse_platform_config(platform + "energy: jouppi-7nm\n", "p.yaml").energy == "jouppi-7nm");
  CHECK(sim::parse_platform_config(platform, "p.yaml", {sim::parse_override("energy=mine.yaml")}).energy == "mine.yaml");
}
