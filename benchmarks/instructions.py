"""The CPU work of scenes (a) and (c) before the GPU, in instructions (load-proof).

    python benchmarks/instructions.py [--tree PATH ...]

Wall times on this shared 2-core machine move by tens of percent with the load; the
number of instructions a fresh interpreter executes does not (valgrind's callgrind,
PYTHONHASHSEED=0, one OpenBLAS thread). Each row is one fresh process running:

- ``import``: ``import lumos.pyplot``;
- ``data``: making peers.py's data (numpy, no lumos);
- ``line`` / ``scatter``: import, data, ``ax.plot`` or ``ax.scatter`` as peers.Lumos
  does, ``fig.draw()`` and the frame description (everything but GL and the PNG),
  with the glyph cells already in the cache folder (a first run writes them).

Give several ``--tree`` (checkouts of lumos) to compare versions in one table; rows
after ``data`` are also shown less the ``data`` row (lumos's own share). Needs valgrind.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

DATA = (f"import sys; sys.path.insert(0, {str(HERE)!r}); import peers\n"
        "rng, x, y, sx, sy, c = peers.data()\n")
FIGURE = "import lumos.pyplot as plt\n" + DATA + \
    "fig, ax = plt.subplots(figsize=(peers.W / 100, peers.H / 100), dpi=100)\n"
SCENES = {
    "bare": "pass",
    "import": "import lumos.pyplot",
    "data": DATA,
    "line": FIGURE + "ax.plot(x, y, lw=0.72)\nfig.draw()\nfig.canvas.frame()",
    "scatter": FIGURE + "ax.scatter(sx, sy, c=c, s=(peers.MARKER_PX * 72 / 100) ** 2, "
               "cmap='viridis', linewidths=0)\nfig.draw()\nfig.canvas.frame()",
}


def instructions(tree: str | None, code: str, cache: str) -> int:
    """Instructions a fresh interpreter executes to run ``code`` with ``tree``'s lumos."""
    env = dict(os.environ, PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1",
               LUMOS_CACHE_DIR=cache)
    if tree:
        env["PYTHONPATH"] = tree
    # run from an empty folder: '' on sys.path must not find another checkout's lumos
    err = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          sys.executable, "-c", code], env=env, check=True, cwd=cache,
                         capture_output=True, text=True).stderr
    return int(re.search(r"Collected : (\d+)", err).group(1))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tree", action="append", default=None,
                   help="a lumos checkout to measure (repeat to compare); default: this one")
    a = p.parse_args()
    trees = a.tree or [str(HERE.parent)]
    for tree in trees:  # compiled once, as an installed package is
        subprocess.run([sys.executable, "-m", "compileall", "-q", f"{tree}/lumos"],
                       check=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE=""),
                       stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as cache:
        for tree in trees:  # glyph cells written once per checkout's setup
            instructions(tree, SCENES["line"], cache)
        print("millions of instructions" + "".join(f" | {t}" for t in trees))
        data = None
        for name, code in SCENES.items():
            counts = [instructions(t, code, cache) / 1e6 for t in trees]
            cells = []
            for i, n in enumerate(counts):
                own = f" (less data {n - data[i]:.0f})" if data and name in ("line", "scatter") \
                    else ""
                cells.append(f"{n:.0f}{own}")
            print(f"{name}: " + " | ".join(cells), flush=True)
            if name == "data":
                data = counts


if __name__ == "__main__":
    main()
