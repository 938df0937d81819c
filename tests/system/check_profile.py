#!/usr/bin/env python3
"""`edgesim run --profile` and `--timeline`, checked from outside.

functions: profile_example (workloads/examples/profile_example.c) with
  --profile --stats --timeline: the functions' cycles and instructions add up
  to core.cycles and core.instructions exactly; count_down's instructions are
  the hand count 3 x (2 x 1000 + 1) and its calls 3; SysTick_Handler's calls
  are the ticks the firmware printed and its instructions 6 per tick; the
  functions' energy adds up to the core, memory and cache energy; the table
  is printed; the timeline (no layer markers: function spans) is valid
  trace-event JSON whose spans tile the run.

network: a compiled network (--network, --platform, --backend) with
  --profile --stats --timeline: as many layer spans on the "core" track as
  layer runs (layers.<i>.runs), in time order, each one's cycles equal to its
  layer's (layers.<i>.cycles, counted by the layer profile) and all of them
  within core.cycles; layers.*.energy_pj plus outside add up to the dynamic
  energy totals (core, memory, cache, accelerator); with --expect-accel, an
  "accel" track whose busy spans each lie within a layer span and together
  last accel.cycles accelerator cycles.
"""
import argparse
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from check_failures import Failures  # noqa: E402
from edgesim_commands import compile_network, must, run  # noqa: E402

failures = Failures()
check = failures.check


def close(a, b, rel=1e-9):
    return abs(a - b) <= rel * max(abs(a), abs(b), 1.0)


def check_trace_structure(trace):
    """Trace-event JSON as Perfetto and chrome://tracing read it; returns {track name: [X events]}."""
    check(isinstance(trace, dict) and isinstance(trace.get("traceEvents"), list), "no traceEvents list")
    names = {}
    spans = {}
    for e in trace.get("traceEvents", []):
        for key in ("ph", "ts", "pid", "tid"):
            check(key in e, f"event without {key}: {e}")
        if e.get("ph") == "M" and e.get("name") == "thread_name":
            names[e["tid"]] = e["args"]["name"]
        elif e.get("ph") == "X":
            check(isinstance(e.get("dur"), (int, float)) and e["dur"] >= 0, f"X event with a bad dur: {e}")
            check(isinstance(e.get("name"), str) and e["name"], f"X event without a name: {e}")
            spans.setdefault(e["tid"], []).append(e)
        else:
            check(e.get("ph") == "M", f"unexpected event phase {e.get('ph')}")
    for tid, events in spans.items():
        check(tid in names, f"track {tid} has spans but no name")
        # On one track, spans are disjoint or nested (a tiny slack for rounding).
        events.sort(key=lambda e: (e["ts"], -e["dur"]))
        open_ends = []
        for e in events:
            start, end = e["ts"], e["ts"] + e["dur"]
            while open_ends and open_ends[-1] <= start + 1e-9:
                open_ends.pop()
            if open_ends:
                check(end <= open_ends[-1] + 1e-9, f"track {names.get(tid)}: '{e['name']}' overlaps without nesting")
            open_ends.append(end)
    return {names.get(tid, str(tid)): events for tid, events in spans.items()}


def function_sums(stats):
    functions = stats["profile"]["functions"]
    return (sum(f["cycles"] for f in functions.values()), sum(f["instructions"] for f in functions.values()),
            sum(f["energy_pj"] for f in functions.values()))


def dynamic_energy(stats, with_accel):
    e = stats["energy"]
    total = e["core"]["total_pj"] + sum(e["memory"].values()) + sum(e.get("cache", {}).values())
    if with_accel and "accel" in e:
        total += e["accel"]["total_pj"]
    return total


def by_name(stats):
    return {f["name"]: f for f in stats["profile"]["functions"].values()}


