#!/usr/bin/env python3
"""`edgesim sweep` end to end (tests/system: system.sweep.*).

  check_sweep.py full     --edgesim E --sweep platforms/sweeps/kws_flash.yaml --work DIR
      The 56-point flash sweep of the demo network with -j 2: exit 0, every
      point in results.jsonl and results.csv once with its metrics, ids equal
      to FNV-1a of the documented text (computed here), one firmware built
      for all points, a plain line per point (not a terminal), and the
      physics: with the ART off, cycles rise with every wait state and
      prefetch never costs cycles; time.simulated_s = cycles / clock.
  check_sweep.py resume   --edgesim E --sweep ... --work DIR
      A clean run; then a run SIGKILLed (its whole process group) after some
      points: re-run, the finished points are skipped (said so; their records
      and stats files untouched) and the final results equal the clean run's.
      Then SIGINT to the sweep alone: the running point finishes and is
      recorded, nothing new starts, exit 130; a re-run completes.
  check_sweep.py failures --edgesim E --sweep tests/system/sweep_failures.yaml --work DIR
      Each failing point recorded with its exit code and message, the ok ones
      with their metrics, exit 1; two workloads of the same network and
      backend share their firmware; a re-run skips all 12; --retry-failed runs
      the 10 that did not finish ok again; a bad sweep file is exit 2, one line.
"""
import argparse
import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from check_failures import Failures  # noqa: E402

failures = Failures()
check = failures.check


