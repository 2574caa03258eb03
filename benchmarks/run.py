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
from cold_start import PHASES as COLD_PHASES  # noqa: E402
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


def memory() -> list[str]:
    m = json_of("memory.py")
    peak = m["peak_over_input_mb"]
    return [
        f"| (f) 10^{len(str(m['points'])) - 1}-point float64 line, memory over the "
        f"{m['input_mb']:.0f} MB input | retained {m['added_after_render_mb']:.0f} MB "
        f"(budget {m['budget_mb']:.0f}: float32 copy + pyramid), peak "
        f"{'–' if peak is None else f'{peak:.0f}'} MB, second render "
        f"{m['growth_second_render_mb']:+.1f} MB | – | – |"]


def streams(frames: int | None) -> list[str]:
    """Scene (e): worst frame of lumos and of the floor, mean and p99 beside them."""
    rows = []
    for channels, target in ((32, 0.016), (256, 0.033)):
        load = os.getloadavg()[0]
        extra = ["--channels", str(channels)] + ([] if frames is None else
                                                ["--frames", str(frames)])
        s = json_of("streams.py", *extra)
        f = json_of("floor.py", "stream", *extra)
        data = json_of("floor.py", "stream", "--data-only", *extra)  # without the axes
        notes = {k: f"mean {r['frame_ms_mean']:.1f} ms, p99 {r['frame_ms_p99']:.1f} ms, "
                    f"{r['frames']} frames" for k, r in (("lumos", s), ("floor", f))}
        notes["lumos"] += (f"; slowest 1 %: Python {s['worst_python_ms']:.1f} ms + GL "
                           f"{s['worst_gl_ms']:.1f} ms; lumos / floor of the means "
                           f"{s['frame_ms_mean'] / f['frame_ms_mean']:.2f}")
        rows.append(peers.table_row(
            f"(e) {channels} channels × {s['rate'] // 1000} kHz stream, 1/60 s blocks, "
            f"{s['size'][0]}×{s['size'][1]}: worst frame",
            {"lumos": s["frame_ms_worst"] / 1000, "floor": f["frame_ms_worst"] / 1000,
             "floor-data": data["frame_ms_worst"] / 1000},
            limit=target, notes=notes, load=(load, os.getloadavg()[0])))
    return rows


def window_frames(frames: int, rounds: int) -> list[str]:
    """Issue 13's interactive frames: pan in a GLFW window (Xvfb), beside the floor, in
    rounds (ratios within a round)."""
    load = os.getloadavg()[0]
    result = json_of("window.py", "--frames", str(frames), "--rounds", str(rounds))
    load = (load, os.getloadavg()[0])
    rows = []
    for r in result:
        rows.append(peers.table_row(
            f"(7) pan frame in an 800 × 600 window: {r['scene']}",
            {"lumos": r["pan_ms"] / 1000, "floor": r["floor_ms"] / 1000,
             "floor-data": r["floor_data_ms"] / 1000},
            notes={"lumos": f"median; p90 {r['pan_p90_ms']:.1f} ms, zoom "
                            f"{r['zoom_ms']:.1f} ms, {r['window_samples']} samples; not "
                            f"multisampled {r['pan_single_ms']:.1f} ms"},
            load=load,
            rounds={k: [t / 1000 for t in v] for k, v in r["rounds"].items()}))
    return rows


