#!/usr/bin/env python3
"""Recomputes a run's energy.* stats from its --stats counts and the cost
table's YAML, independently of edgesim's C++ (energy/accounting.hpp states
the rules this script implements again), and compares them to rounding.

Runs (firmware from the build's firmware directory):
  - compute_bench on stm32f407 with the platform's default table
    (horowitz-45nm): flash with ART and prefetch, SRAM, CCM;
  - accel_ops on stm32f746-npu with --energy jouppi-7nm: L1 caches, TCMs,
    the accelerator; its total is below horowitz-45nm's for the same run
    (every 7 nm entry is at most the 45 nm one);
  - dsp_bench on mps2-an386 with psram made external and --energy FILE: a
    copy of horowitz-45nm with per-cycle and static entries, so every term
    of the formulas is non-zero somewhere;
  - --set energy=jouppi-7nm selects the table through the platform key;
  - a table with a negative entry: exit 2, one line naming file:line:col and key.
Every memory's kind and size in the JSON is checked against the platform YAML.

usage: check_energy.py --edgesim BIN --firmware DIR --platforms DIR
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from check_failures import Failures  # noqa: E402
from edgesim_stats import run_stats  # noqa: E402

OPS = ["add", "multiply", "mac", "divide", "load", "store", "branch", "other"]
WIDTHS = ["int8", "int16", "int32", "int64", "fp32", "fp64"]
KIND = {"ram": "sram", "tcm": "sram", "flash": "flash", "external": "external"}


def sram_pj(table, size_bytes):
    """Linear in log2(size) between listed sizes; flat below, last slope above."""
    sizes = [k * 1024 for k in table["memory"]["sram"]["size_kib"]]
    pjs = table["memory"]["sram"]["access_pj"]
    if len(sizes) == 1 or size_bytes <= sizes[0]:
        return pjs[0]
    i = 0
    while i + 2 < len(sizes) and size_bytes > sizes[i + 1]:
        i += 1
    slope = (pjs[i + 1] - pjs[i]) / math.log2(sizes[i + 1] / sizes[i])
    return pjs[i] + math.log2(size_bytes / sizes[i]) * slope


def charged(count, nbytes, width):
    return max(count, -(-nbytes // width))


def region_pj(s, table, r):
    g = lambda k: s.get(f"memory.{r}.{k}", 0)  # noqa: E731 (dma.* exist only with an accelerator)
    kind, mem = s[f"memory.{r}.kind"], table["memory"]
    if kind == "flash":
        line = s[f"memory.{r}.flash.line_bytes"]
        lines = g("flash.line_fetches") + g("flash.dcache_misses") + charged(g("dma.reads"), g("dma.bytes_read"), line)
        per_line = -(-line // mem["flash"]["access_bytes"])
        return (lines * per_line * mem["flash"]["access_pj"]
                + (g("flash.icache_hits") + g("flash.dcache_hits")) * mem["flash"]["art_hit_pj"])
    if kind == "external":
        width, each = mem["external"]["access_bytes"], mem["external"]["access_pj"]
    else:
        width, each = mem["sram"]["access_bytes"], sram_pj(table, s[f"memory.{r}.size_bytes"])
    streams = [
        (g("fetches"), g("fetch_bytes")),
        (g("reads") - g("fetches") - g("dma.reads"), g("bytes_read") - g("fetch_bytes") - g("dma.bytes_read")),
        (g("writes") - g("dma.writes"), g("bytes_written") - g("dma.bytes_written")),
        (g("dma.reads"), g("dma.bytes_read")),
        (g("dma.writes"), g("dma.bytes_written")),
    ]
    return sum(charged(n, b, width) for n, b in streams) * each


def expected(s, table):
    e = {}
    core = table["core"]
    e["energy.core.cycles_pj"] = (s["core.cycles"] - s["core.sleep_cycles"]) * core["cycle_pj"]
    ops = 0.0
    for op in OPS:
        for w in WIDTHS:
            if f"core.ops.{op}.{w}" in s:
                e[f"energy.ops.{op}.{w}_pj"] = s[f"core.ops.{op}.{w}"] * core["ops"][op][f"{w}_pj"]
                ops += e[f"energy.ops.{op}.{w}_pj"]
    e["energy.core.ops_pj"] = ops
    e["energy.core.total_pj"] = e["energy.core.cycles_pj"] + ops
    regions = sorted({k.split(".")[1] for k in s if k.startswith("memory.") and k.endswith(".kind")})
    for r in regions:
        e[f"energy.memory.{r}_pj"] = region_pj(s, table, r)
    cache = table["cache"]
    if "core.l1i.hits" in s:
        e["energy.cache.l1i_pj"] = s["core.l1i.hits"] * cache["hit_pj"] + s["core.l1i.misses"] * cache["miss_pj"]
    if "core.l1d.read_hits" in s:
        e["energy.cache.l1d_pj"] = ((s["core.l1d.read_hits"] + s["core.l1d.write_hits"]) * cache["hit_pj"]
                                    + (s["core.l1d.read_misses"] + s["core.l1d.write_misses"]) * cache["miss_pj"])
    power = table["static"]
    static_mw = power["core_mw"]
    if "accel.macs" in s:
        a = table["accel"]
        buffer = (s["accel.dma_read_bytes"] + s["accel.dma_write_bytes"]
                  + s["accel.mac_active_cycles"] * (s["accel.rows"] + s["accel.cols"]))
        e["energy.accel.mac_pj"] = s["accel.macs"] * a["mac_pj"]
        e["energy.accel.buffer_pj"] = -(-buffer // a["buffer_access_bytes"]) * a["buffer_access_pj"]
        e["energy.accel.dma_pj"] = (s["accel.dma_read_bytes"] + s["accel.dma_write_bytes"]) * a["dma_byte_pj"]
        e["energy.accel.total_pj"] = e["energy.accel.mac_pj"] + e["energy.accel.buffer_pj"] + e["energy.accel.dma_pj"]
        static_mw += power["accel_mw"]
    for r in regions:
        static_mw += s[f"memory.{r}.size_bytes"] / 1024 * power[f"{s[f'memory.{r}.kind']}_mw_per_kib"]
    e["energy.static_pj"] = static_mw * s["time.simulated_s"] * 1e9
    e["energy.total_pj"] = (e["energy.core.total_pj"] + sum(e[f"energy.memory.{r}_pj"] for r in regions)
                            + e.get("energy.cache.l1i_pj", 0) + e.get("energy.cache.l1d_pj", 0)
                            + e.get("energy.accel.total_pj", 0) + e["energy.static_pj"])
    return e


def compare(label, s, table, platform_yaml, sets, failures):
    with open(platform_yaml) as f:
        memories = yaml.safe_load(f)["memories"]
    for name, m in memories.items():
        kind = next((v.split("=", 1)[1] for v in sets if v.startswith(f"memories.{name}.kind=")), m.get("kind", "ram"))
        if s.get(f"memory.{name}.kind") != KIND[kind]:
            failures.append(f"{label}: memory.{name}.kind {s.get(f'memory.{name}.kind')} != {KIND[kind]}")
        if s.get(f"memory.{name}.size_bytes") != m["size_kib"] * 1024:
            failures.append(f"{label}: memory.{name}.size_bytes != {m['size_kib']} KiB")
    want = expected(s, table)
    got = {k: v for k, v in s.items() if k.startswith("energy.") and k.endswith("_pj")}
    if set(got) != set(want):
        failures.append(f"{label}: energy stats {sorted(set(got) ^ set(want))} only on one side")
    for k in sorted(set(got) & set(want)):
        if not math.isclose(got[k], want[k], rel_tol=1e-9, abs_tol=1e-6):
            failures.append(f"{label}: {k} = {got[k]}, recomputed {want[k]}")
    if not s["energy.total_pj"] > 0:
        failures.append(f"{label}: no energy at all")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--edgesim", required=True)
    ap.add_argument("--firmware", required=True)
    ap.add_argument("--platforms", required=True)
    args = ap.parse_args()
    tables = os.path.join(args.platforms, "energy")
    load = lambda name: yaml.safe_load(open(os.path.join(tables, name + ".yaml")))  # noqa: E731
    horowitz, jouppi = load("horowitz-45nm"), load("jouppi-7nm")
    failures = Failures()

    def check(label, elf, platform, table, extra=(), sets=()):
        cmd_sets = list(sets)
        s = run_stats(args.edgesim, os.path.join(args.firmware, elf), platform, cmd_sets, extra)
        compare(label, s, table, os.path.join(args.platforms, platform + ".yaml"), cmd_sets, failures)
        return s

    s = check("stm32f407 default", "compute_bench.stm32f407.elf", "stm32f407", horowitz)
    if s["energy.table"] != "horowitz-45nm":
        failures.append(f"stm32f407: default table {s['energy.table']}, not horowitz-45nm")
    s7 = check("stm32f746-npu 7nm", "accel_ops.stm32f746-npu.elf", "stm32f746-npu", jouppi, ["--energy", "jouppi-7nm"])
    s45 = run_stats(args.edgesim, os.path.join(args.firmware, "accel_ops.stm32f746-npu.elf"), "stm32f746-npu")
    if not s7["energy.total_pj"] < s45["energy.total_pj"]:
        failures.append("stm32f746-npu: the 7 nm table does not cost less than the 45 nm one")
    if not (s7["energy.accel.mac_pj"] > 0 and s7["energy.cache.l1d_pj"] > 0):
        failures.append("stm32f746-npu: no accelerator or cache energy")
    s = run_stats(args.edgesim, os.path.join(args.firmware, "hello.stm32f407.elf"), "stm32f407",
                  ["energy=jouppi-7nm"])
    if s["energy.table"] != "jouppi-7nm":
        failures.append(f"--set energy=jouppi-7nm: table {s['energy.table']}")

    with tempfile.TemporaryDirectory() as tmp:
        custom = dict(horowitz, name="custom")
        custom["core"] = dict(horowitz["core"], cycle_pj=5.5)
        custom["static"] = {"core_mw": 3.0, "accel_mw": 1.0, "sram_mw_per_kib": 0.002,
                            "flash_mw_per_kib": 0.001, "external_mw_per_kib": 0.004}
        path = os.path.join(tmp, "custom.yaml")
        with open(path, "w") as f:
            yaml.safe_dump(custom, f)
        s = check("mps2-an386 custom", "dsp_bench.mps2-an386.elf", "mps2-an386", custom, ["--energy", path],
                  ["memories.psram.kind=external"])
        if not (s["energy.static_pj"] > 0 and s["energy.core.cycles_pj"] > 0 and s["energy.memory.ssram1_pj"] > 0):
            failures.append("mps2-an386 custom: a static, cycle or memory term is zero")

        bad = os.path.join(tmp, "bad.yaml")
        with open(os.path.join(tables, "horowitz-45nm.yaml")) as f:
            lines = f.read().split("\n")
        at = next(i for i, l in enumerate(lines) if l.strip().startswith("mac_pj:"))
        lines[at] = lines[at].replace("mac_pj: 0.3", "mac_pj: -0.3")
        with open(bad, "w") as f:
            f.write("\n".join(lines))
        col = lines[at].index("-0.3") + 1
        done = subprocess.run([args.edgesim, "run", os.path.join(args.firmware, "hello.stm32f407.elf"),
                               "--platform", "stm32f407", "--energy", bad], capture_output=True, text=True)
        want = f"edgesim: error: {bad}:{at + 1}:{col}: accel.mac_pj: -0.3 is negative\n"
        if done.returncode != 2 or done.stderr != want:
            failures.append(f"negative entry: exit {done.returncode}, stderr {done.stderr!r}, wanted {want!r}")

    status = failures.report()
    print("check_energy:", "FAILED" if failures else "energy = counts x table in every run")
    return status


if __name__ == "__main__":
    sys.exit(main())
