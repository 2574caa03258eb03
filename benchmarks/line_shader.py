"""CPU time per frame of the line shader (llvmpipe renders on the CPU): 20 lines of 2000
points, 8 px wide, in an 800 x 600 canvas, for each cap and join style
(``python line_shader.py``; run it on two trees, alternating, to compare them)."""

import resource
import time

import numpy as np

from lumos.scene import Canvas
from lumos.scene.cameras import PanZoomCamera
from lumos.visuals import Line


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def frame_cost(**style) -> tuple[float, float]:
    """Median wall and CPU seconds of 15 renders."""
    rng = np.random.default_rng(0)
    c = Canvas(size=(800, 600), bgcolor="white")
    v = c.add_view(rect=(0, 0, 800, 600), camera=PanZoomCamera((0, 0, 2000, 20)))
    x = np.arange(2000.0)
    lines = [np.c_[x, i + np.cumsum(rng.normal(0, 0.08, 2000))] for i in range(20)]
    v.add(Line(pos=lines, width=8.0, color="C0", **style))
    c.render()
    walls, cpus = [], []
    for _ in range(15):
        t, u = time.perf_counter(), cpu()
        c.render()
        walls.append(time.perf_counter() - t)
        cpus.append(cpu() - u)
    return float(np.median(walls)), float(np.median(cpus))


if __name__ == "__main__":
    styles = {"default (round)": {}, "projecting": {"cap": "projecting"},
              "miter": {"join": "miter"}, "bevel": {"join": "bevel"},
              "dashed round caps": {"dashes": (12, 6), "dash_cap": "round"},
              "aliased": {"antialiased": False}}
    for name, style in styles.items():
        try:
            wall, cpu_s = frame_cost(**style)
        except TypeError:  # a tree without that keyword
            continue
        print(f"{name:20s} wall {wall * 1000:6.1f} ms  cpu {cpu_s * 1000:6.1f} ms")
