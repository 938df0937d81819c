#!/usr/bin/python3
"""Compares edgesim's host reference with Arm NN's reference backend (CpuRef).

For each MLPerf Tiny int8 model, N seeded random int8 inputs (made by
edgesim_reference --random, so both sides get the same bytes) run through
edgesim_reference and through pyarmnn's TfLiteParser on CpuRef; the outputs
are compared element by element in quantized steps. The float32 models run on
their int8 twin's inputs, dequantized, and are compared by relative error.

--layers also checks every operator on its own: Arm NN's intermediate tensors
(its Debug layers) are fed to the same operator in edgesim_reference
(--operator K), so a layer's own difference is told apart from the ones it
inherits from earlier layers.

What differs, and why (Arm NN 20.08): alone, every operator agrees within
one step. CpuRef dequantizes to float, computes in float and rounds once,
round(real / scale) + zero_point; the reference follows TFLite's integer
kernels, whose requantization rounds twice (the doubling high multiply, then
the rounding right shift), so a result within 0.5 / 2^shift steps of a half
step can land on the other side (ad01's third layer, right shift 2, differs
on ~5% of outputs, exact values k + 0.38..0.5). AVERAGE_POOL_2D: TFLite
rounds the raw int8 mean's ties away from zero, Arm NN the mean relative to
the zero point, so negative raw ties differ by one. ADD and SOFTMAX agreed
exactly on their own. Over a whole network the one-step differences feed
later layers and grow; softmax magnifies the logits' (ResNet-8: 22/256).
DS-CNN's float32 model has int8 CONV_2D filters ("hybrid"), which CpuRef
20.08 rejects (input and weights types mismatched): not comparable.

Thresholds (--max-layer-diff, --min-layer-exact, --min-top1, --max-float-rel)
make it a test: exit 1 when one is missed, 77 (ctest's skip) when pyarmnn or
the models are absent. Use Debian's /usr/bin/python3 (python3-pyarmnn).
"""

import argparse
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

try:
    import numpy as np
except ImportError:  # Debian's python3-numpy, which python3-pyarmnn depends on
    np = None

SKIP = 77
REPO = Path(__file__).resolve().parent.parent
DEFAULT_MODELS = REPO.parent / "shared" / "models" / "mlperf-tiny"
DEFAULT_TOOL = REPO / "build" / "compiler" / "reference" / "tool" / "edgesim_reference"

INT8_MODELS = ["kws_ref_model", "vww_96_int8", "pretrainedResnet_quant", "ad01_int8"]
# float32 model -> its int8 twin, whose random inputs it runs (dequantized).
FLOAT_MODELS = {"kws_ref_model_float32": "kws_ref_model", "pretrainedResnet": "pretrainedResnet_quant"}
CLASSIFIERS = {"kws_ref_model", "vww_96_int8", "pretrainedResnet_quant"}


def import_pyarmnn():
    # pyarmnn warns on import about parsers Debian's build leaves out.
    logging.disable(logging.WARNING)
    try:
        import pyarmnn
    except ImportError:
        return None
    finally:
        logging.disable(logging.NOTSET)
    return pyarmnn


class ArmnnModel:
    """One .tflite model loaded on CpuRef (one input, one output)."""

    def __init__(self, ann, runtime, path, debug=False):
        self.ann = ann
        self.runtime = runtime
        parser = ann.ITfLiteParser()
        network = parser.CreateNetworkFromBinaryFile(str(path))
        inputs = parser.GetSubgraphInputTensorNames(0)
        outputs = parser.GetSubgraphOutputTensorNames(0)
        if len(inputs) != 1 or len(outputs) != 1:
            raise RuntimeError(f"{path.name}: {len(inputs)} inputs and {len(outputs)} outputs, expected one each")
        self.input_binding = parser.GetNetworkInputBindingInfo(0, inputs[0])
        self.output_binding = parser.GetNetworkOutputBindingInfo(0, outputs[0])
        # Debug inserts a layer after every layer that prints its output to stdout.
        options = ann.OptimizerOptions(False, debug)
        optimized, _ = ann.Optimize(network, [ann.BackendId("CpuRef")], runtime.GetDeviceSpec(), options)
        self.network_id, _ = runtime.LoadNetwork(optimized)

    def unload(self):
        self.runtime.UnloadNetwork(self.network_id)

    @property
    def input_info(self):
        return self.input_binding[1]

    def input_shape(self):
        info = self.input_info
        return tuple(info.GetShape()[i] for i in range(info.GetNumDimensions()))

    def run(self, x):
        ann = self.ann
        inputs = ann.make_input_tensors([self.input_binding], [x])
        outputs = ann.make_output_tensors([self.output_binding])
        self.runtime.EnqueueWorkload(self.network_id, inputs, outputs)
        return ann.workload_tensors_to_ndarray(outputs)[0].ravel()

    def run_layers(self, x):
        """Runs a debug-loaded model; returns {TFLite operator index: its output}."""
        sys.stdout.flush()
        saved = os.dup(1)
        with tempfile.TemporaryFile() as capture:
            os.dup2(capture.fileno(), 1)
            try:
                self.run(x)
            finally:
                sys.stdout.flush()
                os.dup2(saved, 1)
                os.close(saved)
            capture.seek(0)
            text = capture.read().decode()
        return parse_debug_layers(text)


