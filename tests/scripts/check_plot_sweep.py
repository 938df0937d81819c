#!/usr/bin/python3
"""scripts/plot_sweep.py on a hand-written results.jsonl (tests/scripts: scripts.plot_sweep).

  check_plot_sweep.py --work DIR

The records (time.simulated_s, energy.total_pj), the front worked out by hand:
  kws a  ws=0 ART on   0.010 s  5.0 uJ  front (fastest of kws)
  kws b  ws=1 ART on   0.012 s  4.0 uJ  front
  kws c  ws=2 ART on   0.015 s  4.5 uJ  beaten by b
  kws d  ws=0 ART off  0.020 s  3.0 uJ  front (least energy)
  kws e  ws=1 ART off  0.020 s  3.5 uJ  beaten by d (same time)
  kws f  ws=2 ART off  failed, exit 1
  kws g  ws=3 ART off  limit, exit 124
  kws h  ws=3 ART on   ok, energy missing (null)
  big i  ws=0 ART on   0.005 s  9.0 uJ  front only when big is plotted
a has an earlier failed record (the later one counts), and the file ends with
a record cut short (no newline), as a killed sweep leaves it.

Checks: exit 0; the PNG's signature, its IHDR size 8 x 5 inches at --dpi
(800 x 500 by default, 400 x 250 at 50) and matplotlib's Software text; the
front on stdout; the note's counts; --workload; --param with numbers and with
flow maps; every run with no DISPLAY and an MPLBACKEND that cannot load, so
it passes only if the script picks the headless Agg backend itself. Errors: exit 2, one line on stderr, no
PNG. Exit 77 (skipped) when this Python has no matplotlib.
"""
import argparse
import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from check_failures import Failures  # noqa: E402

SKIP = 77
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "plot_sweep.py"
failures = Failures()
check = failures.check


def record(point_id, workload, ws, art, status="ok", exit_code=0, seconds=None, picojoules=None):
    return {"id": point_id, "platform": "stm32f407", "workload": workload,
            "parameters": {"memories.flash.wait_states": ws,
                           "memories.flash.art": {"icache_lines": 64 if art else 0, "dcache_lines": 8 if art else 0}},
            "status": status, "exit_code": exit_code, "message": "" if status == "ok" else "it broke",
            "metrics": {"core.cycles": None if seconds is None else round(seconds * 168e6),
                        "time.simulated_s": seconds, "energy.total_pj": picojoules},
            "finished": "2025-01-31T12:00:00Z"}


def write_results(folder):
    records = [
        record("a", "kws", 0, True, status="failed", exit_code=1),
        record("a", "kws", 0, True, seconds=0.010, picojoules=5.0e6),
        record("b", "kws", 1, True, seconds=0.012, picojoules=4.0e6),
        record("c", "kws", 2, True, seconds=0.015, picojoules=4.5e6),
        record("d", "kws", 0, False, seconds=0.020, picojoules=3.0e6),
        record("e", "kws", 1, False, seconds=0.020, picojoules=3.5e6),
        record("f", "kws", 2, False, status="failed", exit_code=1),
        record("g", "kws", 3, False, status="limit", exit_code=124),
        record("h", "kws", 3, True, seconds=0.011),
        record("i", "big", 0, True, seconds=0.005, picojoules=9.0e6),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(r) + "\n" for r in records)
    (folder / "results.jsonl").write_text(text + json.dumps(record("j", "kws", 9, True))[:40])
    return folder


def headless_env():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    # A backend that cannot even be imported: the run passes only because the
    # script picks Agg itself (matplotlib would quietly fall back from an
    # interactive one such as TkAgg without a display, proving nothing).
    env["MPLBACKEND"] = "module://no_such_display_backend"
    return env


def plot(*args):
    run = subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=headless_env())
    return run.returncode, run.stdout, run.stderr


def png_size(path):
    """(width, height) from the IHDR chunk, which must come first after the signature."""
    data = path.read_bytes()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: no PNG signature")
    check(data[12:16] == b"IHDR", f"{path}: the first chunk is not IHDR")
    check(b"Matplotlib" in data, f"{path}: no Software text from matplotlib")
    return struct.unpack(">II", data[16:24])


def front_ids(stdout):
    lines = stdout.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("Pareto front")), None)
    if start is None:
        return None
    return [line.split()[0] for line in lines[start + 1:] if line.startswith("  ")]


