// Cycle counts of short sequences on the Cortex-M33 timing model
// (isa/timing/cortex_m33.cpp), worked out by hand: single loads and stores
// 1, LDRD 2, LDM N, a load's or multiply's result two cycles after issue,
// MULS 2, a taken branch 1+P with P = 1; the rest as on the Cortex-M4.
#include <catch2/catch.hpp>

#include "tests/isa/cpu_fixture.hpp"

using isa::timing::Stall;
using test::CpuFixture;

namespace {

struct M33 : CpuFixture {
  M33() : CpuFixture("cortex-m33") { r(1) = 0x4000; }
};

}  // namespace

TEST_CASE("Cortex-M33: loads and stores", "[isa][timing][m33]") {
  SECTION("two independent LDRs: 1 + 1 (no pipelining needed, no pairing)") {
    M33 f;
    CHECK(f.cycles_of({0x6808, 0x684a}, 2) == 2);  // ldr r0,[r1]; ldr r2,[r1,#4]
  }
  SECTION("load-to-use 2: LDR then ADDS of its result 1 + 1 + 1") {
    M33 f;
    CHECK(f.cycles_of({0x6808, 0x3001}, 2) == 3);  // ldr r0,[r1]; adds r0,#1
    CHECK(f.cpu.stall_cycles(Stall::Interlock) == 1);
  }
  SECTION("LDRD 2, LDM of 4 registers 4") {
    M33 f;
    CHECK(f.cycles_of({0xe9d1, 0x2300}, 1) == 2);  // ldrd r2,r3,[r1]
    CHECK(f.cycles_of({0xc93c}, 1) == 4);          // ldmia r1!,{r2-r5}
  }
}

TEST_CASE("Cortex-M33: multiplies and branches", "[isa][timing][m33]") {
  SECTION("MULS (16-bit) 2; MUL.W 1, its result a cycle late") {
    M33 f;
    CHECK(f.cycles_of({0x4350}, 1) == 2);                  // muls r0,r2
    M33 g;
    CHECK(g.cycles_of({0xfb01, 0xf002, 0x3001}, 2) == 3);  // mul.w r0,r1,r2; adds r0,#1
  }
  SECTION("B taken 1+P = 2; B<c> not taken 1") {
    M33 f;
    CHECK(f.cycles_of({0xe001}, 1) == 2);  // b .+6
    M33 g;
    g.cpu.state().z = false;
    CHECK(g.cycles_of({0xd001}, 1) == 1);  // beq: not taken
  }
  SECTION("FP MAC 3 and VDIV 14, as on the M4") {
    M33 f;
    f.cpu.store(0xE000ED88, 4, 0xFu << 20);     // CPACR: CP10/CP11 full access
    CHECK(f.cycles_of({0xee00, 0x0a81}, 1) == 3);   // vmla.f32 s0,s1,s2
    CHECK(f.cycles_of({0xee80, 0x0a81}, 1) == 14);  // vdiv.f32 s0,s1,s2
  }
}