def parse_debug_layers(text):
    # Arm NN names a TFLite operator's layers "Kind:subgraph:operator", a fused
    # activation "Kind:0:K:RELU" after it: the last one of K is K's output.
    layers = {}
    for match in re.finditer(r'\{ "layerGuid".*?\] \}', text, re.S):
        record = json.loads(match.group(0))
        name = re.match(r"[A-Za-z0-9]+:0:(\d+)", record["layerName"])
        if name:
            layers[int(name.group(1))] = np.array(record["data"], dtype=np.int64).ravel()
    return layers


class Reference:
    """edgesim_reference, run in a scratch folder."""

    def __init__(self, tool, workdir):
        self.tool = str(tool)
        self.workdir = Path(workdir)

    def _run(self, args):
        subprocess.run([self.tool, *map(str, args)], check=True, stderr=subprocess.DEVNULL)

    def random_run(self, model, count, seed):
        """Returns (input bytes, output bytes) of `count` random inferences."""
        inputs, outputs = self.workdir / "in.bin", self.workdir / "out.bin"
        self._run([model, "--random", count, "--seed", seed, "--save-inputs", inputs, "-o", outputs])
        return inputs.read_bytes(), outputs.read_bytes()

    def run(self, model, input_bytes, extra=()):
        inputs, outputs = self.workdir / "in.bin", self.workdir / "out.bin"
        inputs.write_bytes(input_bytes)
        self._run([model, "--inputs", inputs, "-o", outputs, *extra])
        return outputs.read_bytes()

    def producers(self, model):
        """[(kind, [producer operator or -1 per activation input])] per operator."""
        listing = subprocess.run([self.tool, str(model), "--list-operators"], check=True, capture_output=True,
                                 text=True).stdout
        result = []
        for line in listing.splitlines():
            _, kind, producers = line.split(" ")
            result.append((kind, [int(p) for p in producers.split(",")]))
        return result


@dataclass
class Diff:
    elements: int = 0
    exact: int = 0
    max_diff: int = 0
    histogram: dict = field(default_factory=dict)

    def add(self, a, b):
        d = np.abs(np.asarray(a, dtype=np.int64) - np.asarray(b, dtype=np.int64))
        self.elements += d.size
        self.exact += int((d == 0).sum())
        self.max_diff = max(self.max_diff, int(d.max(initial=0)))
        for value, count in zip(*np.unique(d, return_counts=True)):
            self.histogram[int(value)] = self.histogram.get(int(value), 0) + int(count)

    @property
    def exact_percent(self):
        return 100.0 * self.exact / self.elements if self.elements else 100.0


@dataclass
class Int8Result:
    model: str
    inputs: int
    outputs: Diff
    top1_agree: int = 0
    classifier: bool = False
    layers: list = field(default_factory=list)  # (index, kind, isolated Diff, inherited Diff)


def compare_int8(ann, runtime, reference, models_dir, name, count, seed, layers):
    path = models_dir / f"{name}.tflite"
    armnn = ArmnnModel(ann, runtime, path, debug=layers)
    shape = armnn.input_shape()
    input_bytes, output_bytes = reference.random_run(path, count, seed)
    inputs = np.frombuffer(input_bytes, dtype=np.int8).reshape((count, *shape[1:]))
    ours = np.frombuffer(output_bytes, dtype=np.int8).reshape(count, -1)

    result = Int8Result(name, count, Diff(), classifier=name in CLASSIFIERS)
    captured = []
    for k in range(count):
        x = inputs[k:k + 1]
        if layers:
            per_layer = armnn.run_layers(x)
            captured.append(per_layer)
            theirs = per_layer[max(per_layer)]
        else:
            theirs = armnn.run(x)
        result.outputs.add(theirs, ours[k])
        result.top1_agree += int(np.argmax(theirs) == np.argmax(ours[k]))
    armnn.unload()
    if layers:
        result.layers = compare_layers(reference, path, inputs, captured)
    return result


