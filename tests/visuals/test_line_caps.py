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