def functions_mode(args):
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    stats_file, timeline_file = work / "functions.stats.json", work / "functions.timeline.json"
    result = must(run([args.edgesim, "run", args.firmware, "--platform", args.platform, "--stats", stats_file,
                       "--profile", "--timeline", timeline_file]), "edgesim run")
    ticks = re.search(r"^ticks (\d+)$", result.stdout, re.M)
    if not ticks:
        sys.exit(f"no 'ticks N' line in the firmware's output:\n{result.stdout}")
    ticks = int(ticks.group(1))
    stats = json.loads(stats_file.read_text())
    core = stats["core"]

    cycles, instructions, energy = function_sums(stats)
    check(cycles == core["cycles"], f"functions' cycles {cycles} != core.cycles {core['cycles']}")
    check(instructions == core["instructions"],
          f"functions' instructions {instructions} != core.instructions {core['instructions']}")
    expected_energy = dynamic_energy(stats, with_accel=False)
    check(close(energy, expected_energy),
          f"functions' energy {energy} pJ != core + memory + cache energy {expected_energy} pJ")

    functions = by_name(stats)
    count_down = functions.get("count_down")
    check(count_down is not None, "no count_down in profile.functions")
    if count_down:
        check(count_down["instructions"] == 3 * (2 * 1000 + 1),
              f"count_down: {count_down['instructions']} instructions, 6003 by hand")
        check(count_down["calls"] == 3, f"count_down: {count_down['calls']} calls, 3 expected")
    handler = functions.get("SysTick_Handler")
    check(ticks > 0, "the firmware counted no SysTick interrupt")
    check(handler is not None, "no SysTick_Handler in profile.functions")
    if handler:
        check(handler["calls"] == ticks, f"SysTick_Handler: {handler['calls']} calls, the firmware counted {ticks}")
        check(handler["instructions"] == 6 * ticks,
              f"SysTick_Handler: {handler['instructions']} instructions, 6 x {ticks} by hand")
    # The table: the top 20 (default) by cycles, each row's numbers those of profile.functions.
    table = result.stderr[result.stderr.find("profile: "):]
    rows = re.findall(r"^  (\S+)\s+(\d+)\s+(\d+)\s+[\d.]+\s+(\d+)\s", table, re.M)
    check(len(rows) == min(20, len(functions)), f"{len(rows)} rows in the profile table:\n{table}")
    check([int(r[2]) for r in rows] == sorted((int(r[2]) for r in rows), reverse=True), "table not in order of cycles")
    top = sorted(functions.values(), key=lambda f: -f["cycles"])[:len(rows)]
    check([int(r[2]) for r in rows] == [f["cycles"] for f in top], "the table's cycles are not the top functions'")
    for name, calls, cycles, instrs in rows:
        f = functions.get(name)
        check(f is not None and (f["calls"], f["cycles"], f["instructions"]) == (int(calls), int(cycles), int(instrs)),
              f"table row {name} differs from profile.functions")
    check(any(r[0] == "count_down" and r[1] == "3" for r in rows), f"no count_down row with 3 calls:\n{table}")

    tracks = check_trace_structure(json.loads(timeline_file.read_text()))
    spans = tracks.get("functions", [])
    check(spans, "no function spans on the 'functions' track")
    check("core" not in tracks, "a firmware without layer markers has layer spans")
    if spans:
        # The spans tile the run: each starts where the one before ended, the last ends at core.cycles.
        us_per_cycle = 1e6 / core["clock_hz"]
        check(abs(spans[0]["ts"]) < 1e-9, "the first function span does not start at 0")
        for a, b in zip(spans, spans[1:]):
            check(abs(a["ts"] + a["dur"] - b["ts"]) < 1e-6, f"a gap or overlap between '{a['name']}' and '{b['name']}'")
        end = spans[-1]["ts"] + spans[-1]["dur"]
        check(abs(end - core["cycles"] * us_per_cycle) < 1e-6, f"function spans end at {end} us, the run at "
              f"{core['cycles'] * us_per_cycle} us")
        check(any(s["name"] == "SysTick_Handler" for s in spans), "no SysTick_Handler span")


