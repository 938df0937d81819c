// The accelerator as a SystemC device on a bus with SRAM: registers, a
// command stream run to STOP with the IRQ at the time the control says,
// results equal to the functional model, and bad streams reported in
// STATUS and by the error IRQ without stopping the simulation.
// One elaboration per process: test cases share the bench.
#include <catch2/catch.hpp>
#include <random>
#include <tlm_utils/simple_initiator_socket.h>

#include "accel/device/accelerator.hpp"
#include "accel/engine/model_engine.hpp"
#include "accel/model/ops.hpp"
#include "memory/memory.hpp"
#include "memory/router.hpp"
#include "random_bytes.hpp"

using namespace accel;
using namespace accel::device;
using accel::device::test::random_bytes;
using sc_core::SC_NS;
using sc_core::sc_time;

namespace {

constexpr uint32_t kSram = 0x20000000, kRegs = 0x40000000;

struct Initiator : sc_core::sc_module {
  tlm_utils::simple_initiator_socket<Initiator> socket;
  explicit Initiator(sc_core::sc_module_name n) : sc_core::sc_module(n), socket("socket") {}
};

struct Bench {
  Initiator cpu{"cpu"};
  memory::Router bus{"bus", memory::AddressMap({{"sram", kSram, 0x40000, 0, 0}, {"accel", kRegs, 0x1000, 1, 0}})};
  memory::Memory sram{"sram", {.size_bytes = 0x40000}};
  Accelerator accel{"accel",
                    {.buffers = {.input = 4096, .weight = 4096, .output = 1024},
                     .dma = {.width_bytes = 8, .latency_cycles = 4, .burst_bytes = 64},
                     .clock_period = sc_time(10, SC_NS)},
                    std::make_unique<engine::ModelEngine>(model::ArrayShape{.rows = 8, .cols = 8})};
  bool irq = false;
  sc_time irq_rose;
  Bench() {
    cpu.socket.bind(bus.target);
    bus.initiator.bind(sram.socket);
    bus.initiator.bind(accel.registers);
    accel.dma.bind(bus.target);
    accel.connect_irq([this](bool level) {
      if (level && !irq) irq_rose = sc_core::sc_time_stamp();
      irq = level;
    });
    sc_core::sc_start(sc_core::SC_ZERO_TIME);
  }
  uint32_t read(uint32_t offset) {
    uint32_t v = 0;
    transport(tlm::TLM_READ_COMMAND, kRegs + offset, &v);
    return v;
  }
  void write(uint32_t offset, uint32_t v) { transport(tlm::TLM_WRITE_COMMAND, kRegs + offset, &v); }
  void transport(tlm::tlm_command cmd, uint32_t addr, uint32_t* v) {
    tlm::tlm_generic_payload p;
    sc_time delay = sc_core::SC_ZERO_TIME;
    p.set_command(cmd);
    p.set_address(addr);
    p.set_data_ptr(reinterpret_cast<unsigned char*>(v));
    p.set_data_length(4);
    p.set_streaming_width(4);
    cpu.socket->b_transport(p, delay);
    REQUIRE(p.is_response_ok());
  }
  template <class T>
  void put(uint32_t addr, const std::vector<T>& v) {
    REQUIRE(sram.storage().debug_write(addr - kSram, {reinterpret_cast<const uint8_t*>(v.data()), v.size() * sizeof(T)}) ==
            memory::AccessStatus::Ok);
  }
  std::vector<int8_t> get(uint32_t addr, size_t n) {
    std::vector<int8_t> v(n);
    REQUIRE(sram.storage().debug_read(addr - kSram, {reinterpret_cast<uint8_t*>(v.data()), n}) == memory::AccessStatus::Ok);
    return v;
  }
  // Writes the stream at `at`, starts it and runs the simulation for 10 ms.
  void run(uint32_t at, const std::vector<std::vector<uint32_t>>& commands) {
    std::vector<uint32_t> words;
    for (const auto& c : commands) words.insert(words.end(), c.begin(), c.end());
    put(at, words);
    write(ACCEL_CMD_BASE, at);
    write(ACCEL_CMD_LENGTH, static_cast<uint32_t>(4 * words.size()));
    write(ACCEL_IRQ_ENABLE, ACCEL_IRQ_DONE | ACCEL_IRQ_ERROR | ACCEL_IRQ_COMMAND);
    start = sc_core::sc_time_stamp();
    write(ACCEL_CTRL, ACCEL_CTRL_START);
    sc_core::sc_start(sc_time(10, sc_core::SC_MS));
  }
  void clear_irqs() {
    write(ACCEL_IRQ_STATUS, 0xFFFFFFFF);
    REQUIRE_FALSE(irq);
  }
  sc_time start;
};

Bench& bench() {
  static Bench b;
  return b;
}

}  // namespace

TEST_CASE("the accelerator identifies itself and its configuration", "[accel][device]") {
  Bench& b = bench();
  CHECK(b.read(ACCEL_ID) == 0x45534131);
  CHECK(b.read(ACCEL_CONFIG) == (8u | 8u << 8 | 1u << 16));
  CHECK(b.read(ACCEL_INPUT_BUFFER_BYTES) == 4096);
  CHECK(b.read(ACCEL_OUTPUT_BUFFER_BYTES) == 1024);
  b.write(ACCEL_BASE0 + 12, 0x1234);
  CHECK(b.read(ACCEL_BASE0 + 12) == 0x1234);
  b.write(ACCEL_BASE0 + 12, 0);
}

