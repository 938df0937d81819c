#!/usr/bin/env python3
"""`edgesim sweep --backend slurm` on a real single-node Slurm (system.sweep.slurm).

  check_sweep_slurm.py --edgesim E --sweep tests/system/sweep_slurm.yaml
                       --cluster tests/system/slurm_cluster.sh --work DIR

Starts a throw-away cluster (slurm_cluster.sh; exit 77, ctest's skip, with its
reason when Slurm cannot run here) and stops it at the end whatever happens.
Runs the sweep locally (-j 2), then submits it as a job array throttled to 2
tasks: the points the platform rejects are recorded at submission and not
submitted (8 of 12 are), the job script runs this edgesim by its absolute
path. Once squeue lists no task, a local run in that folder has nothing left to
run, and --collect merges the tasks' records: every
point equal to the local run's (platform, workload, parameters, status, exit
code, message and metrics; only the time of the record may differ), the same
CSV columns, the points in the sweep's order in both files. A second
submission submits nothing; a point whose record is lost is reported missing
by --collect (exit 1, naming its task's log) and is the only one submitted
again, after which the results are complete and still equal the local run's.
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

SKIP = 77
failures = Failures()
check = failures.check


def run(*command, env=None):
    result = subprocess.run([str(c) for c in command], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=env)
    print(f"$ {' '.join(str(c) for c in command)}  (exit {result.returncode})\n{result.stdout}")
    return result.returncode, result.stdout


def records(out):
    return [json.loads(line) for line in (Path(out) / "results.jsonl").read_text().splitlines()]


def comparable(rs):
    """Everything a point's record says except when it was written."""
    return {r["id"]: {k: v for k, v in r.items() if k != "finished"} for r in rs}