def sweep(edgesim, sweep_file, out, *extra):
    run = subprocess.run([edgesim, "sweep", str(sweep_file), "--out", str(out), *extra],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return run.returncode, run.stdout


def records(out):
    path = Path(out) / "results.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def fnv1a64(text):
    h = 0xcbf29ce484222325
    for byte in text.encode():
        h = ((h ^ byte) * 0x100000001b3) & (2**64 - 1)
    return h


def expected_id(record, workload_source, backend):
    """The documented id: platform, name, kind, source, backend, sorted key=value lines."""
    text = f"{record['platform']}\n{record['workload']}\nmodel\n{workload_source}\n{backend}\n"
    for key in sorted(record["parameters"]):
        value = record["parameters"][key]
        text += f"{key}={json.dumps(value) if not isinstance(value, str) else value}\n"
    return f"{fnv1a64(text):016x}"


def art_off(record):
    return record["parameters"]["memories.flash.art"] == "{icache_lines: 0, dcache_lines: 0}"


def check_full_results(out, output, total):
    rs = records(out)
    check(len(rs) == total, f"{len(rs)} records, expected {total}")
    check(len({r["id"] for r in rs}) == len(rs), "an id is recorded twice")
    for r in rs:
        check(r["status"] == "ok" and r["exit_code"] == 0, f"{r['id']}: {r['status']} {r['message']}")
        for name in ("core.cycles", "core.instructions", "time.simulated_s", "energy.total_pj", "memory.flash.bytes_read"):
            value = r["metrics"].get(name)
            check(isinstance(value, (int, float)) and value > 0, f"{r['id']}: metric {name} = {value!r}")
    with open(Path(out) / "results.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    check(len(rows) == total, f"results.csv has {len(rows)} rows, expected {total}")
    check(sorted(r["id"] for r in rows) == sorted(r["id"] for r in rs), "results.csv and results.jsonl hold different points")
    check(re.search(rf"sweep kws_flash: {total}/{total} points done: {total} ok, 0 failed", output) is not None,
          "no summary line with every point ok")
    return rs


def full(args):
    out = Path(args.work) / "full"
    shutil.rmtree(out, ignore_errors=True)
    status, output = sweep(args.edgesim, args.sweep, out, "-j", "2")
    print(output)
    check(status == 0, f"exit {status}, expected 0")
    rs = check_full_results(out, output, 56)
    lines = [line for line in output.splitlines() if re.match(r"^\[\d+/56\] stm32f407 kws ", line)]
    check(len(lines) == 56, f"{len(lines)} progress lines, expected one per point (56)")
    check(len(list((out / "firmware").glob("*.elf"))) == 1, "not exactly one firmware built for the 56 points")
    for r in rs:
        check(r["id"] == expected_id(r, "../../workloads/networks/ds_cnn_kws.yaml", "simd"),
              f"{r['id']} is not FNV-1a of its platform, workload and parameters")
        cycles, clock = r["metrics"]["core.cycles"], r["parameters"]["core.clock_hz"]
        check(abs(r["metrics"]["time.simulated_s"] * clock - cycles) <= 1e-6 * cycles,
              f"{r['id']}: time.simulated_s x clock != cycles")
    # ART off: each wait state adds cycles; prefetch hides some, never adds.
    by = {(r["parameters"]["memories.flash.prefetch"], r["parameters"]["core.clock_hz"],
           r["parameters"]["memories.flash.wait_states"]): r["metrics"]["core.cycles"] for r in rs if art_off(r)}
    for prefetch in (True, False):
        for clock in (84000000, 168000000):
            series = [by[(prefetch, clock, ws)] for ws in range(7)]
            check(all(a < b for a, b in zip(series, series[1:])),
                  f"ART off, prefetch {prefetch}, {clock} Hz: cycles not rising with wait states: {series}")
    for clock in (84000000, 168000000):
        for ws in range(7):
            check(by[(True, clock, ws)] <= by[(False, clock, ws)], f"ART off, {ws} WS, {clock} Hz: prefetch costs cycles")


def comparable(rs):
    return {r["id"]: (r["platform"], r["workload"], r["parameters"], r["status"], r["exit_code"], r["metrics"]) for r in rs}


def start_in_own_group(args, out, jobs):
    return subprocess.Popen([args.edgesim, "sweep", str(args.sweep), "--out", str(out), "-j", str(jobs)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)


def wait_for_records(out, count, process, timeout=120):
    path = Path(out) / "results.jsonl"
    deadline = time.time() + timeout
    while time.time() < deadline and process.poll() is None:
        if path.exists() and sum(1 for line in path.read_text().splitlines() if line.endswith("}")) >= count:
            return True
        time.sleep(0.05)
    return False


def resume(args):
    clean = Path(args.work) / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    status, output = sweep(args.edgesim, args.sweep, clean, "-j", "2")
    check(status == 0, f"clean run: exit {status}\n{output}")
    reference = comparable(records(clean))

    out = Path(args.work) / "killed"
    shutil.rmtree(out, ignore_errors=True)
    process = start_in_own_group(args, out, 1)
    check(wait_for_records(out, 8, process), "the sweep did not record 8 points before it ended")
    os.killpg(process.pid, signal.SIGKILL)  # the sweep and its running `edgesim run`
    process.wait()
    before = (out / "results.jsonl").read_text()
    kept_lines = [line for line in before.splitlines() if line.endswith("}")]
    kept = [json.loads(line) for line in kept_lines]
    check(8 <= len(kept) < 56, f"{len(kept)} points recorded when killed (expected some, not all)")
    marker = out / "resumed-at"
    marker.write_text("")
    time.sleep(0.05)  # the marker's time is before anything the re-run writes

    status, output = sweep(args.edgesim, args.sweep, out, "-j", "2")
    print(output)
    check(status == 0, f"re-run: exit {status}, expected 0")
    check(f"skipping {len(kept)} points already in" in output, f"re-run does not say it skips the {len(kept)} finished points")
    check(len([l for l in output.splitlines() if re.match(r"^\[\d+/56\]", l)]) == 56 - len(kept),
          f"re-run ran other than the {56 - len(kept)} points left")
    after = (out / "results.jsonl").read_text().splitlines()
    check(after[:len(kept_lines)] == kept_lines, "the records made before the kill changed")
    ids = [json.loads(line)["id"] for line in after]
    check(len(ids) == 56 and len(set(ids)) == 56, f"{len(ids)} records, {len(set(ids))} ids after the re-run, expected 56")
    for r in kept:  # not run again: their stats were written before the marker
        stats = out / "points" / r["id"] / "stats.json"
        check(stats.stat().st_mtime <= marker.stat().st_mtime, f"{r['id']} ran again (its stats are newer than the re-run)")
    check(comparable(records(out)) == reference, "the resumed results differ from the clean run's")

    # SIGINT to the sweep alone: no new point, the running one recorded.
    out = Path(args.work) / "interrupted"
    shutil.rmtree(out, ignore_errors=True)
    process = start_in_own_group(args, out, 1)
    check(wait_for_records(out, 3, process), "the sweep did not record 3 points before it ended")
    process.send_signal(signal.SIGINT)
    at_signal = len(records(out))
    output, _ = process.communicate(timeout=120)
    print(output)
    check(process.returncode == 130, f"interrupted sweep: exit {process.returncode}, expected 130")
    done = len(records(out))
    check(at_signal <= done <= at_signal + 1, f"{at_signal} points at SIGINT, {done} after: expected at most the running one more")
    check(f"{56 - done} points not run; run the same command again to go on" in output, "no line saying what was not run")
    status, output = sweep(args.edgesim, args.sweep, out, "-j", "2")
    check(status == 0 and f"skipping {done} points already in" in output, f"re-run after SIGINT: exit {status}\n{output}")
    check(comparable(records(out)) == reference, "the results after SIGINT and a re-run differ from the clean run's")


def failures_case(args):
    out = Path(args.work) / "failures"
    shutil.rmtree(out, ignore_errors=True)
    status, output = sweep(args.edgesim, args.sweep, out, "-j", "2")
    print(output)
    check(status == 1, f"exit {status}, expected 1 (some points failed)")
    rs = {(r["workload"], r["parameters"]["memories.flash.wait_states"], r["parameters"]["memories.sram.size_kib"]): r
          for r in records(out)}
    check(len(rs) == 12, f"{len(rs)} points recorded, expected 12")
    check("compiling 4 firmware images" in output, "not 4 builds (simd and portable for 128 and 16 KiB)")
    for workload in ("kws_simd", "kws_portable", "kws_simd_again"):
        for sram in (128, 16):
            r = rs[(workload, -1, sram)]
            check(r["status"] == "failed" and r["exit_code"] == 2, f"{workload} -1 WS: {r['status']} exit {r['exit_code']}")
            check("--set memories.flash.wait_states=-1" in r["message"] and "non-negative integer" in r["message"],
                  f"{workload} -1 WS: message '{r['message']}'")
            check(r["metrics"]["core.cycles"] is None, f"{workload} -1 WS has cycles without a run")
        r = rs[(workload, 0, 16)]
        check(r["status"] == "failed" and r["exit_code"] == 2 and r["message"].startswith("compile failed: ")
              and "does not fit" in r["message"], f"{workload} 16 KiB: {r['status']} exit {r['exit_code']}: {r['message']}")
    ok = rs[("kws_simd", 0, 128)]
    check(ok["status"] == "ok" and ok["exit_code"] == 0 and ok["message"] == "", f"kws_simd: {ok['status']}: {ok['message']}")
    check(ok["metrics"]["core.instructions"] is not None and ok["metrics"]["core.instructions"] < 12000000,
          f"kws_simd instructions {ok['metrics']['core.instructions']}")
    again = rs[("kws_simd_again", 0, 128)]
    check(again["status"] == "ok" and again["metrics"] == ok["metrics"], "kws_simd_again differs from kws_simd")
    limit = rs[("kws_portable", 0, 128)]
    check(limit["status"] == "limit" and limit["exit_code"] == 124 and "instruction limit" in limit["message"],
          f"kws_portable: {limit['status']} exit {limit['exit_code']}: {limit['message']}")
    check(limit["metrics"]["core.instructions"] == 12000000, "the limited run's stats do not show the limit's instructions")
    check(re.search(r"12/12 points done: 2 ok, 9 failed, 1 at the instruction limit", output) is not None, "no summary line")
    listed = [l for l in output.splitlines() if re.match(r"^  [0-9a-f]{16} stm32f407 ", l)]
    check(len(listed) == 10 and "... and" not in output, "the summary does not list the 10 points that did not finish ok")

    status, output = sweep(args.edgesim, args.sweep, out, "-j", "2")
    check(status == 1 and "skipping 12 points already in" in output and "running 0 points" in output,
          f"re-run: exit {status}\n{output}")
    status, output = sweep(args.edgesim, args.sweep, out, "-j", "2", "--retry-failed")
    check(status == 1 and "skipping 2 points already in" in output and "running 10 points" in output,
          f"--retry-failed: exit {status}\n{output}")
    check(len(records(out)) == 12, "--retry-failed left other than one record per point")

    bad = Path(args.work) / "bad.yaml"
    bad.write_text("platform: stm32f407\nworkloads: [{elf: x.elf}]\nparameter: {}\n")
    status, output = sweep(args.edgesim, bad, Path(args.work) / "bad")
    check(status == 2 and output == f"edgesim: error: {bad}:3:1: parameter: unknown key; did you mean 'parameters'?\n",
          f"bad sweep file: exit {status}: {output!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["full", "resume", "failures"])
    parser.add_argument("--edgesim", required=True)
    parser.add_argument("--sweep", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    Path(args.work).mkdir(parents=True, exist_ok=True)
    {"full": full, "resume": resume, "failures": failures_case}[args.mode](args)
    status = failures.report()
    print(f"{len(failures)} checks failed" if failures else "all checks passed")
    return status


if __name__ == "__main__":
    sys.exit(main())
