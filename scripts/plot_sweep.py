#!/usr/bin/python3
"""Plots an `edgesim sweep` result (DIR/results.jsonl) as a PNG.

  plot_sweep.py DIR|results.jsonl [-o OUT.png] [--x METRIC] [--y METRIC] [--color KEY]
      Latency against energy: one marker per point that finished ok, colored
      by KEY (a parameter, `workload` or `platform`; default: the workload
      when there are several, else the platform, else the first parameter that
      varies), the Pareto front (both minimized) ringed and connected, and
      its points listed on stdout. x defaults to time.simulated_s (else
      core.cycles), y to energy.total_pj.
  plot_sweep.py DIR|results.jsonl --param KEY [--metric METRIC] [-o OUT.png]
      A metric (default core.cycles) against one parameter (or `workload`,
      `platform`): a line per combination of the other keys that vary, or
      markers side by side when the parameter's values are not all numbers.

--workload NAME (repeatable) keeps only those workloads; --title replaces the
sweep's name (default: DIR without its `sweep-` prefix). Points that failed
or hit the instruction limit, and ok points without the plotted metrics, are
left out and counted in a note under the plot. The figure is 8 x 5 inches at
--dpi (default 100), drawn with matplotlib's Agg backend: no display needed.

Exit 0 when the PNG is written, 2 (one line on stderr) for a usage error, a
missing or malformed results file, no ok points, or an unknown metric,
parameter or workload (the message lists those that exist).
"""
import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

from sweep_pareto import pareto_front

FIGURE_INCHES = (8, 5)
LATENCY_METRICS = ("time.simulated_s", "core.cycles")
ENERGY_METRIC = "energy.total_pj"
PSEUDO_PARAMETERS = ("workload", "platform")
RECORD_FIELDS = ("id", "status", "parameters", "metrics")


class UsageError(Exception):
    """A problem with the input or the options: exit 2 with its message."""


# --- reading the results ---------------------------------------------------

def results_path(argument):
    path = Path(argument)
    if path.is_dir():
        path = path / "results.jsonl"
    if not path.is_file():
        raise UsageError(f"no results file: {path}")
    return path


