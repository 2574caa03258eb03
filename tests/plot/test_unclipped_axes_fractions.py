"""clip_on=False artists placed in axes fractions (``transform=ax.transAxes``, blended
transforms of lines) land where matplotlib puts them: they are drawn in a view over the whole
canvas, whose camera spans more than the axes (lumos/plot/unclipped.py)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from lumos import pyplot as plt

# matplotlib 3.11, a 6.4 x 4.8 in figure at 100 dpi (the default axes box
# [0.125, 0.11, 0.775, 0.77]): the rectangle from (0.25, 0.25) to (0.75, 0.75) in axes
# fractions spans x 204..452 and y 150..335 (rows from the top)
MPL_X, MPL_Y = (204, 452), (150, 335)


def filled_span(img, color) -> tuple[tuple[int, int], tuple[int, int]]:
    hit = (np.abs(img[..., :3] / 255.0 - color) < 0.1).all(axis=-1)
    rows, cols = np.flatnonzero(hit.any(axis=1)), np.flatnonzero(hit.any(axis=0))
    return (int(cols.min()), int(cols.max())), (int(rows.min()), int(rows.max()))


def figure(clip_on: bool):
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    ax.set_xlim(0, 10)
    ax.set_ylim(-3, 2)
    ax.add_patch(plt.Rectangle((0.25, 0.25), 0.5, 0.5, transform=ax.transAxes,
                               clip_on=clip_on, color="red"))
    return fig, ax


@pytest.mark.parametrize("clip_on", [True, False])
def test_patch_in_axes_fractions_spans_matplotlibs_pixels(clip_on):
    fig, _ = figure(clip_on)
    xs, ys = filled_span(fig.render(), (1, 0, 0))
    assert xs == pytest.approx(MPL_X, abs=1)
    assert ys == pytest.approx(MPL_Y, abs=1)
    plt.close(fig)


@pytest.mark.parametrize("clip_on", [True, False])
def test_svg_places_it_the_same(tmp_path, clip_on):
    fig, _ = figure(clip_on)
    fig.savefig(tmp_path / "f.svg")
    svg = (tmp_path / "f.svg").read_text()
    red = re.findall(r'<path d="([^"]+)" style="fill:#ff0000', svg)
    assert len(red) == 1
    xy = np.array(re.findall(r"-?\d+(?:\.\d+)?", red[0]), float).reshape(-1, 2)  # pixels
    assert (xy[:, 0].min(), xy[:, 0].max()) == pytest.approx(MPL_X, abs=0.5)
    assert (xy[:, 1].min(), xy[:, 1].max()) == pytest.approx(MPL_Y, abs=0.5)
    plt.close(fig)


@pytest.mark.parametrize("blended", [False, True])
def test_line_in_axes_fractions_unclipped(blended):
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    ax.set_xlim(0, 10)
    ax.set_ylim(-3, 2)
    if blended:  # x in data, y in axes fractions
        ax.plot([2.5, 7.5], [0.5, 0.5], transform=ax.get_xaxis_transform(), clip_on=False,
                color="blue", lw=4, solid_capstyle="butt")
    else:
        ax.plot([0.25, 0.75], [0.5, 0.5], transform=ax.transAxes, clip_on=False,
                color="blue", lw=4, solid_capstyle="butt")
    xs, ys = filled_span(fig.render(), (0, 0, 1))
    assert xs == pytest.approx(MPL_X, abs=1)
    assert (ys[0] + ys[1]) / 2 == pytest.approx(242.5, abs=1)
    plt.close(fig)
