"""Run matplotlib's own gallery scripts through lumos and through matplotlib, and compare.

    python tools/mpl_gallery.py EXAMPLES OUT [--subgalleries a,b] [--jobs 2]
                                [--timeout 90] [--only NAME,...] [--skip NAME,...]
                                [--reuse-mpl]
    python tools/mpl_gallery.py EXAMPLES OUT --report   # results.md from results.json

``EXAMPLES`` is a copy of matplotlib's ``galleries/examples`` tree (this tool downloads
nothing); ``OUT`` receives the pictures and the tables. Each script runs twice, each
time in a fresh process and under a time limit:

- matplotlib: the script as it is, on the Agg backend;
- lumos: the script with its ``matplotlib.pyplot`` import taken from ``lumos.pyplot``
  (the one line lumos asks users to change) and its ``mpl_toolkits.axes_grid1`` /
  ``axisartist`` / ``mplot3d`` imports taken from lumos's modules of the same name where
  lumos has that module (lumos documents those changes too); every other import is
  matplotlib's own.

In both runs ``plt.show()`` saves each open figure not saved yet, at the figure's own
size and dpi, and the end of the script saves the rest (sphinx-gallery's rule: a
figure is a picture of the page). ``OUT/mpl/<gallery>/<script>-<k>.png`` and
``OUT/lumos/...`` are figure ``k`` of a script; ``OUT/results.json`` and
``OUT/results.md`` hold the counts per gallery and, per script, whether each run
finished or the first line of its exception, and per figure the mean absolute
difference (0-255, RGB composited on white) between the two pictures. Pictures of
different sizes are compared after resizing lumos's to matplotlib's, and the row says
so. The full traceback of a failed run is ``<picture prefix>.err.txt``.

Scripts sphinx-gallery does not run (``*_sgskip.py``) and scripts importing a package
that is not installed are skipped and listed. ``--reuse-mpl`` takes matplotlib's run of
a script from the previous ``OUT/results.json`` when the script has not changed (the
matplotlib side of a before/after comparison is run once).

``python tools/mpl_gallery.py --child ENGINE SCRIPT PREFIX`` is one run (what the
parent starts); it writes ``PREFIX.json``.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUBGALLERIES = (
    "lines_bars_and_markers", "images_contours_and_fields", "subplots_axes_and_figures",
    "text_labels_and_annotations", "statistics", "pie_and_polar_charts",
    "shapes_and_collections", "scales", "ticks", "color", "axes_grid1", "axisartist",
    "mplot3d", "specialty_plots", "style_sheets", "units", "misc",
)
ENGINES = ("mpl", "lumos")
TOOLKITS = ("axes_grid1", "axisartist", "mplot3d")
_PYPLOT_IMPORTS = (
    (re.compile(r"^(\s*)import matplotlib\.pyplot as ", re.M), r"\1import lumos.pyplot as "),
    (re.compile(r"^(\s*)from matplotlib import pyplot as ", re.M),
     r"\1from lumos import pyplot as "),
    (re.compile(r"^(\s*)from matplotlib\.pyplot import ", re.M),
     r"\1from lumos.pyplot import "),
)
_KITS = "|".join(TOOLKITS)
_TOOLKIT_IMPORT = re.compile(
    rf"^(\s*)(from|import) mpl_toolkits(?:\.({_KITS})((?:\.\w+)*)| import ({_KITS})\b)", re.M)


# -- the child: one script, one engine ----------------------------------------------------
def as_lumos(source: str) -> str:
    """``source`` with its pyplot import from lumos, and its toolkit imports from lumos
    where lumos has the module imported."""
    for pattern, repl in _PYPLOT_IMPORTS:
        source = pattern.sub(repl, source)

    def toolkit(m: re.Match) -> str:
        indent, keyword, kit, sub, bare = m.groups()
        if bare:  # from mpl_toolkits import axisartist
            return f"{indent}from lumos import {bare}"
        if importlib.util.find_spec(f"lumos.{kit}{sub}") is None:
            return m.group(0)  # lumos has no such module: matplotlib's stays
        return f"{indent}{keyword} lumos.{kit}{sub}"

    return _TOOLKIT_IMPORT.sub(toolkit, source)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")


def run_child(engine: str, script: Path, prefix: Path) -> None:
    """Run ``script`` with ``engine``'s pyplot, saving its figures as ``prefix-<k>.png``
    and what happened as ``prefix.json``."""
    source = script.read_text(encoding="utf-8")
    if engine == "lumos":
        source = as_lumos(source)
        import lumos.pyplot as plt
    else:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    saved: list[dict] = []
    seen: list = []  # figures saved (kept alive, so that no id is reused)

    def save_open(*args, **kwargs) -> None:
        nums = plt.get_fignums()
        if not nums:
            return
        current = plt.gcf()
        for num in nums:
            fig = plt.figure(num)
            if any(fig is f for f in seen):
                continue
            seen.append(fig)
            path = prefix.parent / f"{prefix.name}-{len(seen)}.png"
            fig.savefig(path)
            saved.append({"file": path.name})
        plt.figure(current)

    plt.show = save_open
    record: dict = {"engine": engine, "error": None, "where": None, "figures": saved}
    sys.argv = [str(script)]
    sys.path.insert(0, str(script.parent))  # helper modules beside the script (units/)
    start = time.perf_counter()
    try:
        code = compile(source, str(script), "exec")
        exec(code, {"__name__": "__main__", "__file__": str(script)})
    except SystemExit as exc:
        if exc.code not in (None, 0):
            record["error"] = _first_line(exc)
    except Exception as exc:
        record["error"] = _first_line(exc)
        frames = traceback.extract_tb(exc.__traceback__)
        in_script = [f for f in frames if f.filename == str(script)]
        last = frames[-1]
        record["where"] = (f"{script.name}:{in_script[-1].lineno}" if in_script else "") + \
            f" -> {Path(last.filename).name}:{last.lineno}"
        prefix.with_suffix(".err.txt").write_text(traceback.format_exc(), encoding="utf-8")
    record["seconds"] = round(time.perf_counter() - start, 2)
    try:
        save_open()  # the figures left open at the end (and those of a failed run)
    except Exception as exc:
        record["error"] = record["error"] or f"savefig: {_first_line(exc)}"
    prefix.with_suffix(".json").write_text(json.dumps(record), encoding="utf-8")


# -- the parent: many scripts, two engines ------------------------------------------------
def find_scripts(examples: Path, subgalleries, only=(), skip=()) -> tuple[list, dict]:
    """The scripts to run (paths relative to ``examples``) and those skipped, with why."""
    scripts, skipped = [], {}
    for sub in subgalleries:
        for path in sorted((examples / sub).glob("*.py")):
            rel = f"{sub}/{path.name}"
            if only and path.stem not in only and rel not in only:
                continue
            if path.stem in skip or rel in skip:
                skipped[rel] = "skipped (--skip)"
            elif path.stem.endswith("_sgskip"):
                skipped[rel] = "sphinx-gallery does not run it (_sgskip)"
            elif missing := _missing_imports(path):
                skipped[rel] = "needs " + ", ".join(missing)
            else:
                scripts.append(rel)
    return scripts, skipped


def _missing_imports(path: Path) -> list[str]:
    """Top-level packages the script imports that are neither installed nor beside it."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return sorted(n for n in names if not (path.parent / f"{n}.py").exists()
                  and importlib.util.find_spec(n) is None)


