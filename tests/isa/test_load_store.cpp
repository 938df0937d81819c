// Load/store instructions. Encodings from arm-none-eabi-as -mcpu=cortex-m4
// -mthumb (objdump -d), hand-encoded words marked as such; expected values
// worked out by hand from the ARMv7-M ARM pseudocode (A7.7) and the
// exception model (B1.5): addresses, writeback, extension, faults.
#include <catch2/catch.hpp>

#include "isa/decoder.hpp"
#include "tests/isa/cpu_fixture.hpp"

using test::CpuFixture;

namespace {
constexpr uint32_t kShcsr = 0xE000ED24, kCfsr = 0xE000ED28, kHfsr = 0xE000ED2C, kBfar = 0xE000ED38,
                   kCcr = 0xE000ED14, kIcsr = 0xE000ED04;
constexpr uint32_t kUnalignedBit = 1u << 24, kInvStateBit = 1u << 17, kPreciseErrBit = 1u << 9,
                   kBfarValidBit = 1u << 15, kForcedBit = 1u << 30;

uint32_t scs(CpuFixture& f, uint32_t addr) {
  uint32_t v = 0;
  REQUIRE(f.cpu.scs().read(addr, 4, v));
  return v;
}
void set_scs(CpuFixture& f, uint32_t addr, uint32_t v) { REQUIRE(f.cpu.scs().write(addr, 4, v)); }

const isa::Decoder& decoder(std::string_view core) {
  static const isa::Decoder m4(*isa::core_profile("cortex-m4"));
  static const isa::Decoder m0plus(*isa::core_profile("cortex-m0plus"));
  return core == "cortex-m4" ? m4 : m0plus;
}
// The row a 32-bit word (hw1 << 16 | hw2) or a 16-bit halfword decodes to.
std::string_view row_name(uint32_t raw, std::string_view core = "cortex-m4") {
  const isa::Decoded d = decoder(core).decode(raw, raw > 0xFFFF);
  return isa::Decoder::row(d.row).name;
}
bool undefined(uint32_t raw, std::string_view core = "cortex-m4") {
  return decoder(core).decode(raw, raw > 0xFFFF).exec == isa::undefined_instruction;
}
}  // namespace

TEST_CASE("16-bit loads and stores with imm5, SP-relative and register offsets", "[isa][ls]") {
  SECTION("immediate offsets scale by the access size") {
    CpuFixture f;
    f.r(1) = 0x1000;
    f.r(2) = 0xDEADBEEF;
    f.bus.write32(0x1000, 0x11223344);
    f.bus.write32(0x1008, 0x99AABBCC);
    f.bus.write32(0x8008, 0xCAFEF00D);
    f.run({
              0x6888,  // ldr r0, [r1, #8]
              0x604a,  // str r2, [r1, #4]
              0x78cb,  // ldrb r3, [r1, #3]
              0x77ca,  // strb r2, [r1, #31]
              0x884c,  // ldrh r4, [r1, #2]
              0x87ca,  // strh r2, [r1, #62]
              0x9d02,  // ldr r5, [sp, #8]
              0x92ff,  // str r2, [sp, #1020]
          },
          8);
    CHECK(f.r(0) == 0x99AABBCC);
    CHECK(f.bus.read32(0x1004) == 0xDEADBEEF);
    CHECK(f.r(3) == 0x11);
    CHECK(f.bus.read32(0x101C) == 0xEF000000);
    CHECK(f.r(4) == 0x1122);
    CHECK(f.bus.read32(0x103C) == 0xBEEF0000);
    CHECK(f.r(5) == 0xCAFEF00D);
    CHECK(f.bus.read32(0x83FC) == 0xDEADBEEF);
    CHECK(f.r(1) == 0x1000);  // no writeback in these forms
    CHECK(f.cpu.state().pc == CpuFixture::kCode + 16);
  }
  SECTION("register offsets, with sign extension for LDRSB/LDRSH") {
    CpuFixture f;
    f.r(1) = 0x1000;
    f.r(2) = 8;
    f.r(3) = 0xFEDC8281;
    f.r(4) = 0x77;
    f.r(5) = 0x6655;
    f.bus.write32(0x1008, 0x99AABBCC);
    f.bus.code(CpuFixture::kCode, {
                                      0x5888,  // ldr r0, [r1, r2]
                                      0x508b,  // str r3, [r1, r2]
                                      0x5c88,  // ldrb r0, [r1, r2]
                                      0x5688,  // ldrsb r0, [r1, r2]
                                      0x5a88,  // ldrh r0, [r1, r2]
                                      0x5e88,  // ldrsh r0, [r1, r2]
                                      0x548c,  // strb r4, [r1, r2]
                                      0x528d,  // strh r5, [r1, r2]
                                  });
    f.cpu.step_one();
    CHECK(f.r(0) == 0x99AABBCC);
    f.cpu.step_one();
    CHECK(f.bus.read32(0x1008) == 0xFEDC8281);
    f.cpu.step_one();
    CHECK(f.r(0) == 0x81);
    f.cpu.step_one();
    CHECK(f.r(0) == 0xFFFFFF81);
    f.cpu.step_one();
    CHECK(f.r(0) == 0x8281);
    f.cpu.step_one();
    CHECK(f.r(0) == 0xFFFF8281);
    f.cpu.step_one();
    CHECK(f.bus.read32(0x1008) == 0xFEDC8277);
    f.cpu.step_one();
    CHECK(f.bus.read32(0x1008) == 0xFEDC6655);
  }
}

