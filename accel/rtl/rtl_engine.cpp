#include "accel/rtl/rtl_engine.hpp"

#include <verilated.h>
#include <verilated_vcd_c.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "Vaccel_datapath_16x16.h"
#include "Vaccel_datapath_4x4.h"
#include "Vaccel_datapath_8x8.h"

namespace accel::rtl {

using engine::PassCycles;

namespace {

// --- Packed ports -----------------------------------------------------------
// Verilator holds a packed port of up to 32 bits in an IData, up to 64 bits
// in a QData and wider ones in a VlWide of 32-bit words; a [LANES-1:0][W-1:0]
// port has lane 0 in its low bits. Lanes are gathered as words, then stored.

constexpr size_t kMaxWords = 16;  // the widest port: 16 lanes of 32 bits
using Words = std::array<uint32_t, kMaxWords>;

void put_lane(Words& words, uint32_t lane, uint32_t bits, uint32_t value) {
  const uint32_t bit = lane * bits;
  const uint32_t mask = bits == 32 ? ~0u : (1u << bits) - 1;
  words[bit / 32] |= (value & mask) << (bit % 32);
}

uint32_t lane_of(const Words& words, uint32_t lane, uint32_t bits) {
  const uint32_t bit = lane * bits;
  const uint32_t mask = bits == 32 ? ~0u : (1u << bits) - 1;
  return (words[bit / 32] >> (bit % 32)) & mask;
}

void store(IData& port, const Words& words) { port = words[0]; }
void store(QData& port, const Words& words) { port = QData{words[0]} | QData{words[1]} << 32; }
template <size_t N>
void store(VlWide<N>& port, const Words& words) {
  static_assert(N <= kMaxWords);
  std::copy_n(words.begin(), N, port.data());
}

Words fetch(IData port) { return {port}; }
Words fetch(QData port) { return {static_cast<uint32_t>(port), static_cast<uint32_t>(port >> 32)}; }
template <size_t N>
Words fetch(const VlWide<N>& port) {
  static_assert(N <= kMaxWords);
  Words words{};
  std::copy_n(port.data(), N, words.begin());
  return words;
}

// A port of `lanes` lanes of `bits` each, lane i taking lane(i).
template <class Port, class Lane>
void set_lanes(Port& port, uint32_t lanes, uint32_t bits, Lane lane) {
  Words words{};
  for (uint32_t i = 0; i < lanes; ++i) put_lane(words, i, bits, static_cast<uint32_t>(lane(i)));
  store(port, words);
}

void check_shift(int32_t shift, const char* what) {
  if (shift < -31 || shift > 30)
    throw std::invalid_argument(std::string("rtl engine: ") + what + " shift outside [-31, 30]");
}

}  // namespace

// --- One verilated model, clocked ------------------------------------------

class RtlEngine::Datapath {
 public:
  virtual ~Datapath() = default;
  virtual PassCycles matmul(const model::MatmulJob& job, std::span<int8_t> out) = 0;
  virtual PassCycles add(const model::AddJob& job, std::span<int8_t> out) = 0;
};

namespace {

template <class Model>
class VerilatedDatapath final : public RtlEngine::Datapath {
 public:
  VerilatedDatapath(model::ArrayShape shape, const std::optional<std::filesystem::path>& vcd)
      : shape_(shape), context_(std::make_unique<VerilatedContext>()) {
    if (vcd) context_->traceEverOn(true);  // before the model exists, so it builds its trace tables
    top_ = std::make_unique<Model>(context_.get());
    if (vcd) {
      trace_ = std::make_unique<VerilatedVcdC>();
      top_->trace(trace_.get(), 99);
      trace_->open(vcd->c_str());
      if (!trace_->isOpen()) throw std::runtime_error("rtl engine: cannot open " + vcd->string());
    }
    reset();
  }

  ~VerilatedDatapath() override {
    if (trace_) trace_->close();
    top_->final();
  }

  PassCycles matmul(const model::MatmulJob& job, std::span<int8_t> out) override {
    load_matmul(job);
    uint32_t rows_out = 0;
    const PassCycles cycles = run_pass(
        uint64_t{job.k} + 4 * (shape_.rows + shape_.cols) + 64,
        [&](uint64_t cycle) { feed_pair(job, cycle - 1); },
        [&](uint32_t row, const Words& lanes) {
          ++rows_out;
          if (row >= job.m) return;  // a row the pass does not use
          for (uint32_t j = 0; j < job.n; ++j) out[row * job.n + j] = static_cast<int8_t>(lane_of(lanes, j, 8));
        });
    if (rows_out != shape_.rows) throw std::runtime_error("rtl engine: the datapath put out a wrong number of rows");
    return cycles;
  }

