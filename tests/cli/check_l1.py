#!/usr/bin/env python3
"""Checks that the Cortex-M7 L1 caches move edgesim's numbers the right way,
and that their accounting loses nothing, on stm32f746 runs (--stats JSON).

  on_off:   compute_bench with the L1 caches and without (icache_kib=0,
            dcache_kib=0): cached takes fewer cycles and reads flash less.
  big_loop: a loop bigger than the 4 KiB I-cache (cache_loop_16k) misses far
            more often than one that fits (cache_loop_2k), and is slower.
  policy:   compute_bench write-through (write_policy=write_through) writes
            more to SRAM than write-back.
Every cached run also checks the books: each core load and store through the
caches is one D-cache lookup, and what the memories saw equals the caches'
line fills, write-backs and write-throughs.

usage: check_l1.py --edgesim BIN --firmware DIR on_off|big_loop|policy
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from check_failures import Failures  # noqa: E402
from edgesim_stats import run_stats  # noqa: E402

PLATFORM = "stm32f746"
BEAT = 8  # bytes per AXI beat: memories count a line fill as line/8 reads
UNCACHED = ["core.l1.icache_kib=0", "core.l1.dcache_kib=0"]


def run(edgesim, elf, sets=()):
    return run_stats(edgesim, elf, PLATFORM, sets)


def memories(s):
    return sorted({k.split(".")[1] for k in s if k.startswith("memory.") and k.endswith(".fetch_bytes")})


def total(s, field, names):
    return sum(s.get(f"memory.{m}.{field}", 0) for m in names)


def check_books(s, label, failures):
    """Nothing lost: core accesses = cache lookups; memory traffic = cache transfers."""
    def expect(what, got, want):
        if got != want:
            failures.append(f"{label}: {what}: {got} != {want}")

    cached = [m for m in memories(s) if f"memory.{m}.l1.reads" in s]
    line = s["core.l1d.line_bytes"]
    core_loads = total(s, "l1.reads", cached) - total(s, "l1.fetches", cached)
    expect("core loads through the caches vs D-cache read lookups", core_loads,
           s["core.l1d.read_hits"] + s["core.l1d.read_misses"])
    expect("core stores through the caches vs D-cache write lookups", total(s, "l1.writes", cached),
           s["core.l1d.write_hits"] + s["core.l1d.write_misses"])
    # What reached the cached memories (fills and write-backs in beats).
    expect("instruction fetches that reached memory vs I-cache fills", total(s, "fetches", cached),
           s["core.l1i.line_fills"] * s["core.l1i.line_bytes"] // BEAT)
    expect("data reads that reached memory vs D-cache fills", total(s, "reads", cached) - total(s, "fetches", cached),
           s["core.l1d.line_fills"] * line // BEAT)
    expect("writes that reached memory vs write-backs and write-throughs", total(s, "writes", cached),
           s["core.l1d.writebacks"] * line // BEAT + s["core.l1d.write_throughs"])
    expect("bytes written to memory", total(s, "bytes_written", cached), s["core.l1d.bytes_to_memory"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--edgesim", required=True)
    ap.add_argument("--firmware", required=True)
    ap.add_argument("check", choices=["on_off", "big_loop", "policy"])
    args = ap.parse_args()
    elf = lambda name: os.path.join(args.firmware, f"{name}.{PLATFORM}.elf")
    failures = Failures()

    if args.check == "on_off":
        on = run(args.edgesim, elf("compute_bench"))
        off = run(args.edgesim, elf("compute_bench"), UNCACHED)
        check_books(on, "cached", failures)
        if "core.l1i.hits" in off:
            failures.append("icache_kib=0 dcache_kib=0 still registers core.l1i stats")
        print(f"compute_bench cycles: cached {on['core.cycles']}, uncached {off['core.cycles']}")
        print(f"flash reads: cached {on['memory.flash.reads']}, uncached {off['memory.flash.reads']}")
        if not on["core.cycles"] < off["core.cycles"]:
            failures.append("the caches did not make compute_bench faster")
        if not on["memory.flash.bytes_read"] < off["memory.flash.bytes_read"] / 10:
            failures.append("the caches did not cut flash reads tenfold")
        if on["core.instructions"] != off["core.instructions"]:
            failures.append("caches changed the instruction count")
    elif args.check == "big_loop":
        small = run(args.edgesim, elf("cache_loop_2k"))
        big = run(args.edgesim, elf("cache_loop_16k"))
        for s, label in ((small, "2k"), (big, "16k")):
            check_books(s, label, failures)
        print(f"I-cache misses: 2 KiB loop {small['core.l1i.misses']}, 16 KiB loop {big['core.l1i.misses']}")
        print(f"cycles: 2 KiB loop {small['core.cycles']}, 16 KiB loop {big['core.cycles']}")
        if not big["core.l1i.misses"] > 10 * small["core.l1i.misses"]:
            failures.append("the loop bigger than the I-cache did not miss (far) more")
        if not big["core.cycles"] > small["core.cycles"]:
            failures.append("the loop bigger than the I-cache was not slower")
    else:
        wb = run(args.edgesim, elf("compute_bench"))
        wt = run(args.edgesim, elf("compute_bench"), ["core.l1.write_policy=write_through"])
        for s, label in ((wb, "write-back"), (wt, "write-through")):
            check_books(s, label, failures)
        sram = ["sram1", "sram2"]
        wb_writes, wt_writes = total(wb, "bytes_written", sram), total(wt, "bytes_written", sram)
        print(f"bytes written to SRAM: write-back {wb_writes}, write-through {wt_writes}")
        if not wt_writes > wb_writes:
            failures.append("write-through did not write more to SRAM than write-back")
        if wt["core.l1d.writebacks"] != 0 or wt["core.l1d.dirty_lines"] != 0:
            failures.append("write-through left dirty lines or wrote lines back")
        if wb["core.l1d.write_throughs"] != 0:
            failures.append("write-back SRAM wrote through")

    return failures.report()


if __name__ == "__main__":
    sys.exit(main())