TEST_CASE("LDR (literal) reads from Align(PC, 4) plus or minus the offset", "[isa][ls]") {
  CpuFixture f;
  f.bus.code(CpuFixture::kCode, {
                                    0x2100,          // 0x100 movs r1, #0
                                    0x4802,          // 0x102 ldr r0, [pc, #8]: Align(0x106) + 8 = 0x10c
                                    0xf85f, 0x2004,  // 0x104 ldr.w r2, [pc, #-4]: 0x108 - 4 = itself
                                    0xf8df, 0x3004,  // 0x108 ldr.w r3, [pc, #4]: 0x10c + 4 = 0x110
                                });
  f.bus.write32(0x10C, 0xCAFEF00D);
  f.bus.write32(0x110, 0x0BADC0DE);
  for (int i = 0; i < 4; ++i) f.cpu.step_one();
  CHECK(f.r(0) == 0xCAFEF00D);
  CHECK(f.r(2) == 0x2004F85F);  // the instruction's own halfwords, little-endian
  CHECK(f.r(3) == 0x0BADC0DE);
  CHECK(f.cpu.state().pc == 0x10C);
}

TEST_CASE("32-bit loads with Rn == PC are the literal forms, through every row", "[isa][ls]") {
  CpuFixture f;
  f.cpu.state().pc = 0x2000;
  f.bus.code(0x2000, {
                         0xf81f, 0x0004,  // 0x2000 ldrb.w r0, [pc, #-4]: 0x2000 (LDRB (reg) bit pattern)
                         0xf85f, 0x1e00,  // 0x2004 ldr.w r1, [pc, #-0xe00]: 0x1208 (LDRT pattern; objdump: ldrt)
                         0xf93f, 0x2004,  // 0x2008 ldrsh.w r2, [pc, #-4]: 0x2008
                         0xf85f, 0x3904,  // 0x200c ldr.w r3, [pc, #-2308]: 0x170c (LDR (imm) T4 pattern, P=0 W=1)
                         0xf85f, 0x4100,  // 0x2010 ldr.w r4, [pc, #-256]: 0x1f14 (LDR (reg) pattern, bits 10:6 set)
                         0xf89f, 0x5ffc,  // 0x2014 ldrb.w r5, [pc, #4092]: Align(0x2018) + 0xffc = 0x3014
                         0xf81f, 0xf100,  // 0x2018 pld [pc, #-256]: a hint through the LDRB (reg) row
                         0xf93f, 0xf904,  // 0x201c LDRSH (literal) to PC: unallocated hint (hand-encoded)
                     });
  f.bus.write32(0x1208, 0x600DF00D);
  f.bus.write32(0x170C, 0x170C170C);
  f.bus.write32(0x1F14, 0x1F141F14);
  f.bus.write32(0x3014, 0xE1);
  for (int i = 0; i < 8; ++i) f.cpu.step_one();
  CHECK(f.r(0) == 0x1F);
  CHECK(f.r(1) == 0x600DF00D);
  CHECK(f.r(2) == 0xFFFFF93F);
  CHECK(f.r(3) == 0x170C170C);
  CHECK(f.r(4) == 0x1F141F14);
  CHECK(f.r(5) == 0xE1);
  CHECK(f.cpu.state().exception == 0);
  CHECK(f.cpu.state().pc == 0x2020);
}

TEST_CASE("every 32-bit single load row decodes Rn == PC as the literal form; stores are UNDEFINED", "[isa][ls]") {
  constexpr uint32_t kRn = 0xFu << 16, kRt = 0xFu << 12, kLoad = 1u << 20;
  int loads = 0, stores = 0;
  for (const isa::Encoding& e : isa::load_store_encodings()) {
    const isa::Pattern& p = e.pattern;
    const bool single = p.width == 32 && (p.value >> 25) == 0x7C && (p.mask >> 25) == 0x7F;
    if (!single || (p.mask & kRn) || e.op_class == isa::OpClass::Hint) continue;
    for (uint32_t fill : {0xA5Cu, 0x5A3u, 0x0F0u}) {
      // Rn = PC, Rt = r2, the other free bits from `fill`.
      const uint32_t raw = p.value | (kRn & ~p.mask) | (0x2000u & ~p.mask) | (fill & ~p.mask & ~kRn & ~kRt);
      INFO(e.name << " raw " << std::hex << raw);
      const isa::Decoded d = decoder("cortex-m4").decode(raw, true);
      if (!(p.value & kLoad)) {
        CHECK(d.exec == isa::undefined_instruction);
        ++stores;
        continue;
      }
      ++loads;
      CHECK(d.exec == e.exec);
      CHECK(d.rd == 2);
      CHECK(d.rn == 15);
      CHECK(d.use_imm);
      CHECK(d.imm == (raw & 0xFFF));
      CHECK(d.add == (((raw >> 23) & 1) != 0));
      CHECK(d.index);
      CHECK_FALSE(d.wback);
    }
  }
  CHECK(loads == 3 * 4 * 5);   // imm12, imm8, T and reg rows of LDR, LDRB, LDRSB, LDRH, LDRSH
  CHECK(stores == 3 * 4 * 3);  // the same four of STR, STRB, STRH
}

