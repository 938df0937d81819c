// A platform (board) as typed structs, read strictly from YAML:
//
//   name: mps2-an386
//   description: ...
//   core:     { type: cortex-m4, clock_hz: 25000000, vtor: 0x0, num_irqs: 32,
//               multiplier: fast|small  (Cortex-M0+ only: MULS 1 or 32 cycles),
//               l1: { icache_kib: 16, dcache_kib: 16, ways_i: 2, ways_d: 4, line_bytes: 32,
//                     write_policy: write_back|write_through, write_allocate: true }  (Cortex-M7 only) }
//   memories: { NAME: { base: 0x0, size_kib: 4096, kind: ram|flash|external|tcm, wait_states: 0,
//                       write_wait_states: N  (not flash; default wait_states) } ... }
//             flash also: { wait_states: N|auto, wait_state_table_hz: [max clock for 0 WS, for 1, ...],
//                           line_bits: 64|128, prefetch: false, art: { icache_lines: 0, dcache_lines: 0 } }
//   aliases:  { NAME: { base: 0x00400000, target: MEMORY, size_kib: 4096, tcm: false } ... }   # mirrors
//   devices:  { NAME: { type: cmsdk-uart, base: 0x40004000, irq_rx: 0, irq_tx: 1, irq_overflow: 12,
//                       irq_combined: ~, output: stdout|stderr|none }
//               NAME: { type: bitband, base: 0x22000000, region: 0x20000000 }
//               NAME: { type: unimplemented, base: 0x40000000, size_kib: 16 } ... }
//   bus:      { arbitration: fixed_priority|round_robin, priority: [core.data, core.fetch, ...],
//               streams: { NAME: { memory: sram, period: 4, hold: 1 } ... } }
//             memories also take shared: true (the core's accesses go through the memory's bus port;
//             a memory a stream uses is shared)
//   accel:    { base: 0x40080000, irq: 98, rows: 8, cols: 8, impl: tlm|rtl, clock_ratio: 1,
//               buffers: { input_kib: 64, weight_kib: 64, output_kib: 16 },
//               dma: { width_bytes: 8, latency_cycles: 4, burst_bytes: 64 } }   (optional)
//   sim:      { quantum_ns: 10000 }
//   energy:   horowitz-45nm   (the energy cost table: a name in platforms/energy/ or a .yaml file,
//                              relative to this file; `edgesim run --energy` overrides it)
//
// Memories, aliases and devices are maps keyed by name, so any key can be
// overridden with --set (memories.flash.wait_states=3).
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bus/arbiter.hpp"
#include "isa/features.hpp"
#include "isa/timing/model.hpp"
#include "memory/address_map.hpp"
#include "memory/flash_timing.hpp"
#include "memory/l1_caches.hpp"
#include "sim/config_overrides.hpp"

