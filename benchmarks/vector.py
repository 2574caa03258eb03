"""SVG and PDF of every gallery figure: file sizes and write times, lumos vs matplotlib.

    python benchmarks/vector.py [--runs 3] [--json]

Each gallery script runs once per library in this process (saving its PNG, so the
figure is drawn and laid out), then ``savefig`` writes SVG and PDF: the table gives the
file size, the time of the first write (fonts subset for this figure's glyphs) and,
in parentheses, the median of ``--runs`` more (lumos keeps the subsets it made).
matplotlib writes through its own svg and pdf backends (no Agg involved), lumos through
``lumos.io.svg``/``pdf``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GALLERY = ROOT / "examples" / "gallery"


def build(script: Path, library: str, out: Path):
    """Run a gallery script under ``library`` (saving its PNG); return its figure."""
    source = script.read_text()
    if library == "matplotlib":
        import matplotlib

        matplotlib.use("Agg")
        # every lumos.X import (pyplot, patches, collections, path) becomes matplotlib's,
        # as tests/test_gallery.py runs the gallery on matplotlib
        source = re.sub(r"^(from|import) lumos\.", r"\1 matplotlib.", source, flags=re.M)
        import matplotlib.pyplot as plt
    else:
        import lumos.pyplot as plt
    plt.close("all")
    argv = sys.argv
    sys.argv = [str(script), str(out)]
    try:
        exec(compile(source, str(script), "exec"), {"__name__": "__main__"})
    finally:
        sys.argv = argv
    return plt.gcf(), plt


def measure(script: Path, library: str, runs: int, tmp: Path) -> dict:
    fig, plt = build(script, library, tmp / f"{library}.png")
    out = {}
    try:
        for fmt in ("svg", "pdf"):
            path = tmp / f"{script.stem}.{library}.{fmt}"
            times = []
            for _ in range(runs + 1):
                t0 = time.perf_counter()
                fig.savefig(path)
                times.append(time.perf_counter() - t0)
            out[fmt] = {"seconds": times[0], "repeat": statistics.median(times[1:]),
                        "bytes": path.stat().st_size}
    finally:
        plt.close("all")
    return out


def results(runs: int) -> dict:
    libraries = ["lumos"] + (["matplotlib"] if importlib.util.find_spec("matplotlib") else [])
    scripts = sorted(p for p in GALLERY.glob("*.py") if not p.name.startswith("_"))
    table = {}
    with tempfile.TemporaryDirectory() as tmp:
        for script in scripts:
            table[script.stem] = {lib: measure(script, lib, runs, Path(tmp))
                                  for lib in libraries}
    return table


def rows(table: dict) -> list[str]:
    """Markdown rows: per figure, size and write time of each file, lumos vs matplotlib."""
    def cell(entry):
        if entry is None:
            return "–"
        return (f"{entry['bytes'] / 1024:.0f} KiB, {entry['seconds'] * 1000:.0f} ms "
                f"({entry['repeat'] * 1000:.0f} ms)")

    out = ["| gallery figure | SVG lumos | SVG matplotlib | PDF lumos | PDF matplotlib |",
           "|---|---|---|---|---|"]
    total = {(lib, fmt): [0, 0.0] for lib in ("lumos", "matplotlib") for fmt in ("svg", "pdf")}
    for name, libs in table.items():
        cells = []
        for fmt in ("svg", "pdf"):
            for lib in ("lumos", "matplotlib"):
                entry = libs.get(lib, {}).get(fmt)
                cells.append(cell(entry))
                if entry is not None:
                    total[(lib, fmt)][0] += entry["bytes"]
                    total[(lib, fmt)][1] += entry["seconds"]
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    sums = [f"**{b / 1024:.0f} KiB, {s * 1000:.0f} ms**" if b else "–"
            for b, s in (total[(lib, fmt)] for fmt in ("svg", "pdf")
                         for lib in ("lumos", "matplotlib"))]
    out.append("| **all** | " + " | ".join(sums) + " |")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    table = results(args.runs)
    if args.json:
        print(json.dumps(table))
    else:
        print("\n".join(rows(table)))


if __name__ == "__main__":
    main()
