#!/usr/bin/env python3
"""--stats-csv and `edgesim compare` on two real runs, checked from outside.

Compiles DS-CNN twice (workloads/networks: the int8 network with the simd
kernels, its float32 twin with the portable ones), runs both with --stats and
--stats-csv, and checks:
  - the CSV parses with Python's csv module, has the header
    name,value,unit,description and exactly the JSON's stats, each with the
    JSON's value, unit and description;
  - `edgesim compare --format csv`: the default rows (cycles, instructions,
    CPI, time, bytes per memory, energy total and per component, per-layer
    cycles: both builds have the same layers), each value the JSON's and each
    ratio B/A recomputed here;
  - `--format markdown`: the same rows, integers as the JSON has them, ratios
    as "0.19x" (two decimals; one from 10x; none from 100x), energy rows in the
    SI unit of the row's largest value;
  - a stat one run lacks is "-" in markdown, empty in CSV; --metrics globs.
"""
import argparse
import csv
import io
import json
import math
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from check_failures import Failures  # noqa: E402

failures = Failures()
check = failures.check


def flatten(stats):
    """The JSON's values by dotted name, for the names its meta lists."""
    out = {}
    for name in stats["meta"]:
        node = stats
        for part in name.split("."):
            node = node[part]
        out[name] = node
    return out


def same_value(text, value):
    if value is None:
        return text == ""
    if isinstance(value, str):
        return text == value
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return text == str(value)
    return float(text) == value


def ratio_text(a, b):
    if a == 0:
        return "-"
    r = b / a
    if abs(r) >= 100:
        return f"{r:.0f}x"
    if abs(r) >= 10:
        return f"{r:.1f}x"
    if abs(r) >= 0.01 or r == 0:
        return f"{r:.2f}x"
    return f"{r:.2g}x"


def energy_unit(largest):
    for unit, factor in (("J", 1e12), ("mJ", 1e9), ("uJ", 1e6), ("nJ", 1e3)):
        if largest >= factor:
            return unit, factor
    return "pJ", 1


def run(cmd):
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(map(str, cmd))} exited {done.returncode}:\n{done.stderr}")
    return done.stdout


