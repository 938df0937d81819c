// The memory map both simulators share in the lockstep test, and where the
// generator may put code, base addresses and stack pointers.
#pragma once
#include <cstdint>

namespace difftest::layout {

// Code: vector table at 0, generated code in the arena. Literal loads reach
// PC +- 4 KiB, so the arena keeps that margin inside the region.
constexpr uint32_t kCodeBase = 0x00000000;
constexpr uint32_t kCodeSize = 0x10000;
constexpr uint32_t kArenaLo = 0x1000;
constexpr uint32_t kArenaHi = 0xF000;
// Branch targets stay below this, so a plan written at any reachable PC fits.
constexpr uint32_t kArenaLimit = kArenaHi - 0x400;

// RAM: seeded random bytes. Base registers of loads and stores land in the
// data window, stack pointers in the stack window; offsets (at most 4 KiB,
// LDM/STM 64 bytes) keep every access inside RAM.
constexpr uint32_t kRamBase = 0x20000000;
constexpr uint32_t kRamSize = 0x10000;
constexpr uint32_t kDataLo = kRamBase + 0x1000;
constexpr uint32_t kDataHi = kRamBase + 0xB000;
constexpr uint32_t kStackLo = kRamBase + 0xC800;
constexpr uint32_t kStackHi = kRamBase + 0xF800;

// Written so that addr + size cannot wrap around 2^32.
constexpr bool in_code(uint32_t addr, uint32_t size) { return addr >= kCodeBase && addr - kCodeBase <= kCodeSize - size; }
constexpr bool in_ram(uint32_t addr, uint32_t size) { return addr >= kRamBase && addr - kRamBase <= kRamSize - size; }
constexpr bool in_arena(uint32_t pc) { return pc >= kArenaLo && pc < kArenaLimit; }

}  // namespace difftest::layout