TEST_CASE("32-bit LDR: imm12, pre/post-indexed imm8, negative and shifted-register offsets", "[isa][ls]") {
  CpuFixture f;
  f.r(1) = 0x1000;
  f.r(2) = 2;
  f.bus.write32(0x1004, 0x44444444);
  f.bus.write32(0x0F04, 0x0F0F0F0F);
  f.bus.write32(0x1010, 0x10101010);
  f.bus.write32(0x1FFC, 0x1FFC1FFC);
  f.bus.write32(0x1008, 0x00000201);
  f.bus.code(CpuFixture::kCode, {
                                    0xf851, 0x0f04,  // ldr.w r0, [r1, #4]!
                                    0xf851, 0x3904,  // ldr.w r3, [r1], #-4
                                    0xf851, 0x4cfc,  // ldr.w r4, [r1, #-252]
                                    0xf851, 0x5032,  // ldr.w r5, [r1, r2, lsl #3]
                                    0xf8d1, 0x6ffc,  // ldr.w r6, [r1, #4092]
                                    0xf8d1, 0xf008,  // ldr.w pc, [r1, #8]
                                });
  f.cpu.step_one();
  CHECK(f.r(0) == 0x44444444);
  CHECK(f.r(1) == 0x1004);
  f.cpu.step_one();  // post-indexed: the old base is accessed
  CHECK(f.r(3) == 0x44444444);
  CHECK(f.r(1) == 0x1000);
  f.cpu.step_one();
  CHECK(f.r(4) == 0x0F0F0F0F);
  CHECK(f.r(1) == 0x1000);
  f.cpu.step_one();
  CHECK(f.r(5) == 0x10101010);
  f.cpu.step_one();
  CHECK(f.r(6) == 0x1FFC1FFC);
  f.cpu.step_one();  // LoadWritePC: bit 0 is the Thumb bit
  CHECK(f.cpu.state().pc == 0x200);
  CHECK(f.cpu.state().thumb);
}

TEST_CASE("32-bit byte and halfword loads zero- or sign-extend", "[isa][ls]") {
  CpuFixture f;
  f.r(1) = 0x1000;
  f.r(2) = 3;
  f.bus.write32(0x0FFC, 0x1234ABCD);
  f.bus.write32(0x1000, 0x8001807F);  // bytes 7f 80 01 80
  f.bus.write32(0x1004, 0xFF80017F);  // bytes 7f 01 80 ff
  f.bus.code(CpuFixture::kCode, {
                                    0xf991, 0x0001,  // ldrsb.w r0, [r1, #1]
                                    0xf911, 0x3f04,  // ldrsb.w r3, [r1, #4]!
                                    0xf931, 0x4c02,  // ldrsh.w r4, [r1, #-2]
                                    0xf931, 0x5904,  // ldrsh.w r5, [r1], #-4
                                    0xf931, 0x6012,  // ldrsh.w r6, [r1, r2, lsl #1]
                                    0xf811, 0x7012,  // ldrb.w r7, [r1, r2, lsl #1]
                                    0xf8b1, 0x8006,  // ldrh.w r8, [r1, #6]
                                    0xf831, 0x9c04,  // ldrh.w r9, [r1, #-4]
                                    0xf811, 0xac03,  // ldrb.w sl, [r1, #-3]
                                });
  for (int i = 0; i < 9; ++i) f.cpu.step_one();
  CHECK(f.r(0) == 0xFFFFFF80);
  CHECK(f.r(3) == 0x7F);
  CHECK(f.r(4) == 0xFFFF8001);  // from 0x1002 after the writeback to 0x1004
  CHECK(f.r(5) == 0x017F);
  CHECK(f.r(1) == 0x1000);
  CHECK(f.r(6) == 0xFFFFFF80);  // 0x1006
  CHECK(f.r(7) == 0x80);
  CHECK(f.r(8) == 0xFF80);
  CHECK(f.r(9) == 0xABCD);  // 0x0ffc
  CHECK(f.r(10) == 0xAB);   // 0x0ffd
}

TEST_CASE("32-bit stores: offsets, writeback, unaligned words, storing SP", "[isa][ls]") {
  CpuFixture f;
  f.r(0) = 0x87654321;
  f.r(1) = 0x1000;
  f.r(2) = 4;
  f.bus.code(CpuFixture::kCode, {
                                    0xf881, 0x0fff,  // strb.w r0, [r1, #4095]
                                    0xf821, 0x0d02,  // strh.w r0, [r1, #-2]!
                                    0xf841, 0x0bff,  // str.w r0, [r1], #255
                                    0xf841, 0x0012,  // str.w r0, [r1, r2, lsl #1]
                                    0xf841, 0xdc08,  // str.w sp, [r1, #-8]
                                });
  f.cpu.step_one();
  CHECK(f.bus.read32(0x1FFC) == 0x21000000);
  f.cpu.step_one();
  CHECK(f.bus.read32(0x0FFC) == 0x43210000);
  CHECK(f.r(1) == 0x0FFE);
  f.cpu.step_one();  // an unaligned word store is allowed on v7-M: bytes 21 43 65 87 from 0xffe
  CHECK(f.bus.read32(0x0FFC) == 0x43210000);
  CHECK(f.bus.read32(0x1000) == 0x00008765);
  CHECK(f.r(1) == 0x0FFE + 255);
  f.r(1) = 0x2000;
  f.cpu.step_one();
  CHECK(f.bus.read32(0x2008) == 0x87654321);
  f.cpu.step_one();
  CHECK(f.bus.read32(0x1FF8) == CpuFixture::kStackTop);
  CHECK(f.cpu.state().exception == 0);
}

