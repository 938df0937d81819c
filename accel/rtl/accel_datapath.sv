// The accelerator's datapath: the MAC array, the add unit's input lanes and
// the requantization pipeline they share, behind one pass interface. The
// control (in C++) loads a pass's parameters onto the inputs, pulses start
// and then feeds one beat of unskewed operands per cycle; results come out
// one row (or beat) of COLS int8 lanes per cycle, done with the last.
//
// Cycle schedule, cycle 0 being the one start is taken in:
//   matmul, k = count: operands of pair kk on a_in/w_in in cycle 1 + kk;
//     MACs in cycles 1 .. k+ROWS+COLS-2 (mac_active); rows leave the
//     accumulators in the next ROWS cycles; three requantization stages:
//     row i out at the end of cycle k+ROWS+COLS+i+2, k+2*ROWS+COLS+2 cycles.
//   add, count elements in ceil(count/COLS) beats: beat b on add_a_in and
//     add_b_in in cycle 1 + b; five stages: beat b out at the end of cycle
//     b + 6, ceil(count/COLS) + 6 cycles.
// One pass at a time: start is taken only while idle, and the next pass
// should wait for done. A start with count = 0 is ignored.
module accel_datapath
  import accel_fixed_point_pkg::*;
#(
  parameter int ROWS = 8,
  parameter int COLS = 8
) (
  input  logic                  clk,
  input  logic                  rst_n,
  // The command, taken with start.
  input  logic                  start,
  input  logic                  op_add,          // 0: matmul pass, 1: add pass
  input  logic [31:0]           count,           // matmul: k; add: elements
  input  logic [COLS-1:0][31:0] bias,            // matmul: the accumulators' start values
  input  logic [COLS-1:0][31:0] multiplier,      // per lane Q31 requant multiplier (add: the output's)
  input  logic [COLS-1:0][7:0]  shift,           // per lane requant shift, signed [-31, 30]
  input  logic [31:0]           output_offset,
  input  logic [31:0]           act_min,
  input  logic [31:0]           act_max,
  input  logic [31:0]           add_input1_offset,
  input  logic [31:0]           add_input2_offset,
  input  logic [4:0]            add_left_shift,
  input  logic [31:0]           add_input1_multiplier,
  input  logic [7:0]            add_input1_shift,
  input  logic [31:0]           add_input2_multiplier,
  input  logic [7:0]            add_input2_shift,
  // Operands, one beat per cycle, unskewed.
  input  logic [ROWS-1:0][7:0]  a_in,            // matmul: a[i][kk] in lane i
  input  logic [COLS-1:0][7:0]  w_in,            // matmul: w[j][kk] in lane j
  input  logic [COLS-1:0][7:0]  add_a_in,        // add: elements b*COLS .. b*COLS+COLS-1
  input  logic [COLS-1:0][7:0]  add_b_in,
  // Results.
  output logic                  mac_active,      // a MAC accumulates at this cycle's edge
  output logic                  out_valid,
  output logic [31:0]           out_index,       // matmul: output row; add: beat
  output logic [COLS-1:0][7:0]  out_data,
  output logic                  done             // with the pass's last result
);

  // The tag a row or beat carries down the pipelines.
  typedef struct packed {
    logic        valid;
    logic        last;
    logic [31:0] index;
  } tag_t;

  logic accept, mode_add, feed_valid, drain, beat, last;
  logic [31:0] index;

  pass_control #(.ROWS(ROWS), .COLS(COLS)) u_control (
    .clk, .rst_n, .start, .op_add, .count,
    .accept, .mode_add, .feed_valid, .drain, .beat, .last, .index
  );

  // Parameters of the running pass, taken at its start.
  requant_t [COLS-1:0] lane_scale;
  output_stage_t       output_stage;
  add_inputs_t         add_inputs;

  always_ff @(posedge clk) begin
    if (accept) begin
      for (int col = 0; col < COLS; col++) lane_scale[col] <= '{multiplier: multiplier[col], shift: shift[col]};
      output_stage <= '{offset: output_offset, act_min: act_min, act_max: act_max};
      add_inputs <= '{
        input1_offset: add_input1_offset,
        input2_offset: add_input2_offset,
        left_shift: add_left_shift,
        input1: '{multiplier: add_input1_multiplier, shift: add_input1_shift},
        input2: '{multiplier: add_input2_multiplier, shift: add_input2_shift}
      };
    end
  end

  // Matmul: the array, and the tag of the row that leaves it.
  logic [COLS-1:0][31:0] drain_row;
  tag_t drain_step, drain_tag;

  mac_array #(.ROWS(ROWS), .COLS(COLS)) u_array (
    .clk, .rst_n, .feed_valid, .a_in, .w_in, .drain, .drain_row, .mac_active,
    .load_bias(accept && !op_add),
    .bias
  );

  assign drain_step = '{valid: drain, last: last, index: index};

  delay_line #(.WIDTH($bits(tag_t)), .DEPTH(1)) u_drain_tag (
    .clk, .rst_n, .in(drain_step), .out(drain_tag)
  );

  // Add: the input lanes, and the tag of the beat (operand register and two stages).
  logic [COLS-1:0][31:0] add_sum;
  tag_t add_step, add_tag;

  for (genvar col = 0; col < COLS; col++) begin : g_add_lane
    add_input_lane u_lane (
      .clk, .a(add_a_in[col]), .b(add_b_in[col]), .params(add_inputs), .sum(add_sum[col])
    );
  end

  assign add_step = '{valid: beat, last: last, index: index};

  delay_line #(.WIDTH($bits(tag_t)), .DEPTH(3)) u_add_tag (
    .clk, .rst_n, .in(add_step), .out(add_tag)
  );

  // Requantization, shared: the drained row or the add's sums.
  tag_t requant_tag, out_tag;

  for (genvar col = 0; col < COLS; col++) begin : g_requant_lane
    requant_lane u_lane (
      .clk,
      .value(mode_add ? add_sum[col] : drain_row[col]),
      .scale(lane_scale[col]),
      .output_stage,
      .result(out_data[col])
    );
  end

  assign requant_tag = mode_add ? add_tag : drain_tag;

  delay_line #(.WIDTH($bits(tag_t)), .DEPTH(3)) u_requant_tag (
    .clk, .rst_n, .in(requant_tag), .out(out_tag)
  );

  assign out_valid = out_tag.valid;
  assign out_index = out_tag.index;
  assign done      = out_tag.valid && out_tag.last;

endmodule
