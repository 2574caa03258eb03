"""Line ends: round, butt and projecting caps (matplotlib's capstyle names)."""

from __future__ import annotations

import numpy as np
import pytest

from lumos.scene import Canvas
from lumos.scene.cameras import PanZoomCamera
from lumos.visuals import Line


def _ink_columns(cap: str, dashes=None) -> tuple[int, int]:
    """First and last columns a horizontal line from x=20 to x=60, 8 px wide, inks."""
    c = Canvas(size=(80, 40), bgcolor="white")
    v = c.add_view(rect=(0, 0, 80, 40), camera=PanZoomCamera((0, 0, 80, 40)))
    v.add(Line(pos=[[20.0, 20.0], [60.0, 20.0]], width=8, color="black", cap=cap,
               dashes=dashes))
    img = c.render()
    cols = np.nonzero((img[..., 0] < 128).any(axis=0))[0]
    return int(cols[0]), int(cols[-1])


def test_caps_end_where_matplotlib_ends_them():
    assert _ink_columns("butt") == (20, 59)  # at the end points
    assert _ink_columns("projecting") == (16, 63)  # half the width beyond
    lo, hi = _ink_columns("round")
    assert 15 <= lo <= 17 and 62 <= hi <= 64  # a half disc beyond


def test_cap_is_checked():
    with pytest.raises(ValueError, match="cap"):
        Line(pos=[[0, 0], [1, 1]], cap="square")
    line = Line(pos=[[0, 0], [1, 1]])
    assert line.cap == "round"
    line.cap = "butt"
    assert line.cap == "butt"


def test_vector_form_keeps_the_cap():
    c = Canvas(size=(80, 40), bgcolor="white")
    v = c.add_view(rect=(0, 0, 80, 40), camera=PanZoomCamera((0, 0, 80, 40)))
    v.add(Line(pos=[[20.0, 20.0], [60.0, 20.0]], width=8, cap="projecting"))
    paths = [p for p in c.primitives() if getattr(p, "stroke", None) is not None]
    assert paths and all(p.stroke.cap == "projecting" for p in paths)


def _corner_ink(**kw) -> int:
    """Ink above the corner of a right-angled V (within 6 px of it), 12 px wide, whose
    dashes leave a gap of 4 px either side of the corner."""
    c = Canvas(size=(120, 80), bgcolor="white")
    v = c.add_view(rect=(0, 0, 120, 80), camera=PanZoomCamera((0, 0, 120, 80)))
    v.add(Line(pos=[[10.0, 10.0], [60.0, 60.0], [110.0, 10.0]], width=12, color="black",
               dashes=(66.7, 8.0), **kw))
    img = c.render()
    yy, xx = np.mgrid[: img.shape[0], : img.shape[1]]
    y = img.shape[0] - yy - 0.5
    near = (np.hypot(xx + 0.5 - 60, y - 60) < 6) & (y > 60)
    return int((img[..., 0][near] < 128).sum())


def test_a_gap_at_a_corner_stays_empty():
    """Past a sharp corner a segment does not draw the next segment's dash (it drew a
    ring around the corner); projecting dash ends do reach into the gap."""
    assert _corner_ink() == 0
    assert _corner_ink(join="miter") == 0
    assert _corner_ink(dash_cap="projecting") > 20


def test_join_antialiased_and_dash_cap_are_checked():
    for name, bad in (("join", "sharp"), ("dash_cap", "square"), ("miter_limit", -1)):
        with pytest.raises(ValueError, match=name):
            Line(pos=[[0, 0], [1, 1]], **{name: bad})
    with pytest.raises(TypeError, match="antialiased"):
        Line(pos=[[0, 0], [1, 1]], antialiased="no")