TEST_CASE("unprivileged LDRT/STRT forms access memory like the normal ones (no MPU)", "[isa][ls]") {
  CpuFixture f;
  f.cpu.state().control = 1;  // Thread mode, unprivileged
  f.r(1) = 0x1000;
  f.r(2) = 0xA1B2C3D4;
  f.bus.write32(0x1004, 0x8081F00D);
  f.run({
            0xf851, 0x0e04,  // ldrt r0, [r1, #4]
            0xf811, 0x3e05,  // ldrbt r3, [r1, #5]
            0xf911, 0x4e05,  // ldrsbt r4, [r1, #5]
            0xf831, 0x5e06,  // ldrht r5, [r1, #6]
            0xf931, 0x6e06,  // ldrsht r6, [r1, #6]
            0xf841, 0x2e08,  // strt r2, [r1, #8]
            0xf801, 0x2e0c,  // strbt r2, [r1, #12]
            0xf821, 0x2e10,  // strht r2, [r1, #16]
        },
        8);
  CHECK(f.r(0) == 0x8081F00D);
  CHECK(f.r(3) == 0xF0);
  CHECK(f.r(4) == 0xFFFFFFF0);
  CHECK(f.r(5) == 0x8081);
  CHECK(f.r(6) == 0xFFFF8081);
  CHECK(f.bus.read32(0x1008) == 0xA1B2C3D4);
  CHECK(f.bus.read32(0x100C) == 0xD4);
  CHECK(f.bus.read32(0x1010) == 0xC3D4);
  CHECK(f.r(1) == 0x1000);
}

TEST_CASE("PLD, PLI and the unallocated memory hints do nothing, even for unmapped addresses", "[isa][ls]") {
  CpuFixture f;
  f.r(1) = 0x40000000;  // nothing there
  f.r(2) = 4;
  const auto before = f.cpu.state().r;
  f.run({
            0xf891, 0xf004,  // pld [r1, #4]
            0xf811, 0xfc04,  // pld [r1, #-4]
            0xf811, 0xf012,  // pld [r1, r2, lsl #1]
            0xf81f, 0xf010,  // pld [pc, #-16]
            0xf991, 0xf004,  // pli [r1, #4]
            0xf911, 0xfc04,  // pli [r1, #-4]
            0xf911, 0xf002,  // pli [r1, r2]
            0xf99f, 0xf010,  // pli [pc, #16]
            0xf831, 0xf000,  // LDRH (reg) with Rt = PC: unallocated hint (objdump: pldw [r1, r0])
            0xf8b1, 0xf004,  // LDRH (imm12) with Rt = PC (objdump: pldw [r1, #4])
            0xf9b1, 0xf004,  // LDRSH (imm12) with Rt = PC (hand-encoded)
            0xf93f, 0xf004,  // LDRSH (literal) with Rt = PC (hand-encoded)
        },
        12);
  CHECK(f.cpu.state().exception == 0);
  CHECK(scs(f, kCfsr) == 0);
  CHECK(f.cpu.state().pc == CpuFixture::kCode + 48);
  for (unsigned i = 0; i < 15; ++i) CHECK(f.cpu.state().r[i] == before[i]);
  CHECK(row_name(0xf891f004) == "PLD (imm) T1");
  CHECK(row_name(0xf89ff010) == "PLD (imm) T1");  // pld [pc, #16]: this row's literal form
  CHECK(row_name(0xf99ff010) == "PLI (imm) T1");
  CHECK(row_name(0xf911f002) == "PLI (reg) T1");
  CHECK(row_name(0xf831f000) == "Memory hint (LDRH reg)");
  CHECK(isa::Decoder::row(decoder("cortex-m4").decode(0xf8b1f004, true).row).op_class == isa::OpClass::Hint);
}

