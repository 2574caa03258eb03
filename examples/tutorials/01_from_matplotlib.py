"""
From matplotlib in one line
===========================

lumos speaks matplotlib's pyplot: change the import line and a script draws on the GPU.
This page runs one script twice, once with each library, and shows what changes, what is
faster and what differs.
"""

# %%
# The same script, two libraries
# ------------------------------
# ``plot`` below takes the pyplot module as an argument: everything inside is plain
# matplotlib code. The first picture is lumos's, the second matplotlib's.

import tempfile
import time

import matplotlib
import numpy as np

import lumos.pyplot as plt  # was: import matplotlib.pyplot as plt

matplotlib.use("Agg")
import matplotlib.pyplot as mpl  # noqa: E402  (only to compare)


def plot(plt, title):
    x = np.linspace(0, 10, 400)
    fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(8, 3), dpi=100)
    ax0.plot(x, np.sin(x), "r--", label="sin")
    ax0.plot(x, np.cos(x), lw=2, label="cos")
    ax0.set_xlabel("time (s)")
    ax0.set_title(r"$\alpha \sin(\omega t)$")
    ax0.legend(loc="lower left")
    ax0.grid(True, alpha=0.3)
    rng = np.random.default_rng(1)
    pts = rng.normal(size=(2, 500))
    sc = ax1.scatter(pts[0], pts[1], c=np.hypot(*pts), s=12, cmap="viridis")
    fig.colorbar(sc, ax=ax1, label="radius")
    ax1.set_title(title)
    return fig


plot(plt, "lumos")

# %%
# matplotlib draws the same script (saved to a file here, because this page's pictures
# are collected from lumos's figures and from the PNG files a block writes):

plot(mpl, "matplotlib").savefig("matplotlib_version.png")
mpl.close("all")

# %%
# What is faster
# --------------
# Many points: lumos uploads them once and the GPU draws them; matplotlib's Agg
# rasterizes every segment on the CPU for every picture. The timings below are from the
# machine that built this page (often OpenGL in software, no GPU): the first picture of
# a million-point line, then four zoomed views of it.

y = np.random.default_rng(2).normal(size=1_000_000).cumsum()
with tempfile.TemporaryDirectory() as tmp:
    for name, lib in (("lumos", plt), ("matplotlib", mpl)):
        fig, ax = lib.subplots(figsize=(6, 3), dpi=100)
        ax.plot(y, lw=0.5)
        t = time.perf_counter()
        fig.savefig(f"{tmp}/first.png")
        first = time.perf_counter() - t
        t = time.perf_counter()
        for k in range(4):
            ax.set_xlim(k * 200_000, k * 200_000 + 300_000)
            fig.savefig(f"{tmp}/zoom{k}.png")
        zooms = (time.perf_counter() - t) / 4
        print(f"{name:>10}: first picture {first:.2f} s, then {zooms:.2f} s a zoomed view")
        lib.close(fig)

# %%
# Long x-sorted lines are drawn as a min/max envelope per pixel column from a pyramid
# built once, so zooming and panning cost follows the pixels, not the points.
#
# What differs
# ------------
# * Axes are laid out by lumos (a constrained layout): ``plt.axes([l, b, w, h])`` at an
#   explicit rectangle raises ``TypeError`` instead of being ignored.
# * Any keyword lumos does not support raises ``TypeError`` naming it: a picture is
#   never silently different.
# * ``savefig("x.png")`` writes exactly figsize × dpi pixels; ``.html`` writes a
#   standalone page that pans and zooms in the browser; ``.svg`` and ``.pdf`` are vectors.
# * Figures are GPU objects: ``with lumos.figure() as fig:`` or ``plt.close(fig)`` frees
#   their memory at once.
#
# matplotlib's ``Colormap``/``Normalize`` objects and its patches and collections are
# accepted where lumos's are, so existing helper code keeps working.
