// misc encodings: being written.
#include <span>

#include "isa/encoding.hpp"

namespace isa {
std::span<const Encoding> misc_encodings() { return {}; }
}  // namespace isa
