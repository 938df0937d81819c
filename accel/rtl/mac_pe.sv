// One processing element of the output-stationary array: an int8 x int8
// multiply into a wrapping 32-bit accumulator. Operands pass on to the right
// (a) and downward (w) one cycle later; during the drain the accumulator
// takes the value of the PE below, so rows move up and out of the array.
module mac_pe (
  input  logic               clk,
  input  logic               rst_n,
  input  logic               load_bias,   // the pass's cycle 0
  input  logic signed [31:0] bias,
  input  logic        [7:0]  a_in,
  input  logic               a_valid_in,  // a_in and w_in hold a pair of the reduction
  input  logic        [7:0]  w_in,
  input  logic               drain,
  input  logic signed [31:0] acc_below,
  output logic        [7:0]  a_out,
  output logic               a_valid_out,
  output logic        [7:0]  w_out,
  output logic signed [31:0] acc,
  output logic               mac_en       // accumulates at this cycle's edge
);

  logic signed [15:0] product;
  assign product = $signed(a_in) * $signed(w_in);
  assign mac_en = a_valid_in;

  always_ff @(posedge clk) begin
    a_out <= a_in;
    w_out <= w_in;
    a_valid_out <= rst_n && a_valid_in;
    if (load_bias) acc <= bias;
    else if (mac_en) acc <= acc + 32'(product);
    else if (drain) acc <= acc_below;
  end

endmodule
