"""A legend entry drawn by a user's handler (matplotlib's "custom legend handler"): an
object with ``legend_artist(legend, orig_handle, fontsize, handlebox)`` in the legend's
``handler_map``, such as matplotlib's ``HandlerPatch`` subclasses or any class of the
script's own.

The handler is called at each draw with a handle box as matplotlib's ``DrawingArea``
presents it (``width``, ``height``, ``xdescent``, ``ydescent`` in points,
``get_transform()`` to figure pixels, ``add_artist``); the matplotlib patches and lines
it adds are drawn into the legend through their public API (path, transform, colors,
widths, dashes, hatch). Anything else it adds is a TypeError naming it.
"""

from __future__ import annotations

import sys

import numpy as np

from .. import colors
from .. import primitives as prim
from .artists import MARKER_SCALE, LegendHandle, check_marker, marker_symbol
from .style import dash_pattern


class HandleBox:
    """The box a handler draws into (matplotlib's ``DrawingArea`` for a legend handle):
    sizes in points; ``get_transform()`` maps them to figure pixels."""

    def __init__(self, width: float, height: float, xdescent: float, ydescent: float,
                 transform) -> None:
        self.width, self.height = width, height
        self.xdescent, self.ydescent = xdescent, ydescent
        self._transform = transform
        self.artists: list = []

    def get_transform(self):
        """Points of the box to figure pixels."""
        return self._transform

    def add_artist(self, artist) -> None:
        """Draw ``artist`` in the legend entry."""
        self.artists.append(artist)


class _LegendView:
    """The legend as a handler sees it: the lumos legend's attributes, plus the one
    helper matplotlib's stock handlers call (``update_prop``)."""

    def __init__(self, legend) -> None:
        self._legend = legend

    def __getattr__(self, name: str):
        return getattr(self._legend, name)

    def _set_artist_props(self, artist) -> None:
        """matplotlib's Legend._set_artist_props: the artist in the legend's (identity)
        transform, until the handler gives it the handle box's."""
        artist.set_transform(_affine(np.eye(3)))


def _affine(matrix: np.ndarray):
    """A 2D affine transform matplotlib's artists take: matplotlib's when it is imported
    (a handler making matplotlib artists has imported it), else lumos's."""
    mtransforms = sys.modules.get("matplotlib.transforms")
    if mtransforms is not None:
        return mtransforms.Affine2D(matrix)
    from ..path import Affine2D

    return Affine2D(matrix)


class CustomHandle:
    """One legend entry drawn by ``handler`` for ``orig_handle``."""

    def __init__(self, handler, orig_handle, figure) -> None:
        if not callable(getattr(handler, "legend_artist", None)):
            raise TypeError(f"handler_map: got {type(handler).__name__}, expected a legend "
                            "handler (an object with a legend_artist method)")
        self.handler, self.orig_handle, self.figure = handler, orig_handle, figure

    def get_label(self) -> str:
        """The original handle's label, when it has one."""
        get = getattr(self.orig_handle, "get_label", None)
        return str(get() or "") if callable(get) else ""

    def draw(self, ov, x: float, y: float, length: float, fs: float, legend) -> LegendHandle:
        """Call the handler for the entry whose handle spans ``length`` pixels from
        ``x`` around height ``y`` (font size ``fs`` pixels) and draw what it adds.
        Returns the look of the artist it returned (for ``labelcolor``)."""
        scale = self.figure.points_to_pixels(1.0)
        fontsize = fs / scale
        # matplotlib's Legend._init_legend_box: the box's height and descent
        descent = 0.35 * fontsize * (legend.handleheight - 0.7)
        height = fontsize * legend.handleheight - descent
        bottom = y - fs * legend.handleheight / 2
        transform = _affine(np.array([[scale, 0.0, x], [0.0, scale, bottom + descent * scale],
                                      [0.0, 0.0, 1.0]]))
        box = HandleBox(length / scale, height, 0.0, descent, transform)
        returned = self.handler.legend_artist(_LegendView(legend), self.orig_handle,
                                              fontsize, box)
        looks = [_draw_artist(ov, a, scale, self.figure.dpi) for a in box.artists]
        for a, look in zip(box.artists, looks, strict=True):
            if a is returned:
                return look
        return looks[0] if looks else LegendHandle()


def _rgba(value) -> tuple:
    return tuple(float(v) for v in colors.to_rgba(value))


def _draw_artist(ov, artist, scale: float, dpi: float) -> LegendHandle:
    """One matplotlib patch or line a handler added, in figure pixels."""
    mpatches = sys.modules.get("matplotlib.patches")
    mlines = sys.modules.get("matplotlib.lines")
    if not artist.get_visible() if callable(getattr(artist, "get_visible", None)) else False:
        return LegendHandle()
    if mpatches is not None and isinstance(artist, mpatches.Patch):
        path = artist.get_transform().transform_path(artist.get_path())
        face = _rgba(artist.get_facecolor()) if artist.get_fill() else (0.0, 0.0, 0.0, 0.0)
        edge = _rgba(artist.get_edgecolor())
        width = float(artist.get_linewidth()) * scale
        stroke = None
        if width > 0 and edge[3] > 0:
            stroke = prim.Stroke(edge, width, dash_pattern(artist.get_linestyle(), width),
                                 join=str(artist.get_joinstyle()),
                                 cap=str(artist.get_capstyle()))
        hatch = artist.get_hatch() or None
        ov.path(prim.Path(np.asarray(path.vertices, dtype=float), path.codes,
                          fill=face if face[3] > 0 else None, stroke=stroke, hatch=hatch,
                          hatch_color=_rgba(artist.get_hatchcolor()) if hatch else None,
                          hatch_width=float(artist.get_hatch_linewidth()) * scale), dpi)
        return LegendHandle(patch=(face, edge if stroke is not None else None))
    if mlines is not None and isinstance(artist, mlines.Line2D):
        xy = artist.get_transform().transform(np.asarray(artist.get_xydata(), dtype=float))
        width = float(artist.get_linewidth()) * scale
        line = marker = None
        if artist.get_linestyle() not in ("None", "none", "", " ") and width > 0:
            line = (_rgba(artist.get_color()), width,
                    dash_pattern(artist.get_linestyle(), width))
            ov.line(xy, *line, {"cap": str(artist.get_solid_capstyle()),
                                "dash_cap": str(artist.get_dash_capstyle()),
                                "join": str(artist.get_solid_joinstyle())})
        m = check_marker(artist.get_marker())
        if m is not None:
            marker = (marker_symbol(m), artist.get_markersize() * scale * MARKER_SCALE.get(m, 1.0),
                      _rgba(artist.get_markerfacecolor()), _rgba(artist.get_markeredgecolor()),
                      artist.get_markeredgewidth() * scale)
            for px, py in xy:
                ov.marker(px, py, *marker)
        return LegendHandle(line=line, marker=marker)
    raise TypeError(f"handler_map: the handler added a {type(artist).__name__}; lumos draws "
                    "the matplotlib patches and lines a legend handler adds")