def load_records(path):
    """The last record of each point id, in file order. Text after the last
    newline is a record the sweep was killed while writing: ignored."""
    text = path.read_text()
    complete = text[:text.rfind("\n") + 1]
    records = {}
    for number, line in enumerate(complete.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            raise UsageError(f"{path}:{number}: not JSON ({error})")
        missing = [f for f in RECORD_FIELDS if not isinstance(record, dict) or f not in record]
        if missing:
            raise UsageError(f"{path}:{number}: not a sweep result record (no {', '.join(missing)})")
        records.pop(record["id"], None)  # a later record of a point replaces the earlier one
        records[record["id"]] = record
    return list(records.values())


def sweep_name(path):
    name = path.parent.resolve().name
    return name[len("sweep-"):] if name.startswith("sweep-") else name


def key_value(record, key):
    """A record's value for a parameter or a pseudo-parameter (workload, platform)."""
    if key in PSEUDO_PARAMETERS:
        return record.get(key)
    return record["parameters"].get(key)


def value_label(value):
    """Compact text for a parameter's value: YAML-like for flow maps and booleans."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {value_label(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(value_label(v) for v in value) + "]"
    return str(value)


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def distinct(values):
    """Distinct values in first-seen order (values may be dicts: compared as labels)."""
    seen = {}
    for value in values:
        seen.setdefault(value_label(value), value)
    return list(seen.values())


def sorted_values(values):
    """Numbers, or booleans (false before true), in ascending order; anything else in first-seen order."""
    values = distinct(values)
    if all(is_number(v) for v in values) or all(isinstance(v, bool) for v in values):
        return sorted(values)
    return values


# --- choosing what to plot ---------------------------------------------------

class Selection:
    """The records to plot and the ones left out, by reason."""

    def __init__(self, records, workloads):
        if workloads:
            known = distinct(r.get("workload") for r in records)
            for name in workloads:
                if name not in known:
                    raise UsageError(f"unknown workload '{name}'; the results have: {', '.join(map(str, known))}")
            records = [r for r in records if r.get("workload") in workloads]
        self.records = records
        self.ok = [r for r in records if r["status"] == "ok"]
        self.not_ok = Counter(r["status"] for r in records if r["status"] != "ok")
        self.without_metric = 0

    def require_ok(self, path):
        if not self.ok:
            raise UsageError(f"no ok points in {path} ({self.skipped_text() or 'no records'})")

    def metric_names(self):
        return distinct(name for r in self.records for name in r["metrics"])

    def parameter_keys(self):
        return distinct(key for r in self.records for key in r["parameters"])

    def check_metric(self, metric):
        names = self.metric_names()
        if metric not in names:
            raise UsageError(f"unknown metric '{metric}'; the results have: {', '.join(names)}")
        if not any(is_number(r["metrics"].get(metric)) for r in self.ok):
            raise UsageError(f"no ok point has a value for metric '{metric}'")

    def check_key(self, key):
        keys = list(PSEUDO_PARAMETERS) + self.parameter_keys()
        if key not in keys:
            raise UsageError(f"unknown parameter '{key}'; the results have: {', '.join(keys)}")

    def varying_keys(self):
        """workload, platform and the parameters with more than one value among the ok points."""
        keys = list(PSEUDO_PARAMETERS) + self.parameter_keys()
        return [k for k in keys if len(distinct(key_value(r, k) for r in self.ok)) > 1]

    def with_metrics(self, metrics):
        """The ok points with a number for every metric; the rest counted as left out."""
        kept = [r for r in self.ok if all(is_number(r["metrics"].get(m)) for m in metrics)]
        self.without_metric = len(self.ok) - len(kept)
        return kept

    def skipped_text(self):
        names = {"failed": "failed", "limit": "at the instruction limit"}
        parts = [f"{count} {names.get(status, status)}" for status, count in sorted(self.not_ok.items())]
        if self.without_metric:
            parts.append(f"{self.without_metric} ok without the metrics")
        return ", ".join(parts)


# --- axes ------------------------------------------------------------------------

SI_PREFIXES = ((1e-12, "p"), (1e-9, "n"), (1e-6, "µ"), (1e-3, "m"), (1.0, ""), (1e3, "k"), (1e6, "M"), (1e9, "G"))
BASE_UNITS = {"_pj": ("J", 1e-12), "_s": ("s", 1.0), "_hz": ("Hz", 1.0), "_mw": ("W", 1e-3)}


def axis_scale(metric, values):
    """(divisor, axis label) showing the metric in a unit its values read well in:
    the unit from the name's suffix (units are in stat names: _pj, _s, _hz, _mw)
    with an SI prefix, or a count in thousands/millions/billions."""
    largest = max(abs(v) for v in values) or 1.0
    for suffix, (unit, base) in BASE_UNITS.items():
        if metric.endswith(suffix):
            in_base = largest * base
            factor = max((f for f, _ in SI_PREFIXES if f <= in_base), default=SI_PREFIXES[0][0])
            prefix = dict(SI_PREFIXES)[factor]
            return factor / base, f"{metric} ({prefix}{unit})"
    for factor, word in ((1e9, "billions"), (1e6, "millions"), (1e3, "thousands")):
        if largest >= 10 * factor:
            return factor, f"{metric} ({word})"
    return 1.0, metric


def group_colors(count):
    import matplotlib
    if count <= 10:
        return [matplotlib.colormaps["tab10"](i) for i in range(count)]
    cmap = matplotlib.colormaps["viridis"]
    return [cmap(i / (count - 1)) for i in range(count)]


def short_key(key):
    """The last part of a dotted key: legends stay narrow."""
    return key.rsplit(".", 1)[-1]


def add_notes(figure, selection):
    skipped = selection.skipped_text()
    if skipped:  # supxlabel: the constrained layout keeps room for it
        figure.supxlabel(f"not plotted: {skipped}", fontsize=8, color="dimgray")


def add_legend(axes, keys, entries):
    """The keys once, as the legend's title, and each entry's values: narrow
    enough to sit beside the axes when there are too many to fit inside."""
    title = keys[0] if len(keys) == 1 else ", ".join(short_key(k) for k in keys) or None
    if entries > 8:
        axes.legend(title=title, fontsize=7, title_fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1),
                    ncol=math.ceil(entries / 20))
    else:
        axes.legend(title=title, fontsize=8, title_fontsize=8, loc="best")


# --- the two plots -------------------------------------------------------------

def plot_tradeoff(axes, selection, x_metric, y_metric, color_key):
    """Latency against energy with the Pareto front; returns the front's records."""
    points = selection.with_metrics([x_metric, y_metric])
    x_div, x_label = axis_scale(x_metric, [r["metrics"][x_metric] for r in points])
    y_div, y_label = axis_scale(y_metric, [r["metrics"][y_metric] for r in points])
    xy = [(r["metrics"][x_metric], r["metrics"][y_metric]) for r in points]

    groups = sorted_values(key_value(r, color_key) for r in points) if color_key else [None]
    for group, color in zip(groups, group_colors(len(groups))):
        members = [p for r, p in zip(points, xy) if color_key is None or value_label(key_value(r, color_key)) == value_label(group)]
        label = value_label(group) if color_key else "points"
        axes.scatter([x / x_div for x, _ in members], [y / y_div for _, y in members], s=28, color=color, label=label,
                     zorder=2)

    front = pareto_front(xy)
    axes.plot([xy[i][0] / x_div for i in front], [xy[i][1] / y_div for i in front], color="black", linewidth=1,
              linestyle="--", marker="o", markersize=10, markerfacecolor="none", zorder=3,
              label=f"Pareto front ({len(front)})")
    axes.set_xlabel(x_label)
    axes.set_ylabel(y_label)
    axes.grid(True, alpha=0.3)
    add_legend(axes, [color_key] if color_key else [], len(groups) + 1)
    return [points[i] for i in front]


def plot_metric_vs_parameter(axes, selection, key, metric):
    points = [r for r in selection.with_metrics([metric]) if key_value(r, key) is not None]
    y_div, y_label = axis_scale(metric, [r["metrics"][metric] for r in points])
    others = [k for k in selection.varying_keys() if k != key]

    def combination(record):
        return tuple(value_label(key_value(record, k)) for k in others)

    lines = distinct(combination(r) for r in points)
    x_values = sorted_values(key_value(r, key) for r in points)
    numeric = all(is_number(v) for v in x_values)
    position = {value_label(v): i for i, v in enumerate(x_values)}
    width = 0.6  # of a category's slot that its markers spread over
    for index, (line, color) in enumerate(zip(lines, group_colors(len(lines)))):
        members = [r for r in points if combination(r) == line]
        label = ", ".join(line) or metric
        ys = [r["metrics"][metric] / y_div for r in members]
        if numeric:
            ordered = sorted(zip((key_value(r, key) for r in members), ys))
            axes.plot([x for x, _ in ordered], [y for _, y in ordered], marker="o", markersize=4, color=color, label=label)
        else:
            offset = (index - (len(lines) - 1) / 2) * width / max(len(lines), 1)
            xs = [position[value_label(key_value(r, key))] + offset for r in members]
            axes.scatter(xs, ys, s=28, color=color, label=label, zorder=2)
    if not numeric:
        axes.set_xticks(range(len(x_values)))
        axes.set_xticklabels([value_label(v) for v in x_values], fontsize=8, rotation=15 if len(x_values) > 4 else 0)
    axes.set_xlabel(key)
    axes.set_ylabel(y_label)
    axes.grid(True, alpha=0.3)
    add_legend(axes, others, len(lines))


# --- the command -----------------------------------------------------------------

class OneLineParser(argparse.ArgumentParser):
    """Usage errors as one line too, like the others (argparse adds its usage)."""

    def error(self, message):
        self.exit(2, f"plot_sweep: error: {message} (--help for usage)\n")


def parse_args(argv):
    parser = OneLineParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("results", help="the sweep's output folder or its results.jsonl")
    parser.add_argument("-o", "--output", help="the PNG to write (default: in the sweep's folder)")
    parser.add_argument("--x", help="latency metric (default time.simulated_s, else core.cycles)")
    parser.add_argument("--y", help=f"energy metric (default {ENERGY_METRIC})")
    parser.add_argument("--color", help="the key that colors the points: a parameter, workload or platform")
    parser.add_argument("--param", help="plot --metric against this parameter instead")
    parser.add_argument("--metric", help="with --param: the metric (default core.cycles)")
    parser.add_argument("--workload", action="append", help="only this workload (repeatable)")
    parser.add_argument("--title", help="the sweep's name in the title")
    parser.add_argument("--dpi", type=int, default=100)
    args = parser.parse_args(argv)
    if args.param is None and args.metric is not None:
        parser.error("--metric needs --param")
    if args.param is not None and (args.x or args.y or args.color):
        parser.error("--x, --y and --color are for the latency-energy plot, not with --param")
    if args.dpi <= 0:
        parser.error("--dpi must be positive")
    return args


def run(args):
    path = results_path(args.results)
    selection = Selection(load_records(path), args.workload)
    selection.require_ok(path)
    name = args.title or sweep_name(path)

    if args.param is None:
        x_metric = args.x or next((m for m in LATENCY_METRICS if m in selection.metric_names()), LATENCY_METRICS[0])
        y_metric = args.y or ENERGY_METRIC
        for metric in (x_metric, y_metric):
            selection.check_metric(metric)
        color_key = args.color
        if color_key is not None:
            selection.check_key(color_key)
        else:
            color_key = next(iter(selection.varying_keys()), None)
        output = Path(args.output) if args.output else path.parent / "latency_energy.png"
    else:
        metric = args.metric or "core.cycles"
        selection.check_key(args.param)
        selection.check_metric(metric)
        output = Path(args.output) if args.output else path.parent / f"{metric}_vs_{args.param}.png"

    import matplotlib
    matplotlib.use("Agg", force=True)  # headless: never a display, whatever MPLBACKEND says
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=FIGURE_INCHES, dpi=args.dpi, layout="constrained")
    if args.param is None:
        front = plot_tradeoff(axes, selection, x_metric, y_metric, color_key)
        title = f"{y_metric} vs {x_metric}"
    else:
        plot_metric_vs_parameter(axes, selection, args.param, metric)
        title = f"{metric} vs {args.param}"
    plotted = len(selection.ok) - selection.without_metric
    axes.set_title(f"sweep {name}: {title} ({plotted} points)", fontsize=10)
    add_notes(figure, selection)
    output.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(output, dpi=args.dpi)
    plt.close(figure)

    skipped = selection.skipped_text()
    print(f"wrote {output}: {plotted} points" + (f"; not plotted: {skipped}" if skipped else ""))
    if args.param is None:
        print(f"Pareto front ({x_metric}, {y_metric}): {len(front)} points")
        for r in front:
            params = " ".join(f"{k}={value_label(v)}" for k, v in r["parameters"].items())
            print(f"  {r['id']} {r.get('platform')} {r.get('workload')} {params} "
                  f"{x_metric}={r['metrics'][x_metric]} {y_metric}={r['metrics'][y_metric]}")


def main(argv):
    args = parse_args(argv)
    try:
        run(args)
    except UsageError as error:
        print(f"plot_sweep: error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
