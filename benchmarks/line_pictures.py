"""md5 of 153 line pictures, to check that a change of the line's shaders or draws keeps
every pixel: caps x joins x dashes x widths with NaN breaks, translucent, aliased,
LineCollection, dpi 200, log and symlog with values <= 0 and views zoomed far in (the
vertex shader's far-end cut), 3D, level of detail, multisampled (a fill in the view),
steps, batches of lines.

    python benchmarks/line_pictures.py > new.txt   # in each tree; then diff the two
"""

import hashlib
import sys

import numpy as np

import lumos.pyplot as plt
from lumos.collections import LineCollection

CAPS = ("butt", "round", "projecting")
JOINS = ("miter", "round", "bevel")
out = {}


def shot(name, fig):
    out[name] = hashlib.md5(fig.render().tobytes()).hexdigest()[:16]
    plt.close(fig)


t = np.linspace(0, 4 * np.pi, 300)
zig = np.c_[t, np.sin(t) + 0.3 * (np.arange(300) % 2)]
zign = zig.copy()
zign[[100, 200, 201], 1] = np.nan


def fig_():
    return plt.subplots(figsize=(3, 2), dpi=80)


for cap in CAPS:
    for join in JOINS:
        for dash in (None, "--", (0, (4, 2, 1, 2))):
            for lw in (1.0, 4.5):
                f, ax = fig_()
                kw = {} if dash is None else {"linestyle": dash}
                ax.plot(*zign.T, lw=lw, solid_capstyle=cap, dash_capstyle=cap,
                        solid_joinstyle=join, dash_joinstyle=join, **kw)
                ax.plot(t, np.cos(t), lw=lw * 2, solid_capstyle=cap, color="C1", **kw)
                shot(f"{cap}-{join}-{dash}-{lw}", f)
        for lw in (1.5, 6.0):
            f, ax = fig_()
            ax.plot(*zign.T, lw=lw, alpha=0.5, solid_capstyle=cap, solid_joinstyle=join)
            ax.plot(t[::3], np.cos(t[::3]), lw=lw, alpha=0.4, solid_capstyle=cap,
                    linestyle="--", dash_capstyle=cap)
            shot(f"alpha-{cap}-{join}-{lw}", f)
        f, ax = fig_()
        ax.plot(*zign.T, lw=3, antialiased=False, solid_capstyle=cap, solid_joinstyle=join)
        shot(f"aliased-{cap}-{join}", f)
        f, ax = plt.subplots(figsize=(3, 2), dpi=200)
        ax.plot(*zign.T, lw=2.5, solid_capstyle=cap, solid_joinstyle=join)
        shot(f"dpi200-{cap}-{join}", f)
        f, ax = fig_()  # multisampled: a fill in the view
        ax.fill_between(t, 0, np.sin(t) * 0.5, alpha=0.3)
        ax.plot(*zign.T, lw=3, solid_capstyle=cap, solid_joinstyle=join)
        shot(f"msaa-{cap}-{join}", f)
    # LineCollection
    rng = np.random.default_rng(1)
    segs = [np.c_[np.linspace(0, 1, 8), rng.random(8) + i * 0.3] for i in range(6)]
    for lw in (1.0, [1, 3, 5, 2, 4, 6]):
        f, ax = fig_()
        lc = LineCollection(segs, linewidths=lw, colors=["C0", "C1", (0, 0, 1, 0.5)],
                            capstyle=cap)
        ax.add_collection(lc)
        ax.autoscale_view()
        shot(f"lc-{cap}-{lw}", f)
    # log / symlog with non-positive values (far-end cut), zoomed
    y = np.r_[1.0, 10, -5, 0, 100, 3, 0.5, 20]
    x = np.arange(8.0)
    for scale in ("log", "symlog"):
        for lim in (None, (2.5, 4.5)):
            f, ax = fig_()
            ax.plot(x, y, lw=3, solid_capstyle=cap)
            ax.set_yscale(scale)
            if lim:
                ax.set_xlim(*lim)
            shot(f"{scale}-{cap}-{lim}", f)
    # zoomed far in: points far outside the view
    for lim in ((10.0, 10.2), (0, 1e-3)):
        f, ax = fig_()
        ax.plot(*zign.T, lw=4, solid_capstyle=cap)
        ax.set_xlim(*lim)
        ax.set_ylim(-2, 2)
        shot(f"zoom-{cap}-{lim}", f)
    # 3D
    f = plt.figure(figsize=(3, 3), dpi=80)
    ax = f.add_subplot(projection="3d")
    ax.plot(np.cos(t), np.sin(t), t, lw=3, solid_capstyle=cap)
    shot(f"3d-{cap}", f)
    # level of detail
    xs = np.linspace(0, 10, 200_000)
    ys = np.sin(xs) + np.random.default_rng(2).normal(0, 0.2, len(xs))
    ys[50_000] = np.nan
    for lim in (None, (2, 3)):
        for lw in (0.72, 3):
            f, ax = fig_()
            ax.plot(xs, ys, lw=lw, solid_capstyle=cap)
            if lim:
                ax.set_xlim(*lim)
            shot(f"lod-{cap}-{lim}-{lw}", f)
    # many NaN breaks (short pieces) and single points
    yy = np.sin(t)
    yy[::90] = np.nan
    f, ax = fig_()
    ax.plot(t, yy, lw=5, solid_capstyle=cap, alpha=0.7)
    ax.plot(t, yy + 1, lw=5, solid_capstyle=cap, solid_joinstyle="miter")
    shot(f"breaks-{cap}", f)
    f, ax = fig_()
    ax.step(t[:100], np.sin(t[:100]), lw=4, solid_capstyle=cap)
    ax.plot(t[:100], np.sin(t[:100]) + 1, lw=4, marker="o", solid_capstyle=cap,
            drawstyle="steps-mid", color=(0.2, 0.4, 0.1, 0.6))
    shot(f"step-{cap}", f)

# batches: many long lines in one visual (runs per line)
rng = np.random.default_rng(3)
xb = np.linspace(0, 1, 150)
batch = [np.c_[xb, 0.1 * i + np.cumsum(rng.normal(0, 0.01, 150))] for i in range(12)]
for cap in CAPS:
    for alpha in (1.0, 0.5):
        f, ax = fig_()
        ax.add_collection(LineCollection(batch, linewidths=2.5, capstyle=cap,
                                         colors=[(0.1, 0.3, 0.8, alpha), (0.8, 0.3, 0.1, alpha)]))
        ax.autoscale_view()
        shot(f"batch-lc-{cap}-{alpha}", f)
    f, ax = fig_()
    for b in batch:
        ax.plot(*b.T, lw=2, solid_capstyle=cap, color="C2")
    shot(f"batch-plot-{cap}", f)

for k, v in out.items():
    print(k, v)
print(len(out), "pictures", file=sys.stderr)