def _run_one(engine: str, rel: str, examples: Path, out: Path, timeout: float) -> dict:
    prefix = out / engine / rel[:-3]
    prefix.parent.mkdir(parents=True, exist_ok=True)
    for old in prefix.parent.glob(f"{prefix.name}[-.]*"):
        old.unlink()
    env = dict(os.environ, MPLBACKEND="Agg",
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as cwd:  # files a script writes land here
        try:
            proc = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "--child", engine,
                 str((examples / rel).resolve()), str(prefix.resolve())],
                cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            proc = None
    wall = round(time.perf_counter() - start, 2)
    result = prefix.with_suffix(".json")
    if result.exists():
        record = json.loads(result.read_text(encoding="utf-8"))
    elif proc is None:
        record = {"error": f"timeout after {timeout:g} s", "where": None, "figures": []}
    else:
        tail = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        record = {"error": f"crashed (rc {proc.returncode}): {tail}", "where": None,
                  "figures": []}
    record["wall"] = wall
    return record


def _rgb(path: Path, size=None):
    import numpy as np
    from PIL import Image

    img = Image.open(path).convert("RGBA")
    if size is not None and img.size != size:
        img = img.resize(size, Image.Resampling.BILINEAR)
    white = Image.new("RGBA", img.size, (255, 255, 255, 255))
    return np.asarray(Image.alpha_composite(white, img).convert("RGB"), dtype=np.float64)