  PassCycles add(const model::AddJob& job, std::span<int8_t> out) override {
    load_add(job);
    const uint64_t beats = (uint64_t{job.count} + shape_.cols - 1) / shape_.cols;
    uint64_t beats_out = 0;
    const PassCycles cycles = run_pass(
        beats + 64,
        [&](uint64_t cycle) { feed_beat(job, cycle - 1); },
        [&](uint32_t beat, const Words& lanes) {
          ++beats_out;
          for (uint32_t j = 0; j < shape_.cols; ++j) {
            const uint64_t e = uint64_t{beat} * shape_.cols + j;
            if (e < job.count) out[e] = static_cast<int8_t>(lane_of(lanes, j, 8));
          }
        });
    if (beats_out != beats) throw std::runtime_error("rtl engine: the datapath put out a wrong number of beats");
    return cycles;
  }

 private:
  // Parameters go onto the inputs before start, which takes them in cycle 0.
  void load_matmul(const model::MatmulJob& job) {
    const uint32_t n = job.n;
    top_->op_add = 0;
    top_->count = job.k;
    set_lanes(top_->bias, shape_.cols, 32, [&](uint32_t j) { return j < n ? job.bias[j] : 0; });
    set_lanes(top_->multiplier, shape_.cols, 32, [&](uint32_t j) { return j < n ? job.requant[j].multiplier : 0; });
    set_lanes(top_->shift, shape_.cols, 8, [&](uint32_t j) { return j < n ? job.requant[j].shift : 0; });
    load_output_stage(job.output_offset, job.act_min, job.act_max);
  }

  // The add's output scale is per tensor: every requantization lane gets it.
  void load_add(const model::AddJob& job) {
    const model::AddParams& p = job.params;
    top_->op_add = 1;
    top_->count = job.count;
    set_lanes(top_->bias, shape_.cols, 32, [](uint32_t) { return 0; });
    set_lanes(top_->multiplier, shape_.cols, 32, [&](uint32_t) { return p.output.multiplier; });
    set_lanes(top_->shift, shape_.cols, 8, [&](uint32_t) { return p.output.shift; });
    load_output_stage(p.output_offset, p.act_min, p.act_max);
    top_->add_input1_offset = static_cast<uint32_t>(p.input1_offset);
    top_->add_input2_offset = static_cast<uint32_t>(p.input2_offset);
    top_->add_left_shift = static_cast<uint8_t>(p.left_shift);
    top_->add_input1_multiplier = static_cast<uint32_t>(p.input1.multiplier);
    top_->add_input1_shift = static_cast<uint8_t>(p.input1.shift);
    top_->add_input2_multiplier = static_cast<uint32_t>(p.input2.multiplier);
    top_->add_input2_shift = static_cast<uint8_t>(p.input2.shift);
  }

  void load_output_stage(int32_t offset, int32_t act_min, int32_t act_max) {
    top_->output_offset = static_cast<uint32_t>(offset);
    top_->act_min = static_cast<uint32_t>(act_min);
    top_->act_max = static_cast<uint32_t>(act_max);
  }

  // Pair kk of every row and column (zeros in unused lanes and past k).
  void feed_pair(const model::MatmulJob& job, uint64_t kk) {
    const bool in_pass = kk < job.k;
    set_lanes(top_->a_in, shape_.rows, 8, [&](uint32_t i) { return in_pass && i < job.m ? job.a[i * job.k + kk] : 0; });
    set_lanes(top_->w_in, shape_.cols, 8, [&](uint32_t j) { return in_pass && j < job.n ? job.w[j * job.k + kk] : 0; });
  }

  // Elements beat*cols .. beat*cols+cols-1 of both inputs (zeros past count).
  void feed_beat(const model::AddJob& job, uint64_t beat) {
    const uint64_t first = beat * shape_.cols;
    const auto element = [&](std::span<const int8_t> x, uint32_t j) {
      return first + j < job.count ? x[first + j] : 0;
    };
    set_lanes(top_->add_a_in, shape_.cols, 8, [&](uint32_t j) { return element(job.a, j); });
    set_lanes(top_->add_b_in, shape_.cols, 8, [&](uint32_t j) { return element(job.b, j); });
  }

  // Cycle 0 takes the command; then each cycle feed(cycle) sets the
  // operands before the edge and collect(index, lanes) takes a result after
  // it, until done. The edges taken are the pass's cycles.
  template <class Feed, class Collect>
  PassCycles run_pass(uint64_t cycle_limit, Feed feed, Collect collect) {
    PassCycles cycles;
    top_->start = 1;
    clock(cycles);
    top_->start = 0;
    while (true) {
      if (cycles.total > cycle_limit) throw std::runtime_error("rtl engine: the datapath never finished its pass");
      feed(cycles.total);
      clock(cycles);
      if (top_->out_valid) collect(top_->out_index, fetch(top_->out_data));
      if (top_->done) return cycles;
    }
  }