TEST_CASE("LDRD/STRD: imm8*4 offsets, pre/post-indexing and the literal form", "[isa][ls]") {
  CpuFixture f;
  f.r(0) = 0x1000;
  f.bus.write32(0x0FF8, 0x33333333);
  f.bus.write32(0x0FFC, 0x44444444);
  f.bus.write32(0x1008, 0x11111111);
  f.bus.write32(0x100C, 0x22222222);
  f.bus.code(CpuFixture::kCode, {
                                    0xe9d0, 0x2302,  // 0x100 ldrd r2, r3, [r0, #8]
                                    0xe970, 0x4502,  // 0x104 ldrd r4, r5, [r0, #-8]!
                                    0xe8f0, 0x6704,  // 0x108 ldrd r6, r7, [r0], #16
                                    0xe940, 0x23ff,  // 0x10c strd r2, r3, [r0, #-1020]
                                    0xe8e0, 0x4502,  // 0x110 strd r4, r5, [r0], #8
                                    0xe95f, 0x8902,  // 0x114 ldrd r8, r9, [pc, #-8]: Align(0x118) - 8
                                });
  f.cpu.step_one();
  CHECK((f.r(2) == 0x11111111 && f.r(3) == 0x22222222 && f.r(0) == 0x1000));
  f.cpu.step_one();
  CHECK((f.r(4) == 0x33333333 && f.r(5) == 0x44444444 && f.r(0) == 0x0FF8));
  f.cpu.step_one();
  CHECK((f.r(6) == 0x33333333 && f.r(7) == 0x44444444 && f.r(0) == 0x1008));
  f.cpu.step_one();  // 0x1008 - 0x3fc = 0xc0c
  CHECK((f.bus.read32(0x0C0C) == 0x11111111 && f.bus.read32(0x0C10) == 0x22222222 && f.r(0) == 0x1008));
  f.cpu.step_one();
  CHECK((f.bus.read32(0x1008) == 0x33333333 && f.bus.read32(0x100C) == 0x44444444 && f.r(0) == 0x1010));
  f.cpu.step_one();
  CHECK(f.r(8) == 0x4502E8E0);  // the STRD at 0x110
  CHECK(f.r(9) == 0x8902E95F);  // this LDRD
}

TEST_CASE("16-bit LDM/STM: ascending order, writeback unless the base is loaded", "[isa][ls]") {
  CpuFixture f;
  f.r(0) = 0x1000;
  f.r(4) = 0x1000;
  f.r(6) = 0x2000;
  f.r(7) = 0x77;
  f.bus.write32(0x1000, 0xA0);
  f.bus.write32(0x1004, 0xA1);
  f.bus.write32(0x1008, 0xA2);
  f.run({
            0xc80e,  // ldmia r0!, {r1, r2, r3}
            0xcc30,  // ldmia r4, {r4, r5}
            0xc683,  // stmia r6!, {r0, r1, r7}
        },
        3);
  CHECK((f.r(1) == 0xA0 && f.r(2) == 0xA1 && f.r(3) == 0xA2));
  CHECK(f.r(0) == 0x100C);
  CHECK((f.r(4) == 0xA0 && f.r(5) == 0xA1));  // base loaded, not written back
  CHECK(f.bus.read32(0x2000) == 0x100C);
  CHECK(f.bus.read32(0x2004) == 0xA0);
  CHECK(f.bus.read32(0x2008) == 0x77);
  CHECK(f.r(6) == 0x200C);
}

TEST_CASE("32-bit LDM/LDMDB/STM/STMDB and PUSH/POP, wide and single-register", "[isa][ls]") {
  CpuFixture f;
  f.r(0) = 0x1000;
  f.r(5) = 0x2010;
  f.bus.write32(0x1000, 0xB0);
  f.bus.write32(0x1004, 0xB1);
  f.bus.write32(0x1008, 0xB2);
  f.bus.code(CpuFixture::kCode, {
                                    0xe8b0, 0x4006,  // ldmia.w r0!, {r1, r2, lr}
                                    0xe930, 0x0018,  // ldmdb r0!, {r3, r4}
                                    0xe905, 0x0006,  // stmdb r5, {r1, r2}
                                    0xe8a5, 0x4006,  // stmia.w r5!, {r1, r2, lr}
                                    0xe92d, 0x4030,  // push.w {r4, r5, lr}
                                    0xe8bd, 0x01c0,  // pop.w {r6, r7, r8}
                                    0xf84d, 0x9d04,  // push.w {r9} (str.w r9, [sp, #-4]!)
                                    0xf85d, 0xab04,  // pop.w {sl} (ldr.w sl, [sp], #4)
                                });
  f.cpu.step_one();
  CHECK((f.r(1) == 0xB0 && f.r(2) == 0xB1 && f.r(14) == 0xB2 && f.r(0) == 0x100C));
  f.cpu.step_one();  // from 0x100c - 8
  CHECK((f.r(3) == 0xB1 && f.r(4) == 0xB2 && f.r(0) == 0x1004));
  f.cpu.step_one();
  CHECK((f.bus.read32(0x2008) == 0xB0 && f.bus.read32(0x200C) == 0xB1 && f.r(5) == 0x2010));
  f.cpu.step_one();
  CHECK((f.bus.read32(0x2010) == 0xB0 && f.bus.read32(0x2014) == 0xB1 && f.bus.read32(0x2018) == 0xB2));
  CHECK(f.r(5) == 0x201C);
  f.r(4) = 0x44;
  f.r(5) = 0x55;
  f.r(14) = 0xEE;
  f.cpu.step_one();  // lowest register at the lowest address
  CHECK(f.r(13) == 0x7FF4);
  CHECK((f.bus.read32(0x7FF4) == 0x44 && f.bus.read32(0x7FF8) == 0x55 && f.bus.read32(0x7FFC) == 0xEE));
  f.cpu.step_one();
  CHECK((f.r(6) == 0x44 && f.r(7) == 0x55 && f.r(8) == 0xEE && f.r(13) == 0x8000));
  f.r(9) = 0x99;
  f.cpu.step_one();
  CHECK((f.r(13) == 0x7FFC && f.bus.read32(0x7FFC) == 0x99));
  f.cpu.step_one();
  CHECK((f.r(10) == 0x99 && f.r(13) == 0x8000));

  CHECK(row_name(0xe92d4030) == "PUSH T2");
  CHECK(row_name(0xe8bd01c0) == "POP T2");
  CHECK(row_name(0xf84d9d04) == "PUSH T3");
  CHECK(row_name(0xf85dab04) == "POP T3");
  CHECK(row_name(0xb511) == "PUSH T1");
  CHECK(row_name(0xbd11) == "POP T1");
}