def check_csv(label, csv_path, values, meta):
    with open(csv_path, newline="") as f:
        rows = list(csv.reader(f))
    check(rows[0] == ["name", "value", "unit", "description"], f"{label}: CSV header {rows[0]}")
    names = [r[0] for r in rows[1:]]
    check(len(names) == len(set(names)), f"{label}: a stat twice in the CSV")
    check(set(names) == set(values), f"{label}: CSV and JSON stats differ: {sorted(set(names) ^ set(values))[:5]}")
    for name, value, unit, description in rows[1:]:
        if name not in values:
            continue
        check(same_value(value, values[name]), f"{label}: CSV {name} = {value!r}, JSON {values[name]!r}")
        check(unit == meta[name]["unit"], f"{label}: CSV unit of {name}: {unit!r}")
        check(description == meta[name]["description"], f"{label}: CSV description of {name}: {description!r}")
    check(any("," in r[3] for r in rows[1:]), f"{label}: no description with a comma (RFC 4180 quoting untested)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--edgesim", required=True)
    ap.add_argument("--int8", required=True, help="the int8 network YAML")
    ap.add_argument("--f32", required=True, help="its float32 twin")
    ap.add_argument("--platform", default="stm32f407")
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)

    runs = {}
    for label, network, backend in (("fp32", args.f32, "portable"), ("int8", args.int8, "simd")):
        elf = work / f"{label}.elf"
        run([args.edgesim, "compile", network, "--platform", args.platform, "--backend", backend, "-o", elf, "-q"])
        run([args.edgesim, "run", elf, "--platform", args.platform, "--quiet",
             "--stats", work / f"{label}.json", "--stats-csv", work / f"{label}.csv"])
        stats = json.loads((work / f"{label}.json").read_text())
        runs[label] = (flatten(stats), stats["meta"])
        check_csv(label, work / f"{label}.csv", *runs[label])
    a, b = runs["fp32"][0], runs["int8"][0]
    meta = runs["fp32"][1]
    files = [work / "fp32.json", work / "int8.json"]

    # The default rows: these at least, in the CSV, exact.
    layers = sorted(int(n.split(".")[1]) for n in a if n.startswith("layers.") and n.endswith(".op"))
    check(layers == sorted(int(n.split(".")[1]) for n in b if n.startswith("layers.") and n.endswith(".op"))
          and all(a[f"layers.{i}.op"] == b[f"layers.{i}.op"] for i in layers), "the two builds' layers differ")
    regions = sorted({n.split(".")[1] for n in a if n.startswith("memory.") and n.count(".") == 2
                      and n.endswith(".bytes_read") and a[n] + b[n] > 0})
    expected = ["time.simulated_s", "core.cycles", "core.instructions", "core.cpi", "energy.total_pj",
                "energy.core.total_pj"] + [f"memory.{r}.bytes_read" for r in regions] + \
               [f"layers.{i}.cycles" for i in layers] + ["layers.outside.cycles"]
    table = list(csv.reader(io.StringIO(run([args.edgesim, "compare", *files, "--names", "fp32,int8", "--format", "csv"]))))
    check(table[0] == ["stat", "unit", "fp32", "int8", "int8/fp32"], f"compare CSV header {table[0]}")
    rows = {r[0]: r for r in table[1:]}
    for name in expected:
        check(name in rows, f"compare: default row {name} missing")
    for name, row in rows.items():
        check(row[1] == meta[name]["unit"], f"compare CSV {name}: unit {row[1]!r}")
        check(same_value(row[2], a[name]) and same_value(row[3], b[name]), f"compare CSV {name}: {row[2:4]} != JSON")
        if isinstance(a[name], (int, float)) and a[name] != 0:
            check(math.isclose(float(row[4]), b[name] / a[name], rel_tol=1e-12),
                  f"compare CSV {name}: ratio {row[4]} != {b[name] / a[name]}")
    check(rows["layers.0.cycles"][0:1] == ["layers.0.cycles"] and
          [r[0] for r in table[1:] if r[0].startswith("layers.")] == [f"layers.{i}.cycles" for i in layers] + ["layers.outside.cycles"],
          "compare: per-layer rows not in layer order")

    # Markdown: the same rows, readable.
    md = run([args.edgesim, "compare", *files, "--names", "fp32,int8", "--format", "markdown"]).splitlines()
    check(md[0] == "| stat | unit | fp32 | int8 | vs fp32 |" and md[1] == "|---|---|--:|--:|--:|",
          f"compare markdown heading {md[:2]}")
    cells = {c[0]: c for c in ([x.strip() for x in line.strip("|").split("|")] for line in md[2:])}
    check(list(cells) == [r[0] for r in table[1:]], "compare: markdown and CSV rows differ")
    for name in ("core.cycles", "core.instructions", "memory.flash.bytes_read"):
        check(cells[name][2:] == [str(a[name]), str(b[name]), ratio_text(a[name], b[name])],
              f"compare markdown {name}: {cells[name]} (JSON {a[name]}, {b[name]})")
    unit, factor = energy_unit(max(a["energy.total_pj"], b["energy.total_pj"]))
    check(cells["energy.total_pj"][1:] == [unit, f"{a['energy.total_pj'] / factor:.3f}", f"{b['energy.total_pj'] / factor:.3f}",
                                           ratio_text(a["energy.total_pj"], b["energy.total_pj"])],
          f"compare markdown energy.total_pj: {cells['energy.total_pj']}")
    check(cells["core.cpi"][2:] == [f"{a['core.cpi']:.3f}", f"{b['core.cpi']:.3f}", ratio_text(a["core.cpi"], b["core.cpi"])],
          f"compare markdown core.cpi: {cells['core.cpi']}")

    # A stat one run lacks: "-" in markdown, empty in CSV.
    trimmed = json.loads(files[1].read_text())
    del trimmed["meta"]["core.cpi"]
    (work / "int8_trimmed.json").write_text(json.dumps(trimmed))
    md = run([args.edgesim, "compare", files[0], work / "int8_trimmed.json", "--metrics", "core.c*"])
    lacking = [line.split() for line in md.splitlines() if line.startswith("core.cpi")]
    check(lacking == [["core.cpi", "cycle/instruction", f"{a['core.cpi']:.3f}", "-", "-"]], f"compare: missing stat row {lacking}")
    globbed = [line.split()[0] for line in
               run([args.edgesim, "compare", *files, "--metrics", "layers.*.cycles"]).splitlines()[1:]]
    check(globbed == [f"layers.{i}.cycles" for i in layers] + ["layers.outside.cycles"], f"compare --metrics: {globbed}")

    if failures.report():
        return 1
    print(f"ok: CSV = JSON for {len(a)} + {len(b)} stats; compare: {len(rows)} rows; "
          f"int8/fp32 cycles {ratio_text(a['core.cycles'], b['core.cycles'])}, "
          f"energy {ratio_text(a['energy.total_pj'], b['energy.total_pj'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
