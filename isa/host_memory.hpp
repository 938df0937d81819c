// Target memory held in host buffers: the host is little-endian like the
// target, so an access is a copy of 1, 2 or 4 bytes.
#pragma once
#include <cstdint>
#include <cstring>

namespace isa {

inline uint32_t host_read(const uint8_t* p, unsigned size) {
  switch (size) {
    case 1: return *p;
    case 2: { uint16_t v; std::memcpy(&v, p, 2); return v; }
    default: { uint32_t v; std::memcpy(&v, p, 4); return v; }
  }
}

inline void host_write(uint8_t* p, unsigned size, uint32_t v) {
  switch (size) {
    case 1: *p = static_cast<uint8_t>(v); break;
    case 2: { const auto h = static_cast<uint16_t>(v); std::memcpy(p, &h, 2); break; }
    default: std::memcpy(p, &v, 4); break;
  }
}

}  // namespace isa
