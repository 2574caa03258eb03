"""matplotlib's arrow and fancy box patches: FancyArrow and FancyBboxPatch
(``lumos.patches`` re-exports them).
"""

from __future__ import annotations

import math

import numpy as np

from ..path import Path
from .boxstyles import BoxStyle, style_names
from .patch_base import Patch
from .patch_shapes import BoxBounds, Polygon
from .patch_style import check_real


class FancyArrow(Polygon):
    """An arrow from (x, y) by (dx, dy) with a tail of ``width`` and a head of
    ``head_width`` × ``head_length`` (data units), as matplotlib's."""

    _edge_default = True

    def __init__(self, x, y, dx, dy, *, width=0.001, length_includes_head=False,
                 head_width=None, head_length=None, shape="full", overhang=0,
                 head_starts_at_zero=False, **kwargs) -> None:
        if shape not in ("full", "left", "right"):
            raise ValueError(f"shape: got {shape!r}, expected 'full', 'left' or 'right'")
        self._x, self._y = check_real(x, "x"), check_real(y, "y")
        self._dx, self._dy = check_real(dx, "dx"), check_real(dy, "dy")
        self._width = check_real(width, "width", 0.0)
        self._length_includes_head = bool(length_includes_head)
        self._head_width = None if head_width is None else check_real(head_width,
                                                                      "head_width", 0.0)
        self._head_length = None if head_length is None else check_real(head_length,
                                                                         "head_length", 0.0)
        self._shape = shape
        self._overhang = check_real(overhang, "overhang")
        self._head_starts_at_zero = bool(head_starts_at_zero)
        super().__init__(self._make_verts(), closed=True, **kwargs)

    def set_data(self, *, x=None, y=None, dx=None, dy=None, width=None, head_width=None,
                 head_length=None) -> None:
        """Change the arrow; values left None keep theirs."""
        for name, value in (("x", x), ("y", y), ("dx", dx), ("dy", dy)):
            if value is not None:
                setattr(self, f"_{name}", check_real(value, name))
        for name, value in (("width", width), ("head_width", head_width),
                            ("head_length", head_length)):
            if value is not None:
                setattr(self, f"_{name}", check_real(value, name, 0.0))
        self.set_xy(self._make_verts())

    def _make_verts(self) -> np.ndarray:
        hw = 3 * self._width if self._head_width is None else self._head_width
        hl = 1.5 * hw if self._head_length is None else self._head_length
        distance = math.hypot(self._dx, self._dy)
        length = distance if self._length_includes_head else distance + hl
        hs, lw = self._overhang, self._width
        left = np.array([[0.0, 0.0], [-hl, -hw / 2], [-hl * (1 - hs), -lw / 2],
                         [-length, -lw / 2], [-length, 0]])
        if not self._length_includes_head:
            left += [hl, 0]
        if self._head_starts_at_zero:
            left += [hl / 2, 0]
        if self._shape == "left":
            coords = left
        else:
            right = left * [1, -1]
            coords = right if self._shape == "right" else \
                np.concatenate([left[:-1], right[-2::-1]])
        cx, sx = (self._dx / distance, self._dy / distance) if distance else (0.0, 1.0)
        return coords @ np.array([[cx, sx], [-sx, cx]]) + [self._x + self._dx,
                                                           self._y + self._dy]

    def __repr__(self) -> str:
        return "FancyArrow()"


class FancyBboxPatch(BoxBounds, Patch):
    """A box around the rectangle (xy, width, height) drawn in ``boxstyle`` (a name with
    attributes, "round,pad=0.2", or a :class:`BoxStyle`); ``mutation_scale`` scales the
    style's pad and sizes, ``mutation_aspect`` squeezes them vertically."""

    _edge_default = True

    def __init__(self, xy, width, height, boxstyle="round", *, mutation_scale=1,
                 mutation_aspect=1, **kwargs) -> None:
        super().__init__(**kwargs)
        self._set_box(xy, width, height)
        self._boxstyle = None
        self.set_boxstyle(boxstyle)
        self._mutation_scale = check_real(mutation_scale, "mutation_scale", 0.0, finite=True)
        self._mutation_aspect = check_real(mutation_aspect, "mutation_aspect", finite=True)
        if self._mutation_aspect == 0:
            raise ValueError("mutation_aspect: got 0, expected a nonzero number")

    def set_boxstyle(self, boxstyle=None, **kwargs):
        """``set_boxstyle("round", pad=0.2)``; without arguments, the style names."""
        if boxstyle is None:
            return ", ".join(style_names())
        if isinstance(boxstyle, str):
            boxstyle = BoxStyle(boxstyle, **kwargs)
        elif not callable(boxstyle):
            raise TypeError(f"boxstyle: got {type(boxstyle).__name__}, expected a style name "
                            "or a BoxStyle")
        self._boxstyle = boxstyle
        self._changed()
        return None

    def get_boxstyle(self):
        """The box style object."""
        return self._boxstyle

    def get_mutation_scale(self) -> float:
        """The scale applied to the box style's sizes (pad, rounding)."""
        return self._mutation_scale

    def set_mutation_scale(self, scale) -> None:
        """The scale applied to the box style's sizes (pad, rounding)."""
        self._mutation_scale = check_real(scale, "scale", 0.0, finite=True)
        self._changed()

    def get_mutation_aspect(self) -> float:
        """The height/width ratio the box style is computed in."""
        return self._mutation_aspect

    def set_mutation_aspect(self, aspect) -> None:
        """The height/width ratio the box style is computed in."""
        self._mutation_aspect = check_real(aspect, "aspect", finite=True)
        self._changed()

    def get_path(self) -> Path:
        a = self._mutation_aspect
        p = self._boxstyle(self._x0, self._y0 / a, self._width, self._height / a,
                           self._mutation_scale)
        return Path(np.asarray(p.vertices, dtype=float) * [1, a], p.codes)

    def __repr__(self) -> str:
        return (f"FancyBboxPatch(({self._x0:g}, {self._y0:g}), width={self._width:g}, "
                f"height={self._height:g})")

