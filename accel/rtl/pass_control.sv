// The pass sequencer: takes a start, then counts out the phases of the pass.
//   matmul (k = count):  cycle 0 start (accumulators take the bias);
//                        MAC for k + ROWS + COLS - 2 cycles, operands fed in
//                        the first k (pair kk in cycle 1 + kk; the skew fills
//                        and empties the array in the rest);
//                        DRAIN for ROWS cycles, one row leaving per cycle.
//   add (count elements): cycle 0 start; ADD for ceil(count / COLS) cycles,
//                        one beat of COLS elements entering per cycle.
// The pipelines behind (requantization, add) need no control: their data
// carries a tag (valid, last, index) down the stages.
module pass_control #(
  parameter int ROWS = 8,
  parameter int COLS = 8
) (
  input  logic        clk,
  input  logic        rst_n,
  input  logic        start,
  input  logic        op_add,      // 0: matmul pass, 1: add pass
  input  logic [31:0] count,       // matmul: k; add: elements. 0: start is ignored
  output logic        accept,      // the pass starts: this is its cycle 0
  output logic        mode_add,    // the running (or last) pass is an add
  output logic        feed_valid,  // matmul: operands of one pair are on the inputs
  output logic        drain,       // matmul: a row leaves the accumulators at this edge
  output logic        beat,        // add: a beat enters at this edge
  output logic        last,        // the pass's last row or beat
  output logic [31:0] index        // which row or beat
);

  typedef enum logic [1:0] {
    Idle,
    Mac,
    Drain,
    Add
  } state_t;

  localparam logic [32:0] ArrayFillDrain = 33'(ROWS + COLS - 2);  // skew cycles beyond k

  state_t      state;
  logic [32:0] phase_left;  // cycles left in this phase
  logic [31:0] feed_left;   // operand pairs still to enter
  logic [32:0] beats;

  assign accept     = state == Idle && start && count != 0;
  assign feed_valid = state == Mac && feed_left != 0;
  assign drain      = state == Drain;
  assign beat       = state == Add;
  assign last       = phase_left == 1;
  assign beats      = (33'(count) + 33'(COLS - 1)) / 33'(COLS);

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      state      <= Idle;
      mode_add   <= 1'b0;
      phase_left <= '0;
      feed_left  <= '0;
      index      <= '0;
    end else begin
      if (feed_valid) feed_left <= feed_left - 1;
      case (state)
        Idle: begin
          if (accept) begin
            mode_add   <= op_add;
            state      <= op_add ? Add : Mac;
            phase_left <= op_add ? beats : 33'(count) + ArrayFillDrain;
            feed_left  <= op_add ? '0 : count;
            index      <= '0;
          end
        end
        Mac: begin
          phase_left <= last ? 33'(ROWS) : phase_left - 1;
          if (last) state <= Drain;
        end
        Drain, Add: begin
          phase_left <= phase_left - 1;
          index <= index + 1;
          if (last) state <= Idle;
        end
        default: state <= Idle;
      endcase
    end
  end

endmodule
