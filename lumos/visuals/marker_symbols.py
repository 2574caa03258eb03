"""Symbols of the Markers visual beyond the named ones: a named symbol half filled
(:class:`HalfFilled`, matplotlib's ``fillstyle``) and a named polygon moved by an affine
transform (:class:`Turned`, ``MarkerStyle(transform=...)``), with what the shader needs
to turn them (:func:`similarity`)."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from .. import colors
from .marker_outline import MarkerOutline
from .marker_shapes import (
    HALF_CENTRES,
    HALF_FILLABLE,
    JOINSTYLES,
    SEGMENTS,
    SYMBOL_PATHS,
    turn_path,
)

__all__ = ["HalfFilled", "Turned", "similarity"]

#: the face half's direction of each half fill (y up)
_HALF_SIDES = {"top": (0.0, 1.0), "bottom": (0.0, -1.0), "left": (-1.0, 0.0),
               "right": (1.0, 0.0)}


@dataclass(frozen=True)
class HalfFilled:
    """A named symbol half filled (matplotlib's ``fillstyle``): the ``side`` half
    ('top', 'bottom', 'left', 'right') in the points' face colors, the other half in
    ``alt`` (RGBA; transparent: matplotlib's default ``markerfacecoloralt='none'``); the
    edge goes round the whole symbol and, as matplotlib strokes each half, between the
    halves. ``turn``: an affine ``(a, b, c, d, e, f)`` applied to the halved symbol
    (matplotlib's ``MarkerStyle(transform=...)`` values, e and f in units of half the
    marker size; see :func:`.marker_shapes.turn_points`), None for none."""

    name: str
    side: str
    alt: tuple = (0.0, 0.0, 0.0, 0.0)
    turn: tuple | None = None

    def __post_init__(self) -> None:
        if self.name not in HALF_FILLABLE:
            raise ValueError(f"name: got {self.name!r}, expected one of "
                             f"{', '.join(HALF_FILLABLE)}")
        if self.side not in _HALF_SIDES:
            raise ValueError(f"side: got {self.side!r}, expected 'top', 'bottom', 'left' or "
                             "'right'")
        object.__setattr__(self, "alt", colors.to_rgba(self.alt, argname="alt"))
        if self.turn is not None:
            object.__setattr__(self, "turn", _check_turn(self.turn))

    def cut(self) -> tuple[tuple, float]:
        """(the face half's unit direction n, offset c): the face half is where
        ``dot(p, n) >= c`` (p in r units, y up; the symbol turned)."""
        n = _HALF_SIDES[self.side]
        k = HALF_CENTRES.get(self.name, (0.0, 0.0))
        c = n[0] * k[0] + n[1] * k[1]
        if self.turn is None:
            return n, c
        # the half plane n.p >= c moved by q = A p + t: (A^-T n).q >= c + (A^-T n).t
        a, b, cc, d, e, f = self.turn
        m = np.linalg.inv(np.array([[a, cc], [b, d]])).T @ np.asarray(n)
        scale = float(np.hypot(*m))
        return (float(m[0] / scale), float(m[1] / scale)), (c + float(m @ (e, f))) / scale

    @property
    def outline(self) -> MarkerOutline | None:
        """The whole symbol turned (the shader's distance field), None when not turned."""
        return None if self.turn is None else _turned_outline(self.name, self.turn)


@dataclass(frozen=True)
class Turned:
    """A named polygon, caret (one of :data:`.marker_shapes.JOINSTYLES`) or line marker
    moved by the affine ``turn`` ``(a, b, c, d, e, f)`` (matplotlib's
    ``MarkerStyle(transform=...)`` values, e and f in units of half the marker size): its
    corners stay corners, joined as the symbol's are, and a line marker's ends butt (an
    outline's distance field would round both)."""

    name: str
    turn: tuple

    def __post_init__(self) -> None:
        if self.name not in JOINSTYLES and self.name not in SEGMENTS:
            raise ValueError(f"name: got {self.name!r}, expected one of "
                             f"{', '.join([*JOINSTYLES, *SEGMENTS])}")
        object.__setattr__(self, "turn", _check_turn(self.turn))

    @property
    def outline(self) -> MarkerOutline:
        """The symbol turned, as an outline."""
        return _turned_outline(self.name, self.turn)


def _check_turn(turn) -> tuple:
    """Six floats of an invertible affine transform, or ValueError naming ``turn``."""
    try:
        out = tuple(float(v) for v in turn)
    except (TypeError, ValueError):
        out = ()
    if len(out) != 6 or not np.isfinite(out).all() \
            or abs(out[0] * out[3] - out[1] * out[2]) < 1e-12:
        raise ValueError(f"turn: got {turn!r}, expected six finite numbers "
                         "(a, b, c, d, e, f) of an invertible affine transform")
    return out


@functools.lru_cache(maxsize=64)
def _turned_outline(name: str, turn: tuple) -> MarkerOutline:
    path = turn_path(SYMBOL_PATHS[name], turn)
    return MarkerOutline(path.vertices * (2.0, -2.0), path.codes,
                         join=JOINSTYLES.get(name, "round"))


def similarity(turn: tuple | None) -> tuple | None:
    """A turn that is a rotation, a uniform scale and a shift, as the Markers shader's
    ``(cos, sin, scale, 0)`` and ``(shift x, shift y)`` (r); None for any other (drawn
    from the outline)."""
    if turn is None:
        return None
    a, b, c, d, e, f = turn
    scale = math.hypot(a, b)
    if abs(a - d) > 1e-9 * scale or abs(b + c) > 1e-9 * scale:
        return None
    return (a / scale, b / scale, scale, 0.0), (e, f)
