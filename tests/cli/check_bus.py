#!/usr/bin/env python3
"""Checks the bus matrix on stm32f407 runs of compute_bench (--stats JSON),
with a stream (a DMA holding SRAM's port every 4 cycles) sharing SRAM with
the core's data side. SRAM has no wait states, so a core access holds the
port for 1 cycle, and the port rules (bus/slave_port.hpp) give:

  policy: with hold 1, fixed priority core-first never makes the core wait
          (nothing of the stream is under way when it asks; ties are the
          core's) and stream-first never makes the stream wait; round robin
          lies strictly between, in core contention and in cycles.
  load:   a stream holding the port 2 cycles of 4 costs the core more than
          one holding it 1 cycle of 4.
  none:   without a stream or shared memory no port exists and nothing waits
          for the bus.
Every run also checks the books: core.stall.contention is the core's
contention on all ports plus the flash array's, and the stalls sum to
cycles - base - sleep.

usage: check_bus.py --edgesim BIN --firmware DIR policy|load|none
"""
import argparse
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from edgesim_stats import run_stats  # noqa: E402

PLATFORM = "stm32f407"
CORE_FIRST = "[core.data, core.fetch, dma]"
DMA_FIRST = "[dma, core.data, core.fetch]"


def run(edgesim, elf, policy=None, priority=None, hold=None):
    sets = []
    if policy:
        sets.append(f"bus.arbitration={policy}")
    if priority:
        sets.append(f"bus.priority={priority}")
    if hold:
        sets += ["bus.streams.dma.memory=sram", "bus.streams.dma.period=4", f"bus.streams.dma.hold={hold}"]
    s = run_stats(edgesim, elf, PLATFORM, sets)
    check_books(s, sets)
    return s


def check_books(s, sets):
    core_ports = sum(v for k, v in s.items()
                     if k.startswith("bus.") and (".core.fetch." in k or ".core.data." in k)
                     and k.endswith(".contention_cycles"))
    flash = sum(v for k, v in s.items() if k.startswith("memory.") and k.endswith(".flash.contention_cycles"))
    if s["core.stall.contention"] != core_ports + flash:
        sys.exit(f"{sets}: core.stall.contention {s['core.stall.contention']} != ports {core_ports} + flash {flash}")
    if s["core.stall.total"] != s["core.cycles"] - s["core.base_cycles"] - s["core.sleep_cycles"]:
        sys.exit(f"{sets}: the stalls do not sum to cycles - base - sleep")


def contention(s, master):
    return s[f"bus.sram.{master}.contention_cycles"]


def check_policy(edgesim, elf):
    core_first = run(edgesim, elf, "fixed_priority", CORE_FIRST, 1)
    dma_first = run(edgesim, elf, "fixed_priority", DMA_FIRST, 1)
    rr = run(edgesim, elf, "round_robin", None, 1)
    print(f"core contention: core-first {contention(core_first, 'core.data')}, "
          f"round robin {contention(rr, 'core.data')}, dma-first {contention(dma_first, 'core.data')}")
    print(f"cycles: core-first {core_first['core.cycles']}, round robin {rr['core.cycles']}, "
          f"dma-first {dma_first['core.cycles']}")
    if contention(core_first, "core.data") != 0 or contention(core_first, "dma") == 0:
        sys.exit("core-first: the core waited, or the stream never did")
    if contention(dma_first, "dma") != 0 or contention(dma_first, "core.data") == 0:
        sys.exit("dma-first: the stream waited, or the core never did")
    if not contention(core_first, "core.data") < contention(rr, "core.data") < contention(dma_first, "core.data"):
        sys.exit("round robin is not between the two fixed orders")
    if not core_first["core.cycles"] < rr["core.cycles"] < dma_first["core.cycles"]:
        sys.exit("cycles do not follow the core's contention")
    # The stream asks every 4 cycles up to the last cycle the port saw.
    for s in (core_first, rr, dma_first):
        n, cycles = s["bus.sram.dma.accesses"], s["core.cycles"]
        if not 0.99 * cycles / 4 <= n <= math.ceil(cycles / 4):
            sys.exit(f"stream accesses {n} for {cycles} cycles at one per 4")
        if s["bus.sram.core.data.accesses"] != s["memory.sram.reads"] + s["memory.sram.writes"]:
            sys.exit("the core's port accesses are not its SRAM reads and writes")


def check_load(edgesim, elf):
    light = run(edgesim, elf, "fixed_priority", DMA_FIRST, 1)
    heavy = run(edgesim, elf, "fixed_priority", DMA_FIRST, 2)
    print(f"hold 1: {light['core.cycles']} cycles, hold 2: {heavy['core.cycles']} cycles")
    if not (contention(light, "core.data") < contention(heavy, "core.data")
            and light["core.cycles"] < heavy["core.cycles"]):
        sys.exit("a busier stream did not cost the core more")


def check_none(edgesim, elf):
    s = run(edgesim, elf)
    if any(k.startswith("bus.") and k.endswith(".busy_cycles") for k in s):
        sys.exit("a port exists without a stream or a shared memory")
    if s["bus.arbitration"] != "round_robin":
        sys.exit(f"stm32f407 arbitrates {s['bus.arbitration']}, not round_robin")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--edgesim", required=True)
    ap.add_argument("--firmware", required=True)
    ap.add_argument("check", choices=["policy", "load", "none"])
    args = ap.parse_args()
    elf = os.path.join(args.firmware, f"compute_bench.{PLATFORM}.elf")
    {"policy": check_policy, "load": check_load, "none": check_none}[args.check](args.edgesim, elf)
    print(f"{args.check}: ok")


if __name__ == "__main__":
    main()
