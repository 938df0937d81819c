// Each encoding row's Work (isa/work.hpp): the operation, width and lanes the
// energy model prices per execution. First, representative instructions
// decoded on a Cortex-M7 (every row but ARMv8-M's is present there), with the
// Work the ARM ARM's description of each implies (DDI 0403E A7.7, the FP pages
// A7.7.2xx; FPv5 from DDI 0553) under the rules in isa/encodings/row_work.hpp.
// Halfwords come from arm-none-eabi-as -mcpu=cortex-m7 -mfpu=fpv5-d16 -mthumb
// and arm-none-eabi-objdump -d, with the disassembly as the text. Second,
// every row's Work agrees with its op_class and its mnemonic, so a new row
// cannot leave the default Work where the arithmetic says otherwise.
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>
#include <string_view>

#include "isa/decoder.hpp"
#include "isa/features.hpp"

using isa::Decoder;
using isa::Encoding;
using isa::OpClass;
using isa::Work;
using isa::WorkOp;
using isa::WorkWidth;

namespace {

std::string describe(WorkOp op, WorkWidth width, unsigned lanes) {
  static constexpr const char* kOps[] = {"Add", "Multiply", "Mac", "Divide", "Load", "Store", "Branch", "Other"};
  static constexpr const char* kWidths[] = {"Int8", "Int16", "Int32", "Int64", "Fp32", "Fp64"};
  return std::string(kOps[static_cast<unsigned>(op)]) + " " + kWidths[static_cast<unsigned>(width)] + " x" +
         std::to_string(lanes);
}
std::string describe(const Work& w) { return describe(w.op, w.width, w.lanes); }

unsigned bits_of(WorkWidth w) {
  switch (w) {
    case WorkWidth::Int8: return 8;
    case WorkWidth::Int16: return 16;
    case WorkWidth::Int32: case WorkWidth::Fp32: return 32;
    case WorkWidth::Int64: case WorkWidth::Fp64: return 64;
  }
  return 0;
}
bool is_fp(WorkWidth w) { return w == WorkWidth::Fp32 || w == WorkWidth::Fp64; }

struct Case {
  std::string_view text;  // objdump's disassembly
  uint32_t raw;           // hw1, or hw1 << 16 | hw2
  std::string_view row;   // the row it must decode to
  WorkOp op;
  WorkWidth width;
  unsigned lanes;
};

using enum WorkOp;
constexpr auto i8 = WorkWidth::Int8, i16 = WorkWidth::Int16, i32 = WorkWidth::Int32, i64 = WorkWidth::Int64,
               f32 = WorkWidth::Fp32, f64 = WorkWidth::Fp64;

// clang-format off
constexpr Case kCases[] = {
    // Integer data processing: the adder's work (add, subtract, compare, address) is Add;
    // logic, shifts, moves, extends, reverses, bit counts and saturation are Other.
    {"adds r0, r1, r2", 0x1888, "ADD (reg) T1", Add, i32, 1},
    {"cmp r0, #5", 0x2805, "CMP (imm) T1", Add, i32, 1},
    {"add r0, pc, #4 (adr)", 0xA001, "ADR T1", Add, i32, 1},
    {"add.w r0, r1, #1", 0xF1010001, "ADD (imm) T3", Add, i32, 1},
    {"rsb r0, r1, #0", 0xF1C10000, "RSB (imm) T2", Add, i32, 1},
    {"lsls r0, r1, #2", 0x0088, "LSL (imm) T1", Other, i32, 1},
    {"ands r0, r1", 0x4008, "AND (reg) T1", Other, i32, 1},
    {"mov r8, r1", 0x4688, "MOV (reg) T1", Other, i32, 1},
    {"sxtb r0, r1", 0xB248, "SXTB T1", Other, i32, 1},
    {"rev r0, r1", 0xBA08, "REV T1", Other, i32, 1},
    {"orr.w r0, r1, r2", 0xEA410002, "ORR (reg) T2", Other, i32, 1},
    {"movw r0, #4660", 0xF2412034, "MOVW T3", Other, i32, 1},
    {"ssat r0, #8, r1", 0xF3010007, "SSAT T1", Other, i32, 1},
    {"clz r0, r1", 0xFAB1F081, "CLZ T1", Other, i32, 1},
    // Multiply and divide: 32x32 products, with or without an accumulate; long forms too.
    {"muls r0, r1", 0x4348, "MUL T1", Multiply, i32, 1},
    {"mul.w r0, r1, r2", 0xFB01F002, "MUL T2", Multiply, i32, 1},
    {"mla r0, r1, r2, r3", 0xFB013002, "MLA T1", Mac, i32, 1},
    {"mls r0, r1, r2, r3", 0xFB013012, "MLS T1", Mac, i32, 1},
    {"smull r0, r1, r2, r3", 0xFB820103, "SMULL T1", Multiply, i32, 1},
    {"umlal r0, r1, r2, r3", 0xFBE20103, "UMLAL T1", Mac, i32, 1},
    {"umaal r0, r1, r2, r3", 0xFBE20163, "UMAAL T1", Mac, i32, 1},
    {"sdiv r0, r1, r2", 0xFB91F0F2, "SDIV T1", Divide, i32, 1},
    {"udiv r0, r1, r2", 0xFBB1F0F2, "UDIV T1", Divide, i32, 1},
    // DSP multiplies: halfword operands are Int16; dual forms are two MACs (SMUAD's
    // two products are summed like SMLAD's); SMLAW's 32x16 and SMMUL's 32x32 are Int32.
    {"smlabb r0, r1, r2, r3", 0xFB113002, "SMLA<x><y> T1", Mac, i16, 1},
    {"smulbb r0, r1, r2", 0xFB11F002, "SMUL<x><y> T1", Multiply, i16, 1},
    {"smlad r0, r1, r2, r3", 0xFB213002, "SMLAD{X} T1", Mac, i16, 2},
    {"smuad r0, r1, r2", 0xFB21F002, "SMUAD{X} T1", Mac, i16, 2},
    {"smlsd r0, r1, r2, r3", 0xFB413002, "SMLSD{X} T1", Mac, i16, 2},
    {"smusd r0, r1, r2", 0xFB41F002, "SMUSD{X} T1", Mac, i16, 2},
    {"smlald r0, r1, r2, r3", 0xFBC201C3, "SMLALD{X} T1", Mac, i16, 2},
    {"smlalbb r0, r1, r2, r3", 0xFBC20183, "SMLAL<x><y> T1", Mac, i16, 1},
    {"smlawb r0, r1, r2, r3", 0xFB313002, "SMLAW<y> T1", Mac, i32, 1},
    {"smmul r0, r1, r2", 0xFB51F002, "SMMUL{R} T1", Multiply, i32, 1},
    // Parallel add/subtract: four byte lanes or two halfword lanes (ASX: one add, one subtract).
    {"sadd8 r0, r1, r2", 0xFA81F002, "SADD8 T1", Add, i8, 4},
    {"uqadd8 r0, r1, r2", 0xFA81F052, "UQADD8 T1", Add, i8, 4},
    {"shadd16 r0, r1, r2", 0xFA91F022, "SHADD16 T1", Add, i16, 2},
    {"uasx r0, r1, r2", 0xFAA1F042, "UASX T1", Add, i16, 2},
    {"usad8 r0, r1, r2", 0xFB71F002, "USAD8 T1", Add, i8, 4},
    {"usada8 r0, r1, r2, r3", 0xFB713002, "USADA8 T1", Add, i8, 4},
    {"sxtab16 r0, r1, r2", 0xFA21F082, "SXTAB16 T1", Add, i16, 2},
    {"uxtah r0, r1, r2", 0xFA11F082, "UXTAH T1", Add, i32, 1},
    {"qadd r0, r1, r2", 0xFA82F081, "QADD T1", Add, i32, 1},
    {"qdadd r0, r1, r2", 0xFA82F091, "QDADD T1", Add, i32, 1},
    {"sel r0, r1, r2", 0xFAA1F082, "SEL T1", Other, i32, 1},
    {"sxtb16 r0, r1", 0xFA2FF081, "SXTB16 T1", Other, i32, 1},
    {"usat16 r0, #8, r1", 0xF3A10008, "USAT16 T1", Other, i32, 1},
    // Loads and stores: once per instruction, at the access width.
    {"ldrb r0, [r1, #1]", 0x7848, "LDRB (imm) T1", Load, i8, 1},
    {"ldrh r0, [r1, #2]", 0x8848, "LDRH (imm) T1", Load, i16, 1},
    {"ldr r0, [sp, #4]", 0x9801, "LDR (imm) T2", Load, i32, 1},
    {"strb r0, [r1, #0]", 0x7008, "STRB (imm) T1", Store, i8, 1},
    {"push {r4, lr}", 0xB510, "PUSH T1", Store, i32, 1},
    {"pop {r4, pc}", 0xBD10, "POP T1", Load, i32, 1},
    {"ldrd r0, r1, [r2, #8]", 0xE9D20102, "LDRD (imm) T1", Load, i64, 1},
    {"strd r0, r1, [r2, #8]", 0xE9C20102, "STRD (imm) T1", Store, i64, 1},
    {"ldrsh.w r0, [r1, #2]", 0xF9B10002, "LDRSH (imm) T1", Load, i16, 1},
    {"ldr.w r0, [r1, #4]", 0xF8D10004, "LDR (imm) T3", Load, i32, 1},
    {"ldrex r0, [r1]", 0xE8510F00, "LDREX T1", Load, i32, 1},
    {"strexb r0, r2, [r1]", 0xE8C12F40, "STREXB T1", Store, i8, 1},
    {"ldmia.w r0, {r1, r2, r3}", 0xE890000E, "LDM T2", Load, i32, 1},
    {"pld [r0, #4]", 0xF890F004, "PLD (imm) T1", Other, i32, 1},
    // Branches, hints, barriers.
    {"b.n .", 0xE7FE, "B T2", Branch, i32, 1},
    {"bx lr", 0x4770, "BX T1", Branch, i32, 1},
    {"cbz r0, +4", 0xB100, "CBZ T1", Branch, i32, 1},
    {"beq.w +4", 0xF0008000, "B T3", Branch, i32, 1},
    {"bl +4", 0xF000F800, "BL T1", Branch, i32, 1},
    {"tbb [r0, r1]", 0xE8D0F001, "TBB T1", Branch, i32, 1},
    {"nop", 0xBF00, "NOP T1", Other, i32, 1},
    {"dmb sy", 0xF3BF8F5F, "DMB T1", Other, i32, 1},
    // Floating point: the precision of the row (sz); conversions at the wider precision.
    {"vadd.f32 s0, s1, s2", 0xEE300A81, "VADD.F32", Add, f32, 1},
    {"vadd.f64 d0, d1, d2", 0xEE310B02, "VADD.F64", Add, f64, 1},
    {"vmul.f32 s0, s1, s2", 0xEE200A81, "VMUL.F32", Multiply, f32, 1},
    {"vnmul.f64 d0, d1, d2", 0xEE210B42, "VNMUL.F64", Multiply, f64, 1},
    {"vmla.f32 s0, s1, s2", 0xEE000A81, "VMLA.F32", Mac, f32, 1},
    {"vfma.f64 d0, d1, d2", 0xEEA10B02, "VFMA.F64", Mac, f64, 1},
    {"vdiv.f32 s0, s1, s2", 0xEE800A81, "VDIV.F32", Divide, f32, 1},
    {"vsqrt.f64 d0, d1", 0xEEB10BC1, "VSQRT.F64", Divide, f64, 1},
    {"vcmp.f32 s0, s1", 0xEEB40A60, "VCMP{E}.F32", Add, f32, 1},
    {"vmaxnm.f32 s0, s1, s2", 0xFE800A81, "VMAXNM.F32", Add, f32, 1},
    {"vabs.f32 s0, s1", 0xEEB00AE0, "VABS.F32", Other, f32, 1},
    {"vneg.f64 d0, d1", 0xEEB10B41, "VNEG.F64", Other, f64, 1},
    {"vrinta.f32 s0, s1", 0xFEB80A60, "VRINT{A,N,P,M}.F32", Other, f32, 1},
    {"vcvt.s32.f32 s0, s1", 0xEEBD0AE0, "VCVT{R}.<S,U>32.F32", Other, f32, 1},
    {"vcvt.f64.f32 d0, s1", 0xEEB70AE0, "VCVT.F64.F32", Other, f64, 1},
    {"vcvt.f32.f64 s0, d1", 0xEEB70BC1, "VCVT.F32.F64", Other, f64, 1},
    {"vcvtb.f16.f64 s0, d1", 0xEEB30B41, "VCVTB/T.F16.F64", Other, f64, 1},
    {"vmrs APSR_nzcv, fpscr", 0xEEF1FA10, "VMRS Rt, FPSCR", Other, f32, 1},
    {"vmov s0, r0", 0xEE000A10, "VMOV Sn, Rt", Other, f32, 1},
    {"vmov r0, r1, d2", 0xEC510B12, "VMOV Rt, Rt2, Dm", Other, f64, 1},
    {"vldr s0, [r0, #4]", 0xED900A01, "VLDR.32", Load, f32, 1},
    {"vldr d0, [r0, #8]", 0xED900B02, "VLDR.64", Load, f64, 1},
    {"vstr s0, [r0]", 0xED800A00, "VSTR.32", Store, f32, 1},
    {"vpush {d8}", 0xED2D8B02, "VPUSH.64", Store, f64, 1},
    {"vpop {s16-s17}", 0xECBD8A02, "VPOP.32", Load, f32, 1},
    {"vldmia r0, {s0-s3}", 0xEC900A04, "VLDMIA.32", Load, f32, 1},
};
// clang-format on

// The WorkOps an op_class allows (the FloatAdd class also holds VABS, VNEG,
// VSEL and VRINT, which do no adder work).
std::set<WorkOp> allowed_ops(OpClass c) {
  switch (c) {
    case OpClass::IntAlu: return {Add, Other};
    case OpClass::IntMul: case OpClass::IntMulLong: return {Multiply, Mac};
    case OpClass::IntDiv: case OpClass::FloatDiv: case OpClass::FloatSqrt: return {Divide};
    case OpClass::Load: case OpClass::LoadMultiple: return {Load};
    case OpClass::Store: case OpClass::StoreMultiple: return {Store};
    case OpClass::Branch: return {Branch};
    case OpClass::System: case OpClass::Hint: case OpClass::Undefined: return {Other};
    case OpClass::Simd: return {Add, Mac, Other};
    case OpClass::FloatAdd: return {Add, Other};
    case OpClass::FloatMul: return {Multiply};
    case OpClass::FloatMac: return {Mac};
    case OpClass::FloatCmp: return {Add};
    case OpClass::FloatCvt: case OpClass::FloatMove: return {Other};
  }
  return {};
}

std::string mnemonic(std::string_view name) { return std::string(name.substr(0, name.find_first_of(" ."))); }

}  // namespace

