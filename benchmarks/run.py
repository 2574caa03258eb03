"""Run every benchmark against the peers installed here; write benchmarks/README.md.

    python benchmarks/run.py [--runs 5]

Each scene runs in fresh processes (cold start included, as a user sees it) and the
table records medians and the ratio lumos / peer measured in the same run. Draw-call
counts come from the frame description, which is what the GPU executes.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import peers  # noqa: E402
import threed  # noqa: E402
import vector  # noqa: E402
from import_time import wall_time  # noqa: E402


def timed_process(args: list[str], runs: int) -> float:
    """Median wall time of a fresh process running ``args``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def four_subplots(runs: int) -> list[str]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        script = str(HERE / "four_lines.py")
        lumos = timed_process([sys.executable, script, "lumos", f"{tmp}/l.png"], runs)
        line = f"| 4 subplots × 10^5-point line, cold process → PNG | {lumos:.3f} s |"
        if importlib.util.find_spec("matplotlib"):
            mpl = timed_process([sys.executable, script, "matplotlib", f"{tmp}/m.png"], runs)
            line += f" {mpl:.3f} s (matplotlib Agg) | {lumos / mpl:.2f} |"
        else:
            line += " matplotlib not installed | – |"
        rows.append(line)
    return rows


def patches_collections(runs: int) -> list[str]:
    """10^4 overlapping circles with edges and a 10^5-segment LineCollection (patches.py)."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        script = str(HERE / "patches.py")
        lumos = timed_process([sys.executable, script, "lumos", f"{tmp}/l.png"], runs)
        line = f"| 10^4 circles (PatchCollection) + 10^5-segment LineCollection, cold " \
               f"process → PNG | {lumos:.3f} s |"
        if importlib.util.find_spec("matplotlib"):
            mpl = timed_process([sys.executable, script, "matplotlib", f"{tmp}/m.png"], runs)
            line += f" {mpl:.3f} s (matplotlib Agg) | {lumos / mpl:.2f} |"
        else:
            line += " matplotlib not installed | – |"
        rows.append(line)
    p = json_of("patches.py")
    rows.append(f"| the same in one process: build {p['build_s']:.2f} s, first frame "
                f"{p['first_frame_s']:.2f} s, redraw {p['redraw_s']:.2f} s, 4x zoom (curves "
                f"flattened again) {p['zoom_4x_s']:.2f} s | {p['draws']} draws | – | – |")
    return rows


def draw_counts() -> list[str]:
    """Batching: how many draws the GPU gets for many lines and many labels."""
    import numpy as np

    import lumos

    fig, ax = lumos.subplots()
    x = np.linspace(0, 1, 10_000)
    for k in range(100):
        ax.plot(x, np.sin(x * 10 + k) + k * 0.1, color="C0")
    lines = len(fig.frame().draws)
    fig2, ax2 = lumos.subplots()
    for k in range(200):
        ax2.text(k % 20 / 20, k // 20 / 10, f"label {k}")
    texts = len(fig2.frame().draws)
    return [f"| 100 lines × 10^4 points in one axes | {lines} draws (axes, grid, ticks, labels "
            "included) | – | – |",
            f"| 200 text labels in one axes | {texts} draws | – | – |"]


def import_time(runs: int) -> list[str]:
    def median(code: str) -> float:
        return statistics.median(wall_time(sys.executable, code) for _ in range(runs))

    base = median("pass")
    lumos, numpy, pyplot = (median(c) for c in ("import lumos", "import numpy",
                                                 "import lumos.pyplot"))
    rows = [f"| `import lumos` (minus bare python {base * 1000:.0f} ms) | "
            f"{(lumos - base) * 1000:.1f} ms | – | – |",
            f"| `import lumos.pyplot` (numpy alone: {(numpy - base) * 1000:.0f} ms) | "
            f"{(pyplot - base) * 1000:.0f} ms |"]
    if importlib.util.find_spec("matplotlib"):
        mpl = median("import matplotlib.pyplot")
        rows[1] += f" {(mpl - base) * 1000:.0f} ms (matplotlib.pyplot) | " \
                   f"{(pyplot - base) / (mpl - base):.2f} |"
    else:
        rows[1] += " – | – |"
    return rows


def json_of(script: str, *args: str) -> dict:
    """Run a benchmark script in a fresh process and read its ``--json`` answer."""
    out = subprocess.run([sys.executable, str(HERE / script), "--json", *args], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def streams_and_memory() -> list[str]:
    rows = []
    for channels, target in ((32, 16), (256, 33)):
        s = json_of("streams.py", "--channels", str(channels))
        f = json_of("floor.py", "stream", "--channels", str(channels))
        rows.append(
            f"| (e) {channels} channels × {s['rate'] // 1000} kHz streamed in 1/60 s blocks, "
            f"{s['size'][0]}×{s['size'][1]} (target: worst < {target} ms) | frame mean "
            f"{s['frame_ms_mean']:.1f} ms, p99 {s['frame_ms_p99']:.1f} ms, worst "
            f"{s['frame_ms_worst']:.1f} ms; {s['stream_bytes_per_push_mean'] / 1024:.0f} KiB "
            f"uploaded per push ({s['sample_bytes_per_push_mean'] / 1024:.0f} KiB of samples) "
            f"| floor (`floor.py stream`): mean {f['frame_ms_mean']:.1f} ms, p99 "
            f"{f['frame_ms_p99']:.1f} ms, worst {f['frame_ms_worst']:.1f} ms | "
            f"{s['frame_ms_mean'] / f['frame_ms_mean']:.2f} (mean) |")
    m = json_of("memory.py")
    peak = m["peak_over_input_mb"]
    rows.append(
        f"| (f) 10^{len(str(m['points'])) - 1}-point float64 line, memory over the "
        f"{m['input_mb']:.0f} MB input | retained {m['added_after_render_mb']:.0f} MB "
        f"(budget {m['budget_mb']:.0f}: float32 copy + pyramid), peak "
        f"{'–' if peak is None else f'{peak:.0f}'} MB, second render "
        f"{m['growth_second_render_mb']:+.1f} MB | – | – |")
    return rows


def cold_start(runs: int) -> str:
    """Scene (a)'s cold start phase by phase, with Mesa's shader cache and without."""
    c = json_of("cold_start.py", "--runs", str(max(runs // 2, 3)))
    phases = ("python", "import", "data", "plot", "layout", "context", "compile", "upload",
              "draw", "readback", "png", "rest", "exit")
    head = "| Mesa shader cache | in all | " + " | ".join(phases) + " |"
    rows = [head, "|" + "---|" * (len(phases) + 2)]
    for key, name in (("cache", "on (as installed)"), ("no_cache", "off")):
        r = c[key]
        rows.append(f"| {name} | {1000 * r['wall']:.0f} | "
                    + " | ".join(f"{1000 * r[k]:.0f}" for k in phases) + " |")
    return "\n".join(rows)


def window_frames() -> str:
    """Pan and zoom frames in a GLFW window (Xvfb), beside the floor."""
    rows = ["| scene | pan frame (median) | pan p90 | zoom frame (median) | pan, window "
            "not multisampled | floor | lumos / floor |", "|---|---|---|---|---|---|---|"]
    for r in json_of("window.py"):
        rows.append(f"| {r['scene']} | {r['pan_ms']:.1f} ms ({r['window_samples']} samples) "
                    f"| {r['pan_p90_ms']:.1f} ms | {r['zoom_ms']:.1f} ms | "
                    f"{r['pan_single_ms']:.1f} ms | {r['floor_ms']:.1f} ms | "
                    f"{r['pan_ms'] / r['floor_ms']:.2f} |")
    return "\n".join(rows)


def movies() -> list[str]:
    m = json_of("movies.py")
    lum = m["lumos"]
    w, h = m["size"]
    head = f"| {m['frames']}-frame {w}×{h} MP4 (H.264), FuncAnimation.save, frames/s | "
    cell = (f"{lum['fps']:.1f} fps (render alone {lum['render_fps']:.1f}, encode alone "
            f"{lum['encode_fps']:.1f}; {lum['bytes'] / 1024:.0f} KiB)")
    rows = []
    for key, what in (("matplotlib", "ffmpeg defaults: preset medium, crf 23"),
                      ("matplotlib_same_settings", "ffmpeg with lumos's veryfast, crf 18")):
        peer = m.get(key)
        if isinstance(peer, dict):
            rows.append(f"{head}{cell} | {peer['fps']:.1f} fps (matplotlib + {what}; "
                        f"{peer['bytes'] / 1024:.0f} KiB) | {peer['fps'] / lum['fps']:.2f} |")
        elif peer is not None:
            rows.append(f"{head}{cell} | {peer} | – |")
            break
    return rows or [f"{head}{cell} | – | – |"]


def pages_and_notebook() -> tuple[list[str], str]:
    """Rows for the notebook widget's traffic, and a table of the gallery pages."""
    p = json_of("page.py")
    nb = p["notebook"]
    rows = [f"| notebook widget (line gallery figure): bytes sent for the frame; per pan "
            f"(10 %) and per wheel zoom, mean of {nb['moves']} | {nb['frame_bytes'] / 1024:.0f}"
            f" KiB; {nb['pan_bytes'] / 1024:.1f} KiB; {nb['zoom_bytes'] / 1024:.1f} KiB | – "
            "| – |"]
    table = ["| gallery figure | standalone page | first frame (headless Chromium) |",
             "|---|---|---|"]
    for row in p["pages"]:
        table.append(f"| `{row['name']}` | {row['bytes'] / 1024:.0f} KiB | "
                     f"{row['first_frame_ms']:.0f} ms |")
    return rows, "\n".join(table)


