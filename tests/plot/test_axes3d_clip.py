"""3D axes clip their data to the axes' rectangle, as matplotlib clips a 3D axes' lines,
collections and patches to its bbox, while the box, its labels and ``ax.text`` use the
larger view around it (pictures, frames, SVG and PDF)."""

from __future__ import annotations

import io
import re
import zlib

import numpy as np
import pytest
from PIL import Image

import lumos.pyplot as plt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def three_axes(pyplot):
    """A line, a surface and a scatter whose data reach far beyond their limits."""
    fig = pyplot.figure(figsize=(6, 2), dpi=100)
    x = np.linspace(-8, 8, 30)
    X, Y = np.meshgrid(x, x)
    Z = np.sin(np.hypot(X, Y)) * 3
    a1 = fig.add_subplot(131, projection="3d")
    line = a1.plot(x * 1.6, np.cos(x) * 9, x * 0.6, "r-", lw=2)[0]
    a1.set(xlim=(-5, 5), ylim=(-5, 5), zlim=(-3, 3))
    a2 = fig.add_subplot(132, projection="3d")
    surf = a2.plot_surface(X, Y, Z, color="C1")
    a2.set(xlim=(-4, 4), ylim=(-4, 4), zlim=(-1, 1))
    a3 = fig.add_subplot(133, projection="3d")
    sc = a3.scatter(X.ravel()[::5], Y.ravel()[::5], Z.ravel()[::5], c="b", s=30)
    a3.set(xlim=(-4, 4), ylim=(-4, 4), zlim=(-1, 1))
    return fig, [a1, a2, a3], [line, surf, sc]


def picture(fig) -> np.ndarray:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    buf.seek(0)
    return np.asarray(Image.open(buf).convert("RGB")).astype(int)


def data_pixels(fig, axes, artists, rects) -> tuple[int, int]:
    """Pixels the data artists change, outside every axes rectangle and inside one
    (``rects``: (x0, y0, x1, y1) figure pixels from the bottom left)."""
    on = picture(fig)
    for a in artists:
        a.set_visible(False)
    changed = (on != picture(fig)).any(axis=2)
    h, w = changed.shape
    rows, cols = np.arange(h)[:, None], np.arange(w)[None]
    inside = np.zeros_like(changed)
    for x0, y0, x1, y1 in rects:
        inside |= ((cols >= x0) & (cols < x1) & (rows >= h - y1) & (rows < h - y0))
    return int((changed & ~inside).sum()), int((changed & inside).sum())


def test_data_pixels_stay_inside_the_axes_rectangle_as_matplotlibs():
    fig, axes, artists = three_axes(plt)
    # the axes' rectangles, with the one row and column below and left of each that
    # llvmpipe's multisampled scissor reaches half a pixel into (hardware does not)
    rects = [(round(bx) - 1, round(by) - 1, round(bx + bw), round(by + bh))
             for bx, by, bw, bh in (ax.box for ax in axes)]
    outside, inside = data_pixels(fig, axes, artists, rects)
    assert outside == 0 and inside > 20000
    mfig, maxes, martists = three_axes(mplt)
    mfig.canvas.draw()
    mrects = [tuple(round(v) for v in ax.bbox.extents) for ax in maxes]
    moutside, minside = data_pixels(mfig, maxes, martists, mrects)
    assert moutside == 0 and minside > 20000
    assert inside == pytest.approx(minside, rel=0.1)


def test_frames_clip_the_data_draws_alone_with_no_more_draws():
    fig, axes, artists = three_axes(plt)
    fig.draw()
    frame = fig.canvas.frame()
    h = fig.canvas.size[1]
    for ax in axes:
        bx, by, bw, bh = ax.box
        rect = (round(bx), round(h - by - bh), round(bx + bw) - round(bx),
                round(h - by) - round(h - by - bh))
        view = f"view{fig.canvas.views.index(ax.view)}"
        assert {d.clip for d in frame.draws if d.view == view} == {rect, None}
    for a in artists:  # the data's draws were the clipped ones, and cost no more draws
        for v in a.visuals():
            v.clip_rect = None
    unclipped = fig.canvas.frame().draws
    assert {d.clip for d in unclipped} == {None} and len(unclipped) == len(frame.draws)


def test_texts_are_not_clipped_to_the_axes():
    fig = plt.figure(figsize=(4, 3), dpi=100)
    ax = fig.add_subplot(projection="3d")
    ax.set(xlim=(0, 1), ylim=(0, 1), zlim=(0, 1))
    t = ax.text(1, 0, 1, "a long label running out", color="r")
    bx, by, bw, bh = ax.box
    outside, _ = data_pixels(fig, [ax], [t], [(round(bx) - 1, round(by) - 1,
                                               round(bx + bw), round(by + bh))])
    assert outside > 50


def test_svg_and_pdf_clip_the_data_to_the_axes_rectangle():
    fig = plt.figure(figsize=(4, 3), dpi=100)
    ax = fig.add_subplot(projection="3d")
    t = np.linspace(-3, 3, 50)
    ax.plot(t * 3, np.cos(t) * 3, t, "r-")
    ax.set(xlim=(-2, 2), ylim=(-2, 2), zlim=(-1, 1))
    fig.draw()
    bx, by, bw, bh = ax.box
    h = fig.canvas.size[1]
    # the exact box (89.5 px from the left here): matplotlib's vector backends clip to
    # the axes' bbox unrounded, Agg alone rounds a clip box to whole pixels
    rect = np.array([bx, h - by - bh, bw, bh])
    assert bx % 1 != 0

    def found(rects) -> bool:
        return any(np.allclose([float(v) for v in r], rect, atol=1e-3) for r in rects)

    svg = io.BytesIO()
    fig.savefig(svg, format="svg")
    clips = re.findall(r'<clipPath id="[^"]*"><rect x="([\d.]+)" y="([\d.]+)" '
                       r'width="([\d.]+)" height="([\d.]+)"/>', svg.getvalue().decode())
    assert found(clips), clips
    pdf = io.BytesIO()
    fig.savefig(pdf, format="pdf")
    ops = []
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf.getvalue(), re.S):
        try:
            body = zlib.decompress(m.group(1))
        except zlib.error:
            body = m.group(1)
        ops += re.findall(rb"([\d. ]+) re W n", body)
    assert found(o.split() for o in ops), ops


def test_picking_finds_the_data_inside_the_axes_rectangle_only():
    """What is clipped away cannot be picked: the pick frame moves the clip with the
    views (a pick renders the few pixels around the cursor)."""
    fig = plt.figure(figsize=(4, 3), dpi=100)
    ax = fig.add_subplot(projection="3d")
    ax.set(xlim=(0, 1), ylim=(0, 1), zlim=(0, 1))
    (line,) = ax.plot([0, 3], [0.5, 0.5], [0.5, 0.5], lw=6)
    fig.draw()
    h = fig.canvas.size[1]
    bx, by, bw, bh = ax.box
    px = ax.project([[0.5, 0.5, 0.5], [1.5, 0.5, 0.5]])[:, :2]
    inside, outside = ((x, h - y) for x, y in px)
    assert not (bx <= px[1, 0] <= bx + bw and by <= px[1, 1] <= by + bh)  # beyond the box
    hit = fig.canvas.pick(*inside)
    assert hit is not None and hit[0] in line.visuals()
    assert fig.canvas.pick(*outside) is None
