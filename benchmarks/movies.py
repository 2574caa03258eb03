"""Movie encoding: frames per second of a 1280×720 MP4, lumos against matplotlib.

    python benchmarks/movies.py [--frames 60] [--json]

The same animation in both libraries: a 2000-point line and a dashed one moving under
a title, with a grid, 1280 × 720 pixels (figsize 12.8 × 7.2 in at 100 dpi), saved as
H.264 MP4 at 30 fps with ``FuncAnimation(...).save``. lumos encodes with PyAV
(libx264 preset veryfast, crf 18, on a worker thread while the next frame renders);
matplotlib pipes raw frames to the ffmpeg program (Debian's ``ffmpeg``), once with
ffmpeg's defaults (libx264 preset medium, crf 23) and once with lumos's settings.
Reported: whole-save frames per second (cold start excluded: one warm-up frame),
lumos's render-only rate (``anim.run``) and encode-only rate (``MovieWriter`` fed
pictures rendered before), which show how much of the encoding the worker thread
hides, and the file sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time

import numpy as np

SIZE = (1280, 720)
X = np.linspace(0, 20, 2000)


def ys(i: int) -> tuple[np.ndarray, np.ndarray]:
    return np.sin(X + i * 0.1) * np.exp(-X / 20), np.cos(X * 0.7 - i * 0.05)


def lumos_save(path: str, frames: int) -> dict:
    import lumos
    from lumos.io.movie import MovieWriter
    from lumos.plot.animation import FuncAnimation

    fig, ax = lumos.subplots(figsize=(SIZE[0] / 100, SIZE[1] / 100), dpi=100)
    a, b = ys(0)
    (l1,) = ax.plot(X, a, lw=2)
    (l2,) = ax.plot(X, b, "r--")
    ax.set_title("lumos movie benchmark")
    ax.grid(True)
    ax.set_ylim(-1.2, 1.2)

    def update(i):
        a, b = ys(i)
        l1.set_ydata(a)
        l2.set_ydata(b)

    fig.render()  # shaders compiled, atlas made: not what a movie costs per frame
    pictures = []
    render = FuncAnimation(fig, update, frames=frames).run(on_frame=pictures.append)
    start = time.perf_counter()
    with MovieWriter(path, fps=30, progress=False) as movie:
        for p in pictures:
            movie.write(p)
    encode = time.perf_counter() - start
    start = time.perf_counter()
    FuncAnimation(fig, update, frames=frames).save(path, fps=30, progress=False)
    seconds = time.perf_counter() - start
    return {"fps": frames / seconds, "render_fps": len(render) / sum(render),
            "encode_fps": frames / encode, "bytes": os.path.getsize(path)}


def matplotlib_save(path: str, frames: int, extra_args=None) -> dict:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.animation import FFMpegWriter, FuncAnimation

    fig, ax = plt.subplots(figsize=(SIZE[0] / 100, SIZE[1] / 100), dpi=100,
                           layout="constrained")
    a, b = ys(0)
    (l1,) = ax.plot(X, a, lw=2)
    (l2,) = ax.plot(X, b, "r--")
    ax.set_title("lumos movie benchmark")
    ax.grid(True)
    ax.set_ylim(-1.2, 1.2)

    def update(i):
        a, b = ys(i)
        l1.set_ydata(a)
        l2.set_ydata(b)
        return l1, l2

    fig.canvas.draw()
    writer = FFMpegWriter(fps=30, codec="libx264", extra_args=extra_args)
    start = time.perf_counter()
    FuncAnimation(fig, update, frames=frames).save(path, writer=writer, dpi=100)
    seconds = time.perf_counter() - start
    plt.close(fig)
    return {"fps": frames / seconds, "bytes": os.path.getsize(path)}


def run(frames: int = 60) -> dict:
    out: dict = {"frames": frames, "size": list(SIZE)}
    with tempfile.TemporaryDirectory() as tmp:
        out["lumos"] = lumos_save(f"{tmp}/l.mp4", frames)
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            out["matplotlib"] = "matplotlib not installed"
            return out
        if shutil.which("ffmpeg") is None:
            out["matplotlib"] = "no ffmpeg program (Debian package ffmpeg)"
            return out
        out["matplotlib"] = matplotlib_save(f"{tmp}/m.mp4", frames)
        out["matplotlib_same_settings"] = matplotlib_save(
            f"{tmp}/m2.mp4", frames,
            ["-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=60)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.frames)
    print(json.dumps(result) if args.json else json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
