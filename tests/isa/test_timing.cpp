// Cycle counts of short sequences on the Cortex-M4 and Cortex-M0+ timing
// models at zero wait states. Expected values are the TRMs' table entries
// added up by hand (Cortex-M4 TRM r0p1 Table 3-1, 3.3.2 and the FPU table;
// Cortex-M0+ TRM r0p1 Table 3-1); P = 2 on the M4, 1 on the M0+.
#include <catch2/catch.hpp>
#include <numeric>

#include "tests/isa/cpu_fixture.hpp"

using test::CpuFixture;

namespace {

constexpr uint32_t kData = 0x4000;

struct M4 : CpuFixture {
  M4() : CpuFixture("cortex-m4f") {
    cpu.store(0xE000ED88, 4, 0xFu << 20);  // CPACR: CP10/CP11 full access
    r(1) = kData;
  }
};

uint64_t stall_sum(const isa::Cpu& cpu) {
  const auto stalls = cpu.stalls();
  return static_cast<uint64_t>(std::accumulate(stalls.begin(), stalls.end(), int64_t{0}));
}

}  // namespace

TEST_CASE("Cortex-M4: single-cycle instructions and load pipelining", "[isa][timing][m4]") {
  SECTION("NOP x4: 4") {
    M4 f;
    CHECK(f.cycles_of({0xbf00, 0xbf00, 0xbf00, 0xbf00}, 4) == 4);
  }
  SECTION("three independent LDRs: 2+1+1") {
    M4 f;
    CHECK(f.cycles_of({0x6808, 0x684a, 0x688b}, 3) == 4);  // ldr r0,[r1]; ldr r2,[r1,#4]; ldr r3,[r1,#8]
  }
  SECTION("LDR whose address is the previous load's result: 2+2") {
    M4 f;
    f.bus.write32(kData, kData + 8);
    CHECK(f.cycles_of({0x6808, 0x6802}, 2) == 4);  // ldr r0,[r1]; ldr r2,[r0]
  }
  SECTION("address-generation interlock after an ALU result: 1 + (2+1)") {
    M4 f;
    CHECK(f.cycles_of({0x3104, 0x6808}, 2) == 4);  // adds r1,#4; ldr r0,[r1]
    CHECK(f.cpu.stall_cycles(isa::timing::Stall::Interlock) == 1);
  }
  SECTION("STR immediate offset 1, register offset 2") {
    M4 f;
    f.r(2) = 8;
    CHECK(f.cycles_of({0xbf00, 0x6008}, 2) == 2);  // nop; str r0,[r1]
    CHECK(f.cycles_of({0xbf00, 0x5088}, 2) == 3);  // nop; str r0,[r1,r2]
  }
  SECTION("LDRD 3, post-indexed LDR 2 and not pipelined after") {
    M4 f;
    CHECK(f.cycles_of({0xe9d1, 0x2300}, 1) == 3);          // ldrd r2,r3,[r1]
    CHECK(f.cycles_of({0xf851, 0x0b04, 0x684a}, 2) == 4);  // ldr r0,[r1],#4; ldr r2,[r1,#4]
  }
  SECTION("PUSH 1+N, POP with PC 1+N+P") {
    M4 f;
    f.r(14) = 0x201;
    f.bus.code(0x200, {0xbf00});
    CHECK(f.cycles_of({0xb5f0, 0xbdf0}, 2) == 6 + 8);  // push {r4-r7,lr}; pop {r4-r7,pc}
    CHECK(f.cpu.state().pc == 0x200);
  }
}