TEST_CASE("loads into PC interwork: POP, LDMDB and LDR", "[isa][ls]") {
  CpuFixture f;
  f.r(0) = 0x10;
  f.r(4) = 0x40;
  f.r(14) = 0x201;
  f.bus.code(CpuFixture::kCode, {
                                    0xb511,  // push {r0, r4, lr}
                                    0xbd11,  // pop {r0, r4, pc}
                                });
  f.bus.code(0x200, {0xe910, 0x8006});  // ldmdb r0, {r1, r2, pc}
  f.bus.code(0x300, {0xf85d, 0xfb04});  // ldr.w pc, [sp], #4 (pop.w {pc})
  f.bus.write32(0x1004, 0x11);
  f.bus.write32(0x1008, 0x22);
  f.bus.write32(0x100C, 0x301);
  f.bus.write32(0x7FF0, 0x400);  // even: clears EPSR.T

  f.cpu.step_one();
  f.r(0) = f.r(4) = 0;
  f.cpu.step_one();
  CHECK((f.r(0) == 0x10 && f.r(4) == 0x40 && f.r(13) == 0x8000));
  CHECK(f.cpu.state().pc == 0x200);
  CHECK(f.cpu.state().thumb);
  f.r(0) = 0x1010;
  f.cpu.step_one();
  CHECK((f.r(1) == 0x11 && f.r(2) == 0x22 && f.r(0) == 0x1010));
  CHECK(f.cpu.state().pc == 0x300);
  f.r(13) = 0x7FF0;
  f.cpu.step_one();
  CHECK(f.cpu.state().pc == 0x400);
  CHECK(f.r(13) == 0x7FF4);
  CHECK_FALSE(f.cpu.state().thumb);
  f.cpu.step_one();  // executing with T clear: INVSTATE, escalated to HardFault
  CHECK(f.cpu.state().exception == isa::kHardFault);
  CHECK((scs(f, kCfsr) & kInvStateBit));
}

TEST_CASE("POP {..., PC} of EXC_RETURN in a handler returns from the exception", "[isa][ls]") {
  CpuFixture f;
  f.bus.write32(4 * isa::kPendSv, 0x201);
  f.bus.code(0x200, {
                        0xb510,  // push {r4, lr}
                        0x2455,  // movs r4, #0x55
                        0xbd10,  // pop {r4, pc}
                    });
  f.r(1) = kIcsr;
  f.r(2) = 1u << 28;  // PENDSVSET
  f.r(4) = 7;
  f.bus.code(CpuFixture::kCode, {
                                    0x600a,  // str r2, [r1, #0]
                                    0x2001,  // movs r0, #1
                                });
  f.cpu.step_one();  // STR to ICSR pends PendSV
  f.cpu.step_one();  // PendSV taken
  REQUIRE(f.cpu.state().exception == isa::kPendSv);
  CHECK(f.r(14) == 0xFFFFFFF9);
  CHECK(f.r(13) == CpuFixture::kStackTop - 0x20);
  f.cpu.step_one();
  f.cpu.step_one();
  CHECK(f.r(4) == 0x55);
  f.cpu.step_one();  // POP: r4 restored, then EXC_RETURN unstacks from the updated SP
  CHECK(f.cpu.state().exception == 0);
  CHECK(f.cpu.state().mode == isa::Mode::Thread);
  CHECK(f.r(4) == 7);
  CHECK(f.r(13) == CpuFixture::kStackTop);
  CHECK(f.cpu.state().pc == CpuFixture::kCode + 2);
  f.cpu.step_one();
  CHECK(f.r(0) == 1);
}

TEST_CASE("LDREX/STREX use the local monitor; CLREX and a failed STREX clear it", "[isa][ls]") {
  CpuFixture f;
  f.r(1) = 0x1000;
  f.r(3) = 0xABCD;
  f.bus.write32(0x1000, 0x8765FF80);
  f.bus.write32(0x1004, 0x1234);
  f.bus.code(CpuFixture::kCode, {
                                    0xe851, 0x0f01,  // ldrex r0, [r1, #4]
                                    0xe841, 0x3201,  // strex r2, r3, [r1, #4]
                                    0xe841, 0x3401,  // strex r4, r3, [r1, #4]
                                    0xe851, 0x0f01,  // ldrex r0, [r1, #4]
                                    0xf3bf, 0x8f2f,  // clrex
                                    0xe841, 0x3501,  // strex r5, r3, [r1, #4]
                                    0xe8d1, 0x6f4f,  // ldrexb r6, [r1]
                                    0xe8c1, 0x3f47,  // strexb r7, r3, [r1]
                                    0xe8d1, 0x8f5f,  // ldrexh r8, [r1]
                                    0xe841, 0x3001,  // strex r0, r3, [r1, #4]: another address
                                    0xe8c1, 0x3f59,  // strexh r9, r3, [r1]
                                });
  f.cpu.step_one();
  CHECK(f.r(0) == 0x1234);
  f.cpu.step_one();
  CHECK(f.r(2) == 0);
  CHECK(f.bus.read32(0x1004) == 0xABCD);
  f.r(3) = 0x5555;
  f.cpu.step_one();  // the monitor is open no more
  CHECK(f.r(4) == 1);
  CHECK(f.bus.read32(0x1004) == 0xABCD);
  f.cpu.step_one();
  CHECK(f.r(0) == 0xABCD);
  f.cpu.step_one();
  f.cpu.step_one();
  CHECK(f.r(5) == 1);
  CHECK(f.bus.read32(0x1004) == 0xABCD);
  f.cpu.step_one();
  CHECK(f.r(6) == 0x80);
  f.cpu.step_one();
  CHECK(f.r(7) == 0);
  CHECK(f.bus.read32(0x1000) == 0x8765FF55);
  f.cpu.step_one();
  CHECK(f.r(8) == 0xFF55);
  f.cpu.step_one();
  CHECK(f.r(0) == 1);
  CHECK(f.bus.read32(0x1004) == 0xABCD);
  f.cpu.step_one();  // the failed STREX closed the monitor
  CHECK(f.r(9) == 1);
  CHECK(f.bus.read32(0x1000) == 0x8765FF55);
}