def reliability() -> list[str]:
    r = json_of("reliability.py")
    d, p = r["dropped"], r["poster"]
    return [
        f"| {d['figures']} figures rendered and dropped without close(), RSS | "
        f"{d['rss_first_mb']:.0f} → {d['rss_after_mb']:.0f} MB | – | – |",
        f"| {p['side']} × {p['side']} poster (beyond the {r['limits']['max_target_size']} px "
        f"framebuffer limit: tiles), render / savefig | {p['render_s']:.1f} s / "
        f"{p['savefig_s']:.1f} s, peak RSS {p['peak_rss_mb']:.0f} MB | – | – |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--no-peers", action="store_true",
                        help="skip benchmarks/peers.py (the scenes against the peers)")
    parser.add_argument("--no-3d", action="store_true",
                        help="skip benchmarks/threed.py (3D scenes against scikit-image "
                             "and VisPy)")
    args = parser.parse_args()
    # a fair cold start: the bytecode cache exists, as after any pip install
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "lumos")],
                   check=True)
    rows = ["| scene | lumos | peer | lumos / peer |", "|---|---|---|---|"]
    rows += import_time(args.runs)
    rows += four_subplots(args.runs)
    rows += patches_collections(args.runs)
    rows += draw_counts()
    rows += streams_and_memory()
    rows += movies()
    notebook_rows, page_table = pages_and_notebook()
    rows += notebook_rows
    rows += reliability()
    if not args.no_3d:
        # 3D scenes (benchmarks/threed.py docstring), 800 x 600, each in its own process
        rows += threed.rows(threed.measure(log=lambda s: print(s, file=sys.stderr)))
    table = "\n".join(rows)
    table += ("\n\nStandalone pages of the gallery (`benchmarks/page.py`: file size; time from "
              "navigation to the end of the first draw, median of 3 loads):\n\n" + page_table)
    # big data (lumos.lazy) against plotly-resampler and datashader, at 10^8 by default
    big = subprocess.run([sys.executable, str(HERE / "bigdata.py")], check=True,
                         capture_output=True, text=True).stdout
    table += "\n\nBig data (`benchmarks/bigdata.py`):\n\n" + big.strip()
    # vector files of the gallery, lumos and matplotlib in one run (benchmarks/vector.py)
    table += ("\n\nSVG and PDF of the gallery (`benchmarks/vector.py`): file size, time of "
              "the first `savefig` after the figure was drawn and, in parentheses, the "
              "median of the next ones:\n\n"
              + "\n".join(vector.rows(json_of("vector.py", "--runs", str(args.runs)))))
    table += ("\n\n(a) cold start, phase by phase (`benchmarks/cold_start.py`, ms, median of "
              "fresh processes; llvmpipe compiles shaders on their first draw, inside "
              "\"draw\"):\n\n" + cold_start(args.runs))
    table += ("\n\nInteractive frames in an 800 × 600 GLFW window under Xvfb "
              "(`benchmarks/window.py`: mouse event, draw, swap, glFinish; vsync off):\n\n"
              + window_frames())
    # matplotlib figures drawn by lumos's backend against matplotlib's own backends
    mplb = subprocess.run([sys.executable, str(HERE / "mpl_backend.py")], check=True,
                          capture_output=True, text=True).stdout
    table += ("\n\nmatplotlib's API drawn by lumos (`benchmarks/mpl_backend.py`, "
              "1600 × 1000, one run; lumos / Agg below 1 is faster):\n\n" + mplb.strip())
    if not args.no_peers:
        # the same scenes in lumos and each peer installed here (peers.py docstring)
        results = peers.measure(peers.LIBS, max(args.runs // 2, 3), 7,
                                log=lambda s: print(s, file=sys.stderr))
        table += ("\n\nAgainst the peers, offscreen at 1600 × 1000 "
                  "(`benchmarks/peers.py`; cold: median of fresh processes; redraw: median "
                  "of 7 in one process; ratio: lumos / fastest peer that ran):\n\n"
                  + peers.table(results, peers.LIBS))
    print(table)
    if args.no_write:
        return
    machine = f"{platform.machine()}, {platform.python_version()}, " \
              f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPU cores, software OpenGL " \
              "(Mesa llvmpipe; Vulkan: lavapipe)"
    readme = HERE / "README.md"
    text = readme.read_text() if readme.exists() else ""
    start, end = "<!-- results -->", "<!-- /results -->"
    block = f"{start}\nMeasured by `make bench` ({machine}):\n\n{table}\n{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    readme.write_text(text)


if __name__ == "__main__":
    main()