TEST_CASE("Cortex-M4: branches, divide and FPU", "[isa][timing][m4]") {
  SECTION("B taken 1+P; B<c> not taken 1, taken 1+P") {
    M4 f;
    CHECK(f.cycles_of({0xe001}, 1) == 3);  // b .+6
    f.cpu.reset(0);
    f.cpu.state().z = false;
    CHECK(f.cycles_of({0xd001}, 1) == 1);  // beq: not taken
    f.cpu.reset(0);
    f.cpu.state().z = true;
    CHECK(f.cycles_of({0xd001}, 1) == 3);  // beq: taken
  }
  SECTION("a 32-bit target straddling two fetch words costs one more") {
    M4 f;
    f.bus.code(0x106, {0xf101, 0x0104});    // add.w r1,r1,#4 at 2 mod 4
    CHECK(f.cycles_of({0xe001}, 1) == 4);  // b .+6
    f.cpu.reset(0);
    f.bus.code(0x106, {0xbf00});            // a 16-bit one there: no extra
    CHECK(f.cycles_of({0xe001}, 1) == 3);
  }
  SECTION("UDIV/SDIV terminate early: 2 to 12") {
    M4 f;
    f.r(1) = 5, f.r(2) = 7;
    CHECK(f.cycles_of({0xfbb1, 0xf0f2}, 1) == 2);  // udiv r0,r1,r2: quotient 0
    f.cpu.reset(0);
    f.r(1) = 0xFFFFFFFF, f.r(2) = 1;
    CHECK(f.cycles_of({0xfbb1, 0xf0f2}, 1) == 12);
    f.cpu.reset(0);
    f.r(1) = static_cast<uint32_t>(-5), f.r(2) = 7;
    CHECK(f.cycles_of({0xfb91, 0xf0f2}, 1) == 2);  // sdiv: |-5| < 7
  }
  SECTION("VADD 1, VMLA 3, VDIV 14") {
    M4 f;
    CHECK(f.cycles_of({0xee30, 0x0a81}, 1) == 1);
    CHECK(f.cycles_of({0xee00, 0x0a81}, 1) == 3);
    CHECK(f.cycles_of({0xee80, 0x0a81}, 1) == 14);
  }
}

TEST_CASE("Cortex-M0+: two-stage pipeline", "[isa][timing][m0plus]") {
  CpuFixture f("cortex-m0plus");
  f.r(1) = kData;
  CHECK(f.cycles_of({0x6808}, 1) == 2);          // ldr r0,[r1]
  CHECK(f.cycles_of({0x6808, 0x684a}, 2) == 4);  // no pipelining of neighbouring loads
  CHECK(f.cycles_of({0xc90c}, 1) == 3);          // ldmia r1!,{r2,r3}: 1+N
  CHECK(f.cycles_of({0x4348}, 1) == 1);          // muls: fast multiplier
  CHECK(f.cycles_of({0xf3ef, 0x8000}, 1) == 3);  // mrs
  f.cpu.reset(0);
  CHECK(f.cycles_of({0xe001}, 1) == 2);          // b: taken
  f.cpu.reset(0);
  CHECK(f.cycles_of({0xf000, 0xf802}, 1) == 3);  // bl
  f.cpu.reset(0);
  f.r(14) = 0x201;
  f.bus.code(0x200, {0xbf00});
  CHECK(f.cycles_of({0x4770}, 1) == 2);          // bx lr
  f.cpu.reset(0);
  f.r(14) = 0x201;
  CHECK(f.cycles_of({0xb5f0, 0xbdf0}, 2) == 6 + 8);  // push {r4-r7,lr} 1+N; pop {r4-r7,pc} 3+N
}

TEST_CASE("Cortex-M0+ with the small multiplier: MULS 32", "[isa][timing][m0plus]") {
  test::RamBus bus(0, CpuFixture::kRamSize);
  bus.write32(0, CpuFixture::kStackTop);
  bus.write32(4, CpuFixture::kCode | 1);
  bus.code(CpuFixture::kCode, {0x4348});
  isa::Cpu cpu(*isa::core_profile("cortex-m0plus"), bus, nullptr, {.small_multiplier = true});
  cpu.reset(0);
  cpu.step_one();
  CHECK(cpu.cycles() == 32);
  CHECK(cpu.stall_cycles(isa::timing::Stall::Multicycle) == 31);
}

TEST_CASE("stalls account for every cycle beyond one per instruction", "[isa][timing]") {
  M4 f;
  f.r(2) = 3;
  f.r(14) = 0x201;
  f.bus.code(0x200, {0xbf00, 0xe7fd});  // nop; b .-2 (back to the nop)
  // adds; ldr (interlock); udiv; vdiv; push; pop {.., pc}; then the loop at 0x200
  f.cycles_of({0x3104, 0x6808, 0xfbb1, 0xf0f2, 0xee80, 0x0a81, 0xb5f0, 0xbdf0}, 40);
  CHECK(f.cpu.instructions() == 40);
  CHECK(f.cpu.cycles() == f.cpu.instructions() + stall_sum(f.cpu));
  using isa::timing::Stall;
  CHECK(f.cpu.stall_cycles(Stall::Interlock) == 1);
  CHECK(f.cpu.stall_cycles(Stall::Fpu) == 13);
  CHECK(f.cpu.stall_cycles(Stall::BranchRefill) == 2 * (1 + 17));  // the POP and 17 loop branches
}
