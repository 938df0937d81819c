// Miscellaneous encodings (ARMv7-M ARM A5.2.5, A5.2.6, A5.3.4-A5.3.6; the
// instruction pages in A7.7 and B5.2): IT, hints, CPS, MRS/MSR, barriers,
// SVC, BKPT, UDF.
#include <array>
#include <bit>

#include "isa/decoder.hpp"
#include "isa/encoding.hpp"
#include "isa/encodings/fields.hpp"
#include "isa/encodings/row_work.hpp"
#include "isa/exec/misc.hpp"
#include "isa/features.hpp"

namespace isa {
namespace {
using namespace enc;
namespace x = exec;

// SYSm values MRS and MSR accept: xPSR views, MSP, PSP, masks, CONTROL.
constexpr bool valid_sysm(uint32_t sysm) { return sysm <= 9 ? sysm != 4 : (sysm >= 16 && sysm <= 20); }

// ---- 16-bit formats ----

bool no_fields(uint32_t, Decoded&) { return true; }
bool imm8_16(uint32_t raw, Decoded& d) {  // SVC, BKPT, UDF #imm8
  d.imm = bits<7, 0>(raw);
  return true;
}
bool firstcond_mask16(uint32_t raw, Decoded& d) {  // IT
  const uint32_t firstcond = bits<7, 4>(raw), mask = bits<3, 0>(raw);
  d.imm = bits<7, 0>(raw);
  return firstcond != 0xF && (firstcond != 0xE || std::popcount(mask) == 1);
}
bool i_f16(uint32_t raw, Decoded& d) {  // CPS: which of PRIMASK (I) and FAULTMASK (F)
  d.imm = bits<1, 0>(raw);
  return true;
}

// ---- 32-bit formats ----

bool rd_sysm32(uint32_t raw, Decoded& d) {  // MRS Rd, <spec_reg>
  d.rd = rd32(raw);
  d.imm = bits<7, 0>(raw);
  return !sp_or_pc(d.rd) && valid_sysm(d.imm);
}
bool rn_mask_sysm32(uint32_t raw, Decoded& d) {  // MSR <spec_reg>, Rn
  const uint32_t mask = bits<11, 10>(raw), sysm = bits<7, 0>(raw);
  d.rn = rn32(raw);
  d.imm = (mask << 8) | sysm;
  // Only the APSR views take a mask other than '10' (nzcvq).
  return mask != 0 && (mask == 0b10 || sysm <= 3) && !sp_or_pc(d.rn) && valid_sysm(sysm);
}
bool option32(uint32_t raw, Decoded& d) {  // DMB/DSB/ISB #option (reserved options act as SY)
  d.imm = bits<3, 0>(raw);
  return true;
}
bool imm4_imm12_32(uint32_t raw, Decoded& d) {  // UDF.W #imm16
  d.imm = (bits<19, 16>(raw) << 12) | bits<11, 0>(raw);
  return true;
}

bool any32(uint32_t, Decoded&) { return true; }

constexpr uint32_t v6 = kV6M, v7 = kV7M;
constexpr auto sys = OpClass::System;
constexpr auto hint = OpClass::Hint;
constexpr auto undef = OpClass::Undefined;

constexpr std::array kRows{
    // 16-bit: IT and hints (A5.2.5); unallocated hints execute as NOP
    Encoding{"IT T1", pattern("10111111 cccc mmmm"), firstcond_mask16, x::it, v7, hint, other},
    Encoding{"hint T1 (unallocated)", pattern("10111111 hhhh 0000"), no_fields, x::nop, v6, hint, other},
    Encoding{"NOP T1", pattern("10111111 0000 0000"), no_fields, x::nop, v6, hint, other},
    Encoding{"YIELD T1", pattern("10111111 0001 0000"), no_fields, x::nop, v6, hint, other},
    Encoding{"WFE T1", pattern("10111111 0010 0000"), no_fields, x::wfe, v6, hint, other},
    Encoding{"WFI T1", pattern("10111111 0011 0000"), no_fields, x::wfi, v6, hint, other},
    Encoding{"SEV T1", pattern("10111111 0100 0000"), no_fields, x::sev, v6, hint, other},
    // CPS (B5.2.1): ARMv6-M has PRIMASK only
    Encoding{"CPSIE i T1", pattern("10110110011 0 00 1 0"), i_f16, x::cpsie, v6, sys, other},
    Encoding{"CPSID i T1", pattern("10110110011 1 00 1 0"), i_f16, x::cpsid, v6, sys, other},
    Encoding{"CPSIE f T1", pattern("10110110011 0 00 i 1"), i_f16, x::cpsie, v7, sys, other},
    Encoding{"CPSID f T1", pattern("10110110011 1 00 i 1"), i_f16, x::cpsid, v7, sys, other},
    Encoding{"BKPT T1", pattern("10111110 iiiiiiii"), imm8_16, x::bkpt, v6, sys, other},
    Encoding{"SVC T1", pattern("11011111 iiiiiiii"), imm8_16, x::svc, v6, sys, other},
    Encoding{"UDF T1", pattern("11011110 iiiiiiii"), imm8_16, undefined_instruction, v6, undef, other},

    // 32-bit: special registers (A5.3.4, B5.2.2, B5.2.3); BASEPRI and
    // FAULTMASK are ARMv7-M only, the APSR GE bits need the DSP extension
    Encoding{"MRS T1", pattern("11110 0 1111 1 0 1111 | 10 0 0 dddd ssssssss"), rd_sysm32, x::mrs, v6, sys, other},
    Encoding{"MRS BASEPRI T1", pattern("11110 0 1111 1 0 1111 | 10 0 0 dddd 00010001"), rd_sysm32, x::mrs, v7, sys, other},
    Encoding{"MRS BASEPRI_MAX T1", pattern("11110 0 1111 1 0 1111 | 10 0 0 dddd 00010010"), rd_sysm32, x::mrs, v7, sys, other},
    Encoding{"MRS FAULTMASK T1", pattern("11110 0 1111 1 0 1111 | 10 0 0 dddd 00010011"), rd_sysm32, x::mrs, v7, sys, other},
    Encoding{"MSR T1", pattern("11110 0 1110 0 0 nnnn | 10 0 0 mm 00 ssssssss"), rn_mask_sysm32, x::msr, v6, sys, other},
    Encoding{"MSR APSR_g T1", pattern("11110 0 1110 0 0 nnnn | 10 0 0 m1 00 00000sss"),
             rn_mask_sysm32, x::msr, v7 | kDsp, sys, other},
    Encoding{"MSR BASEPRI T1", pattern("11110 0 1110 0 0 nnnn | 10 0 0 mm 00 00010001"),
             rn_mask_sysm32, x::msr, v7, sys, other},
    Encoding{"MSR BASEPRI_MAX T1", pattern("11110 0 1110 0 0 nnnn | 10 0 0 mm 00 00010010"),
             rn_mask_sysm32, x::msr, v7, sys, other},
    Encoding{"MSR FAULTMASK T1", pattern("11110 0 1110 0 0 nnnn | 10 0 0 mm 00 00010011"),
             rn_mask_sysm32, x::msr, v7, sys, other},

    // 32-bit hints (A5.3.5); unallocated hints execute as NOP
    Encoding{"hint T2 (unallocated)", pattern("11110 0 1110 1 0 1111 | 10 0 0 0 000 hhhhhhhh"),
             no_fields, x::nop, v7, hint, other},
    Encoding{"NOP T2", pattern("11110 0 1110 1 0 1111 | 10 0 0 0 000 00000000"), no_fields, x::nop, v7, hint, other},
    Encoding{"YIELD T2", pattern("11110 0 1110 1 0 1111 | 10 0 0 0 000 00000001"), no_fields, x::nop, v7, hint, other},
    Encoding{"WFE T2", pattern("11110 0 1110 1 0 1111 | 10 0 0 0 000 00000010"), no_fields, x::wfe, v7, hint, other},
    Encoding{"WFI T2", pattern("11110 0 1110 1 0 1111 | 10 0 0 0 000 00000011"), no_fields, x::wfi, v7, hint, other},
    Encoding{"SEV T2", pattern("11110 0 1110 1 0 1111 | 10 0 0 0 000 00000100"), no_fields, x::sev, v7, hint, other},
    Encoding{"DBG T1", pattern("11110 0 1110 1 0 1111 | 10 0 0 0 000 1111 oooo"), option32, x::nop, v7, hint, other},

    // 32-bit barriers (A5.3.6); CLREX is with the exclusive loads and stores
    Encoding{"DSB T1", pattern("11110 0 1110 1 1 1111 | 10 0 0 1111 0100 oooo"), option32, x::barrier, v6, sys, other},
    Encoding{"DMB T1", pattern("11110 0 1110 1 1 1111 | 10 0 0 1111 0101 oooo"), option32, x::barrier, v6, sys, other},
    Encoding{"ISB T1", pattern("11110 0 1110 1 1 1111 | 10 0 0 1111 0110 oooo"), option32, x::barrier, v6, sys, other},

    Encoding{"UDF T2", pattern("11110 1111111 iiii | 1010 iiiiiiiiiiii"),
             imm4_imm12_32, undefined_instruction, v7, undef, other},

    // Coprocessor space (A5.3.18: MCR, MRC, MCRR, MRRC, LDC, STC, CDP and
    // their "2" forms): no coprocessor is present, so UsageFault NOCP. The
    // FPU's rows (CP10/CP11) are more specific and take precedence.
    Encoding{"coprocessor", pattern("111 x 11 xxxxxxxxxx | xxxxxxxxxxxxxxxx"), any32, x::no_coprocessor, v7, undef, other},
};
}  // namespace

std::span<const Encoding> misc_encodings() { return kRows; }

}  // namespace isa