def csv_rows(out):
    with open(Path(out) / "results.csv", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        return header, [row for row in reader]


def wait_for_job(job, env, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        listed = subprocess.run(["squeue", "-h", "-j", job, "-o", "%i %t"], stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, env=env)
        # squeue forgets a finished job after MinJobAge; until then it may say
        # "Invalid job id" once the array is done.
        if listed.returncode != 0 or not listed.stdout.strip():
            return True
        time.sleep(0.5)
    return False


def submit(args, out, env):
    status, output = run(args.edgesim, "sweep", args.sweep, "--backend", "slurm", "--out", out, "-j", "2",
                         "--slurm-opt", "--time=10 --job-name=edgesim-test", env=env)
    match = re.search(r"submitted job array (\d+) \((\d+) tasks?, array (\S+)\)", output)
    return status, output, match


def check_sweep(args, work, env):
    local = work / "local"
    status, _ = run(args.edgesim, "sweep", args.sweep, "--out", local, "-j", "2", env=env)
    check(status == 1, f"local run: exit {status}, expected 1 (points fail by design)")
    reference = comparable(records(local))
    check(len(reference) == 12, f"local run: {len(reference)} records, expected 12")

    out = work / "slurm"
    status, output, match = submit(args, out, env)
    check(status == 0 and match is not None, f"submission: exit {status}, no 'submitted job array' line")
    if not match:
        return
    job, tasks, array = match.groups()
    check(tasks == "8" and array == "0-7%2", f"submitted {tasks} tasks as array {array}, expected 8 as 0-7%2")
    script = (out / "slurm" / "1" / "job.sh").read_text()
    edgesim = os.path.realpath(args.edgesim)
    check(f"exec '{edgesim}' sweep --run-point \"$SLURM_ARRAY_TASK_ID\" '{out / 'slurm' / '1' / 'plan.json'}'" in script,
          f"job.sh does not run {edgesim} --run-point on its plan:\n{script}")
    check("#SBATCH --array=0-7%2" in script, "job.sh has no #SBATCH --array=0-7%2")
    rejected = [r for r in records(out) if r["parameters"]["memories.flash.wait_states"] == -1]
    check(len(rejected) == 4 and all(r["status"] == "failed" and r["exit_code"] == 2 for r in rejected),
          "the 4 points with wait_states -1 are not recorded as failed (exit 2) at submission")
    plan = json.loads((out / "slurm" / "1" / "plan.json").read_text())
    check(len(plan["points"]) == 8 and all(p["record"]["parameters"]["memories.flash.wait_states"] != -1
                                           for p in plan["points"]), "the plan is not the 8 points left")

    check(wait_for_job(job, env), f"job {job} still in squeue after 120 s")
    # A local run in the same folder takes the tasks' records as done.
    status, output = run(args.edgesim, "sweep", args.sweep, "--out", out, env=env)
    check(status == 1 and "skipping 12 points already" in output, "a local run after the array runs points again")
    status, output = run(args.edgesim, "sweep", "--collect", out, env=env)
    check(status == 1, f"collect: exit {status}, expected 1 (failed points)")
    check("collected 8 point records" in output, "collect did not take the 8 tasks' records")
    check("12/12 points done: 4 ok, 4 failed, 4 at the instruction limit" in output, "collect's summary is not 4/4/4")
    check("missing" not in output, "collect reports missing points")
    merged = records(out)
    check(comparable(merged) == reference, "the collected records differ from the local run's")
    for planned in plan["points"]:
        started = (out / "points" / planned["record"]["id"] / "started").read_text()
        check(started.startswith(f"job {job}_"), f"{planned['record']['id']}: started by '{started}', not job {job}")
    header, rows = csv_rows(out)
    local_header, local_rows = csv_rows(local)
    check(header == local_header, f"CSV columns {header} != the local run's {local_header}")
    without_time = lambda rs: sorted(row[:-1] for row in rs)
    check(without_time(rows) == without_time(local_rows), "the CSV rows differ from the local run's")
    manifest = json.loads((out / "sweep.json").read_text())
    check([r["id"] for r in merged] == manifest["ids"], "results.jsonl is not in the sweep's order")
    check([row[0] for row in rows] == manifest["ids"], "results.csv is not in the sweep's order")

    # Nothing left: nothing submitted.
    status, output, match = submit(args, out, env)
    check(match is None and "nothing to submit" in output and not (out / "slurm" / "2").exists(),
          "a second submission with every point done submitted something")

    # A point whose task left no record (lost here by hand): missing, then resubmitted alone.
    lost = next(r["id"] for r in merged if r["status"] == "ok")
    (out / "points" / f"{lost}.json").unlink()
    (out / "results.jsonl").write_text("".join(json.dumps(r) + "\n" for r in merged if r["id"] != lost))
    status, output = run(args.edgesim, "sweep", "--collect", out, env=env)
    check(status == 1, f"collect with a point missing: exit {status}, expected 1")
    check(re.search(rf"missing 1 point:\n  {lost}: started \(job {job}_\d+ .*\) but left no record: the task was "
                    rf"killed; its log: {re.escape(str(out))}/slurm/1/logs/{job}_\d+\.out", output) is not None,
          "collect does not name the missing point, its task and its log")
    status, output, match = submit(args, out, env)
    check(match is not None and match.group(2) == "1", "the missing point is not submitted again, alone")
    if match:
        check(wait_for_job(match.group(1), env), f"job {match.group(1)} still in squeue after 120 s")
    status, output = run(args.edgesim, "sweep", "--collect", out, env=env)
    check(status == 1 and "12/12 points done" in output and "missing" not in output, "the resubmitted point is not collected")
    check(comparable(records(out)) == reference, "after the resubmission, the records differ from the local run's")

    status, output = run(args.edgesim, "sweep", "--run-point", "8", out / "slurm" / "1" / "plan.json", env=env)
    check(status == 2 and "no point 8 (the plan has 8)" in output, "--run-point beyond the plan is not exit 2")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--edgesim", required=True)
    parser.add_argument("--sweep", required=True)
    parser.add_argument("--cluster", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    work = Path(args.work).resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    cluster = work / "cluster"

    # ctest's timeout sends SIGTERM: stop the cluster on the way out then too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    started = subprocess.run([args.cluster, "start", str(cluster)], stdout=subprocess.PIPE, text=True)
    if started.returncode == SKIP:
        print("SKIP: Slurm cannot run on this machine (see the reason above)")
        return SKIP
    try:
        if started.returncode != 0:
            print(f"slurm_cluster.sh start: exit {started.returncode}")
            return 1
        env = dict(os.environ, SLURM_CONF=str(cluster / "slurm.conf"))
        check_sweep(args, work, env)
    finally:
        subprocess.run([args.cluster, "stop", str(cluster)])
    status = failures.report()
    print(f"{len(failures)} failures" if failures else "ok")
    return status


if __name__ == "__main__":
    sys.exit(main())
