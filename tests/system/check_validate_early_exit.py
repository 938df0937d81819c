#!/usr/bin/env python3
"""What edgesim reports of an early-exit network, checked from outside.

On workloads/networks/early_exit_kws.yaml (three early exits and the final
output; its YAML lists each exit's branch before the backbone goes on, so the
layer indices are the YAML's order: exit1 is layer 6, exit2 12, exit3 18,
probabilities 24):

- `edgesim compile` prints a line per exit under the layer table, and the
  ELF's .edgesim.model (extracted by objcopy) lists the early exits with the
  YAML's rules and thresholds;
- `edgesim run` on the default input (which takes exit 1, says the YAML)
  reports "exit 1 of 4 taken after layer 6; layers 7..24 skipped";
- `edgesim validate --keep` on N inputs: exit 0; its histogram of exits
  equals the exits edgesim_reference --exits-taken reports for the same
  inputs (count and %); the cycles it prints (with exits: mean, median, and
  per exit the mean; without exits: mean; saved: mean and %) equal those
  recomputed here from the kept stats (core.cycles - layers.outside.cycles,
  the layers only); every exits-off run took the final exit, and took more
  cycles than the same input with an early exit;
- `--no-baseline` makes no exits-off runs and says so;
- an exits-off run that fails (an instruction limit between the two runs'
  counts) is reported per input and fails validate (exit 1).
"""
import argparse
import json
import re
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from check_failures import Failures  # noqa: E402
from edgesim_commands import compile_network, model_section, must, run  # noqa: E402

failures = Failures()
check = failures.check

# From the YAML: exit, layer it decides after, that layer's output, rule.
EXITS = [
    (1, 6, "exit1", "max_softmax >= 0.82"),
    (2, 12, "exit2", "margin >= 0.5"),
    (3, 18, "exit3", "entropy <= 1.55"),
    (4, 24, "probabilities", "the final output"),
]
METADATA_EXITS = [
    {"index": 1, "after_layer": 6, "scores": "exit1", "rule": "max_softmax", "threshold": 0.82},
    {"index": 2, "after_layer": 12, "scores": "exit2", "rule": "margin", "threshold": 0.5},
    {"index": 3, "after_layer": 18, "scores": "exit3", "rule": "entropy", "threshold": 1.55},
]


def validate_run(args, inputs, *options):
    return run([args.edgesim, "validate", args.network, "--platform", args.platform, "--backend", args.backend,
                "--inputs", str(inputs), "--seed", str(args.seed), "-j", "2", *options])


def layer_cycles(stats_file):
    """validate's measure: the layers' cycles, without what ran outside them."""
    stats = json.loads(stats_file.read_text())
    return stats["core"]["cycles"] - stats["layers"]["outside"]["cycles"]


def report_rows(text):
    """The histogram's rows: exit -> (inputs, %, mean cycles or None, description)."""
    rows = {}
    for m in re.finditer(r"^ +(\d+) +(\d+) +([\d.]+)% +(\d+|-)  (.*)$", text, re.MULTILINE):
        rows[int(m[1])] = (int(m[2]), m[3], None if m[4] == "-" else int(m[4]), m[5])
    return rows


def compile_and_run(args, work):
    elf = work / "ee.elf"
    report = compile_network(args.edgesim, args.network, args.platform, args.backend, elf)
    for k, layer, output, rule in EXITS:
        line = f"  exit {k}: after layer {layer} ({output}), {rule}"
        check(line in report.splitlines(), f"compile report: no line '{line}'")

    exits = model_section(args.objcopy, elf, work / "model.json").get("exits")
    check(exits == METADATA_EXITS, f".edgesim.model exits: {exits}, expected {METADATA_EXITS}")

    summary = must(run([args.edgesim, "run", str(elf), "--platform", args.platform]), "edgesim run").stderr
    line = "  exit 1 of 4 taken after layer 6; layers 7..24 skipped"
    check(line in summary.splitlines(), f"run summary: no line '{line}':\n{summary}")


