"""Instructions between the ``os.getppid()`` marks of a benchmark (``--marks`` of
``frame_gl.py``, ``redraw_parts.py``), per checkout, alternating: load-proof A/B.

    python benchmarks/marked_instructions.py --tree OLD --tree NEW [--rounds 2] \\
        -- benchmarks/redraw_parts.py --redraws 6 --marks

Each round runs the script once in every tree (in order) under
``valgrind --tool=callgrind --dump-before=getppid`` with ``LP_NUM_THREADS=0`` (llvmpipe
works on the calling thread, so its instructions are counted), ``PYTHONHASHSEED=0``
and the tree first on ``PYTHONPATH``; the script runs from the tree it measures. It
prints, per tree and round, the instructions of every interval that starts at a mark
(M), and their median over the intervals between two marks (every ``--stride``-th). Needs
valgrind.
"""

from __future__ import annotations

import argparse
import glob
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def intervals(tree: str, script: list[str]) -> list[float]:
    """Millions of instructions of each interval after a mark, in file order."""
    with tempfile.TemporaryDirectory(prefix="marked_") as tmp:
        env = {**os.environ, "LP_NUM_THREADS": "0", "PYTHONHASHSEED": "0",
               "OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": tree}
        subprocess.run(["valgrind", "--tool=callgrind", "--dump-before=getppid",
                        f"--callgrind-out-file={tmp}/cg.out", sys.executable, *script],
                       cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        # cg.out.1 is the start up to the first mark, cg.out.k the interval after mark k-1
        files = sorted(glob.glob(f"{tmp}/cg.out.*"), key=lambda f: int(f.rsplit(".", 1)[1]))
        out = []
        for name in files[1:]:
            with open(name) as f:
                total = next(int(line.split()[1]) for line in f
                             if line.startswith(("summary:", "totals:")))
            out.append(total / 1e6)
        return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tree", action="append", required=True, help="a checkout of lumos")
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--stride", type=int, default=1,
                   help="the median over every stride-th interval from the first (2: "
                        "redraws marked before and after, not the gaps between)")
    p.add_argument("script", nargs=argparse.REMAINDER, help="-- script and its arguments")
    a = p.parse_args()
    script = a.script[1:] if a.script[:1] == ["--"] else a.script
    for r in range(a.rounds):
        for tree in a.tree:
            got = intervals(str(Path(tree).resolve()), script)
            marked = (got[:-1] if len(got) > 1 else got)[::a.stride]  # the last: to exit
            print(f"round {r} {tree}: median {statistics.median(marked):.3f} M; "
                  + " ".join(f"{v:.2f}" for v in got))


if __name__ == "__main__":
    main()
