// edgesim_accel_bench: how fast the accelerator's two models simulate. Runs
// one convolution layer through the device path (command decode, tiling,
// double-buffered schedule, fixed-latency DMA) on the C++ model engine
// ("tlm") and on the Verilated RTL ("rtl"), and prints for each the layer's
// accelerator cycles, MACs, MAC utilization, host seconds (median of the
// repeats) and simulated accelerator cycles per host second, then the
// process's peak RSS. Both runs' outputs must agree (exit 1 if not).
#include <sys/resource.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "accel/engine/model_engine.hpp"
#include "accel/rtl/rtl_engine.hpp"
#include "conv_layer.hpp"

namespace {

constexpr const char* kUsage =
    "usage: edgesim_accel_bench [--in-h N] [--in-w N] [--in-c N] [--out-c N] [--kernel N]\n"
    "                           [--array N] [--repeat N] [--impl tlm|rtl|both]\n"
    "  one CONV_2D layer, stride 1, SAME padding (default 32x32x16 -> 32 channels, 3x3),\n"
    "  on an N x N array (4, 8 or 16; default 8), N runs per model (default 5)\n";

struct Options {
  bench::ConvSpec spec;
  uint32_t array = 8;
  uint32_t repeat = 5;
  bool tlm = true, rtl = true;
};

uint32_t number(std::string_view flag, const char* text) {
  char* end = nullptr;
  const unsigned long v = std::strtoul(text, &end, 10);
  if (end == text || *end != '\0' || v == 0 || v > 0xFFFFFFFFul)
    throw std::invalid_argument(fmt::format("{} needs a positive number, not '{}'", flag, text));
  return static_cast<uint32_t>(v);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "-h" || flag == "--help") {
      fmt::print("{}", kUsage);
      std::exit(0);
    }
    if (i + 1 >= argc) throw std::invalid_argument(fmt::format("{} needs a value", flag));
    const char* value = argv[++i];
    if (flag == "--in-h") o.spec.in_h = number(flag, value);
    else if (flag == "--in-w") o.spec.in_w = number(flag, value);
    else if (flag == "--in-c") o.spec.in_c = number(flag, value);
    else if (flag == "--out-c") o.spec.out_c = number(flag, value);
    else if (flag == "--kernel") o.spec.kernel = number(flag, value);
    else if (flag == "--array") o.array = number(flag, value);
    else if (flag == "--repeat") o.repeat = number(flag, value);
    else if (flag == "--impl") {
      const std::string_view impl = value;
      if (impl != "tlm" && impl != "rtl" && impl != "both")
        throw std::invalid_argument(fmt::format("--impl takes tlm, rtl or both, not '{}'", impl));
      o.tlm = impl != "rtl";
      o.rtl = impl != "tlm";
    } else {
      throw std::invalid_argument(fmt::format("unknown option {}", flag));
    }
  }
  return o;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

// What a model's repeats measured.
struct Measured {
  bench::LayerRun run;  // the last repeat (the cycles do not change between repeats)
  double seconds = 0;   // median host seconds
};

Measured measure(accel::engine::ComputeEngine& engine, const bench::ConvLayer& layer, const Options& o) {
  Measured m;
  std::vector<double> seconds;
  for (uint32_t i = 0; i < o.repeat; ++i) {
    m.run = layer.run(engine, accel::device::BufferSizes{});
    seconds.push_back(m.run.host_seconds);
  }
  m.seconds = median(seconds);
  return m;
}

void print_row(const char* impl, const Measured& m, uint64_t macs, accel::model::ArrayShape array) {
  const double cycles = static_cast<double>(m.run.cycles);
  const double utilization = 100.0 * static_cast<double>(macs) / (static_cast<double>(array.rows) * array.cols * cycles);
  fmt::print("{:<5}{:>12}{:>12}{:>8.1f}{:>12.6f}{:>16.0f}{:>14.1f}\n", impl, m.run.cycles, macs, utilization,
             m.seconds, cycles / m.seconds, peak_rss_mib());
}

int run(const Options& o) {
  const bench::ConvLayer layer(o.spec);
  const accel::model::ArrayShape array{o.array, o.array};
  // Both engines first: a shape without a verilated model fails before any output.
  std::unique_ptr<accel::engine::ModelEngine> tlm_engine;
  std::unique_ptr<accel::rtl::RtlEngine> rtl_engine;
  if (o.tlm) tlm_engine = std::make_unique<accel::engine::ModelEngine>(array);
  if (o.rtl) rtl_engine = std::make_unique<accel::rtl::RtlEngine>(array);

  const accel::model::Window2d& w = layer.command().shape.window;
  fmt::print("CONV_2D {}x{}x{} -> {}x{}x{}, {}x{} kernel, stride 1, SAME padding; {}x{} array; default buffers; "
             "host time: median of {}\n",
             w.in_h, w.in_w, o.spec.in_c, w.out_h, w.out_w, o.spec.out_c, w.kernel_h, w.kernel_w, array.rows,
             array.cols, o.repeat);
  fmt::print("{:<5}{:>12}{:>12}{:>8}{:>12}{:>16}{:>14}\n", "impl", "cycles", "MACs", "util %", "host s",
             "cycles/host s", "peak RSS MiB");
  std::optional<Measured> tlm, rtl;
  if (tlm_engine) {
    tlm = measure(*tlm_engine, layer, o);
    print_row("tlm", *tlm, layer.macs(), array);
  }
  if (rtl_engine) {
    rtl = measure(*rtl_engine, layer, o);
    print_row("rtl", *rtl, layer.macs(), array);
  }
  if (tlm && rtl) {
    const bool same = tlm->run.output == rtl->run.output && tlm->run.cycles == rtl->run.cycles &&
                      tlm->run.pmu.mac_active == rtl->run.pmu.mac_active;
    fmt::print("tlm and rtl: {}; rtl/tlm host time {:.1f}x\n", same ? "identical outputs and cycles" : "DIFFERENT",
               rtl->seconds / tlm->seconds);
    if (!same) return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  try {
    options = parse(argc, argv);
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "edgesim_accel_bench: {}\n{}", e.what(), kUsage);
    return 2;
  }
  try {
    return run(options);
  } catch (const std::exception& e) {
    fmt::print(stderr, "edgesim_accel_bench: {}\n", e.what());
    return 2;
  }
}
