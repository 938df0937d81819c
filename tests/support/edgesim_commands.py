"""Running edgesim and its companion tools from a Python check: a command's
result, the check ended when a step it needs fails, and the steps several
checks take (compiling a network, reading an ELF's .edgesim.model)."""
import json
import subprocess
import sys
from pathlib import Path


def run(command):
    """The finished command, stdout and stderr as text; whether it failed is the caller's to judge."""
    return subprocess.run([str(part) for part in command], capture_output=True, text=True, check=False)


def must(result, what):
    """`result` if it exited 0; otherwise the check ends, naming `what`, the exit code and the output."""
    if result.returncode != 0:
        sys.exit(f"{what} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result


def compile_network(edgesim, network, platform, backend, elf, *options):
    """edgesim compile NETWORK --platform --backend -o ELF [OPTIONS]; its report (stdout)."""
    return must(run([edgesim, "compile", network, "--platform", platform, "--backend", backend, "-o", elf, *options]),
                "edgesim compile").stdout


def model_section(objcopy, elf, json_file):
    """The ELF's .edgesim.model section, extracted by objcopy into json_file, parsed."""
    must(run([objcopy, "--dump-section", f".edgesim.model={json_file}", elf]), "objcopy")
    return json.loads(Path(json_file).read_text())
