#!/usr/bin/env python3
"""The per-layer report of `edgesim run` (sim/layer_profile), checked from outside.

compiled: compiles a network YAML with `edgesim compile`, runs it with --stats,
and checks the layers.* stats against the network worked out here from the
YAML (shapes and MACs by the issue's formulas: E*F*R*S*C*M for a convolution,
R*S*C*E*F for a depthwise one, H*W for a fully connected layer), against the
ELF's .edgesim.model section as objcopy extracts it, and against core.cycles.

plain: a firmware without layer markers gets no layer table and no layers.*
stats.
"""
import argparse
import json
import math
import os
import sys
from pathlib import Path

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from check_failures import Failures  # noqa: E402
from edgesim_commands import compile_network, model_section, must, run  # noqa: E402

failures = Failures()
check = failures.check


def pair(value):
    return tuple(value) if isinstance(value, (list, tuple)) else (value, value)


def window_out(size, window, stride, dilation, padding):
    """TFLite's output size for one spatial dimension."""
    if padding == "same":
        return math.ceil(size / stride)
    effective = (window - 1) * dilation + 1
    return (size - effective) // stride + 1


def network_layers(network):
    """Per YAML layer: name, op, output shape (NHWC), MACs and parameter bytes."""
    int8 = network.get("type") == "int8"
    shapes = {}
    previous = network["input"].get("name", "input")
    shapes[previous] = list(network["input"]["shape"])
    layers = []
    for i, layer in enumerate(network["layers"]):
        op = layer["op"]
        name = layer.get("name", f"{op}_{i}")
        inputs = layer.get("inputs", previous)
        source = shapes[inputs if isinstance(inputs, str) else inputs[0]]
        macs = 0
        param_bytes = 0
        weight_bytes = 1 if int8 else 4
        if op in ("conv2d", "depthwise_conv2d", "average_pool2d", "max_pool2d"):
            n, h, w, c = source
            window = pair(layer["kernel"] if "kernel" in layer else layer["pool"])
            default_stride = window if op.endswith("pool2d") else (1, 1)
            stride = pair(layer.get("stride", default_stride))
            dilation = pair(layer.get("dilation", 1))
            padding = layer.get("padding", "valid")
            e = window_out(h, window[0], stride[0], dilation[0], padding)
            f = window_out(w, window[1], stride[1], dilation[1], padding)
            r, s = window
            if op == "conv2d":
                m = layer["filters"]
                macs = e * f * r * s * c * m
                param_bytes = m * r * s * c * weight_bytes + 4 * m
            elif op == "depthwise_conv2d":
                m = c * layer.get("depth_multiplier", 1)
                macs = r * s * m * e * f  # R*S*C*E*F, C counted at the output
                param_bytes = r * s * m * weight_bytes + 4 * m
            else:
                m = c
            shape = [n, e, f, m]
        elif op == "fully_connected":
            features = math.prod(source[1:])
            units = layer["units"]
            macs = source[0] * units * features  # H*W: the weight matrix, per batch item
            param_bytes = units * features * weight_bytes + 4 * units
            shape = [source[0], units]
        elif op == "reshape":
            shape = list(layer["shape"])
        else:  # softmax, add, quantize, ...: the input's shape, no MACs
            shape = list(source)
        shapes[name] = shape
        layers.append({"name": name, "op": op, "macs": macs, "param_bytes": param_bytes})
        previous = name
    return layers


