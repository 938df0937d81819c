#!/usr/bin/python3
"""Checks edgesim's cycle timing against the cores' Technical Reference Manuals.

Runs a timing microbenchmark ELF (workloads/timing/: timing_m4, timing_m0plus)
on edgesim, reads its "<name> <cycles per sequence>" lines and compares them
with the expected values for CORE in the TSV file (tests/system/
timing_expected.tsv: core, name, rule, expected, source). Fails, listing every
problem, if a value differs, a benchmark has no expected value or prints
none, or the run does not exit 0.

    check_timing.py --edgesim BIN --elf FW.elf --platform NAME --core m4
                    [--set KEY=VALUE]... [--expected FILE] [--markdown]
    check_timing.py --output FILE --core m4 ...   # check saved firmware output

--markdown prints a table (rule, expected, simulated, source) for a README
instead of the report; the exit status is the same.
"""
import argparse
import csv
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LINE = re.compile(r"^([A-Za-z0-9_]+) (\S+)$")
CORE_TITLES = {"m4": "Cortex-M4", "m0plus": "Cortex-M0+"}


def read_expected(path, core):
    """The rows of the TSV for one core, in file order: name -> row."""
    rows = {}
    with open(path, newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        if row["core"] != core:
            continue
        if row["name"] in rows:
            sys.exit(f"check_timing: {path}: {core} {row['name']} appears twice")
        try:
            row["expected"] = int(row["expected"])
        except ValueError:
            sys.exit(f"check_timing: {path}: {core} {row['name']}: expected "
                     f"'{row['expected']}' is not an integer")
        rows[row["name"]] = row
    if not rows:
        sys.exit(f"check_timing: {path}: no expected values for core '{core}'")
    return rows


def run_firmware(args):
    """The firmware's stdout; problems (exit code, stderr) are returned too."""
    if args.output:
        with open(args.output) as f:
            return f.read(), []
    command = [args.edgesim, "run", args.elf, "--platform", args.platform, "--quiet"]
    for setting in args.set:
        command += ["--set", setting]
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return "", [f"{' '.join(command)}: no exit within {args.timeout} s"]
    except OSError as e:
        return "", [f"cannot run {command[0]}: {e}"]
    problems = []
    if done.returncode != 0:
        problems.append(f"{' '.join(command)} exited with {done.returncode}"
                        + (f": {done.stderr.strip()}" if done.stderr.strip() else ""))
    return done.stdout, problems


def parse(stdout):
    """name -> measured (a number, or the text the firmware printed)."""
    measured = {}
    for line in stdout.splitlines():
        m = LINE.match(line.strip())
        if not m:
            continue
        name, value = m.groups()
        try:
            measured[name] = int(value)
        except ValueError:
            try:
                measured[name] = float(value)
            except ValueError:
                measured[name] = value  # e.g. "error"
    return measured


def compare(expected, measured):
    problems = []
    for name, row in expected.items():
        if name not in measured:
            problems.append(f"{name}: no measurement (expected {row['expected']}: {row['rule']})")
        elif measured[name] != row["expected"]:
            problems.append(f"{name}: simulated {measured[name]}, expected {row['expected']} "
                            f"({row['rule']}; {row['source']})")
    for name in measured:
        if name not in expected:
            problems.append(f"{name}: simulated {measured[name]}, but no expected value in the table")
    return problems


def markdown(core, expected, measured):
    cell = lambda text: str(text).replace("|", "\\|")
    lines = [f"{CORE_TITLES.get(core, core)} (`{core}`)", "",
             "| benchmark | rule | expected | simulated | source |",
             "|---|---|---:|---:|---|"]
    for name, row in expected.items():
        got = measured.get(name, "—")
        shown = str(got) if got == row["expected"] else f"**{got}**"
        lines.append(f"| `{name}` | {cell(row['rule'])} | {row['expected']} | {shown} | "
                     f"{cell(row['source'])} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--core", required=True, help="core column of the TSV (m4, m0plus)")
    parser.add_argument("--expected", default=os.path.join(HERE, "timing_expected.tsv"))
    parser.add_argument("--edgesim", help="the edgesim binary")
    parser.add_argument("--elf", help="the timing firmware")
    parser.add_argument("--platform", help="platform name or YAML file")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="passed to edgesim run --set (repeatable)")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--output", help="check this saved firmware stdout instead of running")
    parser.add_argument("--markdown", action="store_true",
                        help="print a markdown table (rule, expected, simulated, source)")
    args = parser.parse_args()
    if not args.output and not (args.edgesim and args.elf and args.platform):
        parser.error("give --edgesim, --elf and --platform, or --output")

    expected = read_expected(args.expected, args.core)
    stdout, problems = run_firmware(args)
    measured = parse(stdout)
    problems += compare(expected, measured)

    if args.markdown:
        print(markdown(args.core, expected, measured))
        for problem in problems:
            print(f"check_timing: {problem}", file=sys.stderr)
    else:
        matched = sum(1 for name, row in expected.items() if measured.get(name) == row["expected"])
        for name, row in expected.items():
            got = measured.get(name, "-")
            mark = "ok  " if got == row["expected"] else "FAIL"
            print(f"{mark} {name:24} simulated {str(got):>6}  expected {row['expected']:>3}  {row['rule']}")
        print(f"check_timing: {args.core}: {matched} of {len(expected)} benchmarks match the TRM")
        if problems:
            print(f"check_timing: {len(problems)} problem(s):", file=sys.stderr)
            for problem in problems:
                print(f"  {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
