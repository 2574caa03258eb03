"""Interactive frames: panning and zooming in a GLFW window, beside the floor.

    python benchmarks/window.py [--frames 30] [--json]

Without a DISPLAY it starts its own Xvfb (Debian package ``xvfb``). Every scene is a
figure (a 3D canvas for the surface) in an 800 x 600 window with vsync off; a frame is
the mouse event, the draw, the buffer swap and ``glFinish``: what a window pays per
frame while the mouse moves. Scenes: a 10^6-point line, 10^5 and 10^6 colormapped
scatters (3 px), a 1000 x 1000 image, and a 3D surface (a lumos Mesh of 200 x 200
vertices, 79 202 triangles) turned by dragging. Pan: 30 drags; zoom: 30 wheel notches
in and out. lumos's Window multisamples (4x, offscreen, resolved into the window) only
the frames whose visuals need it (the surface's triangles), which llvmpipe pays for on
every pixel; the frames of a ``Window(samples=0)`` are shown too. The floor draws the
same primitives with ``floor.py``'s minimal programs (the same sizes, antialiased, a
plain framebuffer where no triangle edge needs multisampling; the surface
multisampled) in a window of its own, panned by the same drags: each frame new view
limits, the line's envelope of the new x range sliced from min/max bins made once and
uploaded, the scatters and the image moved by a uniform (their data is all on the GPU),
and the spines, ticks and tick labels of the new limits made and drawn; "data only" is
the same without the axes part. The floor's surface is drawn again unturned.
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


def lumos_frames(kind: str, data, frames: int, samples: int = 4) -> dict:
    from lumos.app.window import Window

    target, view = lumos_target(kind, data)
    win = Window(target, size=SIZE, vsync=False, samples=samples)
    try:
        win.draw()
        x, y, w, h = view.rect
        cx, cy = x + w / 2, y + h / 2
        it = win.interaction
        out = {}
        for gesture in ("pan", "zoom"):
            times = []
            if gesture == "pan":
                it.press(cx, cy, 1)
            for i in range(frames + 1):
                if gesture == "pan":
                    it.move(cx + 4 * (i % 20) - 40, cy + 2 * (i % 10))
                else:
                    it.wheel(cx, cy, 1 if i % 2 else -1)
                start = time.perf_counter()
                win.draw()
                win.ctx.finish()
                times.append(time.perf_counter() - start)
            if gesture == "pan":
                it.release(cx, cy, 1)
            out[gesture] = times[1:]  # the first frame may build a pyramid level
        out["samples"] = min(win.draw().samples, win.presenter.samples)  # what the frames got
        return out
    finally:
        win.close()


def floor_frames(kind: str, data, frames: int, plot, axes: bool = True) -> dict:
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
        for i in range(frames + 1):
            start = time.perf_counter()
            if kind != "surface":  # lumos_frames's drag: right, and down (GL: -y)
                f.pan(4 * (i % 20) - 40, -2 * (i % 10))
            f.paint()
            glfw.swap_buffers(win)
            ctx.finish()
            times.append(time.perf_counter() - start)
        return {"pan": times[1:]}
    finally:
        glfw.make_context_current(None)
        glfw.destroy_window(win)


def run(frames: int = 30) -> list[dict]:
    rows = []
    with display():
        for name, kind, data in scenes():
            lum = lumos_frames(kind, data, frames)
            single = lumos_frames(kind, data, frames, samples=0)
            target, view = lumos_target(kind, data)
            x, y, w, h = view.rect if kind != "surface" else (0, 0, *SIZE)
            plot = (int(x), int(y), int(w), int(h))
            flo = floor_frames(kind, data, frames, plot)
            # the surface has no axes: its frames are the data's already
            bare = flo if kind == "surface" else floor_frames(kind, data, frames, plot,
                                                               axes=False)
            rows.append({
                "scene": name,
                "pan_ms": 1000 * statistics.median(lum["pan"]),
                "pan_p90_ms": 1000 * float(np.percentile(lum["pan"], 90)),
                "zoom_ms": 1000 * statistics.median(lum["zoom"]),
                "pan_single_ms": 1000 * statistics.median(single["pan"]),
                "floor_ms": 1000 * statistics.median(flo["pan"]),
                "floor_data_ms": 1000 * statistics.median(bare["pan"]),
                "window_samples": lum["samples"],
            })
    return rows


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--frames", type=int, default=30)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    rows = run(a.frames)
    if a.json:
        print(json.dumps(rows))
        return
    for r in rows:
        print(f"{r['scene']:30s} pan {r['pan_ms']:6.1f} ms (p90 {r['pan_p90_ms']:6.1f}), zoom "
              f"{r['zoom_ms']:6.1f} ms; without multisampling: pan {r['pan_single_ms']:6.1f} "
              f"ms; floor {r['floor_ms']:6.1f} ms (data only {r['floor_data_ms']:6.1f}); "
              f"lumos / floor "
              f"{r['pan_ms'] / r['floor_ms']:.2f} (window samples {r['window_samples']})")


if __name__ == "__main__":
    main()