def validate(args, work):
    kept = work / "kept"
    result = validate_run(args, args.inputs, "--keep", str(kept))
    out = result.stdout
    print(out)
    check(result.returncode == 0, f"validate exit {result.returncode}, expected 0: {result.stderr}")
    check(f"validate: {args.inputs}/{args.inputs} inputs match the host reference" in out, "not every input matched")

    exits_file = work / "reference_exits.bin"
    must(run([args.reference, args.network, "--random", str(args.inputs), "--seed", str(args.seed),
              "-o", str(work / "reference.bin"), "--exits-taken", str(exits_file)]), "edgesim_reference")
    reference_exits = list(exits_file.read_bytes())
    check(len(reference_exits) == args.inputs, f"the reference wrote {len(reference_exits)} exits")

    rows = report_rows(out)
    check(sorted(rows) == [1, 2, 3, 4], f"histogram rows {sorted(rows)}, expected exits 1..4")
    with_cycles = [layer_cycles(kept / "stats" / f"{i:03}.json") for i in range(args.inputs)]
    without = [layer_cycles(kept / "without_exits" / f"{i:03}.json") for i in range(args.inputs)]
    for i in range(args.inputs):
        full = (kept / "without_exits" / f"{i:03}.edgesim_exit_taken.bin").read_bytes()
        check(full == bytes([4]), f"input {i}: with exits off, exit {list(full)} was taken, not 4")
        if reference_exits[i] < 4:
            check(without[i] > with_cycles[i],
                  f"input {i}: exit {reference_exits[i]} took {with_cycles[i]} cycles, without exits {without[i]}")
    for k, layer, output, rule in EXITS:
        taken = [i for i in range(args.inputs) if reference_exits[i] == k]
        count, percent, mean, description = rows.get(k, (None, None, None, None))
        check(count == len(taken), f"exit {k}: {count} inputs in the report, the reference {len(taken)}")
        check(percent == f"{100 * len(taken) / args.inputs:.2f}", f"exit {k}: {percent}%")
        expected_mean = round(statistics.mean(with_cycles[i] for i in taken)) if taken else None
        check(mean == expected_mean, f"exit {k}: mean {mean} cycles, from the kept stats {expected_mean}")
        check(description == f"after layer {layer} ({output}), {rule}", f"exit {k}: '{description}'")
    check(any(e < 4 for e in reference_exits), "no input took an early exit: choose another seed")

    mean_with, mean_without = statistics.mean(with_cycles), statistics.mean(without)
    median = sorted(with_cycles)[(args.inputs - 1) // 2]
    saved = mean_without - mean_with
    line = (f"  cycles per inference with exits: mean {round(mean_with)}, median {median} ({args.inputs} runs); "
            f"without exits: mean {round(mean_without)} ({args.inputs} runs)")
    check(line in out.splitlines(), f"no line '{line}'")
    line = f"  cycles saved by the exits: mean {round(saved)} per inference ({100 * saved / mean_without:.2f}%)"
    check(line in out.splitlines(), f"no line '{line}'")
    check(saved > 0, f"the exits saved {saved} cycles")


def no_baseline(args, work):
    kept = work / "kept_no_baseline"
    result = validate_run(args, 2, "--no-baseline", "--keep", str(kept))
    print(result.stdout)
    check(result.returncode == 0, f"--no-baseline: exit {result.returncode}")
    check("; without exits: not measured (--no-baseline)" in result.stdout, "--no-baseline: no 'not measured'")
    check("cycles saved" not in result.stdout, "--no-baseline: a saving was reported")
    check(not (kept / "without_exits").exists(), "--no-baseline: exits-off runs were made")


def baseline_failure(args, work):
    """Input 0 again, limited to midway between its runs' instruction counts."""
    kept = work / "kept"
    instructions = [json.loads((kept / kind / "000.json").read_text())["core"]["instructions"]
                    for kind in ("stats", "without_exits")]
    limit = sum(instructions) // 2
    if not instructions[0] < limit < instructions[1]:
        failures.append(f"input 0 needs {instructions} instructions with and without exits: no limit between")
        return
    result = validate_run(args, 1, "--max-instructions", str(limit))
    print(result.stdout)
    check(result.returncode == 1, f"a failed exits-off run: exit {result.returncode}, expected 1")
    check(re.search(r"^  input 0 with exits off: run failed \(exit 124\): instruction limit reached", result.stdout,
                    re.MULTILINE), "the failed exits-off run is not reported")
    check("validate: 0/1 inputs match the host reference; 1 runs failed" in result.stdout, "no failed-run count")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edgesim", required=True)
    parser.add_argument("--reference", required=True)
    parser.add_argument("--network", required=True)
    parser.add_argument("--platform", required=True)
    parser.add_argument("--backend", required=True)
    parser.add_argument("--inputs", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--objcopy", default="arm-none-eabi-objcopy")
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    compile_and_run(args, work)
    validate(args, work)
    no_baseline(args, work)
    baseline_failure(args, work)
    return failures.report()


if __name__ == "__main__":
    sys.exit(main())
