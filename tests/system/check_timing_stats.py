#!/usr/bin/env python3
"""Checks edgesim's timing statistics on real firmware runs.

  invariants: for each run, the stall breakdown sums to cycles minus base
              cycles minus sleep cycles, base cycles equal instructions
              (one issue cycle each), and the per-master traffic equals the
              sum of the per-memory traffic.
  flash:      on a flash platform, the wait states and the prefetch/ART
              settings move cycles and traffic in the documented direction:
              0 WS < 5 WS with ART < 5 WS with prefetch only < raw 5 WS, and
              the ART cuts the lines read from flash.

usage: check_timing_stats.py --edgesim BIN --firmware DIR invariants|flash
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from edgesim_stats import run_stats  # noqa: E402


def check_invariants(s, label, failures):
    stalls = {k: v for k, v in s.items() if k.startswith("core.stall.") and k != "core.stall.total"}
    total = sum(stalls.values())
    expect = s["core.cycles"] - s["core.base_cycles"] - s["core.sleep_cycles"]
    if total != expect:
        failures.append(f"{label}: stalls sum to {total}, cycles - base - sleep = {expect}")
    if s["core.stall.total"] != total:
        failures.append(f"{label}: core.stall.total {s['core.stall.total']} != sum {total}")
    if s["core.base_cycles"] != s["core.instructions"]:
        failures.append(f"{label}: base cycles {s['core.base_cycles']} != instructions {s['core.instructions']}")
    memories = {k.split(".")[1] for k in s if k.startswith("memory.") and k.endswith(".fetch_bytes")}
    pairs = [("fetch", "fetches", "fetch_bytes"), ("store", "writes", "bytes_written")]
    for master, accesses, nbytes in pairs:
        got = (s[f"traffic.{master}.accesses"], s[f"traffic.{master}.bytes"])
        want = (sum(s[f"memory.{m}.{accesses}"] for m in memories), sum(s[f"memory.{m}.{nbytes}"] for m in memories))
        if got != want:
            failures.append(f"{label}: traffic.{master} {got} != sum over memories {want}")
    loads = sum(s[f"memory.{m}.reads"] - s[f"memory.{m}.fetches"] for m in memories)
    if s["traffic.load.accesses"] != loads:
        failures.append(f"{label}: traffic.load.accesses {s['traffic.load.accesses']} != {loads}")
    print(f"{label}: cycles {s['core.cycles']} = base {s['core.base_cycles']} + sleep {s['core.sleep_cycles']}"
          f" + stalls {total}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--edgesim", required=True)
    ap.add_argument("--firmware", required=True)
    ap.add_argument("check", choices=["invariants", "flash"])
    args = ap.parse_args()
    fw = lambda name: os.path.join(args.firmware, name)
    failures = []
    if args.check == "invariants":
        runs = [("compute_bench.mps2-an386.elf", "mps2-an386", ()),
                ("fp_bench.mps2-an386.elf", "mps2-an386", ()),
                ("systick_svc.mps2-an386.elf", "mps2-an386", ()),
                ("compute_bench.stm32f407.elf", "stm32f407", ()),
                ("compute_bench.m0plus-minimal.elf", "m0plus-minimal", ()),
                ("systick_svc.m0plus-minimal.elf", "m0plus-minimal", ())]
        for elf, platform, sets in runs:
            check_invariants(run_stats(args.edgesim, fw(elf), platform, sets), f"{elf} on {platform}", failures)
    else:
        elf = fw("compute_bench.stm32f407.elf")
        no_art = ["memories.flash.art.icache_lines=0", "memories.flash.art.dcache_lines=0"]
        configs = {
            "0 WS": ["memories.flash.wait_states=0"],
            "5 WS, prefetch, ART": ["memories.flash.wait_states=5"],
            "5 WS, prefetch": ["memories.flash.wait_states=5"] + no_art,
            "5 WS raw": ["memories.flash.wait_states=5", "memories.flash.prefetch=false"] + no_art,
        }
        s = {name: run_stats(args.edgesim, elf, "stm32f407", sets) for name, sets in configs.items()}
        for name, stats in s.items():
            print(f"{name:22} cycles {stats['core.cycles']:>10}  fetch_wait {stats['core.stall.fetch_wait']:>10}"
                  f"  flash lines read {stats['memory.flash.flash.line_fetches']:>9}")
        order = list(configs)
        for faster, slower in zip(order, order[1:]):
            if not s[faster]["core.cycles"] < s[slower]["core.cycles"]:
                failures.append(f"{faster} should take fewer cycles than {slower}")
        if s["0 WS"]["core.stall.fetch_wait"] != 0:
            failures.append("0 WS should have no fetch wait stalls")
        if not s["5 WS, prefetch, ART"]["memory.flash.flash.line_fetches"] < s["5 WS, prefetch"]["memory.flash.flash.line_fetches"]:
            failures.append("the ART should cut the lines read from flash")
        if s["5 WS raw"]["core.instructions"] != s["0 WS"]["core.instructions"]:
            failures.append("timing must not change what the program executes")
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
