#!/usr/bin/env python3
"""Checks a firmware run that uses the accelerator, on both datapaths.

  - The run exits 0 with accel.impl tlm and with rtl.
  - TLM and RTL agree exactly: every accel.* PMU counter, and the core's
    cycles (the whole run is deterministic, and the datapath is the only
    difference).
  - The stats agree with each other: traffic.dma.* is the sum over the
    memories' memory.<name>.dma.*; the DMA bytes the memories saw equal the
    accelerator's PMU (accel.dma_read_bytes/dma_write_bytes); a memory's
    totals include its DMA part; accel.utilization_pct is
    macs / (rows x cols x cycles), recomputed here.
  - The accelerator did work (layers, MACs), the core slept (it waited for
    the interrupt with WFI), and the DMA met the core on a bus port.

usage: check_accel_stats.py --edgesim BIN --elf FILE --platform NAME
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from check_failures import Failures  # noqa: E402
from edgesim_stats import run_stats  # noqa: E402


def memories(s):
    return sorted({k.split(".")[1] for k in s if k.startswith("memory.") and k.endswith(".dma.reads")})


def check_consistency(s, label, failures):
    def expect(what, got, want):
        if got != want:
            failures.append(f"{label}: {what}: {got} != {want}")

    mems = memories(s)
    for field in ("reads", "writes", "bytes_read", "bytes_written"):
        expect(f"traffic.dma.{field} vs sum of memory.*.dma.{field}",
               s[f"traffic.dma.{field}"], sum(s[f"memory.{m}.dma.{field}"] for m in mems))
        for m in mems:
            if s[f"memory.{m}.{field}"] < s[f"memory.{m}.dma.{field}"]:
                failures.append(f"{label}: memory.{m}.{field} does not include its DMA part")
    expect("traffic.dma.bytes_read vs accel.dma_read_bytes", s["traffic.dma.bytes_read"], s["accel.dma_read_bytes"])
    expect("traffic.dma.bytes_written vs accel.dma_write_bytes", s["traffic.dma.bytes_written"], s["accel.dma_write_bytes"])
    cycles = s["accel.cycles"]
    want = 100.0 * s["accel.macs"] / (s["accel.rows"] * s["accel.cols"] * cycles) if cycles else 0.0
    if abs(s["accel.utilization_pct"] - want) > 1e-9:
        failures.append(f"{label}: accel.utilization_pct {s['accel.utilization_pct']} != {want}")
    if not (s["accel.layers"] > 0 and s["accel.macs"] > 0 and s["accel.mac_active_cycles"] > 0):
        failures.append(f"{label}: the accelerator did no layer work")
    if not s["accel.mac_active_cycles"] <= cycles:
        failures.append(f"{label}: more MAC-active cycles than busy cycles")
    if not s["core.sleep_cycles"] > 0:
        failures.append(f"{label}: the core never slept waiting for the accelerator")
    dma_accesses = sum(v for k, v in s.items() if k.startswith("bus.") and k.endswith(".accel.dma.accesses"))
    if not dma_accesses > 0:
        failures.append(f"{label}: the DMA never reached a bus port")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--edgesim", required=True)
    ap.add_argument("--elf", required=True)
    ap.add_argument("--platform", required=True)
    args = ap.parse_args()

    runs = {impl: run_stats(args.edgesim, args.elf, args.platform, [f"accel.impl={impl}"]) for impl in ("tlm", "rtl")}
    failures = Failures()
    for impl, s in runs.items():
        check_consistency(s, impl, failures)
    tlm, rtl = runs["tlm"], runs["rtl"]
    for key in sorted(k for k in tlm if k.startswith("accel.") and k != "accel.impl") + ["core.cycles"]:
        if tlm[key] != rtl[key]:
            failures.append(f"tlm vs rtl: {key}: {tlm[key]} != {rtl[key]}")
    print(f"accel cycles {tlm['accel.cycles']} (tlm) {rtl['accel.cycles']} (rtl), MACs {tlm['accel.macs']}, "
          f"utilization {tlm['accel.utilization_pct']:.1f}%, core cycles {tlm['core.cycles']} / {rtl['core.cycles']}, "
          f"DMA read {tlm['traffic.dma.bytes_read']} B, written {tlm['traffic.dma.bytes_written']} B")
    return failures.report()


if __name__ == "__main__":
    sys.exit(main())
