// load store encodings: being written.
#include <span>

#include "isa/encoding.hpp"

namespace isa {
std::span<const Encoding> load_store_encodings() { return {}; }
}  // namespace isa
