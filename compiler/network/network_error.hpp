// A network description that cannot be read: bad YAML, an unknown or missing
// key, a bad value, a shape that does not work. The message names the file,
// line, column and key path ("net.yaml:12:5: layers[3].shape: ...").
#pragma once

#include <stdexcept>

namespace compiler::network {

class NetworkError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace compiler::network
