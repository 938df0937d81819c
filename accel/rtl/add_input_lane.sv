// The input side of one lane of TFLite's int8 ADD: both operands offset by
// their zero points, given 20 (left_shift) bits of headroom and scaled to a
// common scale. A beat enters the operand register, then two stages (the
// input scaling high multiply, the input rounding shift); the sum leaves
// combinationally into a requantization lane, whose three stages finish the
// ADD (sum and scale, shift, offset and clamp): five stages in all.
module add_input_lane
  import accel_fixed_point_pkg::*;
(
  input  logic               clk,
  input  logic        [7:0]  a,      // this cycle's beat
  input  logic        [7:0]  b,
  input  add_inputs_t        params,
  output logic signed [31:0] sum     // both inputs in the common scale, summed (wrapping)
);

  logic signed [7:0]  a_q, b_q;                // operand register
  logic signed [31:0] a_high_q, b_high_q;      // stage 1: input scaling
  logic signed [31:0] a_scaled_q, b_scaled_q;  // stage 2: input shift

  // (x + offset) << left_shift, then the scale's own left shift and high multiply.
  function automatic logic signed [31:0] scale_input(logic signed [7:0] x, logic signed [31:0] offset,
                                                     logic [4:0] headroom, requant_t scale);
    logic signed [31:0] shifted;
    shifted = (32'(x) + offset) << headroom;
    return high_mul(shifted << left_amount(scale.shift), scale.multiplier);
  endfunction

  always_ff @(posedge clk) begin
    a_q <= a;
    b_q <= b;
    a_high_q <= scale_input(a_q, params.input1_offset, params.left_shift, params.input1);
    b_high_q <= scale_input(b_q, params.input2_offset, params.left_shift, params.input2);
    a_scaled_q <= rounding_divide_by_pot(a_high_q, right_amount(params.input1.shift));
    b_scaled_q <= rounding_divide_by_pot(b_high_q, right_amount(params.input2.shift));
  end

  assign sum = a_scaled_q + b_scaled_q;

endmodule
