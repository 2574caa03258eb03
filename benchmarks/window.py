"""Interactive frames: panning and zooming in a GLFW window, beside the floor.

    python benchmarks/window.py [--rounds 5] [--frames 6] [--json]

Without a DISPLAY it starts its own Xvfb (Debian package ``xvfb``). Every scene is a
figure (a 3D canvas for the surface) in an 800 x 600 window with vsync off; a frame is
the mouse event, the draw, the buffer swap and ``glFinish``: what a window pays per
frame while the mouse moves. Scenes: a 10^6-point line, 10^5 and 10^6 colormapped
scatters (3 px), a 1000 x 1000 image, and a 3D surface (a lumos Mesh of 200 x 200
vertices, 79 202 triangles) turned by dragging. Pan: drags; zoom: wheel notches in and
out. lumos's Window multisamples (4x, offscreen, resolved into the window) only
the frames whose visuals need it (the surface's triangles), which llvmpipe pays for on
every pixel; the frames of a ``Window(samples=0)`` are shown too. The floor draws the
same primitives with ``floor.py``'s minimal programs (the same sizes, antialiased, a
plain framebuffer where no triangle edge needs multisampling; the surface
multisampled) in a window of its own, panned by the same drags: each frame new view
limits, the line's envelope of the new x range sliced from min/max bins made once and
uploaded, the scatters and the image moved by a uniform (their data is all on the GPU),
and the spines, ticks and tick labels of the new limits made and drawn; "data only" is
the same without the axes part. The floor's surface is drawn again unturned.

Each scene is timed in ``--rounds`` rounds; a round opens a fresh window for each of
lumos, lumos without multisampling, the floor and the floor without axes, in an order
that rotates from round to round, and times ``--frames`` frames after one untimed frame
(round r drags on where round r - 1 stopped: 5 rounds of 6 frames are the same 30 drag
positions as 30 frames in one window). A time is the median of the round medians; the
rounds' medians are in the JSON (``rounds``) so that a ratio is taken within a round.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
SIZE = (800, 600)


@contextmanager
def display():
    """A DISPLAY: the one there is, or an Xvfb of our own for the block."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    exe = shutil.which("Xvfb")
    if exe is None:
        raise SystemExit("window.py needs a display or Xvfb (Debian package xvfb)")
    n = next(n for n in range(90, 400) if not Path(f"/tmp/.X11-unix/X{n}").exists()
             and not Path(f"/tmp/.X{n}-lock").exists())
    proc = subprocess.Popen([exe, f":{n}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while not Path(f"/tmp/.X11-unix/X{n}").exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise SystemExit(f"Xvfb :{n} did not start")
        time.sleep(0.05)
    os.environ["DISPLAY"] = f":{n}"
    try:
        yield f":{n}"
    finally:
        del os.environ["DISPLAY"]
        proc.terminate()
        proc.wait(timeout=10)


def scenes():
    """(name, kind, data) of every scene."""
    rng = np.random.default_rng(0)
    n = 1_000_000
    walk = np.cumsum(rng.standard_normal(n))
    yield "line, 10^6 points", "line", (np.linspace(0, 100, n), walk)
    for m, name in ((100_000, "10^5"), (1_000_000, "10^6")):
        yield f"scatter, {name} points", "scatter", (rng.standard_normal(m),
                                                    rng.standard_normal(m), rng.random(m))
    y, x = np.mgrid[0:1:1000j, 0:1:1000j]
    yield "image, 1000 x 1000", "image", (np.sin(12 * x) * np.cos(9 * y)
                                          + 0.1 * rng.standard_normal((1000, 1000)),)
    g = np.linspace(-3, 3, 200)
    gx, gy = np.meshgrid(g, g)
    yield "3D surface, 79 202 triangles", "surface", (g, g, np.sin(gx) * np.cos(gy))


def lumos_target(kind: str, data):
    """The figure (or canvas) of a scene and the view rectangle to drag in."""
    from lumos import geometry, scene, visuals
    from lumos.plot.figure import Figure

    if kind == "surface":
        canvas = scene.Canvas(size=SIZE, bgcolor="white")
        view = canvas.add_view(camera="turntable")
        vertices, faces = geometry.surface(*data)
        view.add(visuals.Mesh(vertices, faces, color="C0"))
        view.camera.set_range()
        return canvas, view
    fig = Figure(figsize=(SIZE[0] / 100, SIZE[1] / 100), dpi=100)
    ax = fig.subplot(0, 0)
    if kind == "line":
        ax.plot(*data, lw=0.72)
    elif kind == "scatter":
        x, y, c = data
        ax.scatter(x, y, c=c, s=(3 * 0.72) ** 2, cmap="viridis", linewidths=0)  # 3 px
    else:
        ax.imshow(data[0], cmap="viridis")
    fig.frame()  # the layout: where the axes are
    return fig, ax.view


def lumos_frames(kind: str, data, frames: int, samples: int = 4, start: int = 0,
                 gestures=("pan", "zoom")) -> dict:
    """lumos's frames in a fresh window: for each gesture one untimed frame then
    ``frames`` timed ones, the drag (or wheel) at steps ``start`` to ``start + frames``."""
    from lumos.app.window import Window

    target, view = lumos_target(kind, data)
    win = Window(target, size=SIZE, vsync=False, samples=samples)
    try:
        win.draw()
        x, y, w, h = view.rect
        cx, cy = x + w / 2, y + h / 2
        it = win.interaction
        out = {}
        for gesture in gestures:
            times = []
            if gesture == "pan":
                it.press(cx, cy, 1)
            for i in range(start, start + frames + 1):
                if gesture == "pan":
                    it.move(cx + 4 * (i % 20) - 40, cy + 2 * (i % 10))
                else:
                    it.wheel(cx, cy, 1 if i % 2 else -1)
                t0 = time.perf_counter()
                win.draw()
                win.ctx.finish()
                times.append(time.perf_counter() - t0)
            if gesture == "pan":
                it.release(cx, cy, 1)
            out[gesture] = times[1:]  # the first frame may build a pyramid level
        out["samples"] = min(win.draw().samples, win.presenter.samples)  # what the frames got
        return out
    finally:
        win.close()


def floor_frames(kind: str, data, frames: int, plot, axes: bool = True,
                 start: int = 0) -> dict:
    """The floor's pan frames: the same drags as ``lumos_frames`` (the 3D surface drawn
    again as it is); ``axes``: spines, ticks and labels too (the 2D scenes)."""
    import glfw
    import moderngl
    from floor import Floor

    glfw.init()
    hints = [(glfw.CONTEXT_VERSION_MAJOR, 3), (glfw.CONTEXT_VERSION_MINOR, 3),
             (glfw.OPENGL_PROFILE, glfw.OPENGL_CORE_PROFILE), (glfw.OPENGL_FORWARD_COMPAT, True),
             (glfw.SAMPLES, 4 if kind == "surface" else 0)]
    for hint, value in hints:
        glfw.window_hint(hint, value)
    win = glfw.create_window(*SIZE, "floor", None, None)
    glfw.default_window_hints()
    try:
        glfw.make_context_current(win)
        glfw.swap_interval(0)
        ctx = moderngl.create_context(require=330)
        f = Floor(size=glfw.get_framebuffer_size(win), plot=plot, ctx=ctx,
                  fbo=ctx.detect_framebuffer(0), axes=axes and kind != "surface")
        if kind == "line":
            f.line(*data)
        elif kind == "scatter":
            f.scatter(*data)
        elif kind == "image":
            f.image(data[0])
        else:
            from lumos import geometry

            vertices, faces = geometry.surface(*data)
            f.rect = (0, 0, *f.size)
            c, s = np.cos(np.radians(60)), np.sin(np.radians(60))
            tilt = np.array([[1, 0, 0, 0], [0, c, -s, 0], [0, s, c, 0], [0, 0, 0, 1]])
            f.surface(vertices, faces, np.diag([0.25, 0.33, 0.2, 1.0]) @ tilt)
        times = []
        for i in range(start, start + frames + 1):
            t0 = time.perf_counter()
            if kind != "surface":  # lumos_frames's drag: right, and down (GL: -y)
                f.pan(4 * (i % 20) - 40, -2 * (i % 10))
            f.paint()
            glfw.swap_buffers(win)
            ctx.finish()
            times.append(time.perf_counter() - t0)
        return {"pan": times[1:]}
    finally:
        glfw.make_context_current(None)
        glfw.destroy_window(win)


def one_block(who: str, kind: str, data, frames: int, plot, start: int) -> dict:
    """One round's block of ``who``: "lumos", "lumos-single" (no multisampling),
    "floor" or "floor-data" (the floor without axes)."""
    if who == "lumos":
        return lumos_frames(kind, data, frames, start=start)
    if who == "lumos-single":  # only its pan frames are reported
        return lumos_frames(kind, data, frames, samples=0, start=start, gestures=("pan",))
    return floor_frames(kind, data, frames, plot, axes=who == "floor", start=start)


def run(frames: int = 6, rounds: int = 5) -> list[dict]:
    rows = []
    with display():
        for name, kind, data in scenes():
            _, view = lumos_target(kind, data)
            x, y, w, h = view.rect if kind != "surface" else (0, 0, *SIZE)
            plot = (int(x), int(y), int(w), int(h))
            # the surface has no axes: its floor frames are the data's already
            who = ["lumos", "lumos-single", "floor"] + ([] if kind == "surface" else
                                                        ["floor-data"])
            medians: dict[str, list[float]] = {k: [] for k in [*who, "zoom"]}
            pans: list[float] = []
            for r in range(rounds):
                for k in who[r % len(who):] + who[:r % len(who)]:
                    got = one_block(k, kind, data, frames, plot, start=r * frames)
                    medians[k].append(1000 * statistics.median(got["pan"]))
                    if k == "lumos":
                        pans += got["pan"]
                        medians["zoom"].append(1000 * statistics.median(got["zoom"]))
                        samples = got["samples"]
            if kind == "surface":
                medians["floor-data"] = medians["floor"]
            rows.append({
                "scene": name,
                "pan_ms": statistics.median(medians["lumos"]),
                "pan_p90_ms": 1000 * float(np.percentile(pans, 90)),
                "zoom_ms": statistics.median(medians["zoom"]),
                "pan_single_ms": statistics.median(medians["lumos-single"]),
                "floor_ms": statistics.median(medians["floor"]),
                "floor_data_ms": statistics.median(medians["floor-data"]),
                "window_samples": samples,
                # each library's round medians (ms), for ratios within a round
                "rounds": {k: medians[k] for k in ("lumos", "floor", "floor-data")},
            })
    return rows


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--frames", type=int, default=6, help="timed frames per round and window")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    rows = run(a.frames, a.rounds)
    if a.json:
        print(json.dumps(rows))
        return
    for r in rows:
        ratios = [a / b for a, b in zip(r["rounds"]["lumos"], r["rounds"]["floor"], strict=True)]
        print(f"{r['scene']:30s} pan {r['pan_ms']:6.1f} ms (p90 {r['pan_p90_ms']:6.1f}), zoom "
              f"{r['zoom_ms']:6.1f} ms; without multisampling: pan {r['pan_single_ms']:6.1f} "
              f"ms; floor {r['floor_ms']:6.1f} ms (data only {r['floor_data_ms']:6.1f}); "
              f"lumos / floor {statistics.median(ratios):.2f} ({min(ratios):.2f}–"
              f"{max(ratios):.2f} over {len(ratios)} rounds; window samples "
              f"{r['window_samples']})")


if __name__ == "__main__":
    main()
