// One lane of the requantization pipeline: an int32 in, int8 out three
// cycles later. TFLite's MultiplyByQuantizedMultiplier (the left shift and
// saturating rounding doubling high multiply, then the rounding right shift)
// and the output zero point and clamp, one stage each. Parameters hold still
// for a whole pass, so only the data moves down the stages.
module requant_lane
  import accel_fixed_point_pkg::*;
(
  input  logic               clk,
  input  logic signed [31:0] value,  // enters this cycle
  input  requant_t           scale,
  input  output_stage_t      output_stage,
  output logic        [7:0]  result
);

  logic signed [31:0] high_q;    // stage 1: left shift, high multiply
  logic signed [31:0] scaled_q;  // stage 2: rounding right shift

  always_ff @(posedge clk) begin
    high_q   <= high_mul(value << left_amount(scale.shift), scale.multiplier);
    scaled_q <= rounding_divide_by_pot(high_q, right_amount(scale.shift));
    result   <= offset_and_clamp(scaled_q, output_stage);  // stage 3
  end

endmodule
