"""The face-only marker program: markers of a filled symbol whose edge is not drawn use
a variant of the marker shader (``#define FACE_ONLY``) without the edge band and the line
markers' stroke; it must draw exactly the pixels the full shader draws for them.
"""

from __future__ import annotations

import numpy as np
import pytest

from lumos import geometry, scene, visuals
from lumos.visuals import marker_shaders, markers
from lumos.visuals.marker_outline import text_marker
from lumos.visuals.marker_shapes import SYMBOLS, is_stroke

FILLED = tuple(s for s in SYMBOLS if not is_stroke(s))


def _fragments(visual) -> list[str]:
    canvas = scene.Canvas(size=(60, 40))
    view = canvas.add_view(camera="panzoom")
    view.add(visual)
    try:
        return [d.program.fragment for d in canvas.frame().draws if "a_size" in d.attributes]
    finally:
        canvas.close()


def _face_only(visual) -> bool:
    (fragment,) = _fragments(visual)
    return "#define FACE_ONLY" in fragment


@pytest.mark.parametrize("kwargs, expected", [
    ({}, True),  # edge_width 0
    ({"edge_color": "black", "edge_width": 0.0}, True),
    ({"edge_color": (0, 0, 0, 0), "edge_width": 2.0}, True),  # an invisible edge
    ({"edge_color": "face", "edge_width": 0.0}, True),
    ({"edge_color": "black", "edge_width": 1.0}, False),
    ({"edge_color": (0, 0, 0, 0.1), "edge_width": 1.0}, False),
    ({"edge_color": "face", "edge_width": 1.0}, False),
    ({"symbol": "x_line"}, False),  # line markers are stroked
    ({"symbol": "tickup", "edge_color": (0, 0, 0, 0)}, False),
    ({"symbol": text_marker("$a$")}, True),  # a filled outline
    ({"symbol": markers.HalfFilled("disc", "top")}, False),  # a two-color face
    ({"size": 200.0}, True),  # quads
    ({"size": 200.0, "edge_width": 1.0}, False),
])
def test_the_face_only_program_is_chosen_when_no_edge_is_drawn(kwargs, expected):
    m = visuals.Markers(pos=np.zeros((2, 2)), **kwargs)
    assert _face_only(m) is expected
    m.edge_color, m.edge_width = "red", 1.5  # a visible edge: the full program again
    assert not _face_only(m)


def _picture(symbols, size, pixel_ratio, multisampled):
    canvas = scene.Canvas(size=(240, 60), pixel_ratio=pixel_ratio, bgcolor="white")
    view = canvas.add_view(camera="panzoom")
    rng = np.random.default_rng(3)
    for i, symbol in enumerate(symbols):
        xy = np.c_[i + 0.3 * rng.standard_normal(4), 0.6 * rng.standard_normal(4)]
        view.add(visuals.Markers(pos=xy, size=size, color=rng.random((4, 4)) * 0.8 + 0.2,
                                 symbol=symbol))
    if multisampled:  # a mesh asks for multisampling
        v, f = geometry.surface([-1, -0.9], [0.9, 1], np.zeros((2, 2)))
        view.add(visuals.Mesh(v, f, color="gray"))
    view.camera.rect = (-0.5, -1.0, len(symbols), 2.0)
    try:
        return canvas.render(), canvas.frame()
    finally:
        canvas.close()


@pytest.mark.parametrize("size, pixel_ratio, multisampled, limit", [
    (5, 1.0, False, 64.0), (13, 2.0, True, 64.0), (13, 1.0, False, 0.0)])
@pytest.mark.parametrize("group", [FILLED[:12], FILLED[12:],
                                   (text_marker("$\\clubsuit$"), text_marker("$a$"))])
def test_the_face_only_program_draws_the_pixels_of_the_full_one(monkeypatch, group, size,
                                                                 pixel_ratio, multisampled,
                                                                 limit):
    monkeypatch.setattr(markers, "POINT_LIMIT", limit)  # 0: every marker a quad
    fast, frame = _picture(group, size, pixel_ratio, multisampled)
    assert all("#define FACE_ONLY" in d.program.fragment
               for d in frame.draws if "a_size" in d.attributes)
    monkeypatch.setitem(marker_shaders.PROGRAMS, (True, False),
                        marker_shaders.PROGRAMS[False, False])
    full, frame = _picture(group, size, pixel_ratio, multisampled)
    assert not any("#define FACE_ONLY" in d.program.fragment for d in frame.draws)
    np.testing.assert_array_equal(fast, full)
    assert (fast[..., :3] < 200).any()
