#include "accel/model/checks.hpp"

#include <stdexcept>

namespace accel::model {

namespace {
bool in_range(int64_t v, int64_t lo, int64_t hi) { return v >= lo && v <= hi; }

// One spatial dimension: the first output's window reaches the image and
// the last one's starts inside it.
void check_dimension(const char* op, const char* name, uint32_t in, uint32_t out, uint32_t kernel, uint32_t stride,
                     uint32_t dilation, uint32_t pad) {
  const std::string dim(name);
  if (in == 0 || out == 0 || kernel == 0 || stride == 0 || dilation == 0)
    fail(op, dim + ": in, out, kernel, stride and dilation must be at least 1");
  const uint64_t dilated_kernel = uint64_t{kernel - 1} * dilation + 1;
  if (pad >= dilated_kernel) fail(op, dim + ": the padding is not less than the dilated kernel");
  if (uint64_t{out - 1} * stride >= uint64_t{in} + pad)
    fail(op, dim + ": the last output's window starts past the image");
}
}  // namespace

void fail(const char* op, const std::string& rule) { throw std::invalid_argument(std::string(op) + ": " + rule); }

void require(bool ok, const char* op, const char* rule) {
  if (!ok) fail(op, rule);
}

void check_window(const char* op, const Window2d& w) {
  check_dimension(op, "height", w.in_h, w.out_h, w.kernel_h, w.stride_h, w.dilation_h, w.pad_top);
  check_dimension(op, "width", w.in_w, w.out_w, w.kernel_w, w.stride_w, w.dilation_w, w.pad_left);
}

void check_output_quant(const char* op, const OutputQuant& q) {
  require(in_range(q.input_offset, -127, 128), op,
          "input_offset is outside [-127, 128] (the zero point must fit int8)");
  check_output_range(op, q.output_offset, q.act_min, q.act_max);
}

void check_output_range(const char* op, int32_t output_offset, int32_t act_min, int32_t act_max) {
  require(in_range(output_offset, -128, 127), op, "output_offset is outside [-128, 127]");
  require(act_min <= act_max, op, "act_min > act_max");
  require(in_range(act_min, -128, 127) && in_range(act_max, -128, 127), op, "the activation clamp is outside int8");
}

void check_shift(const char* op, int32_t shift) {
  if (!in_range(shift, -31, 30)) fail(op, "requant shift " + std::to_string(shift) + " is outside [-31, 30]");
}

void check_add_params(const char* op, const AddParams& p) {
  require(in_range(p.left_shift, 0, 22), op, "left_shift is outside [0, 22]");
  require(in_range(p.input1_offset, -127, 128) && in_range(p.input2_offset, -127, 128), op,
          "an input offset is outside [-127, 128]");
  check_shift(op, p.input1.shift);
  check_shift(op, p.input2.shift);
  check_shift(op, p.output.shift);
  check_output_range(op, p.output_offset, p.act_min, p.act_max);
}

}  // namespace accel::model