TEST_CASE("a convolution stream runs to STOP: model results, DONE and the IRQ when the PMU says", "[accel][device]") {
  Bench& b = bench();
  std::mt19937 rng(11);
  Conv2dCommand conv;
  conv.shape = {.batch = 1, .in_c = 6, .out_c = 10, .window = {}};
  conv.shape.window = {.in_h = 12, .in_w = 10, .out_h = 12, .out_w = 10, .kernel_h = 3, .kernel_w = 3, .stride_h = 1,
                       .stride_w = 1, .dilation_h = 1, .dilation_w = 1, .pad_top = 1, .pad_left = 1};
  conv.quant = {.input_offset = -5, .output_offset = 3, .act_min = -128, .act_max = 127};
  conv.at = {.input = kSram + 0x1000, .weights = kSram + 0x3000, .bias = kSram + 0x4000, .multipliers = kSram + 0x4100,
             .shifts = kSram + 0x4200, .output = kSram + 0x5000};
  const auto input = random_bytes(rng, 12 * 10 * 6), weights = random_bytes(rng, 10 * 54);
  std::vector<int32_t> bias(10), mult(10, 1 << 30), shift(10, -7);
  for (int j = 0; j < 10; ++j) bias[j] = 100 * j - 400;
  b.put(conv.at.input, input);
  b.put(conv.at.weights, weights);
  b.put(*conv.at.bias, bias);
  b.put(conv.at.multipliers, mult);
  b.put(conv.at.shifts, shift);
  b.write(ACCEL_PMU_CTRL, ACCEL_PMU_RESET);
  b.run(kSram + 0x100, {encode(conv), encode(StopCommand{})});

  CHECK(b.read(ACCEL_STATUS) == ACCEL_STATUS_DONE);
  CHECK(b.read(ACCEL_IRQ_STATUS) == ACCEL_IRQ_DONE);
  CHECK(b.irq);
  std::vector<model::Requant> requant(10, {.multiplier = 1 << 30, .shift = -7});
  std::vector<int8_t> expected(12 * 10 * 10);
  model::conv2d(conv.shape, conv.quant, {.input = input, .weights = weights, .bias = bias, .requant = requant,
                                         .output = expected});
  CHECK(b.get(conv.at.output, expected.size()) == expected);
  const uint64_t cycles = uint64_t{b.read(ACCEL_PMU_CYCLES_LO)} | uint64_t{b.read(ACCEL_PMU_CYCLES_HI)} << 32;
  CHECK(b.irq_rose - b.start == sc_time(10, SC_NS) * static_cast<double>(cycles));
  CHECK(b.read(ACCEL_PMU_MACS_LO) == 12 * 10 * 10 * 54);
  // Command words, inputs, weights and parameters in; outputs out.
  CHECK(b.read(ACCEL_PMU_DMA_WRITE_LO) == 12 * 10 * 10);
  CHECK(b.read(ACCEL_PMU_DMA_READ_LO) >= 4 * (ACCEL_WORDS_CONV + 1) + 720 + 540 + 120);
  CHECK(b.read(ACCEL_PMU_MAC_ACTIVE_LO) > 0);
  b.clear_irqs();
}

TEST_CASE("an IRQ command raises its interrupt before the stream is done", "[accel][device]") {
  Bench& b = bench();
  b.run(kSram + 0x100, {encode(NopCommand{}), encode(IrqCommand{}), encode(StopCommand{})});
  CHECK(b.read(ACCEL_IRQ_STATUS) == (ACCEL_IRQ_COMMAND | ACCEL_IRQ_DONE));
  b.clear_irqs();
}

TEST_CASE("bad streams set an error code and the error IRQ, and the device takes the next stream",
          "[accel][device]") {
  Bench& b = bench();
  auto status_code = [&] { return (b.read(ACCEL_STATUS) >> ACCEL_STATUS_ERROR_SHIFT) & 0xFF; };

  b.run(kSram + 0x100, {{0x7F | 1u << 8}, encode(StopCommand{})});
  CHECK(b.read(ACCEL_STATUS) & ACCEL_STATUS_ERROR);
  CHECK(status_code() == ACCEL_ERROR_OPCODE);
  CHECK(b.read(ACCEL_IRQ_STATUS) == ACCEL_IRQ_ERROR);
  CHECK(b.read(ACCEL_CMD_OFFSET) == 0);
  b.clear_irqs();

  // A DMA from an unmapped address: the bus error names it.
  b.run(kSram + 0x100, {encode(NopCommand{}),
                        encode(DmaCommand{.load = true, .address = 0x60000000, .buffer = ACCEL_BUFFER_INPUT,
                                          .offset = 0, .bytes = 16}),
                        encode(StopCommand{})});
  CHECK(status_code() == ACCEL_ERROR_BUS);
  CHECK(b.read(ACCEL_ERROR_ADDRESS) == 0x60000000);
  CHECK(b.read(ACCEL_CMD_OFFSET) == 4);
  b.clear_irqs();

  b.run(kSram + 0x100, {encode(NopCommand{})});
  CHECK(status_code() == ACCEL_ERROR_NO_STOP);
  b.clear_irqs();

  b.run(kSram + 0x100, {encode(DmaCommand{.load = true, .address = kSram, .buffer = ACCEL_BUFFER_OUTPUT,
                                          .offset = 1000, .bytes = 100}),
                        encode(StopCommand{})});
  CHECK(status_code() == ACCEL_ERROR_BUFFER);
  b.clear_irqs();

  // And the next good stream runs.
  b.run(kSram + 0x100, {encode(StopCommand{})});
  CHECK(b.read(ACCEL_STATUS) == ACCEL_STATUS_DONE);
  b.clear_irqs();
}
