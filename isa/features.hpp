// Architecture features a core implements. Decode rows name the features they
// need; a core without them takes a UsageFault (UNDEFINSTR) as on silicon.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace isa {

enum Feature : uint32_t {
  kV6M = 1u << 0,   // ARMv6-M baseline (Cortex-M0/M0+)
  kV7M = 1u << 1,   // ARMv7-M mainline additions (Cortex-M3 and up)
  kDsp = 1u << 2,   // ARMv7E-M DSP extension
  kFpSp = 1u << 3,  // FPv4-SP / FPv5 single precision
  kFpDp = 1u << 4,  // FPv5 double precision
  kV8M = 1u << 5,   // ARMv8-M mainline additions
  kFpV5 = 1u << 6,  // FPv5 additions (VRINT, VSEL, VMAXNM, VCVTA...): Cortex-M7, M33
};

struct CoreProfile {
  std::string_view name;
  uint32_t features;
  unsigned priority_bits;  // implemented NVIC priority bits
  unsigned max_irqs;       // external interrupt lines
  uint32_t cpuid;          // SCB->CPUID (implementer, variant, part, revision)

  bool has(uint32_t f) const { return (features & f) == f; }
  bool mainline() const { return has(kV7M); }
};

// The cores edgesim knows, by their lower-case names ("cortex-m4").
std::optional<CoreProfile> core_profile(std::string_view name);
std::string_view core_names();  // comma-separated, for error messages

}  // namespace isa
