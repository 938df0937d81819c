// TFLite's integer requantization arithmetic (gemmlowp fixed point), bit for
// bit as accel/model/quant.cpp computes it, and the parameter bundles the
// datapath latches at the start of a pass. All int32 sums wrap.
package accel_fixed_point_pkg;

  localparam logic signed [31:0] Int32Min = 32'sh8000_0000;
  localparam logic signed [31:0] Int32Max = 32'sh7fff_ffff;

  // Output scale of one requantization lane: a Q31 multiplier and a
  // power-of-two shift (> 0 left, < 0 right; [-31, 30]).
  typedef struct packed {
    logic signed [31:0] multiplier;
    logic signed [7:0]  shift;
  } requant_t;

  // The output zero point and activation clamp a pass shares across lanes.
  typedef struct packed {
    logic signed [31:0] offset;
    logic signed [31:0] act_min;
    logic signed [31:0] act_max;
  } output_stage_t;

  // TFLite int8 ADD's input side: offsets, headroom shift, input scales.
  typedef struct packed {
    logic signed [31:0] input1_offset;
    logic signed [31:0] input2_offset;
    logic [4:0]         left_shift;
    requant_t           input1;
    requant_t           input2;
  } add_inputs_t;

  // The left shift applied before the high multiply (shift > 0).
  function automatic logic [4:0] left_amount(logic signed [7:0] shift);
    return shift > 0 ? shift[4:0] : 5'd0;
  endfunction

  // The rounding right shift applied after it (shift < 0).
  function automatic logic [4:0] right_amount(logic signed [7:0] shift);
    return shift < 0 ? 5'(-shift) : 5'd0;
  endfunction

  // SaturatingRoundingDoublingHighMul: a * b / 2^31 rounded as gemmlowp
  // does (a nudge of 2^30, or 1 - 2^30 for a negative product, then a
  // division truncating toward zero: a negative tie rounds toward zero);
  // INT32_MIN * INT32_MIN, the one overflow, saturates.
  function automatic logic signed [31:0] high_mul(logic signed [31:0] a, logic signed [31:0] b);
    logic signed [63:0] product, nudged, biased;
    if (a == Int32Min && b == Int32Min) return Int32Max;
    product = 64'(a) * 64'(b);
    nudged = product + (product >= 0 ? 64'sd1 << 30 : 64'sd1 - (64'sd1 << 30));
    // Divide by 2^31 truncating toward zero (as C++ does): the arithmetic
    // shift floors, so a negative value first adds 2^31 - 1.
    biased = nudged < 0 ? nudged + 64'sh7fff_ffff : nudged;
    return 32'(biased >>> 31);  // in range: only INT32_MIN * INT32_MIN would not be
  endfunction

  // RoundingDivideByPOT: x / 2^exponent to nearest, ties away from zero.
  function automatic logic signed [31:0] rounding_divide_by_pot(logic signed [31:0] x, logic [4:0] exponent);
    logic [31:0] mask, remainder, threshold;
    logic signed [31:0] floored;
    mask = ~(32'hffff_ffff << exponent);
    remainder = x & mask;
    threshold = (mask >> 1) + {31'b0, x[31]};
    floored = x >>> exponent;  // a statement of its own: >>> floors only in a signed expression
    return floored + {31'b0, remainder > threshold};
  endfunction

  // Output zero point, activation clamp, int8 result.
  function automatic logic [7:0] offset_and_clamp(logic signed [31:0] x, output_stage_t o);
    logic signed [31:0] shifted;
    shifted = x + o.offset;
    if (shifted < o.act_min) return o.act_min[7:0];
    if (shifted > o.act_max) return o.act_max[7:0];
    return shifted[7:0];
  endfunction

endpackage
