// DEPTH registers in a row (DEPTH = 0: a wire). Reset clears them, so the
// valid bits that ride along read 0 until real data arrives.
module delay_line #(
  parameter int WIDTH = 1,
  parameter int DEPTH = 1
) (
  /* verilator lint_off UNUSEDSIGNAL */  // a zero-depth line has no registers
  input  logic             clk,
  input  logic             rst_n,
  /* verilator lint_on UNUSEDSIGNAL */
  input  logic [WIDTH-1:0] in,
  output logic [WIDTH-1:0] out
);

  if (DEPTH == 0) begin : g_wire
    assign out = in;
  end else begin : g_registers
    logic [WIDTH-1:0] stage[DEPTH];

    always_ff @(posedge clk) begin
      if (!rst_n) begin
        stage <= '{default: '0};
      end else begin
        stage[0] <= in;
        for (int s = 1; s < DEPTH; s++) stage[s] <= stage[s-1];
      end
    end

    assign out = stage[DEPTH-1];
  end

endmodule