namespace sim {

struct CoreConfig {
  std::string type;         // "cortex-m4"
  isa::CoreProfile profile;  // with max_irqs = num_irqs
  uint64_t clock_hz = 0;
  uint32_t vtor = 0;
  isa::timing::Options timing{};  // multiplier: fast|small (Cortex-M0+ only)
  // Cortex-M7 only: L1 caches (memory/l1_caches.hpp). Sizes 0 or 4-64 KiB
  // (the M7's range, Cortex-M7 TRM chapter 5); icache_kib: 0 / dcache_kib: 0
  // leave one out. write_policy: write_back keeps the default memory map's
  // policies, write_through forces every cached region write-through
  // (CACR.FORCEWT); write_allocate: false makes write-back regions allocate
  // on read misses only.
  std::optional<memory::L1Config> l1 = std::nullopt;
};

// flash: read-only from the bus, timed by a FlashTiming. external: off-chip
// RAM (its latency is its wait states). tcm: tightly coupled RAM, zero wait
// states by default and never cached. ram, external and tcm are the same
// model; the kind says what the memory is.
enum class MemoryKind { Ram, Flash, External, Tcm };

struct MemoryConfig {
  std::string name;
  uint32_t base = 0;
  uint64_t size_bytes = 0;
  MemoryKind kind = MemoryKind::Ram;
  uint32_t wait_states = 0;                                      // reads, and writes unless:
  std::optional<uint32_t> write_wait_states = std::nullopt;      // not flash
  std::optional<memory::FlashTimingConfig> flash = std::nullopt;  // flash only: line buffer, prefetch, ART
  bool shared = false;  // a port of the bus matrix: masters contend for it (bus/)
};

// Another window onto (the start of) a memory: a mirror or a boot alias.
struct AliasConfig {
  std::string name;
  uint32_t base = 0;
  uint64_t size_bytes = 0;
  std::string target{};  // a memory's name
  // The window is the core's TCM interface onto the memory (the STM32F7's
  // flash at 0x00200000): the L1 caches never serve it, as for kind: tcm.
  bool tcm = false;
};

enum class ConsoleOutput { Stdout, Stderr, None };

struct UartConfig {
  std::string name;
  uint32_t base = 0;
  // NVIC lines; nullopt = not connected. Several outputs may share a line
  // (the MPS2 ORs its UART overflow interrupts together).
  std::optional<unsigned> irq_rx{}, irq_tx{}, irq_overflow{}, irq_combined{};
  ConsoleOutput output = ConsoleOutput::Stdout;  // where transmitted bytes go
  static constexpr uint64_t kSize = 0x1000;
};

// A bit-band alias: 32 MiB at `base` standing for the bits of the 1 MiB at
// `region` (Cortex-M3/M4 bit-banding).
struct BitBandConfig {
  std::string name;
  uint32_t base = 0;
  uint32_t region = 0;
  static constexpr uint64_t kSize = 32u << 20;
};

// Reads as zero, ignores writes (QEMU's unimplemented-device).
struct UnimplementedConfig {
  std::string name;
  uint32_t base = 0;
  uint64_t size_bytes = 0;
};

// A background master of the bus matrix: every `period` cycles it holds
// `memory`'s port for `hold` cycles (a DMA streaming at a steady rate).
struct StreamConfig {
  std::string name;
  std::string memory;
  uint32_t period = 1;
  uint32_t hold = 1;
};

// The int8 MAC-array accelerator (accel/): its register block, interrupt,
// array, local buffers, DMA and clock. With one, every memory but the TCMs
// is a port of the bus matrix, where its DMA (master accel.dma) and the
// core contend.
enum class AccelImpl { Tlm, Rtl };  // the C++ model or the Verilated datapath

struct AccelConfig {
  uint32_t base = 0;
  std::optional<unsigned> irq{};  // NVIC line; nullopt: firmware polls
  uint32_t rows = 8, cols = 8;
  AccelImpl impl = AccelImpl::Tlm;
  uint32_t clock_ratio = 1;  // core cycles per accelerator cycle
  uint32_t input_buffer_bytes = 64 * 1024, weight_buffer_bytes = 64 * 1024, output_buffer_bytes = 16 * 1024;
  uint32_t dma_width_bytes = 8, dma_latency_cycles = 4, dma_burst_bytes = 64;  // accelerator cycles
  static constexpr uint64_t kSize = 0x1000;
  static constexpr const char* kDmaMaster = "accel.dma";
};

// The bus matrix (bus/bus_matrix.hpp). Masters: core.fetch, core.data,
// accel.dma (with an accelerator), then the streams in order.
struct BusConfig {
  bus::Policy arbitration = bus::Policy::FixedPriority;
  std::vector<std::string> priority;  // fixed-priority order; unlisted masters follow in master order
  std::vector<StreamConfig> streams;
  bool accel_dma = false;
  std::vector<std::string> masters() const;
};

struct SimConfig {
  uint64_t quantum_ns = 10000;
};

struct PlatformConfig {
  std::string name;
  std::string description;
  std::string source;  // file it was read from
  CoreConfig core;
  std::vector<MemoryConfig> memories;
  std::vector<AliasConfig> aliases;
  std::vector<UartConfig> uarts;
  std::vector<BitBandConfig> bitbands;
  std::vector<UnimplementedConfig> unimplemented;
  BusConfig bus;
  std::optional<AccelConfig> accel;
  SimConfig sim;
  std::string energy = "horowitz-45nm";  // cost table: name or file (sim/energy_table.hpp)

  // The bus map. Router targets: memories in order, then UARTs, bit-band
  // aliases and unimplemented windows, each in config order, then the
  // accelerator's registers; aliases lead to their memory.
  memory::AddressMap address_map() const;
  const MemoryConfig* find_memory(const std::string& name) const;
};

// Throws ConfigError naming the file, line, column and key (or the --set
// override) of the first problem.
PlatformConfig parse_platform_config(const std::string& yaml_text, const std::string& source_name,
                                     const std::vector<Override>& overrides = {});
PlatformConfig load_platform_config(const std::filesystem::path& file, const std::vector<Override>& overrides = {});

}  // namespace sim
