// The flatbuffer accessors flatc generates from schema.fbs (namespace
// ::tflite), under a name that does not collide with compiler::tflite.
#pragma once

#include "compiler/tflite/schema_generated.h"

namespace compiler::tflite {
namespace schema = ::tflite;
}