  // One clock cycle: the inputs settle with the clock low (mac_active then
  // says whether this cycle's edge accumulates), then the rising edge.
  void clock(PassCycles& cycles) {
    top_->clk = 0;
    settle();
    if (top_->mac_active) ++cycles.mac_active;
    top_->clk = 1;
    settle();
    ++cycles.total;
  }

  void settle() {
    top_->eval();
    if (trace_) trace_->dump(context_->time());
    context_->timeInc(1);
  }

  // Two cycles of reset clear the control and the valid bits of the pipelines.
  void reset() {
    PassCycles ignored;
    top_->start = 0;
    top_->rst_n = 0;
    for (int i = 0; i < 2; ++i) clock(ignored);
    top_->rst_n = 1;
  }

  model::ArrayShape shape_;
  std::unique_ptr<VerilatedContext> context_;
  std::unique_ptr<Model> top_;
  std::unique_ptr<VerilatedVcdC> trace_;
};

// --- The verilated shapes -----------------------------------------------------

using MakeDatapath = std::unique_ptr<RtlEngine::Datapath> (*)(model::ArrayShape,
                                                               const std::optional<std::filesystem::path>&);

template <class Model>
std::unique_ptr<RtlEngine::Datapath> make_datapath(model::ArrayShape shape,
                                                   const std::optional<std::filesystem::path>& vcd) {
  return std::make_unique<VerilatedDatapath<Model>>(shape, vcd);
}

struct VerilatedShape {
  model::ArrayShape shape;
  MakeDatapath make;
};

constexpr std::array kVerilatedShapes{
    VerilatedShape{{4, 4}, &make_datapath<Vaccel_datapath_4x4>},
    VerilatedShape{{8, 8}, &make_datapath<Vaccel_datapath_8x8>},
    VerilatedShape{{16, 16}, &make_datapath<Vaccel_datapath_16x16>},
};

std::string shape_name(model::ArrayShape s) { return std::to_string(s.rows) + "x" + std::to_string(s.cols); }

std::unique_ptr<RtlEngine::Datapath> datapath_for(model::ArrayShape shape,
                                                  const std::optional<std::filesystem::path>& vcd) {
  for (const VerilatedShape& v : kVerilatedShapes)
    if (v.shape.rows == shape.rows && v.shape.cols == shape.cols) return v.make(shape, vcd);
  throw std::invalid_argument("rtl engine: no verilated model for a " + shape_name(shape) +
                              " array (models exist for " + supported_shapes() + ")");
}

}  // namespace

std::string supported_shapes() {
  std::string names;
  for (const VerilatedShape& v : kVerilatedShapes) names += (names.empty() ? "" : ", ") + shape_name(v.shape);
  return names;
}

// --- The engine ------------------------------------------------------------------

RtlEngine::RtlEngine(model::ArrayShape shape, std::optional<std::filesystem::path> vcd)
    : shape_(shape), datapath_(datapath_for(shape, vcd)) {}

RtlEngine::~RtlEngine() = default;

PassCycles RtlEngine::matmul(const model::MatmulJob& job, std::span<int8_t> out) {
  const size_t m = job.m, n = job.n, k = job.k;
  if (m > shape_.rows || n > shape_.cols)
    throw std::invalid_argument("rtl engine: a matmul pass larger than the array");
  if (k == 0) throw std::invalid_argument("rtl engine: a matmul pass with k = 0");
  if (job.a.size() < m * k || job.w.size() < n * k || job.bias.size() < n || job.requant.size() < n ||
      out.size() < m * n)
    throw std::invalid_argument("rtl engine: a matmul operand is smaller than m, n and k say");
  for (size_t j = 0; j < n; ++j) check_shift(job.requant[j].shift, "a requantization");
  return datapath_->matmul(job, out);
}

PassCycles RtlEngine::add(const model::AddJob& job, std::span<int8_t> out) {
  const model::AddParams& p = job.params;
  if (job.count == 0) throw std::invalid_argument("rtl engine: an add pass with no elements");
  if (job.a.size() < job.count || job.b.size() < job.count || out.size() < job.count)
    throw std::invalid_argument("rtl engine: an add operand is smaller than count");
  if (p.left_shift < 0 || p.left_shift > 31) throw std::invalid_argument("rtl engine: add left_shift outside [0, 31]");
  check_shift(p.input1.shift, "the add's input1");
  check_shift(p.input2.shift, "the add's input2");
  check_shift(p.output.shift, "the add's output");
  return datapath_->add(job, out);
}

}  // namespace accel::rtl
