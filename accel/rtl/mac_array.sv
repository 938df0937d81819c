// ROWS x COLS output-stationary systolic array with its input skew and its
// drain. Operands arrive unskewed (a[i][kk] in lane i and w[j][kk] in lane j
// during the same cycle); row i's operands wait i cycles and column j's wait
// j cycles in the skew lines, then move one PE per cycle, so PE(i,j) does
// pair kk one cycle after PE(i,j-1) and PE(i-1,j) did. During the drain every
// accumulator takes the one below it and row 0 leaves into drain_row: one row
// of COLS accumulators per cycle, rows in order 0 .. ROWS-1.
module mac_array #(
  parameter int ROWS = 8,
  parameter int COLS = 8
) (
  input  logic                   clk,
  input  logic                   rst_n,
  input  logic                   load_bias,   // accumulators take bias[j]
  input  logic [COLS-1:0][31:0]  bias,
  input  logic                   feed_valid,  // a_in and w_in hold pair kk this cycle
  input  logic [ROWS-1:0][7:0]   a_in,
  input  logic [COLS-1:0][7:0]   w_in,
  input  logic                   drain,       // row 0 leaves, the others move up
  output logic [COLS-1:0][31:0]  drain_row,   // the row that left at the last drain
  output logic                   mac_active   // some PE accumulates at this cycle's edge
);

  // Operands between PEs: a moves right, w moves down. The extra last
  // column / row collects what leaves the array's edge.
  /* verilator lint_off UNUSEDSIGNAL */  // operands leaving the right and bottom edges go nowhere
  logic [7:0] a_bus[ROWS][COLS+1];
  logic       a_valid_bus[ROWS][COLS+1];
  logic [7:0] w_bus[ROWS+1][COLS];
  /* verilator lint_on UNUSEDSIGNAL */
  logic [31:0] acc[ROWS+1][COLS];  // row ROWS: zeros the drain moves into the bottom row
  logic [ROWS-1:0][COLS-1:0] mac_en;

  for (genvar row = 0; row < ROWS; row++) begin : g_row_skew
    delay_line #(.WIDTH(9), .DEPTH(row)) u_skew (
      .clk, .rst_n,
      .in ({feed_valid, a_in[row]}),
      .out({a_valid_bus[row][0], a_bus[row][0]})
    );
  end

  for (genvar col = 0; col < COLS; col++) begin : g_col_skew
    delay_line #(.WIDTH(8), .DEPTH(col)) u_skew (
      .clk, .rst_n,
      .in (w_in[col]),
      .out(w_bus[0][col])
    );
    assign acc[ROWS][col] = '0;
  end

  for (genvar row = 0; row < ROWS; row++) begin : g_row
    for (genvar col = 0; col < COLS; col++) begin : g_col
      mac_pe u_pe (
        .clk, .rst_n, .load_bias, .drain,
        .bias       (bias[col]),
        .a_in       (a_bus[row][col]),
        .a_valid_in (a_valid_bus[row][col]),
        .w_in       (w_bus[row][col]),
        .acc_below  (acc[row+1][col]),
        .a_out      (a_bus[row][col+1]),
        .a_valid_out(a_valid_bus[row][col+1]),
        .w_out      (w_bus[row+1][col]),
        .acc        (acc[row][col]),
        .mac_en     (mac_en[row][col])
      );
    end
  end

  for (genvar col = 0; col < COLS; col++) begin : g_drain
    always_ff @(posedge clk) begin
      if (drain) drain_row[col] <= acc[0][col];
    end
  end

  assign mac_active = |mac_en;

endmodule
