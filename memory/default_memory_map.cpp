#include "memory/default_memory_map.hpp"

namespace memory {

std::optional<CachePolicy> default_cache_policy(uint32_t addr) {
  constexpr CachePolicy kWriteThrough{.write = WritePolicy::WriteThrough, .write_allocate = false};
  constexpr CachePolicy kWriteBackAllocate{.write = WritePolicy::WriteBack, .write_allocate = true};
  switch (addr >> 29) {  // the map's 512 MiB regions
    case 0: return kWriteThrough;       // Code
    case 1: return kWriteBackAllocate;  // SRAM
    case 3: return kWriteBackAllocate;  // RAM
    case 4: return kWriteThrough;       // RAM
    default: return std::nullopt;       // Peripheral, Device, System
  }
}

}  // namespace memory