def compare_layers(reference, path, inputs, captured):
    """Per operator: its difference on Arm NN's own inputs (isolated) and in
    the whole-network run (inherited from earlier layers too)."""
    count = len(captured)
    ours_all = np.frombuffer(reference.run(path, inputs.tobytes(), ["--operator-outputs"]), dtype=np.int8)
    ours_all = ours_all.reshape(count, -1)
    rows = []
    offset = 0
    for index, (kind, producers) in enumerate(reference.producers(path)):
        isolated, inherited = Diff(), Diff()
        theirs = [captured[k][index] for k in range(count)]
        size = theirs[0].size
        # The operator alone, on the tensors Arm NN computed before it.
        feed = b"".join(
            b"".join((inputs[k] if p < 0 else captured[k][p]).astype(np.int8).tobytes() for p in producers)
            for k in range(count))
        alone = np.frombuffer(reference.run(path, feed, ["--operator", index]), dtype=np.int8).reshape(count, -1)
        for k in range(count):
            isolated.add(theirs[k], alone[k])
            inherited.add(theirs[k], ours_all[k, offset:offset + size])
        offset += size
        rows.append((index, kind, isolated, inherited))
    return rows


@dataclass
class FloatResult:
    model: str
    inputs: int = 0
    max_abs: float = 0.0
    max_rel: float = 0.0
    error: str = ""


def compare_float(ann, runtime, reference, models_dir, name, twin, count, seed):
    path = models_dir / f"{name}.tflite"
    result = FloatResult(name)
    try:
        armnn = ArmnnModel(ann, runtime, path)
    except Exception as e:  # pyarmnn raises RuntimeError with Arm NN's message
        result.error = " ".join(str(e).split())
        return result
    twin_armnn = ArmnnModel(ann, runtime, models_dir / f"{twin}.tflite")
    scale, offset = twin_armnn.input_info.GetQuantizationScale(), twin_armnn.input_info.GetQuantizationOffset()
    twin_armnn.unload()
    twin_inputs, _ = reference.random_run(models_dir / f"{twin}.tflite", count, seed)
    real = (np.frombuffer(twin_inputs, dtype=np.int8).astype(np.float32) - offset) * np.float32(scale)
    real = real.reshape((count, *armnn.input_shape()[1:]))
    ours = np.frombuffer(reference.run(path, real.tobytes()), dtype=np.float32).reshape(count, -1)
    for k in range(count):
        theirs = armnn.run(real[k:k + 1]).astype(np.float64)
        diff = np.abs(theirs - ours[k])
        result.max_abs = max(result.max_abs, float(diff.max()))
        # Relative to the output vector's largest magnitude (softmax outputs
        # near 0 make per-element ratios meaningless).
        result.max_rel = max(result.max_rel, float(diff.max() / max(np.abs(ours[k]).max(), 1e-30)))
    result.inputs = count
    armnn.unload()
    return result


def print_int8_table(results):
    print(f"{'int8 model':<24}{'inputs':>7}{'elements':>10}{'exact %':>9}{'max diff':>9}{'top-1':>8}  diff histogram")
    for r in results:
        top1 = f"{r.top1_agree}/{r.inputs}" if r.classifier else "-"
        hist = " ".join(f"{d}:{n}" for d, n in sorted(r.outputs.histogram.items()))
        print(f"{r.model:<24}{r.inputs:>7}{r.outputs.elements:>10}{r.outputs.exact_percent:>9.2f}"
              f"{r.outputs.max_diff:>9}{top1:>8}  {hist}")


def print_layer_tables(results):
    for r in results:
        if not r.layers:
            continue
        print(f"\n{r.model}: per operator, alone on Arm NN's inputs | in the whole-network run")
        print(f"  {'op':>3} {'kind':<18}{'elements':>9}{'exact %':>9}{'max':>5} |{'exact %':>9}{'max':>5}")
        for index, kind, isolated, inherited in r.layers:
            print(f"  {index:>3} {kind:<18}{isolated.elements:>9}{isolated.exact_percent:>9.3f}{isolated.max_diff:>5} |"
                  f"{inherited.exact_percent:>9.3f}{inherited.max_diff:>5}")