def check_plots(work):
    results = write_results(work / "sweep-handmade")

    out = work / "default.png"
    code, stdout, stderr = plot(results, "-o", out)
    check(code == 0, f"default plot: exit {code}: {stderr}")
    check(out.is_file() and out.stat().st_size > 0, "default plot: no PNG")
    if out.is_file():
        check(png_size(out) == (800, 500), f"default plot: {png_size(out)} pixels, not 8 x 5 in at 100 dpi")
    check(front_ids(stdout) == ["i", "a", "b", "d"], f"default plot: front {front_ids(stdout)}, not i a b d")
    check("(time.simulated_s, energy.total_pj)" in stdout, f"default plot: not time against energy: {stdout}")
    check(": 6 points; not plotted: 1 failed, 1 at the instruction limit, 1 ok without the metrics" in stdout,
          f"default plot: counts: {stdout}")

    out = work / "kws.png"
    code, stdout, stderr = plot(results, "--workload", "kws", "--dpi", 50, "--color", "memories.flash.art",
                                "--x", "core.cycles", "-o", out)
    check(code == 0, f"--workload kws: exit {code}: {stderr}")
    if out.is_file():
        check(png_size(out) == (400, 250), f"--dpi 50: {png_size(out)} pixels, not 400 x 250")
    check(front_ids(stdout) == ["a", "b", "d"], f"--workload kws: front {front_ids(stdout)}, not a b d")
    check(": 5 points;" in stdout, f"--workload kws: {stdout}")

    # The default output lands beside results.jsonl, named after the plot.
    code, stdout, stderr = plot(results / "results.jsonl", "--param", "memories.flash.wait_states",
                                "--metric", "energy.total_pj")
    default_out = results / "energy.total_pj_vs_memories.flash.wait_states.png"
    check(code == 0 and default_out.is_file(), f"--param wait_states: exit {code}, {stderr}")
    check(": 6 points;" in stdout, f"--param wait_states: counts: {stdout}")

    out = work / "art.png"
    code, stdout, stderr = plot(results, "--param", "memories.flash.art", "-o", out)
    check(code == 0 and out.is_file(), f"--param art (flow maps): exit {code}, {stderr}")
    # core.cycles exists for h (energy is what it lacks): 7 points.
    check(": 7 points;" in stdout, f"--param art: counts: {stdout}")


def check_errors(work):
    results = work / "sweep-handmade"
    none_ok = work / "none-ok"
    none_ok.mkdir(exist_ok=True)
    (none_ok / "results.jsonl").write_text(json.dumps(record("f", "kws", 2, False, status="failed", exit_code=1)) + "\n")
    broken = work / "broken"
    broken.mkdir(exist_ok=True)
    (broken / "results.jsonl").write_text(json.dumps(record("a", "kws", 0, True, seconds=1, picojoules=1)) +
                                          "\n{\"id\": \n" + json.dumps(record("b", "kws", 1, True)) + "\n")
    cases = [
        ([work / "nowhere"], "no results file"),
        ([none_ok], "no ok points"),
        ([broken], "results.jsonl:2: not JSON"),
        ([results, "--y", "energy.nope"], "unknown metric 'energy.nope'; the results have: core.cycles, "
                                         "time.simulated_s, energy.total_pj"),
        ([results, "--param", "memories.nope"], "unknown parameter 'memories.nope'; the results have: workload, "
                                                "platform, memories.flash.wait_states, memories.flash.art"),
        ([results, "--color", "nope"], "unknown parameter 'nope'"),
        ([results, "--workload", "nope"], "unknown workload 'nope'; the results have: kws, big"),
        ([results, "--metric", "core.cycles"], "--metric needs --param"),
        ([results, "--param", "memories.flash.art", "--x", "core.cycles"], "not with --param"),
        ([results, "--dpi", "many"], "--dpi: invalid int value"),
    ]
    for args, expected in cases:
        out = work / "error.png"
        code, stdout, stderr = plot(*args, "-o", out)
        lines = stderr.splitlines()
        check(code == 2, f"{args}: exit {code}, not 2")
        check(len(lines) == 1 and lines[0].startswith("plot_sweep: error: ") and expected in lines[0],
              f"{args}: stderr {stderr!r}, not one line with {expected!r}")
        check(not out.exists(), f"{args}: a PNG written anyway")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True, type=Path)
    args = parser.parse_args()
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        print(f"SKIP: {sys.executable} has no matplotlib (Debian's python3-matplotlib; scripts/setup.sh installs it)")
        return SKIP
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    check_plots(args.work)
    check_errors(args.work)
    status = failures.report()
    print(f"{len(failures)} checks failed" if failures else "plot_sweep: all checks passed")
    return status


if __name__ == "__main__":
    sys.exit(main())
