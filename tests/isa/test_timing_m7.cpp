// Cycle counts of short sequences on the Cortex-M7 timing model (an
// approximation, isa/timing/cortex_m7.cpp), worked out by hand from its
// rules: two instructions issue together when both may pair, the second
// does not need the first's result and they are not two memory accesses
// other than two loads; a load's or multiply's result comes a cycle late;
// FP instructions charge their issue cycles (VDIV.F32 16, VDIV.F64 30).
// The first instruction after reset never pairs (nothing before it).
#include <catch2/catch.hpp>

#include "isa/timing/cortex_m.hpp"
#include "tests/isa/cpu_fixture.hpp"

using isa::timing::Stall;
using test::CpuFixture;

namespace {

constexpr uint32_t kData = 0x4000;

struct M7 : CpuFixture {
  M7() : CpuFixture("cortex-m7") {
    cpu.store(0xE000ED88, 4, 0xFu << 20);  // CPACR: CP10/CP11 full access
    r(1) = kData;
  }
};

}  // namespace

TEST_CASE("Cortex-M7: dual issue", "[isa][timing][m7]") {
  SECTION("two independent ALU ops issue together: 1") {
    M7 f;
    CHECK(f.cycles_of({0x3001, 0x3101}, 2) == 1);  // adds r0,#1; adds r1,#1
    CHECK(f.cpu.stall_cycles(Stall::DualIssue) == -1);
  }
  SECTION("three: a pair, then one alone: 2") {
    M7 f;
    CHECK(f.cycles_of({0x3001, 0x3101, 0x3201}, 3) == 2);  // adds r0; adds r1; adds r2
  }
  SECTION("the second needs the first's result: 1 + 1") {
    M7 f;
    CHECK(f.cycles_of({0x3001, 0x3001}, 2) == 2);  // adds r0,#1; adds r0,#1
  }
  SECTION("two loads pair (two load ports), two stores do not (one store port)") {
    M7 f;
    CHECK(f.cycles_of({0x6808, 0x684a}, 2) == 1);  // ldr r0,[r1]; ldr r2,[r1,#4]
    M7 g;
    CHECK(g.cycles_of({0x6008, 0x604a}, 2) == 2);  // str r0,[r1]; str r2,[r1,#4]
  }
  SECTION("a multiply issues alone (one MAC unit): MULS + ADDS 2") {
    M7 f;
    CHECK(f.cycles_of({0x4350, 0x3301}, 2) == 2);  // muls r0,r2; adds r3,#1
  }
  SECTION("a not-taken branch pairs with the instruction after it") {
    M7 f;
    f.cpu.state().z = false;
    CHECK(f.cycles_of({0xd001, 0x3001}, 2) == 1);  // beq (not taken); adds r0,#1
  }
}

TEST_CASE("Cortex-M7: results a cycle late", "[isa][timing][m7]") {
  SECTION("load-use: LDR then an ADDS of its result: 1 + 1 + 1") {
    M7 f;
    CHECK(f.cycles_of({0x6808, 0x3001}, 2) == 3);  // ldr r0,[r1]; adds r0,#1
    CHECK(f.cpu.stall_cycles(Stall::Interlock) == 1);
  }
  SECTION("without the dependency the two pair: 1") {
    M7 f;
    CHECK(f.cycles_of({0x6808, 0x3201}, 2) == 1);  // ldr r0,[r1]; adds r2,#1
  }
  SECTION("a multiply's result: MULS then ADDS r0: 1 + 1 + 1") {
    M7 f;
    CHECK(f.cycles_of({0x4350, 0x3001}, 2) == 3);  // muls r0,r2; adds r0,#1
  }
  SECTION("an ALU result as the next address: 1 + 1 + 1") {
    M7 f;
    CHECK(f.cycles_of({0x3100, 0x6808}, 2) == 3);  // adds r1,#0; ldr r0,[r1]
    CHECK(f.cpu.stall_cycles(Stall::Interlock) == 1);
  }
  SECTION("LDM: ceil(N/2) on the 64-bit data path") {
    M7 f;
    CHECK(f.cycles_of({0xc93c}, 1) == 2);  // ldmia r1!,{r2-r5}
  }
}

TEST_CASE("Cortex-M7: FP issue cycles", "[isa][timing][m7]") {
  SECTION("VADD.F32 1; two on the one FP pipe do not pair") {
    M7 f;
    CHECK(f.cycles_of({0xee30, 0x0a81}, 1) == 1);                  // vadd.f32 s0,s1,s2
    M7 g;
    CHECK(g.cycles_of({0xee30, 0x0a81, 0xee30, 0x0a81}, 2) == 2);  // twice
  }
  SECTION("VDIV.F32 16, VSQRT.F32 14, VDIV.F64 30: they hold the FP pipe") {
    M7 f;
    CHECK(f.cycles_of({0xee80, 0x0a81}, 1) == 16);  // vdiv.f32 s0,s1,s2
    CHECK(f.cpu.stall_cycles(Stall::Fpu) == 15);
    CHECK(f.cycles_of({0xeeb1, 0x0ae0}, 1) == 14);  // vsqrt.f32 s0,s1
    CHECK(f.cycles_of({0xee81, 0x0b02}, 1) == 30);  // vdiv.f64 d0,d1,d2
  }
  SECTION("a core-to-FP move pairs with an ALU op") {
    M7 f;
    CHECK(f.cycles_of({0xee00, 0x0a10, 0x3101}, 2) == 1);  // vmov s0,r0; adds r1,#1
  }
}

TEST_CASE("Cortex-M7: branches", "[isa][timing][m7]") {
  SECTION("the core charges what branch_penalty says: 1+8 the first time, 1 once predicted") {
    M7 f;
    CHECK(f.cycles_of({0xe001}, 1) == 9);  // b .+6: not seen before
    CHECK(f.cycles_of({0xe001}, 1) == 1);  // the same branch to the same target: predicted
    CHECK(f.cpu.stall_cycles(Stall::BranchRefill) == 8);
  }
  SECTION("branch_penalty: mispredicted 8, predicted 0") {
    isa::timing::CortexM7 m7;
    CHECK(m7.branch_penalty(0x100, 0x80, true) == 8);   // first time: fetch went on
    CHECK(m7.branch_penalty(0x100, 0x80, true) == 0);   // seen taken: predicted
    CHECK(m7.branch_penalty(0x100, 0x104, false) == 8); // predicted taken, fell through
    CHECK(m7.branch_penalty(0x100, 0x80, true) == 0);   // one fall-through does not evict a loop branch
    CHECK(m7.branch_penalty(0x100, 0x90, true) == 8);   // taken elsewhere: the target was wrong
    CHECK(m7.branch_penalty(0x200, 0x204, false) == 0); // never seen, not taken: predicted
  }
}