def print_float_table(results):
    print(f"\n{'float32 model':<24}{'inputs':>7}{'max |diff|':>12}{'max rel':>11}")
    for r in results:
        if r.error:
            print(f"{r.model:<24}{'-':>7}  not comparable: {r.error}")
        else:
            print(f"{r.model:<24}{r.inputs:>7}{r.max_abs:>12.3g}{r.max_rel:>11.3g}")


def check_thresholds(args, int8_results, float_results):
    failures = []
    for r in int8_results:
        if r.classifier and args.min_top1 is not None and 100.0 * r.top1_agree / r.inputs < args.min_top1:
            failures.append(f"{r.model}: top-1 agrees on {r.top1_agree}/{r.inputs} < {args.min_top1}%")
        for index, kind, isolated, _ in r.layers:
            if args.max_layer_diff is not None and isolated.max_diff > args.max_layer_diff:
                failures.append(f"{r.model} operator {index} {kind}: alone differs by {isolated.max_diff} steps"
                                f" > {args.max_layer_diff}")
            if args.min_layer_exact is not None and isolated.exact_percent < args.min_layer_exact:
                failures.append(f"{r.model} operator {index} {kind}: alone {isolated.exact_percent:.3f}% exact"
                                f" < {args.min_layer_exact}%")
    for r in float_results:
        if not r.error and args.max_float_rel is not None and r.max_rel > args.max_float_rel:
            failures.append(f"{r.model}: relative error {r.max_rel:.3g} > {args.max_float_rel}")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reference", type=Path, default=DEFAULT_TOOL, help="the edgesim_reference executable")
    parser.add_argument("--models", type=Path, default=DEFAULT_MODELS, help="folder of the MLPerf Tiny .tflite files")
    parser.add_argument("--count", type=int, default=20, help="random inputs per model (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="seed of edgesim_reference --random (default 1)")
    parser.add_argument("--only", nargs="*", help="compare only these models (file stems)")
    parser.add_argument("--layers", action="store_true", help="also compare every operator on its own")
    parser.add_argument("--no-float", action="store_true", help="leave out the float32 models")
    parser.add_argument("--max-layer-diff", type=int, help="fail when an operator alone differs by more steps")
    parser.add_argument("--min-layer-exact", type=float, help="fail when an operator alone is less exact (%%)")
    parser.add_argument("--min-top1", type=float, help="fail when classifiers' top-1 agree less often (%%)")
    parser.add_argument("--max-float-rel", type=float, help="fail when a float32 model's relative error is larger")
    args = parser.parse_args()

    ann = import_pyarmnn() if np is not None else None
    if ann is None:
        print("SKIPPED: pyarmnn or numpy is not installed (Debian: apt-get install python3-pyarmnn;"
              " run /usr/bin/python3)")
        return SKIP
    if not args.models.is_dir():
        print(f"SKIPPED: {args.models} is missing (the MLPerf Tiny models live in ../shared/models beside the checkout)")
        return SKIP
    if not args.reference.is_file():
        print(f"error: {args.reference} not found (build edgesim_reference, or pass --reference)", file=sys.stderr)
        return 2

    wanted = lambda name: not args.only or name in args.only
    # One runtime for every model: a second IRuntime in the same process
    # loses CpuRef's backend factory when the first one is destroyed.
    runtime = ann.IRuntime(ann.CreationOptions())
    if "CpuRef" not in str(runtime.GetDeviceSpec()):
        # python3-pyarmnn only recommends the backend's package.
        print("SKIPPED: Arm NN's CpuRef backend is not installed (Debian: libarmnn-cpuref-backend22)")
        return SKIP
    with tempfile.TemporaryDirectory(prefix="armnn_compare_") as workdir:
        reference = Reference(args.reference, workdir)
        int8_results = [compare_int8(ann, runtime, reference, args.models, name, args.count, args.seed, args.layers)
                        for name in INT8_MODELS if wanted(name)]
        float_results = [] if args.no_float else [
            compare_float(ann, runtime, reference, args.models, name, twin, args.count, args.seed)
            for name, twin in FLOAT_MODELS.items() if wanted(name)]

    print(f"edgesim host reference vs Arm NN CpuRef (libarmnn {ann.ARMNN_VERSION}); inputs: edgesim_reference "
          f"--random {args.count} --seed {args.seed} (int8 uniform over [-128, 127])\n")
    print_int8_table(int8_results)
    print_layer_tables(int8_results)
    if float_results:
        print_float_table(float_results)

    failures = check_thresholds(args, int8_results, float_results)
    for failure in failures:
        print(f"FAILED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
