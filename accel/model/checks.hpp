// The parameter rules of the operations, in one place for everything that
// runs them: the functional model's ops and the device's command decoder.
// Each check throws std::invalid_argument "<op>: <the rule broken>".
#pragma once
#include <cstdint>
#include <string>

#include "accel/model/layers.hpp"

namespace accel::model {

[[noreturn]] void fail(const char* op, const std::string& rule);
void require(bool ok, const char* op, const char* rule);

// Every size at least 1; in each dimension the padding less than the
// dilated kernel, and the last output's window starting inside the image.
void check_window(const char* op, const Window2d& w);
// input_offset in [-127, 128] (the zero point fits int8), then check_output_range.
void check_output_quant(const char* op, const OutputQuant& q);
// output_offset and the activation clamp inside int8, act_min <= act_max.
void check_output_range(const char* op, int32_t output_offset, int32_t act_min, int32_t act_max);
// A requantization shift in [-31, 30].
void check_shift(const char* op, int32_t shift);
// ADD: left_shift in [0, 22], input offsets in [-127, 128], every shift
// checked, and the output range.
void check_add_params(const char* op, const AddParams& p);

}  // namespace accel::model
