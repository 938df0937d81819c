/* QUANTIZE (float32 -> int8, int8 -> int8) and DEQUANTIZE (int8 ->
 * float32) as TFLite's reference kernels (AffineQuantize, Requantize,
 * Dequantize). */
#include "nn_ops.h"
#include "nn_quant.h"

void nn_requantize_s8_s8(const nn_requant_params *p, const int8_t *input, int8_t *output,
                         uint32_t count)
{
  for (uint32_t i = 0; i < count; ++i)
    output[i] = nn_requantize(input[i] + p->input_offset, p->multiplier, p->shift,
                              p->output_offset, INT8_MIN, INT8_MAX);
}

/* round(q) with ties away from zero, for q already limited to +-300 (so
 * that the conversion to int is defined): truncate, then step away from
 * zero when the dropped fraction (exact: q and its integer part share an
 * exponent range) is at least one half. */
static int32_t round_half_away(float q)
{
  const int32_t truncated = (int32_t)q;
  const float fraction = q - (float)truncated;
  if (fraction >= 0.5)
    return truncated + 1;
  if (fraction <= -0.5)
    return truncated - 1;
  return truncated;
}

void nn_quantize_f32_s8(const nn_affine_quant *q, const float *input, int8_t *output,
                        uint32_t count)
{
  /* Past +-300 every zero point saturates the same way; the limit also
   * keeps the float-to-int conversion defined. !(x >= -300) catches NaN. */
  const float limit = 300.0f;
  for (uint32_t i = 0; i < count; ++i) {
    /* TFLite's reference quantize divides in float: val / (float)scale. */
    float scaled = input[i] / q->scale;
    if (!(scaled >= -limit))
      scaled = -limit;
    if (scaled > limit)
      scaled = limit;
    int32_t v = round_half_away(scaled) + q->zero_point;
    if (v < INT8_MIN)
      v = INT8_MIN;
    if (v > INT8_MAX)
      v = INT8_MAX;
    output[i] = (int8_t)v;
  }
}

void nn_dequantize_s8_f32(const nn_affine_quant *q, const int8_t *input, float *output,
                          uint32_t count)
{
  for (uint32_t i = 0; i < count; ++i)
    output[i] = q->scale * (float)(input[i] - q->zero_point);
}
