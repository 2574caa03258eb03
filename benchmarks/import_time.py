"""Import time of lumos, against numpy and a bare interpreter, in fresh processes.

    python benchmarks/import_time.py [--runs 15] [--python PATH] [--instructions]

Each statement runs in a new interpreter ``--runs`` times; the table shows the median
(and minimum) wall time, and from ``python -X importtime`` the summed self time of every
module imported and of lumos's own modules (medians); then the slowest modules.
``--instructions`` adds the instructions each statement executes (valgrind's callgrind,
one run each): a count that does not move with the machine's load, so a change of a few
milliseconds shows on a shared machine where wall times vary by tens. Every figure needs
lumos's bytecode written first (``python -m compileall -q lumos``; this machine's
sessions set PYTHONDONTWRITEBYTECODE, and compiling would be timed instead).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time

STATEMENTS = {
    "python (nothing)": "pass",
    "import numpy": "import numpy",
    "import lumos": "import lumos",
    "from lumos import scene, visuals": "from lumos import scene, visuals",
    "import lumos.pyplot": "import lumos.pyplot",
}


def wall_time(python: str, code: str) -> float:
    """Seconds for a fresh interpreter to run ``code`` and exit."""
    start = time.perf_counter()
    subprocess.run([python, "-c", code], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def importtime(python: str, code: str) -> list[tuple[str, int, int]]:
    """``(module, self_us, cumulative_us)`` for every module ``code`` imports."""
    out = subprocess.run([python, "-X", "importtime", "-c", code], check=True,
                         capture_output=True, text=True).stderr
    rows = []
    for line in out.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative, name = line[len("import time:"):].split("|")
        rows.append((name.strip(), int(self_us), int(cumulative)))
    return rows


def instructions(python: str, code: str) -> int:
    """Instructions a fresh interpreter executes to run ``code`` (callgrind's count)."""
    # One OpenBLAS thread: its idle threads spin, adding a count that varies run to run.
    env = dict(os.environ, PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1")
    err = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          python, "-c", code], env=env, check=True, capture_output=True,
                         text=True).stderr
    return int(re.search(r"Collected : (\d+)", err).group(1))


def import_totals(python: str, code: str) -> tuple[float, float]:
    """Seconds of all imports (sum of self times) and of lumos's own modules."""
    rows = importtime(python, code)
    total = sum(r[1] for r in rows)
    own = sum(r[1] for r in rows if r[0] == "lumos" or r[0].startswith("lumos."))
    return total / 1e6, own / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions with valgrind (a few seconds each)")
    args = parser.parse_args()

    for code in STATEMENTS.values():  # warm the OS file cache and .pyc files
        wall_time(args.python, code)

    rows = []
    for label, code in STATEMENTS.items():
        walls = [wall_time(args.python, code) for _ in range(args.runs)]
        totals = [import_totals(args.python, code) for _ in range(args.runs)]
        rows.append((label, statistics.median(walls), min(walls),
                     statistics.median(t[0] for t in totals),
                     statistics.median(t[1] for t in totals)))

    base = rows[0][1]
    print(f"python: {args.python}   runs: {args.runs} fresh processes each\n")
    header = (f"{'statement':<34}{'wall median':>12}{'wall min':>10}{'over bare':>11}"
              f"{'all imports':>13}{'lumos own':>11}")
    print(header)
    print("-" * len(header))
    for label, med, low, imp, own in rows:
        print(f"{label:<34}{med * 1e3:>10.1f}ms{low * 1e3:>8.1f}ms{(med - base) * 1e3:>9.1f}ms"
              f"{imp * 1e3:>11.1f}ms{own * 1e3:>9.1f}ms")
    print("\n'over bare': median wall time minus that of a bare interpreter;")
    print("'all imports' / 'lumos own': self times from -X importtime (medians), summed over")
    print("every module, and over lumos's own modules only.\n")
    code = STATEMENTS["from lumos import scene, visuals"]
    print(f"slowest modules (self time) for `{code}`:")
    for name, self_us, _ in sorted(importtime(args.python, code), key=lambda r: -r[1])[:8]:
        print(f"  {self_us / 1e3:>7.1f}ms  {name}")
    if args.instructions:
        counts = {label: instructions(args.python, code) for label, code in STATEMENTS.items()}
        bare = counts["python (nothing)"]
        print("\ninstructions executed (callgrind), and over a bare interpreter:")
        for label, n in counts.items():
            print(f"  {label:<34}{n / 1e6:>9.1f} M{(n - bare) / 1e6:>9.1f} M")


if __name__ == "__main__":
    main()