TEST_CASE("unaligned LDR/LDRH are allowed; LDM, LDRD, STREX and trapped LDR fault", "[isa][ls]") {
  SECTION("single loads split across the word boundary") {
    CpuFixture f;
    f.r(1) = 0x1000;
    f.bus.write32(0x1000, 0x44332211);
    f.bus.write32(0x1004, 0x88776655);
    f.bus.code(CpuFixture::kCode, {
                                      0xf8d1, 0x0001,  // ldr.w r0, [r1, #1]
                                      0x6808,          // ldr r0, [r1, #0]
                                      0x8808,          // ldrh r0, [r1, #0]
                                  });
    f.cpu.step_one();
    CHECK(f.r(0) == 0x55443322);
    f.r(1) = 0x1002;
    f.cpu.step_one();
    CHECK(f.r(0) == 0x66554433);
    f.r(1) = 0x1001;
    f.cpu.step_one();
    CHECK(f.r(0) == 0x3322);
    CHECK(scs(f, kCfsr) == 0);
  }
  SECTION("LDM faults (escalated to HardFault), registers unchanged") {
    CpuFixture f;
    f.r(1) = 0x1002;
    f.r(2) = 0x22;
    f.run({0xe891, 0x000c}, 1);  // ldmia.w r1, {r2, r3}
    CHECK(f.cpu.state().exception == isa::kHardFault);
    CHECK((scs(f, kCfsr) & kUnalignedBit));
    CHECK((scs(f, kHfsr) & kForcedBit));
    CHECK(f.r(2) == 0x22);
  }
  SECTION("LDRD faults, as a UsageFault when enabled") {
    CpuFixture f;
    set_scs(f, kShcsr, 1u << 18);  // USGFAULTENA
    f.r(1) = 0x1002;
    f.run({0xe9d1, 0x2300}, 1);  // ldrd r2, r3, [r1]
    CHECK(f.cpu.state().exception == isa::kUsageFault);
    CHECK(scs(f, kCfsr) == kUnalignedBit);
    CHECK(f.bus.read32(CpuFixture::kStackTop - 0x20 + 24) == CpuFixture::kCode);  // stacked PC: the LDRD
  }
  SECTION("STREX checks alignment before the monitor") {
    CpuFixture f;
    f.r(1) = 0x1002;
    f.r(2) = 0x22;
    f.run({0xe841, 0x3200}, 1);  // strex r2, r3, [r1]
    CHECK((scs(f, kCfsr) & kUnalignedBit));
    CHECK(f.r(2) == 0x22);
  }
  SECTION("CCR.UNALIGN_TRP makes unaligned LDR fault") {
    CpuFixture f;
    set_scs(f, kCcr, scs(f, kCcr) | (1u << 3));
    f.r(1) = 0x1001;
    f.r(0) = 0x5A;
    f.run({0x6808}, 1);  // ldr r0, [r1, #0]
    CHECK((scs(f, kCfsr) & kUnalignedBit));
    CHECK(f.r(0) == 0x5A);
  }
  SECTION("ARMv6-M always faults") {
    CpuFixture f("cortex-m0plus");
    f.r(1) = 0x1002;
    f.r(0) = 0x5A;
    f.run({0x6808}, 1);  // ldr r0, [r1, #0]
    CHECK(f.cpu.state().exception == isa::kHardFault);
    CHECK(f.r(0) == 0x5A);
  }
}

