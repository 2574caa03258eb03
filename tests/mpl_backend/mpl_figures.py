"""A representative set of matplotlib figures, drawn by both Agg and lumos in the tests.

Each function builds a figure with matplotlib's object API (no pyplot state) and
returns it; the data are fixed (seeded) so that both backends draw the same thing.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure


def lines() -> Figure:
    fig = Figure(figsize=(4, 3), dpi=100)
    ax = fig.add_subplot()
    x = np.linspace(0, 10, 300)
    ax.plot(x, np.sin(x), "r--", label="sin")
    ax.plot(x, np.cos(x), lw=2.5, solid_capstyle="round", label="cos")
    ax.plot(x, 0.5 * np.sin(2 * x), ":", color="C2", label="dotted")
    ax.plot(x, -0.5 * np.cos(2 * x), "-.", color="C3", lw=1.5)
    ax.axhline(0, color="k", lw=0.8)
    ax.set_xlabel("time (s)")
    ax.set_ylabel("amplitude")
    ax.legend(loc="upper right")
    ax.grid(True)
    return fig


def markers() -> Figure:
    fig = Figure(figsize=(4, 3), dpi=100)
    ax = fig.add_subplot()
    x = np.arange(10)
    for i, m in enumerate("os^vD*+xph"):
        ax.plot(x, x * 0 + i, m, ms=7, mfc=f"C{i}", mec="k" if i % 2 else f"C{i}")
    rng = np.random.default_rng(0)
    ax.scatter(rng.uniform(0, 9, 60), rng.uniform(0, 9, 60), s=rng.uniform(10, 80, 60),
               c=rng.uniform(0, 1, 60), cmap="viridis", alpha=0.7, edgecolors="k")
    return fig


def bars() -> Figure:
    fig = Figure(figsize=(5, 3), dpi=100)
    ax1, ax2 = fig.subplots(1, 2)
    labels = ["a", "b", "c", "d"]
    ax1.bar(labels, [3, 5, 2, 4], yerr=[0.3, 0.5, 0.2, 0.4], capsize=3, color="C1",
            edgecolor="k")
    ax1.bar(labels, [1, 2, 1, 1], bottom=[3, 5, 2, 4], color="C2", hatch="//")
    rng = np.random.default_rng(1)
    ax2.hist(rng.normal(size=2000), bins=30, histtype="stepfilled", alpha=0.6)
    ax2.hist(rng.normal(1, 0.5, size=2000), bins=30, histtype="step", lw=1.5)
    fig.tight_layout()
    return fig


def images() -> Figure:
    fig = Figure(figsize=(5, 2.5), dpi=100)
    ax1, ax2 = fig.subplots(1, 2)
    y, x = np.mgrid[-2:2:60j, -3:3:80j]
    z = np.exp(-x**2 - y**2) * np.cos(3 * x)
    im = ax1.imshow(z, cmap="RdBu_r", origin="lower", extent=(-3, 3, -2, 2))
    fig.colorbar(im, ax=ax1)
    ax2.imshow(np.arange(24).reshape(4, 6), cmap="tab20", interpolation="none")
    return fig


def contours() -> Figure:
    fig = Figure(figsize=(5, 2.5), dpi=100)
    ax1, ax2 = fig.subplots(1, 2)
    y, x = np.mgrid[-2:2:80j, -3:3:120j]
    z = np.exp(-x**2 - y**2) - np.exp(-(x - 1)**2 - (y - 1)**2)
    ax1.contourf(x, y, z, levels=10, cmap="viridis")
    cs = ax1.contour(x, y, z, levels=10, colors="k", linewidths=0.5)
    ax1.clabel(cs, fontsize=6)
    ax2.pcolormesh(x[::8, ::8], y[::8, ::8], z[::8, ::8], shading="auto", cmap="magma")
    return fig


def text() -> Figure:
    fig = Figure(figsize=(4, 3), dpi=100)
    ax = fig.add_subplot()
    ax.set_title(r"Mathtext: $\alpha^2 + \beta_i = \frac{1}{\sqrt{x}}$")
    ax.text(0.05, 0.75, r"$\sum_{n=1}^\infty \frac{1}{n^2} = \frac{\pi^2}{6}$", fontsize=14)
    ax.text(0.05, 0.5, "Serif, bold, 12 pt", family="serif", weight="bold", fontsize=12)
    ax.text(0.6, 0.3, "rotated", rotation=30, fontsize=11)
    ax.annotate("peak", xy=(0.8, 0.8), xytext=(0.5, 0.6),
                arrowprops=dict(arrowstyle="->", color="C3"))
    ax.text(0.05, 0.15, "boxed", bbox=dict(boxstyle="round", fc="C1", alpha=0.4))
    return fig


def legends_and_hatches() -> Figure:
    fig = Figure(figsize=(4, 3), dpi=100)
    ax = fig.add_subplot()
    for i, h in enumerate(["/", "\\\\", "x", "o", ".", "*", "-", "+"]):
        ax.bar(i, 1 + i % 3, color="w", edgecolor=f"C{i}", hatch=h, label=f"hatch {h}")
    ax.legend(ncols=2, fontsize=7, loc="upper left")
    ax.set_ylim(0, 5)
    return fig


def polar() -> Figure:
    fig = Figure(figsize=(3, 3), dpi=100)
    ax = fig.add_subplot(projection="polar")
    t = np.linspace(0, 2 * np.pi, 200)
    ax.plot(t, 1 + 0.5 * np.sin(5 * t))
    ax.fill(t, 0.5 + 0.2 * np.cos(3 * t), alpha=0.4)
    return fig


def axes3d() -> Figure:
    fig = Figure(figsize=(4, 3), dpi=100)
    ax = fig.add_subplot(projection="3d")
    x, y = np.meshgrid(np.linspace(-2, 2, 25), np.linspace(-2, 2, 25))
    z = np.exp(-x**2 - y**2)
    ax.plot_surface(x, y, z, cmap="viridis", edgecolor="none")
    ax.plot(np.cos(np.linspace(0, 6, 50)), np.sin(np.linspace(0, 6, 50)),
            np.linspace(0, 1, 50), color="C3")
    return fig


FIGURES = {f.__name__: f for f in (lines, markers, bars, images, contours, text,
                                   legends_and_hatches, polar, axes3d)}