TEST_CASE("representative instructions carry the Work the manual describes", "[isa][work]") {
  const Decoder m7(*isa::core_profile("cortex-m7"));
  STATIC_REQUIRE(std::size(kCases) >= 40);
  for (const Case& c : kCases) {
    INFO(c.text);
    const auto d = m7.decode(c.raw, c.raw > 0xFFFF);
    const Encoding& row = Decoder::row(d.row);
    CHECK(row.name == c.row);
    CHECK(describe(row.work) == describe(c.op, c.width, c.lanes));
  }
}

TEST_CASE("every row's Work agrees with its op_class", "[isa][work]") {
  for (const Encoding& e : Decoder::rows()) {
    INFO(e.name << ": " << describe(e.work));
    CHECK(allowed_ops(e.op_class).count(e.work.op) == 1);
    // FP widths exactly for the FPU's rows (its arithmetic, moves, loads and stores).
    CHECK(is_fp(e.work.width) == ((e.features & isa::kFpSp) != 0));
    CHECK(e.work.lanes >= 1);
    // Lanes split a 32-bit register; nothing but arithmetic has more than one.
    if (e.work.lanes > 1) {
      CHECK((e.work.op == Add || e.work.op == Mac || e.work.op == Multiply));
      CHECK(e.work.lanes * bits_of(e.work.width) == 32);
    }
    // 64 bits move only through memory: no Int64 arithmetic (SMLAL is a 32-bit MAC).
    if (e.work.width == WorkWidth::Int64) CHECK((e.work.op == Load || e.work.op == Store));
    // Other is priced per instruction.
    if (e.work.op == Other) CHECK((e.work.width == WorkWidth::Int32 || is_fp(e.work.width)));
  }
}