TEST_CASE("a load from an unmapped address is a precise BusFault with BFAR", "[isa][ls]") {
  SECTION("single load") {
    CpuFixture f;
    set_scs(f, kShcsr, 1u << 17);  // BUSFAULTENA
    f.r(1) = 0x20000000;
    f.r(0) = 0x5A;
    f.run({0x6808}, 1);  // ldr r0, [r1, #0]
    CHECK(f.cpu.state().exception == isa::kBusFault);
    CHECK(scs(f, kCfsr) == (kPreciseErrBit | kBfarValidBit));
    CHECK(scs(f, kBfar) == 0x20000000);
    CHECK(f.r(0) == 0x5A);
  }
  SECTION("LDM faulting on its second word changes no register (restartable)") {
    CpuFixture f;
    f.r(1) = CpuFixture::kRamSize - 4;  // second word just past the RAM
    f.r(2) = 0x22;
    f.bus.write32(CpuFixture::kRamSize - 4, 0xAAAA);
    f.run({0xc90c}, 1);  // ldmia r1!, {r2, r3}
    CHECK(f.cpu.state().exception == isa::kHardFault);
    CHECK((scs(f, kCfsr) & kPreciseErrBit));
    CHECK(scs(f, kBfar) == CpuFixture::kRamSize);
    CHECK(f.r(1) == CpuFixture::kRamSize - 4);
    CHECK(f.r(2) == 0x22);
  }
}

TEST_CASE("32-bit load/store forms are UNDEFINED on Cortex-M0+, 16-bit ones are not", "[isa][ls]") {
  CpuFixture f("cortex-m0plus");
  f.r(1) = 0x1000;
  f.r(0) = 0x5A;
  f.bus.write32(0x1004, 0x1234);
  f.run({0xf8d1, 0x0004}, 1);  // ldr.w r0, [r1, #4]
  CHECK(f.cpu.state().exception == isa::kHardFault);
  CHECK(f.r(0) == 0x5A);
  CHECK(undefined(0xf8d10004, "cortex-m0plus"));
  CHECK(row_name(0xf8d10004) == "LDR (imm) T3");
  CHECK(undefined(0xe92d4030, "cortex-m0plus"));  // push.w
  CHECK(undefined(0xe8510f01, "cortex-m0plus"));  // ldrex
  CHECK(row_name(0xb510, "cortex-m0plus") == "PUSH T1");
  CHECK(row_name(0x6888, "cortex-m0plus") == "LDR (imm) T1");
}

TEST_CASE("UNPREDICTABLE load/store encodings are rejected at decode", "[isa][ls]") {
  CHECK(undefined(0xf8511b04));  // ldr.w r1, [r1], #4: writeback to Rt
  CHECK(undefined(0xf85ddb04));  // pop.w {sp} (hand-encoded)
  CHECK(undefined(0xf811fd01));  // ldrb pc, [r1, #-1]! (hand-encoded)
  CHECK(undefined(0xf851f00d));  // ldr.w pc, [r1, sp] (hand-encoded)
  CHECK(undefined(0xf8c1f000));  // str.w pc, [r1] (hand-encoded)
  CHECK(undefined(0xf801dc01));  // strb.w sp, [r1, #-1] (hand-encoded)
  CHECK(undefined(0xf84f0004));  // str.w r0, [pc, #-4]: stores have no literal form (hand-encoded)
  CHECK(undefined(0xe9d02202));  // ldrd r2, r2, [r0, #8] (hand-encoded)
  CHECK(undefined(0xe9cf2302));  // strd r2, r3, [pc, #8] (hand-encoded)
  CHECK(undefined(0xe8d10f7f));  // ldrexd: not in ARMv7-M (hand-encoded)
  CHECK(undefined(0xe8510e01));  // ldrex with a (1) bit clear (hand-encoded)
  CHECK(undefined(0xe8410100));  // strex r1, r0, [r1]: status register is the base (hand-encoded)
  CHECK(undefined(0xf3bfaf2f));  // clrex with a (0) bit set (hand-encoded)
  CHECK(undefined(0xe8b00003));  // ldmia.w r0!, {r0, r1}: writeback with the base in the list (hand-encoded)
  CHECK(undefined(0xe8bdc010));  // pop.w {r4, lr, pc}: LR and PC (hand-encoded)
  CHECK(undefined(0xe8900002));  // ldmia.w r0, {r1}: one register (hand-encoded)
  CHECK(undefined(0xe8808006));  // stmia.w r0, {r1, r2, pc} (hand-encoded)
  CHECK(undefined(0xc800));      // ldmia r0!, {}: empty list (hand-encoded)
  CHECK(undefined(0xbc00));      // pop {}: empty list (hand-encoded)
  // Valid neighbours of the cases above.
  CHECK_FALSE(undefined(0xf8d1d000));  // ldr.w sp, [r1]
  CHECK_FALSE(undefined(0xe8910005));  // ldmia.w r1, {r0, r2}
  CHECK_FALSE(undefined(0xf3bf8f2f));  // clrex
}

TEST_CASE("load/store rows overlap only where one row is a special case of the other", "[isa][ls]") {
  const auto rows = isa::load_store_encodings();
  int special_cases = 0;
  for (size_t i = 0; i < rows.size(); ++i)
    for (size_t j = i + 1; j < rows.size(); ++j) {
      const isa::Pattern& a = rows[i].pattern;
      const isa::Pattern& b = rows[j].pattern;
      if (a.width != b.width || ((a.value ^ b.value) & a.mask & b.mask)) continue;
      INFO(rows[i].name << " overlaps " << rows[j].name);
      const uint32_t common = a.mask & b.mask;
      CHECK(a.mask != b.mask);
      CHECK((common == a.mask || common == b.mask));
      ++special_cases;
    }
  CHECK(special_cases > 0);  // the hints, PUSH/POP, LDRT..., LDREX... (a sanity check of the loop)
}
