// The encoding table's own invariants: patterns are well-formed, names are
// unique, and two rows overlap only where one is a special case of the other
// (the manual's "SEE ..." notes) or a third row owns their intersection, so
// that the decoder's most-specific-first order is never a coin toss.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "isa/decoder.hpp"

using isa::Decoder;
using isa::Encoding;

namespace {
bool overlap(const Encoding& a, const Encoding& b) {
  const uint32_t common = a.pattern.mask & b.pattern.mask;
  return ((a.pattern.value ^ b.pattern.value) & common) == 0;
}
// b's fixed bits include all of a's: b matches a subset of a's encodings.
bool special_case_of(const Encoding& b, const Encoding& a) {
  return (b.pattern.mask & a.pattern.mask) == a.pattern.mask && b.pattern.mask != a.pattern.mask;
}
// Two rows that overlap without nesting are still unambiguous when a third,
// more specific than both, matches every encoding they share (e.g. LDRB
// literal and PLD immediate share exactly PLD literal's encodings).
bool intersection_has_own_row(const Encoding& a, const Encoding& b, const std::vector<Encoding>& rows) {
  const uint32_t mask = a.pattern.mask | b.pattern.mask;
  const uint32_t value = (a.pattern.value | b.pattern.value) & mask;
  for (size_t k = 0; k + 1 < rows.size(); ++k) {
    const auto& r = rows[k].pattern;
    const bool covers = r.width == a.pattern.width && (r.mask & mask) == r.mask && (value & r.mask) == r.value;
    if (covers && r.fixed_bits() > a.pattern.fixed_bits() && r.fixed_bits() > b.pattern.fixed_bits()) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("pattern() parses fixed bits and operand letters", "[isa][decoder]") {
  constexpr auto p = isa::pattern("0001110 iii nnn ddd");
  STATIC_REQUIRE(p.width == 16);
  STATIC_REQUIRE(p.mask == 0xFE00);
  STATIC_REQUIRE(p.value == 0x1C00);
  constexpr auto w = isa::pattern("11110 i 0 1000 s nnnn | 0 iii dddd iiiiiiii");
  STATIC_REQUIRE(w.width == 32);
  STATIC_REQUIRE(w.mask == 0xFBE08000u);
  STATIC_REQUIRE(w.value == 0xF1000000u);
}

TEST_CASE("encoding rows overlap only where a more specific row decides", "[isa][decoder]") {
  const auto& rows = Decoder::rows();
  std::set<std::string> names;
  for (size_t i = 0; i + 1 < rows.size(); ++i) {
    INFO(rows[i].name);
    CHECK(names.insert(std::string(rows[i].name)).second);
    // 32-bit patterns must start with a 32-bit prefix, 16-bit ones must not.
    const uint32_t hw1_top = rows[i].pattern.width == 32 ? rows[i].pattern.value >> 27 : rows[i].pattern.value >> 11;
    CHECK((rows[i].pattern.width == 32) == (hw1_top >= 0x1D));
    for (size_t j = i + 1; j + 1 < rows.size(); ++j) {
      if (rows[i].pattern.width != rows[j].pattern.width || !overlap(rows[i], rows[j])) continue;
      INFO(rows[i].name << " overlaps " << rows[j].name);
      CHECK((special_case_of(rows[i], rows[j]) || special_case_of(rows[j], rows[i]) ||
             intersection_has_own_row(rows[i], rows[j], rows)));
    }
  }
}

TEST_CASE("the decoder picks the special case over the general row", "[isa][decoder]") {
  const Decoder m4(*isa::core_profile("cortex-m4"));
  // cmp.w r1, #4 is SUBS with Rd=1111: CMP must win.
  const auto d = m4.decode(0xF1B10F04, true);
  CHECK(Decoder::row(d.row).name == "CMP (imm) T2");
  // The same 32-bit data-processing encoding is UNDEFINED on ARMv6-M.
  const Decoder m0(*isa::core_profile("cortex-m0plus"));
  CHECK(m0.decode(0xF1B10F04, true).row == Decoder::undefined_row());
}

TEST_CASE("32-bit data processing follows the manual's SP and PC rules", "[isa][decoder]") {
  const Decoder m4(*isa::core_profile("cortex-m4"));
  const auto undefined = [&](uint32_t raw) { return m4.decode(raw, true).row == Decoder::undefined_row(); };
  // UNPREDICTABLE per A7.7 (the assembler refuses each: "r13 not allowed here")
  CHECK(undefined(0xEA0D0001));  // and.w r0, sp, r1
  CHECK(undefined(0xEA010D02));  // and.w sp, r1, r2
  CHECK(undefined(0xF1410D01));  // adc sp, r1, #1
  CHECK(undefined(0xEBA10D02));  // sub.w sp, r1, r2
  CHECK(undefined(0xF1010D04));  // add.w sp, r1, #4
  CHECK(undefined(0xEB01000D));  // add.w r0, r1, sp
  CHECK(undefined(0xEA1D0F01));  // tst.w sp, r1
  CHECK(undefined(0xEBB10F0D));  // cmp.w r1, sp
  CHECK(undefined(0xEA5F0D01));  // movs.w sp, r1
  // The SP forms the manual allows (encodings from arm-none-eabi-as)
  CHECK_FALSE(undefined(0xF10D0D04));  // add.w sp, sp, #4
  CHECK_FALSE(undefined(0xF1AD0D08));  // sub.w sp, sp, #8
  CHECK_FALSE(undefined(0xEB0D0001));  // add.w r0, sp, r1
  CHECK_FALSE(undefined(0xEA4F0D01));  // mov.w sp, r1
  CHECK_FALSE(undefined(0xEB0D0D81));  // add.w sp, sp, r1, lsl #2
  CHECK_FALSE(undefined(0xEBBD0F01));  // cmp.w sp, r1
  CHECK_FALSE(undefined(0xF20D0D0C));  // addw sp, sp, #12
}
