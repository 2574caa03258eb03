"""The transform chain of an axes (matplotlib's ``transData``), from lumos.transforms.

An axes maps data to figure pixels in four steps, each a transform with ``forward`` and
``inverse`` on float64 points:

======================  =====================================================
``ax.transScale``       data → scale space (log, symlog or linear per axis)
``ax.transProjection``  scale space → projected space (identity; polar: r, θ → x, y)
``ax.transLimits``      projected space → axes fraction (0..1 across the box)
``ax.transAxes``        axes fraction → figure pixels (from the bottom left)
======================  =====================================================

``ax.transData`` is the four in a row. Artists upload scale-space positions; the GPU
applies the rest: the projection as the visuals' transform (a GLSL snippet), the limits
and the box as the view's camera. Everything else (ticks, picking, selection, legends,
annotations, the mouse) goes through these objects, never through a formula of its own.

The transforms are *live*: they follow the axes' limits, scales and box as they change
(``frozen()`` gives the concrete transform of the moment).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..transforms import Affine, Transform, chain
from .bbox import Bbox


class LiveTransform(Transform):
    """A transform rebuilt from its owner's state at each use (matplotlib's transforms
    are live the same way). ``transform``/``inverted`` are matplotlib's names."""

    # what matplotlib's composite transforms ask of a child (blended_transform_factory,
    # Affine2D() + ax.transData): dimensions, affinity, the affine part as a 3x3 matrix
    input_dims = output_dims = 2
    has_inverse = True
    is_separable = True
    pass_through = False

    def __init__(self, build: Callable[[], Transform], name: str = "",
                 parts: tuple | None = None, blended: tuple | None = None) -> None:
        self._build = build
        self._name = name
        # (x from, y from): a blended transform's sources (ax.get_xaxis_transform())
        self.blended = blended
        # (first, then) when made by ``first + then``: lets an artist see that an
        # affine in data units precedes ax.transData
        self.parts = parts
        self._parents: dict = {}  # matplotlib's parents register themselves here

    @property
    def is_affine(self) -> bool:
        return self.is_linear

    @property
    def depth(self) -> int:
        """How many transforms make this one (matplotlib's ``contains_branch`` of its own
        transforms compares depths first)."""
        if self.parts is None:
            return 1
        return sum(int(getattr(p, "depth", 1)) for p in self.parts)

    def get_affine(self):
        """The affine part (all of it when linear, else the identity): an object with
        matplotlib's ``get_matrix()`` and ``transform()``."""
        return _Affine3(self.frozen().matrix if self.is_linear else np.eye(4))

    def get_matrix(self) -> np.ndarray:
        return self.get_affine().get_matrix()

    def transform_non_affine(self, values) -> np.ndarray:
        v = np.asarray(values, dtype=float)
        return v if self.is_linear else self.forward(v)

    def transform_affine(self, values) -> np.ndarray:
        v = np.asarray(values, dtype=float)
        return self.forward(v) if self.is_linear else v

    def transform_point(self, point) -> np.ndarray:
        return self.forward(np.asarray(point, dtype=float))

    def transform_bbox(self, bbox) -> Bbox:
        """The box of ``bbox``'s two corners mapped (matplotlib's name): e.g. a text's
        window extent in inches by ``fig.dpi_scale_trans.inverted()``."""
        get_points = getattr(bbox, "get_points", None)
        if get_points is None:
            raise TypeError(f"bbox: got {type(bbox).__name__} {bbox!r}, expected a Bbox")
        return Bbox(self.forward(np.asarray(get_points(), dtype=float).reshape(2, 2)))

    def invalidate(self) -> None:
        """Live already: nothing cached (matplotlib's name)."""

    def contains_branch(self, other) -> bool:
        """Whether ``other`` is the last step of this transform (matplotlib's meaning:
        this transform itself, or the right part of ``a + other``); never for a blend."""
        if other is self:
            return True
        if self.blended is not None or self.parts is None:
            return False
        last = self.parts[1]
        return last is other or bool(getattr(last, "contains_branch", lambda o: False)(other))

    def contains_branch_seperately(self, other) -> tuple[bool, bool]:
        """Whether x, and whether y, go through ``other`` (matplotlib's name and
        spelling): a blended transform's x or y source, or as ``contains_branch``."""
        if self.blended is not None:
            return tuple(source is other for source in self.blended)
        inside = self.contains_branch(other)
        return (inside, inside)

    def __add__(self, other):
        """``a + b`` applies ``a`` first (matplotlib's order); ``b`` may be lumos's or
        matplotlib's transform. Stays live."""
        from .transforms_compat import as_transform

        t = as_transform(other, "transform")
        return LiveTransform(lambda: chain(self.frozen(), _frozen(t)),
                             f"{self._name} + {t!r}", parts=(self, t))

    def __radd__(self, other):
        """``matplotlib_or_lumos_affine + ax.transData``: ``other`` first."""
        from .transforms_compat import as_transform

        t = as_transform(other, "transform")
        return LiveTransform(lambda: chain(_frozen(t), self.frozen()),
                             f"{t!r} + {self._name}", parts=(t, self))

    def frozen(self) -> Transform:
        """The concrete transform now."""
        return self._build()

    @property
    def is_linear(self) -> bool:  # type: ignore[override]
        return self.frozen().is_linear

    @property
    def matrix(self) -> np.ndarray:
        """The 4x4 matrix now (linear transforms only)."""
        return self.frozen().matrix

    # the concrete transform checks and copies the points: once, not here too
    def forward(self, points: np.ndarray) -> np.ndarray:
        """Map points forward; returns a new float64 array of the input's shape."""
        return self.frozen().forward(points)

    def inverse(self, points: np.ndarray) -> np.ndarray:
        """Map points back; returns a new float64 array of the input's shape."""
        return self.frozen().inverse(points)

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        return self.frozen().forward(pts)

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        return self.frozen().inverse(pts)

    def glsl_forward(self):
        return self.frozen().glsl_forward()

    def glsl_inverse(self):
        return self.frozen().glsl_inverse()

    def transform(self, points) -> np.ndarray:
        """``forward`` (matplotlib's name)."""
        return self.forward(points)

    def inverted(self) -> LiveTransform:
        """The live inverse (matplotlib's name)."""
        return LiveTransform(lambda: Inverse(self.frozen()), f"inverse of {self._name}")

    def __mul__(self, other: Transform) -> Transform:
        """``a * b`` applies ``b`` first; stays live."""
        if not isinstance(other, Transform):
            return NotImplemented
        return LiveTransform(lambda: chain(_frozen(other), self.frozen()),
                             f"{self._name} * {getattr(other, '_name', other)!s}")

    def __rmul__(self, other: Transform) -> Transform:
        if not isinstance(other, Transform):
            return NotImplemented
        return LiveTransform(lambda: chain(self.frozen(), _frozen(other)),
                             f"{other!s} * {self._name}")

    def __eq__(self, other: object) -> bool:
        return other is self

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return f"<{self._name or 'live'} transform: {self.frozen()!r}>"


