#!/usr/bin/python3
"""Checks edgesim's cycle timing against the cores' published timing.

Runs a timing microbenchmark ELF (workloads/timing/: timing_m4, timing_m0plus)
on edgesim, reads its "<name> <cycles per sequence>" lines and compares them
with the expected values for the core in the TSV file (tests/system/
timing_expected.tsv: core, name, rule, expected, source), within the core's
tolerance (timing_tolerance.tsv: core, cycles, basis). An expected value of
"n/a" (no public figure) is shown but not checked. Fails, listing every
problem, if a value is outside the tolerance, a benchmark has no expected
value or prints none, or the run does not exit 0.

    check_timing.py --core m7 --edgesim BIN --firmware-dir DIR
    check_timing.py --core all --edgesim BIN --firmware-dir DIR --markdown
    check_timing.py --core m4 --edgesim BIN --elf FW.elf --platform NAME [--set KEY=VALUE]...
    check_timing.py --core m4 --output FILE   # check saved firmware output

With --firmware-dir, RUNS below says which firmware, board and settings each
core's benchmarks run with. --markdown prints a table per core (rule,
expected, simulated, source) for a README instead of the report; the exit
status is the same.
"""
import argparse
import csv
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LINE = re.compile(r"^([A-Za-z0-9_]+) (\S+)$")
CORE_TITLES = {"m4": "Cortex-M4", "m0plus": "Cortex-M0+", "m7": "Cortex-M7", "m33": "Cortex-M33"}
# core -> (firmware, board, edgesim --set options); the ELF is <firmware>.<board>.elf.
RUNS = {
    "m4": ("timing_m4", "mps2-an386", []),
    "m0plus": ("timing_m0plus", "m0plus-minimal", ["memories.flash.wait_states=0"]),  # its flash has 1 by default
    "m7": ("timing_m4", "mps2-an386", ["core.type=cortex-m7"]),
    "m33": ("timing_m4", "mps2-an386", ["core.type=cortex-m33"]),
}
NOT_PUBLIC = None  # an expected value of "n/a"
EPSILON = 0.0005   # the firmware prints fractions with three decimals


