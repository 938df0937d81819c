/* SOFTMAX, int8 in and out, as TFLite's reference kernel: per row, the
 * exps of the differences to the row's maximum (Q0.31), their sum (Q12.19,
 * room for 4096 ones), its reciprocal, and each exp times the reciprocal
 * rounded to the output scale 1/256 with zero point -128. */
#include "nn_fixedpoint.h"
#include "nn_ops.h"
#include "nn_quant.h"

#include <stddef.h>

enum { accumulation_integer_bits = 12, output_bits = 8 };

/* exp(beta * input_scale * diff) in Q0.31 for diff <= 0 and >= diff_min:
 * the multiplier scales diff to Q5.26. */
static int32_t exp_of_difference(const nn_softmax_params *p, int32_t diff)
{
  const int32_t scaled = nn_multiply_by_quantized_multiplier(diff, p->input_multiplier,
                                                             p->input_left_shift);
  return nn_exp_on_negative_values_q5(scaled);
}

static void softmax_row(const nn_softmax_params *p, const int8_t *input, int8_t *output,
                        int32_t depth)
{
  int32_t max = INT8_MIN;
  for (int32_t c = 0; c < depth; ++c)
    if (input[c] > max)
      max = input[c];

  int32_t sum_of_exps = 0; /* Q12.19 */
  for (int32_t c = 0; c < depth; ++c) {
    const int32_t diff = input[c] - max;
    if (diff >= p->diff_min)
      sum_of_exps = nn_wrapping_add( /* Q0.31 to Q12.19: 12 bits right, rounded */
          sum_of_exps, nn_rounding_divide_by_pot(exp_of_difference(p, diff), accumulation_integer_bits));
  }

  /* sum = 2^num_bits_over_unit * (1 + f): each output is exp * 1/(1 + f)
   * / 2^num_bits_over_unit in Q0.31, i.e. times 256 after a right shift by
   * num_bits_over_unit + 31 - 8. The maximum's own exp is 1, so the sum is
   * at least 1 and the shift at least 23; depth < 512 keeps it <= 31
   * (TFLite checks the same bound). */
  int num_bits_over_unit;
  const int32_t reciprocal = nn_reciprocal(sum_of_exps, accumulation_integer_bits,
                                           &num_bits_over_unit);
  int exponent = num_bits_over_unit + 31 - output_bits;
  if (exponent > 31)
    exponent = 31;

  for (int32_t c = 0; c < depth; ++c) {
    const int32_t diff = input[c] - max;
    if (diff < p->diff_min) {
      output[c] = INT8_MIN;
      continue;
    }
    const int32_t probability = nn_rounding_divide_by_pot(
        nn_saturating_rounding_doubling_high_mul(reciprocal, exp_of_difference(p, diff)), exponent);
    int32_t value = probability + INT8_MIN;
    if (value > INT8_MAX)
      value = INT8_MAX; /* a probability of 1 is 256/256 */
    output[c] = (int8_t)value;
  }
}

void nn_softmax_s8(const nn_softmax_params *p, const int8_t *input, int8_t *output, int32_t rows,
                   int32_t depth)
{
  for (int32_t r = 0; r < rows; ++r)
    softmax_row(p, input + (size_t)r * depth, output + (size_t)r * depth, depth);
}