TEST_CASE("every row's Work agrees with its mnemonic", "[isa][work]") {
  // A second statement of the rules, from names alone: a row added with the
  // default Work (Other) where the mnemonic says add, multiply or divide fails.
  const std::set<std::string> adders{"ADD", "ADDW", "SUB", "SUBW", "ADC", "SBC", "RSB", "CMP",
                                     "CMN", "ADR", "QADD", "QSUB", "QDADD", "QDSUB", "VADD", "VSUB"};
  const std::regex byte_lanes("(S|Q|SH|U|UQ|UH)(ADD|SUB)8|USADA?8");
  const std::regex halfword_lanes("(S|Q|SH|U|UQ|UH)(ADD16|SUB16|ASX|SAX)");
  unsigned checked = 0;
  for (const Encoding& e : Decoder::rows()) {
    const std::string m = mnemonic(e.name);
    INFO(e.name << ": " << describe(e.work));
    if (adders.count(m)) {
      CHECK(e.work.op == Add);
      CHECK(e.work.lanes == 1);
    } else if (std::regex_match(m, byte_lanes)) {
      CHECK(describe(e.work) == describe(Add, WorkWidth::Int8, 4));
    } else if (std::regex_match(m, halfword_lanes)) {
      CHECK(describe(e.work) == describe(Add, WorkWidth::Int16, 2));
    } else if (m.find("ML") != std::string::npos) {  // MLA, SMLAL, SMLAD, VNMLS...: accumulate
      CHECK(e.work.op == Mac);
    } else if (m.find("MUL") != std::string::npos) {  // MUL, UMULL, SMULW<y>, VNMUL
      CHECK(e.work.op == Multiply);
    } else if (m.find("DIV") != std::string::npos || m == "VSQRT") {
      CHECK(e.work.op == Divide);
    } else if (m.starts_with("VF")) {  // VFMA, VFMS, VFNMA, VFNMS: fused MACs
      CHECK(e.work.op == Mac);
    } else {
      continue;
    }
    ++checked;
  }
  // At least the rows counted by hand from the tables: 36 integer adder rows,
  // 4 QADD-likes, 38 byte/halfword-lane rows, 21 ML, 11 MUL, 6 divide/sqrt,
  // 8 VF and 4 VADD/VSUB (128).
  CHECK(checked >= 128);
}
