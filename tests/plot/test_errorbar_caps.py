"""An errorbar's caps answer matplotlib's Line2D marker accessors (scripts restyle caps
with ``set_markersize``/``set_markeredgewidth``/``set_markeredgecolor``), and the picture
follows."""

from __future__ import annotations

import numpy as np
import pytest

import lumos


def red_columns(img) -> int:
    red = (img[..., 0] > 200) & (img[..., 1] < 80) & (img[..., 2] < 80)
    return int(red.any(axis=0).sum())


def test_caps_take_marker_accessors_and_redraw():
    fig, ax = lumos.subplots(figsize=(3, 3), dpi=72)  # points are pixels
    eb = ax.errorbar([0], [0], yerr=1, capsize=3, ecolor="k")
    ax.set_xlim(-1, 1)
    ax.set_ylim(-2, 2)
    top, bottom = eb[1]
    assert top.get_marker() == "_" and top.get_markersize() == 6.0
    top.set_markeredgecolor("red")
    narrow = red_columns(fig.render())
    top.set_markersize(30)
    top.set_mew(3)
    assert top.get_markersize() == 30.0 and top.get_markeredgewidth() == 3.0
    assert top.get_markeredgecolor() == (1.0, 0.0, 0.0, 1.0)
    wide = red_columns(fig.render())
    assert narrow == pytest.approx(6, abs=2)
    assert wide == pytest.approx(30, abs=4)  # antialiased ends of a 3 px stroke


def test_cap_markersize_is_checked():
    fig, ax = lumos.subplots()
    (cap, _) = ax.errorbar([0], [0], yerr=1, capsize=3)[1]
    with pytest.raises(TypeError, match="markersize"):
        cap.set_markersize("big")
    assert np.isfinite(cap.get_markersize())