def network_mode(args):
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    elf, stats_file, timeline_file = work / "model.elf", work / "model.stats.json", work / "model.timeline.json"
    compile_network(args.edgesim, args.network, args.platform, args.backend, elf, "--quiet")
    result = must(run([args.edgesim, "run", elf, "--platform", args.platform, "--stats", stats_file,
                       "--profile", "5", "--timeline", timeline_file]), "edgesim run")
    stats = json.loads(stats_file.read_text())
    core = stats["core"]
    us_per_cycle = 1e6 / core["clock_hz"]

    cycles, instructions, energy = function_sums(stats)
    check(cycles == core["cycles"], f"functions' cycles {cycles} != core.cycles {core['cycles']}")
    check(instructions == core["instructions"],
          f"functions' instructions {instructions} != core.instructions {core['instructions']}")
    check(close(energy, dynamic_energy(stats, with_accel=False)), "functions' energy != core + memory + cache energy")

    layers = stats["layers"]
    rows = {int(k): v for k, v in layers.items() if k != "outside"}
    layer_energy = sum(r["energy_pj"] for r in rows.values()) + layers["outside"]["energy_pj"]
    expected_energy = dynamic_energy(stats, with_accel=True)
    # Exact on the CPU. The accelerator's buffer accesses (bytes / access width)
    # and the DMA's flash lines are rounded up per layer, so there the parts
    # may exceed the whole by less than one access per layer and component.
    slack = 0 if "accel" not in stats else 1e-4 * expected_energy
    check(expected_energy * (1 - 1e-9) <= layer_energy <= expected_energy * (1 + 1e-9) + slack,
          f"layers' + outside energy {layer_energy} pJ != dynamic energy {expected_energy} pJ")
    check(all(r["energy_pj"] > 0 for r in rows.values() if r["runs"] > 0), "a layer that ran has no energy")
    check(re.search(r"^profile: layers", result.stderr, re.M) is not None, "no per-layer profile table")
    check(re.search(r"top 5 by cycles", result.stderr) is not None, "--profile 5 did not show the top 5")

    tracks = check_trace_structure(json.loads(timeline_file.read_text()))
    core_spans = tracks.get("core", [])
    layer_spans = [s for s in core_spans if "layer" in s.get("args", {})]
    inferences = [s for s in core_spans if s["name"].startswith("inference")]
    runs = sum(r["runs"] for r in rows.values())
    check(len(layer_spans) == runs, f"{len(layer_spans)} layer spans, {runs} layer runs")
    check(len(inferences) == stats["model"]["inferences"], f"{len(inferences)} inference spans")
    layer_spans.sort(key=lambda s: s["ts"])
    for a, b in zip(layer_spans, layer_spans[1:]):
        check(a["ts"] + a["dur"] <= b["ts"] + 1e-9, f"layer spans '{a['name']}' and '{b['name']}' overlap")
    if stats["model"]["inferences"] == 1:
        order = [s["args"]["layer"] for s in layer_spans]
        check(order == sorted(order), f"layers out of operator order: {order}")
    per_layer = {}
    for s in layer_spans:
        per_layer[s["args"]["layer"]] = per_layer.get(s["args"]["layer"], 0) + s["args"]["cycles"]
    for index, r in rows.items():
        check(per_layer.get(index, 0) == r["cycles"],
              f"layer {index}: spans {per_layer.get(index, 0)} cycles, layers.{index}.cycles {r['cycles']}")
    total = sum(s["dur"] for s in layer_spans)
    check(total <= core["cycles"] * us_per_cycle + 1e-6, "layer spans last longer than the run")
    check("functions" not in tracks, "function spans on a compiled network without --timeline-functions")

    accel_spans = tracks.get("accel", [])
    if args.expect_accel:
        check(accel_spans, "no accelerator spans on the 'accel' track")
        for a in accel_spans:
            inside = any(s["ts"] - 1e-6 <= a["ts"] and a["ts"] + a["dur"] <= s["ts"] + s["dur"] + 1e-6
                         for s in layer_spans)
            check(inside, f"accelerator span '{a['name']}' at {a['ts']} us is not within a layer span")
        # The device counts its cycles in SystemC time, whose resolution is
        # 1 ps: its clock period is 1e12 / accel.clock_hz rounded to a whole ps.
        busy_us = sum(a["dur"] for a in accel_spans)
        period_ps = round(1e12 / stats["accel"]["clock_hz"])
        expected_us = stats["accel"]["cycles"] * period_ps * 1e-6
        check(abs(busy_us - expected_us) <= 1e-6 * len(accel_spans),
              f"accelerator spans last {busy_us} us, accel.cycles {stats['accel']['cycles']} = {expected_us} us")
    else:
        check(not accel_spans, "accelerator spans on a platform without an accelerator")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=["functions", "network"])
    parser.add_argument("--edgesim", required=True)
    parser.add_argument("--platform", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--firmware", help="functions: profile_example's ELF")
    parser.add_argument("--network", help="network: the network YAML")
    parser.add_argument("--backend", default="simd")
    parser.add_argument("--expect-accel", action="store_true")
    args = parser.parse_args()
    functions_mode(args) if args.mode == "functions" else network_mode(args)
    if failures.report():
        sys.exit(1)
    print(f"{args.mode}: all checks passed")


if __name__ == "__main__":
    main()