class _Affine3:
    """A 2D affine map as matplotlib's Affine2D presents it (3x3 matrix)."""

    def __init__(self, matrix4: np.ndarray) -> None:
        m = np.eye(3)
        m[:2, :2] = matrix4[:2, :2]
        m[:2, 2] = matrix4[:2, 3]
        self._m = m

    def get_matrix(self) -> np.ndarray:
        return self._m

    def transform(self, values) -> np.ndarray:
        v = np.asarray(values, dtype=float).reshape(-1, 2)
        return v @ self._m[:2, :2].T + self._m[:2, 2]


def _frozen(t: Transform) -> Transform:
    return t.frozen() if isinstance(t, LiveTransform) else t


class Inverse(Transform):
    """The inverse of a transform, as a transform."""

    def __init__(self, transform: Transform) -> None:
        self.transform = transform

    @property
    def is_linear(self) -> bool:  # type: ignore[override]
        return self.transform.is_linear

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        return self.transform.inverse(pts)

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        return self.transform.forward(pts)

    def glsl_forward(self):
        return self.transform.glsl_inverse()

    def glsl_inverse(self):
        return self.transform.glsl_forward()

    def _key(self) -> tuple:
        return (self.transform,)

    def __repr__(self) -> str:
        return f"Inverse({self.transform!r})"


class AxisScales(Transform):
    """x through one axis scale, y through another (``LinearScale``, ``LogScale``,
    ``SymLogScale``): the data → scale space step of an axes. Numpy through the scales
    (their masking and clipping rules); GLSL through their lumos transforms."""

    def __init__(self, xscale, yscale) -> None:
        self.scales = (xscale, yscale)

    @property
    def is_linear(self) -> bool:  # type: ignore[override]
        return all(s.name == "linear" for s in self.scales)

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            for i, s in enumerate(self.scales):
                pts[:, i] = s.forward(pts[:, i])
        return pts

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            for i, s in enumerate(self.scales):
                pts[:, i] = s.inverse(pts[:, i])
        return pts

    def _lumos(self) -> Transform:
        return chain(*(s.transform(i) for i, s in enumerate(self.scales)))

    def glsl_forward(self):
        return self._lumos().glsl_forward()

    def glsl_inverse(self):
        return self._lumos().glsl_inverse()

    @property
    def matrix(self) -> np.ndarray:
        return np.eye(4)  # only asked of linear chains: both scales linear

    def _key(self) -> tuple:
        return tuple(s.transform(i) for i, s in enumerate(self.scales))

    def __repr__(self) -> str:
        return f"AxisScales({self.scales[0].name}, {self.scales[1].name})"


def rect_to_unit(rect, along: tuple[bool, bool] = (True, True)) -> Affine:
    """The affine map of a rectangle (x0, y0, w, h) onto the unit square; a negative
    width or height flips that axis (an inverted axis). ``along`` picks the coordinates
    mapped (the others pass through: blended transforms)."""
    x0, y0, w, h = (float(v) for v in rect)
    w = w if w else 1.0
    h = h if h else 1.0
    sx, tx = (1.0 / w, -x0 / w) if along[0] else (1.0, 0.0)
    sy, ty = (1.0 / h, -y0 / h) if along[1] else (1.0, 0.0)
    return Affine(scale=(sx, sy), translate=(tx, ty))


def unit_to_box(box) -> Affine:
    """The affine map of the unit square onto a box (x, y, w, h) in figure pixels."""
    x, y, w, h = (float(v) for v in box)
    return Affine(scale=(w, h), translate=(x, y))