def compare(mpl_png: Path, lumos_png: Path) -> dict:
    """Mean absolute difference (0-255) of two pictures, lumos's resized to matplotlib's
    size when they differ."""
    from PIL import Image

    size_mpl, size_lumos = Image.open(mpl_png).size, Image.open(lumos_png).size
    diff = abs(_rgb(mpl_png) - _rgb(lumos_png, size_mpl)).mean()
    return {"size_mpl": list(size_mpl), "size_lumos": list(size_lumos),
            "diff": round(float(diff), 2)}


def _digest(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


def run_all(examples: Path, out: Path, scripts: list[str], jobs: int, timeout: float,
            reuse_mpl: bool) -> dict:
    """Run every script with both engines; the records per script."""
    previous = {}
    if reuse_mpl and (out / "results.json").exists():
        previous = json.loads((out / "results.json").read_text())["scripts"]
    records = {rel: {"sha1": _digest(examples / rel)} for rel in scripts}
    tasks = []
    for rel in scripts:
        old = previous.get(rel, {})
        if old.get("sha1") == records[rel]["sha1"] and "mpl" in old:
            records[rel]["mpl"] = old["mpl"]
        else:
            tasks.append(("mpl", rel))
        tasks.append(("lumos", rel))
    done = 0

    def work(task):
        nonlocal done
        engine, rel = task
        record = _run_one(engine, rel, examples, out, timeout)
        records[rel][engine] = record
        done += 1
        status = record["error"] or "ok"
        print(f"[{done}/{len(tasks)}] {engine:5s} {rel} {record['wall']:.1f}s {status}",
              flush=True)

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(work, tasks))
    for rel, rec in records.items():
        figs = []
        for k, fig in enumerate(rec["mpl"]["figures"], 1):
            mine = out / "lumos" / Path(rel).parent / fig["file"]
            row = {"figure": k, "file": f"{Path(rel).parent}/{fig['file']}"}
            row.update(compare(out / "mpl" / row["file"], mine) if mine.exists() else
                       {"diff": None})
            figs.append(row)
        rec["compared"] = figs
        rec["extra_lumos_figures"] = max(
            0, len(rec["lumos"]["figures"]) - len(rec["mpl"]["figures"]))
    return records


def summary(records: dict, skipped: dict) -> dict:
    """Counts: scripts run, figures, scripts ok in both, mean difference of their
    figures."""
    ok_both = [r for r in records.values() if not r["mpl"]["error"] and not r["lumos"]["error"]]
    diffs = [f["diff"] for r in ok_both for f in r["compared"] if f["diff"] is not None]
    return {
        "scripts": len(records), "skipped": len(skipped),
        "figures_mpl": sum(len(r["mpl"]["figures"]) for r in records.values()),
        "figures_lumos": sum(len(r["lumos"]["figures"]) for r in records.values()),
        "mpl_errors": sum(bool(r["mpl"]["error"]) for r in records.values()),
        "lumos_errors": sum(bool(r["lumos"]["error"]) for r in records.values()),
        "ok_both": len(ok_both), "figures_ok_both": len(diffs),
        "mean_diff_ok_both": round(sum(diffs) / len(diffs), 2) if diffs else None,
        "lumos_seconds": round(sum(r["lumos"]["wall"] for r in records.values()), 1),
    }


_BY_GALLERY = ("| gallery | scripts | figures (matplotlib) | matplotlib errors | lumos errors "
               "| ok in both | mean abs diff (ok in both) |")


