// multiply divide encodings: being written.
#include <span>

#include "isa/encoding.hpp"

namespace isa {
std::span<const Encoding> multiply_divide_encodings() { return {}; }
}  // namespace isa
