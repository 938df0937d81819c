"""Runs edgesim on a firmware ELF and returns its --stats JSON as a flat
dict of dotted names ("core.cycles": 123): shared by the Python checks in
tests/cli and tests/system."""
import json
import os
import subprocess
import sys
import tempfile


def flatten(tree, prefix=""):
    out = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        else:
            out[name] = value
    return out


def run_stats(edgesim, elf, platform, sets=(), extra=()):
    """edgesim run ELF --platform PLATFORM [--set S]... [EXTRA...]; exits the
    check with edgesim's stderr if the run fails."""
    with tempfile.TemporaryDirectory() as tmp:
        stats = os.path.join(tmp, "stats.json")
        cmd = [edgesim, "run", elf, "--platform", platform, "--quiet", "--stats", stats]
        for s in sets:
            cmd += ["--set", s]
        cmd += list(extra)
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            sys.exit(f"{' '.join(cmd)}: exit {done.returncode}\n{done.stderr}")
        with open(stats) as f:
            return flatten(json.load(f))