def markdown(records: dict, skipped: dict, totals: dict) -> str:
    """The results as Markdown: counts, lumos's failures grouped, one row per figure."""
    lines = ["# matplotlib's gallery through lumos", ""]
    lines += [f"- {k}: {v}" for k, v in totals.items()]
    lines += ["", "## By gallery", "", _BY_GALLERY, "|---|---:|---:|---:|---:|---:|---:|"]
    for gallery in sorted({rel.split("/")[0] for rel in [*records, *skipped]}):
        t = summary({r: v for r, v in records.items() if r.startswith(gallery + "/")},
                    {r: v for r, v in skipped.items() if r.startswith(gallery + "/")})
        lines.append(f"| {gallery} | {t['scripts']} | {t['figures_mpl']} | {t['mpl_errors']} "
                     f"| {t['lumos_errors']} | {t['ok_both']} | {t['mean_diff_ok_both']} |")
    errors = Counter(r["lumos"]["error"] for r in records.values()
                     if r["lumos"]["error"] and not r["mpl"]["error"])
    lines += ["", "## lumos's failures (scripts matplotlib runs)", "",
              "| count | exception |", "|---:|---|"]
    lines += [f"| {n} | {_cell(e)} |" for e, n in errors.most_common()]
    lines += ["", "## Figures", "", "| script | fig | matplotlib | lumos | mean abs diff |",
              "|---|---:|---|---|---:|"]
    for rel, rec in records.items():
        status = {e: _cell(rec[e]["error"] or "ok") for e in ENGINES}
        rows = rec["compared"] or [{"figure": "-", "diff": None}]
        for f in rows:
            diff = "" if f["diff"] is None else f"{f['diff']:.2f}"
            if f.get("size_mpl") and f["size_mpl"] != f["size_lumos"]:
                diff += f" (size {f['size_lumos']} vs {f['size_mpl']})"
            lines.append(f"| {rel} | {f['figure']} | {status['mpl']} | {status['lumos']} "
                         f"| {diff} |")
    lines += ["", "## Skipped", ""] + [f"- {rel}: {why}" for rel, why in skipped.items()]
    return "\n".join(lines) + "\n"


def _names(text: str) -> set[str]:
    return {x.strip() for x in text.split(",") if x.strip()}


def _cell(text: str) -> str:
    return text.replace("|", "\\|")[:120]


def main(argv=None) -> int:
    """Command line: see the module's docstring."""
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["--child"]:
        engine, script, prefix = argv[1:4]
        run_child(engine, Path(script), Path(prefix))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("examples", type=Path, help="matplotlib's galleries/examples")
    ap.add_argument("out", type=Path, help="folder for the pictures and the tables")
    ap.add_argument("--subgalleries", default=",".join(SUBGALLERIES))
    ap.add_argument("--jobs", type=int, default=2, help="processes at once")
    ap.add_argument("--timeout", type=float, default=90.0, help="seconds per run")
    ap.add_argument("--only", default="", help="script names (stem or gallery/file.py)")
    ap.add_argument("--skip", default="", help="script names not to run")
    ap.add_argument("--reuse-mpl", action="store_true",
                    help="matplotlib's runs from the previous results of unchanged scripts")
    ap.add_argument("--report", action="store_true",
                    help="only write OUT/results.md again from OUT/results.json")
    args = ap.parse_args(argv)
    if args.report:
        saved = json.loads((args.out / "results.json").read_text())
        (args.out / "results.md").write_text(
            markdown(saved["scripts"], saved["skipped"], saved["totals"]))
        return 0
    scripts, skipped = find_scripts(args.examples, args.subgalleries.split(","),
                                    _names(args.only), _names(args.skip))
    args.out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    records = run_all(args.examples, args.out, scripts, args.jobs, args.timeout,
                      args.reuse_mpl)
    totals = summary(records, skipped)
    totals["wall_seconds"] = round(time.perf_counter() - start, 1)
    (args.out / "results.json").write_text(json.dumps(
        {"totals": totals, "scripts": records, "skipped": skipped}, indent=1))
    (args.out / "results.md").write_text(markdown(records, skipped, totals))
    print(json.dumps(totals, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