def compiled(args):
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    elf, stats_file, section = work / "model.elf", work / "stats.json", work / "model.json"
    compile_network(args.edgesim, args.network, args.platform, args.backend, elf, "--quiet")
    metadata = model_section(args.objcopy, elf, section)
    summary = must(run([args.edgesim, "run", elf, "--platform", args.platform, "--stats", stats_file]),
                   "edgesim run").stderr
    stats = json.loads(stats_file.read_text())
    expected = network_layers(yaml.safe_load(Path(args.network).read_text()))

    layers = stats.get("layers", {})
    rows = {k: v for k, v in layers.items() if k != "outside"}
    check(len(rows) == len(metadata["layers"]),
          f"{len(rows)} layers in the stats, {len(metadata['layers'])} in .edgesim.model")
    check(len(rows) == len(expected), f"{len(rows)} layers in the stats, {len(expected)} in the network")

    total = sum(r["cycles"] for r in rows.values()) + layers["outside"]["cycles"]
    check(total == stats["core"]["cycles"],
          f"layers + outside = {total} cycles, core.cycles = {stats['core']['cycles']}")
    instructions = sum(r["instructions"] for r in rows.values()) + layers["outside"]["instructions"]
    check(instructions == stats["core"]["instructions"],
          f"layers + outside = {instructions} instructions, core.instructions = {stats['core']['instructions']}")
    check(stats["model"]["inferences"] == 1, f"{stats['model']['inferences']} inferences, expected 1")

    by_output = {r.get("output"): (index, r) for index, r in rows.items()}
    for layer in expected:
        if layer["name"] not in by_output:
            failures.append(f"layer {layer['name']}: no row with that output")
            continue
        index, row = by_output[layer["name"]]
        where = f"layer {index} ({layer['name']})"
        check(row["runs"] == 1, f"{where}: ran {row['runs']} times")
        check(row["cycles"] > 0, f"{where}: {row['cycles']} cycles")
        check(row["macs"] == layer["macs"], f"{where}: {row['macs']} MACs, the formula gives {layer['macs']}")
        check(row["param_bytes"] == layer["param_bytes"],
              f"{where}: {row['param_bytes']} parameter bytes, expected {layer['param_bytes']}")
        if layer["op"] in ("conv2d", "depthwise_conv2d", "fully_connected"):
            check(row["bytes_read"] >= row["param_bytes"],
                  f"{where}: read {row['bytes_read']} bytes, less than its {row['param_bytes']} parameter bytes")
            check(row["flash_bytes_read"] >= row["param_bytes"],
                  f"{where}: read {row['flash_bytes_read']} bytes from flash, less than its parameters")
        check(f" {row['op']} " in summary and layer["name"] in summary, f"{where}: not in the summary's table")

    conv = [r["cycles"] for r in rows.values() if r["op"] in ("CONV_2D", "DEPTHWISE_CONV_2D")]
    light = [r["cycles"] for r in rows.values() if r["op"] in ("AVERAGE_POOL_2D", "MAX_POOL_2D", "RESHAPE")]
    check(conv and light and min(conv) > max(light),
          f"convolutions (fewest {min(conv, default=0)} cycles) should cost more than pool/reshape "
          f"(most {max(light, default=0)})")
    check("(outside layers)" in summary, "the summary has no outside row")

    # A malformed section: a warning naming the file, the run and the
    # per-layer counts go on (by index).
    broken_json, broken = work / "broken.json", work / "broken.elf"
    broken_json.write_text('{"format": 1, "model": ')
    must(run([args.objcopy, "--update-section", f".edgesim.model={broken_json}", elf, broken]), "objcopy")
    result = run([args.edgesim, "run", str(broken), "--platform", args.platform])
    check(result.returncode == 0, f"a malformed .edgesim.model: exit {result.returncode}")
    check(f"warning: {broken}: .edgesim.model: not valid JSON" in result.stderr,
          f"a malformed .edgesim.model: no warning naming the file in\n{result.stderr}")
    check(f"layers         {len(rows)}, 1 inference" in result.stderr,
          "a malformed .edgesim.model: no table of the layers by index")
    if not failures:
        print(f"{metadata['model']}: {len(rows)} layers, {total} cycles "
              f"({layers['outside']['cycles']} outside), MACs as the formulas give")


def plain(args):
    stats_file = Path(args.work) / "plain_stats.json"
    stats_file.parent.mkdir(parents=True, exist_ok=True)
    result = must(run([args.edgesim, "run", args.firmware, "--platform", args.platform, "--stats", stats_file]),
                  "edgesim run")
    stats = json.loads(stats_file.read_text())
    check("layers" not in stats, "a firmware without markers has layers.* stats")
    check("model" not in stats, "a firmware without markers has model.* stats")
    check(not any(name.startswith(("layers.", "model.")) for name in stats["meta"]), "layers.* in the meta block")
    check("(outside layers)" not in result.stderr and "  layers " not in result.stderr,
          "a firmware without markers printed a layer table")
    if not failures:
        print(f"{Path(args.firmware).name}: no layer table, no layers.* stats")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=["compiled", "plain"])
    parser.add_argument("--edgesim", required=True)
    parser.add_argument("--platform", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--network", help="compiled: the network YAML")
    parser.add_argument("--backend", default="portable")
    parser.add_argument("--objcopy", default="arm-none-eabi-objcopy")
    parser.add_argument("--firmware", help="plain: an ELF without layer markers")
    args = parser.parse_args()
    compiled(args) if args.mode == "compiled" else plain(args)
    return failures.report()


if __name__ == "__main__":
    sys.exit(main())