def read_tsv(path):
    with open(path, newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def number(text):
    try:
        return int(text)
    except ValueError:
        return float(text)


def read_expected(path, core):
    """The rows of the TSV for one core, in file order: name -> row."""
    rows = {}
    for row in read_tsv(path):
        if row["core"] != core:
            continue
        if row["name"] in rows:
            sys.exit(f"check_timing: {path}: {core} {row['name']} appears twice")
        try:
            row["expected"] = NOT_PUBLIC if row["expected"] == "n/a" else number(row["expected"])
        except ValueError:
            sys.exit(f"check_timing: {path}: {core} {row['name']}: expected "
                     f"'{row['expected']}' is neither a number nor n/a")
        rows[row["name"]] = row
    if not rows:
        sys.exit(f"check_timing: {path}: no expected values for core '{core}'")
    return rows


def read_tolerance(path, core):
    """(cycles, basis) for one core."""
    for row in read_tsv(path):
        if row["core"] == core:
            return number(row["cycles"]), row["basis"]
    sys.exit(f"check_timing: {path}: no tolerance for core '{core}'")


def run_command(args, core):
    if args.elf:
        return [args.edgesim, "run", args.elf, "--platform", args.platform, "--quiet"] + \
            [x for s in args.set for x in ("--set", s)]
    firmware, board, settings = RUNS[core]
    elf = os.path.join(args.firmware_dir, f"{firmware}.{board}.elf")
    return [args.edgesim, "run", elf, "--platform", board, "--quiet"] + \
        [x for s in settings + args.set for x in ("--set", s)]


def run_firmware(args, core):
    """The firmware's stdout; problems (exit code, stderr) are returned too."""
    if args.output:
        with open(args.output) as f:
            return f.read(), []
    command = run_command(args, core)
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
            measured[name] = number(value)
        except ValueError:
            measured[name] = value  # e.g. "error"
    return measured


def verdict(expected, got, tolerance):
    """'exact', 'within', 'outside', 'n/a' (not checked) or 'missing'."""
    if not isinstance(got, (int, float)):
        return "missing"
    if expected is NOT_PUBLIC:
        return "n/a"
    error = abs(got - expected)
    if error <= EPSILON:
        return "exact"
    return "within" if error <= tolerance + EPSILON else "outside"


def compare(expected, measured, tolerance):
    problems = []
    for name, row in expected.items():
        got = measured.get(name)
        v = verdict(row["expected"], got, tolerance)
        if v == "missing":
            problems.append(f"{name}: no measurement ({got if got is not None else 'no line'}; "
                            f"expected {row['expected']}: {row['rule']})")
        elif v == "outside":
            problems.append(f"{name}: simulated {got}, expected {row['expected']} ± {tolerance} "
                            f"({row['rule']}; {row['source']})")
    for name in measured:
        if name not in expected:
            problems.append(f"{name}: simulated {measured[name]}, but no expected value in the table")
    return problems


def cycles(n):
    return f"{n} cycle" if n == 1 else f"{n} cycles"


def summary(expected, measured, tolerance):
    verdicts = [verdict(row["expected"], measured.get(name), tolerance) for name, row in expected.items()]
    checked = sum(1 for v in verdicts if v in ("exact", "within", "outside"))
    exact = verdicts.count("exact")
    within = exact + verdicts.count("within")
    text = f"{exact} of {checked} benchmarks exact"
    if tolerance:
        text += f", {within} within ±{cycles(tolerance)}"
    not_public = verdicts.count("n/a")
    if not_public:
        text += f"; {not_public} without a public figure (not checked)"
    return text


def markdown(core, expected, measured, tolerance, basis):
    cell = lambda text: str(text).replace("|", "\\|")
    lines = [f"**{CORE_TITLES.get(core, core)}** (`{core}`): tolerance ±{cycles(tolerance)} per sequence, {basis}. "
             f"{summary(expected, measured, tolerance)}. Bold: outside the tolerance; italic: within it "
             f"but not exact.", "",
             "| benchmark | rule | expected | simulated | source |",
             "|---|---|---:|---:|---|"]
    for name, row in expected.items():
        got = measured.get(name, "—")
        v = verdict(row["expected"], measured.get(name), tolerance)
        shown = {"outside": f"**{got}**", "missing": f"**{got}**", "within": f"*{got}*"}.get(v, str(got))
        want = "n/a" if row["expected"] is NOT_PUBLIC else row["expected"]
        lines.append(f"| `{name}` | {cell(row['rule'])} | {want} | {shown} | {cell(row['source'])} |")
    return "\n".join(lines)


def report(core, expected, measured, tolerance):
    marks = {"exact": "ok  ", "within": "ok~ ", "outside": "FAIL", "missing": "FAIL", "n/a": "n/a "}
    for name, row in expected.items():
        got = measured.get(name, "-")
        want = "n/a" if row["expected"] is NOT_PUBLIC else row["expected"]
        mark = marks[verdict(row["expected"], measured.get(name), tolerance)]
        print(f"{mark} {name:24} simulated {str(got):>6}  expected {str(want):>4}  {row['rule']}")
    print(f"check_timing: {core}: {summary(expected, measured, tolerance)}")


def check(args, core):
    """Runs and checks one core; returns its problems."""
    expected = read_expected(args.expected, core)
    tolerance, basis = read_tolerance(args.tolerance, core)
    stdout, problems = run_firmware(args, core)
    measured = parse(stdout)
    problems += compare(expected, measured, tolerance)
    if args.markdown:
        print(markdown(core, expected, measured, tolerance, basis))
    else:
        report(core, expected, measured, tolerance)
    return [f"{core}: {p}" for p in problems]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--core", required=True,
                        help=f"core column of the TSV ({', '.join(RUNS)}), or all")
    parser.add_argument("--expected", default=os.path.join(HERE, "timing_expected.tsv"))
    parser.add_argument("--tolerance", default=os.path.join(HERE, "timing_tolerance.tsv"))
    parser.add_argument("--edgesim", help="the edgesim binary")
    parser.add_argument("--firmware-dir", help="where the firmware ELFs are (RUNS says which)")
    parser.add_argument("--elf", help="the timing firmware (instead of --firmware-dir)")
    parser.add_argument("--platform", help="platform name or YAML file (with --elf)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="passed to edgesim run --set (repeatable)")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--output", help="check this saved firmware stdout instead of running")
    parser.add_argument("--markdown", action="store_true",
                        help="print a markdown table per core (rule, expected, simulated, source)")
    args = parser.parse_args()
    cores = list(RUNS) if args.core == "all" else [args.core]
    if (args.output or args.elf) and len(cores) > 1:
        parser.error("--output and --elf check one core")
    if args.elf and not args.platform:
        parser.error("--elf needs --platform")
    if not args.output and not (args.edgesim and (args.elf or args.firmware_dir)):
        parser.error("give --edgesim with --firmware-dir or --elf, or --output")
    if not args.elf and not args.output and any(c not in RUNS for c in cores):
        parser.error(f"no run for core '{args.core}' in RUNS: give --elf and --platform")

    problems = []
    for i, core in enumerate(cores):
        if i:
            print()
        problems += check(args, core)
    if problems:
        print(f"check_timing: {len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
