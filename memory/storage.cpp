#include "memory/storage.hpp"

#include <algorithm>

namespace memory {

Storage::Storage(uint64_t size, bool read_only) : bytes_(size, 0), read_only_(read_only) {}

AccessStatus Storage::read(uint64_t offset, std::span<uint8_t> out, Requester by) {
  const auto status = debug_read(offset, out);
  if (status == AccessStatus::Ok)
    (by == Requester::Dma ? dma_ : transport_).count(isa::AccessKind::Load, static_cast<unsigned>(out.size()));
  return status;
}

AccessStatus Storage::write(uint64_t offset, std::span<const uint8_t> in, Requester by) {
  if (!in_range(offset, in.size())) return AccessStatus::OutOfRange;
  if (read_only_) return AccessStatus::ReadOnly;
  std::copy(in.begin(), in.end(), bytes_.begin() + static_cast<std::ptrdiff_t>(offset));
  (by == Requester::Dma ? dma_ : transport_).count(isa::AccessKind::Store, static_cast<unsigned>(in.size()));
  return AccessStatus::Ok;
}

AccessStatus Storage::debug_read(uint64_t offset, std::span<uint8_t> out) const {
  if (!in_range(offset, out.size())) return AccessStatus::OutOfRange;
  const auto first = bytes_.begin() + static_cast<std::ptrdiff_t>(offset);
  std::copy(first, first + static_cast<std::ptrdiff_t>(out.size()), out.begin());
  return AccessStatus::Ok;
}

AccessStatus Storage::debug_write(uint64_t offset, std::span<const uint8_t> in) {
  if (!in_range(offset, in.size())) return AccessStatus::OutOfRange;
  std::copy(in.begin(), in.end(), bytes_.begin() + static_cast<std::ptrdiff_t>(offset));
  return AccessStatus::Ok;
}

}  // namespace memory
