"""SVG and PDF of a 3D surface: file size and ``savefig`` time, lumos vs matplotlib.

    python benchmarks/vector3d.py [--sizes 50 300] [--library lumos|matplotlib|both]

An n × n ``plot_surface`` (every row and column drawn: ``rcount=ccount=n``, so 300 is
89401 quads, 178802 triangles) with a colormap, saved once as PNG (drawn and laid out)
and then as SVG and PDF: size, thread CPU and wall time of each ``savefig``. Each
library runs in a process of its own.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


def run(library: str, n: int, out: Path) -> list[str]:
    if library == "matplotlib":
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    else:
        import lumos.pyplot as plt
    x = np.linspace(-3, 3, n)
    X, Y = np.meshgrid(x, x)  # noqa: N806
    fig = plt.figure(figsize=(6, 5))
    ax = fig.add_subplot(projection="3d")
    ax.plot_surface(X, Y, np.sin(X) * np.cos(Y), cmap="viridis", rcount=n, ccount=n)
    fig.savefig(out / "s.png")
    rows = []
    for ext in ("svg", "pdf"):
        wall, cpu = time.perf_counter(), time.thread_time()
        fig.savefig(out / f"s.{ext}")
        cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
        size = os.path.getsize(out / f"s.{ext}") / 1024
        rows.append(f"| {library} | {n} × {n} | {ext} | {size:.0f} KiB | {cpu:.2f} s | "
                    f"{wall:.2f} s |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 300])
    parser.add_argument("--library", choices=("lumos", "matplotlib", "both"), default="both")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        with tempfile.TemporaryDirectory() as tmp:
            for n in args.sizes:
                print("\n".join(run(args.library, n, Path(tmp))))
        return
    print("| library | surface | file | size | thread CPU | wall |")
    print("|---|---|---|---|---|---|")
    libraries = ("lumos", "matplotlib") if args.library == "both" else (args.library,)
    for library in libraries:
        sys.stdout.flush()
        subprocess.run([sys.executable, __file__, "--child", "--library", library,
                        "--sizes", *map(str, args.sizes)], check=True)


if __name__ == "__main__":
    main()
