// System control registers beyond the exception tests: CPUID, VTOR, AIRCR's
// key and PRIGROUP, and the DWT cycle counter (ARMv7-M ARM B3.2, C1.8;
// Cortex-M4 TRM for the CPUID value).
#include <catch2/catch.hpp>

#include "tests/isa/exception_helpers.hpp"

using test::CpuFixture;
using test::read_word;
using test::write_word;

namespace {
constexpr uint32_t kCpuid = 0xE000ED00, kVtor = 0xE000ED08, kAircr = 0xE000ED0C;
constexpr uint32_t kDwtCtrl = 0xE0001000, kDwtCyccnt = 0xE0001004, kDemcr = 0xE000EDFC;
constexpr uint16_t kNop = 0xbf00;
}  // namespace

TEST_CASE("CPUID identifies the core (Cortex-M4 r0p1: 0x410FC241)", "[isa][scs]") {
  CpuFixture m4;
  CHECK(read_word(m4, kCpuid) == 0x410FC241);
  CpuFixture m0("cortex-m0plus");
  CHECK(read_word(m0, kCpuid) == 0x410CC601);  // Cortex-M0+ r0p1
}

TEST_CASE("DWT_CYCCNT counts core cycles only while TRCENA and CYCCNTENA are set", "[isa][scs]") {
  CpuFixture f;
  f.run({kNop, kNop, kNop, kNop, kNop, kNop, kNop, kNop}, 2);
  CHECK(read_word(f, kDwtCyccnt) == 0);  // disabled out of reset
  write_word(f, kDemcr, 1u << 24);        // TRCENA
  write_word(f, kDwtCtrl, 1);             // CYCCNTENA
  write_word(f, kDwtCyccnt, 100);
  for (int i = 0; i < 3; ++i) f.cpu.step_one();
  CHECK(read_word(f, kDwtCyccnt) == 103);  // one cycle per NOP until the timing issue
  write_word(f, kDwtCtrl, 0);
  f.cpu.step_one();
  CHECK(read_word(f, kDwtCyccnt) == 103);  // frozen
}

TEST_CASE("VTOR relocates the vector table", "[isa][scs]") {
  CpuFixture f;
  constexpr uint32_t table = 0x1000, handler = 0x2000;
  f.bus.write32(table + 4 * isa::kPendSv, handler | 1);
  f.bus.code(handler, {kNop});
  f.bus.code(CpuFixture::kCode, {kNop, kNop});
  write_word(f, kVtor, table | 0x7F);  // TBLOFF is bits [31:7]
  CHECK(read_word(f, kVtor) == table);
  write_word(f, test::scs::kIcsr, test::scs::kPendSvSet);
  f.cpu.step_one();  // takes PendSV through the relocated table
  CHECK(f.cpu.state().exception == isa::kPendSv);
  CHECK(f.cpu.state().pc == handler);
}

TEST_CASE("AIRCR needs its key, reads back 0xFA05, and sets PRIGROUP", "[isa][scs]") {
  CpuFixture f;
  write_word(f, kAircr, 5u << 8);  // no VECTKEY: ignored
  CHECK(read_word(f, kAircr) == 0xFA050000u);
  write_word(f, kAircr, 0x05FA0000u | (5u << 8));
  CHECK(read_word(f, kAircr) == (0xFA050000u | (5u << 8)));
  // PRIGROUP 5: bits [5:0] are sub-priority, so 0x40 and 0x70 share a group.
  CHECK(f.cpu.scs().group_priority(0x70) == 0x40);
}
