// branch encodings: being written.
#include <span>

#include "isa/encoding.hpp"

namespace isa {
std::span<const Encoding> branch_encodings() { return {}; }
}  // namespace isa
