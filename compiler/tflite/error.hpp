#pragma once

#include <stdexcept>

namespace compiler::tflite {

// Why a .tflite file cannot be read or is not supported. The message names
// the file, and the operator or tensor where there is one.
class ReadError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

} // namespace compiler::tflite
