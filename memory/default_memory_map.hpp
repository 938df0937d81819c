// The cache attributes of the ARMv7-M default memory map (ARMv7-M ARM
// B3.1, Table B3-1), which hold while the MPU is off or has no region for
// an address. The MPU is not modelled: these are the only attributes.
//
//   0x00000000-0x1FFFFFFF  Code        Normal, write-through (read-allocate)
//   0x20000000-0x3FFFFFFF  SRAM        Normal, write-back write-allocate
//   0x40000000-0x5FFFFFFF  Peripheral  Device: not cacheable
//   0x60000000-0x7FFFFFFF  RAM         Normal, write-back write-allocate
//   0x80000000-0x9FFFFFFF  RAM         Normal, write-through (read-allocate)
//   0xA0000000-0xDFFFFFFF  Device      not cacheable
//   0xE0000000-0xFFFFFFFF  System      not cacheable (PPB, vendor system)
//
// A write-through region allocates on read misses only: the Cortex-M7
// allocates on a write miss only where the attributes say Write-Allocate
// (Cortex-M7 TRM, section 5.9 "L1 caches").
#pragma once
#include <cstdint>
#include <optional>

#include "memory/cache.hpp"

namespace memory {

// How the L1 caches treat addr; nullopt: not cacheable.
std::optional<CachePolicy> default_cache_policy(uint32_t addr);

}  // namespace memory