def cold_start(runs: int) -> str:
    """Scene (a)'s cold start phase by phase, with Mesa's shader cache and without."""
    c = json_of("cold_start.py", "--runs", str(max(runs // 2, 3)))
    head = "| Mesa shader cache | in all | " + " | ".join(COLD_PHASES) + " |"
    rows = [head, "|" + "---|" * (len(COLD_PHASES) + 2)]
    for key, name in (("on", "on (as installed)"), ("off", "off")):
        r = c[key]["lumos"]
        rows.append(f"| {name} | {1000 * r['wall']:.0f} | "
                    + " | ".join(f"{1000 * r['phases'][k]:.0f}" for k in COLD_PHASES) + " |")
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


def machine() -> str:
    """The machine, the renderer, the code and the time: the table's first line."""
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text()
                .splitlines() if ln.startswith("model name")), platform.processor()) \
        if Path("/proc/cpuinfo").exists() else platform.processor()
    renderer = subprocess.run(
        [sys.executable, "-c", "import floor; print(floor.context().info['GL_RENDERER'])"],
        capture_output=True, text=True, cwd=HERE).stdout.strip() or "no GL context"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, cwd=HERE).stdout.strip() or "?"
    return (f"{cpu}, {os.cpu_count()} cores, {platform.machine()}, Python "
            f"{platform.python_version()}, OpenGL: {renderer}; lumos {commit}; "
            f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC")


def scenes(args) -> str:
    """Issue 13's scenes in one table: lumos, the best peer, the floor, the ratios, the
    targets and the load average while each scene ran."""
    start = os.getloadavg()
    results = peers.measure(peers.LIBS, args.runs, args.rounds, args.redraws,
                            log=lambda s: print(s, file=sys.stderr))
    extra = streams(args.stream_frames) + window_frames(args.window_frames, args.rounds)
    end = os.getloadavg()
    return (f"Measured by one `make bench` run ({machine()}). Load average (1, 5, 15 min) "
            f"at the start {start[0]:.1f}, {start[1]:.1f}, {start[2]:.1f}; at the end "
            f"{end[0]:.1f}, {end[1]:.1f}, {end[2]:.1f}: the machine is shared, so absolute "
            "times move with the load and the ratios of one scene (its libraries take turns) "
            f"are what counts. Cold: median of {args.runs} fresh processes each, the "
            f"libraries taking turns; redraw and window: {args.rounds} rounds, each giving "
            "every library (one warm process each; the window scenes a fresh window each "
            f"round) a block of {args.redraws} redraws or {args.window_frames} pan frames "
            "after warm-up, in an order rotating from round to round; a time is the median "
            "of the library's round medians, a ratio the median of the ratios within a "
            "round, in parentheses their min–max over the rounds; streams: 15 s of data "
            "through a 10 s ring, the last "
            f"{args.stream_frames or 600} of its 900 frames timed (by default the ring "
            "fills at the 300th and wraps after), a frame with data drawn untimed "
            "before them; ratios: lumos / fastest peer "
            "that ran, lumos / floor (`floor.py`: raw moderngl, only what the picture needs, "
            "axes included; the floor's cell gives its time without axes too, \"data "
            "only\"); no GPU was lent, so there is no GPU table.\n\n"
            + peers.table(results, extra))


def others(args) -> str:
    """The other benchmarks (issues before 13): their own tables."""
    rows = ["| scene | lumos | peer | lumos / peer |", "|---|---|---|---|"]
    rows += import_time(args.runs)
    rows += four_subplots(args.runs)
    rows += patches_collections(args.runs)
    rows += draw_counts()
    rows += memory()
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
              "fresh processes; llvmpipe compiles shaders on their first draw, in "
              "\"draw\" or \"raster\"):\n\n" + cold_start(args.runs))
    # matplotlib figures drawn by lumos's backend against matplotlib's own backends
    mplb = subprocess.run([sys.executable, str(HERE / "mpl_backend.py")], check=True,
                          capture_output=True, text=True).stdout
    table += ("\n\nmatplotlib's API drawn by lumos (`benchmarks/mpl_backend.py`, "
              "1600 × 1000, one run; lumos / Agg below 1 is faster):\n\n" + mplb.strip())
    return table


def write(marker: str, text: str) -> None:
    """Replace the block between ``<!-- marker -->`` and ``<!-- /marker -->`` in the
    README (appended when there is none)."""
    readme = HERE / "README.md"
    old = readme.read_text() if readme.exists() else ""
    start, end = f"<!-- {marker} -->", f"<!-- /{marker} -->"
    block = f"{start}\n{text}\n{end}"
    if start in old and end in old:
        new = old[: old.index(start)] + block + old[old.index(end) + len(end):]
    else:
        new = old.rstrip() + "\n\n" + block + "\n"
    readme.write_text(new)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3,
                        help="fresh processes per cold scene and library")
    parser.add_argument("--rounds", type=int, default=5,
                        help="rounds of the redraw and window scenes (ratios within a round)")
    parser.add_argument("--redraws", type=int, default=2,
                        help="redraws per round and library in the redraw scenes")
    parser.add_argument("--stream-frames", type=int, default=None,
                        help="frames timed per stream run, the last of the run's 900 "
                             "(default: 600, the ring's length)")
    parser.add_argument("--window-frames", type=int, default=6,
                        help="pan (and zoom) frames per round and window scene")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--only-scenes", action="store_true",
                        help="only issue 13's table (the scenes against peers and floor)")
    parser.add_argument("--no-3d", action="store_true",
                        help="skip benchmarks/threed.py (3D scenes against scikit-image "
                             "and VisPy)")
    args = parser.parse_args()
    table = scenes(args)
    print(table)
    if not args.no_write:
        write("scenes", table)
    if args.only_scenes:
        return
    rest = others(args)
    print(rest)
    if not args.no_write:
        write("results", f"Measured by `make bench` ({machine()}):\n\n{rest}")


if __name__ == "__main__":
    main()
