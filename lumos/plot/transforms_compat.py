"""matplotlib's transforms where lumos takes a transform to figure pixels.

matplotlib's display coordinates are lumos's figure pixels (from the bottom left), so a
matplotlib transform works as is once it is called through lumos's interface:
:class:`MatplotlibTransform` (``forward`` = matplotlib's ``transform``; matplotlib caches
affine parts until told they changed, so each use invalidates first). Mixing works both
ways: ``Affine2D().rotate_deg(30) + ax.transData`` and
``blended_transform_factory(ax.transData, ax.transAxes)`` with lumos's transforms (they
answer what matplotlib's composite transforms ask of a child, see
:class:`lumos.plot.coords.LiveTransform`).
"""

from __future__ import annotations

import sys

import numpy as np

from ..transforms import Affine, Transform

_TWINS: dict[type, type] = {}


def matplotlib_twin(obj, base: str):
    """When matplotlib's transforms are loaded (the user imported matplotlib), make
    ``obj`` an instance of ``matplotlib.transforms.<base>`` too, so that matplotlib's own
    code takes it (``set_clip_box(ax.bbox)``, ``OffsetFrom(ax.bbox, ...)``):
    its class becomes a subclass of both, lumos's methods first. Returns that matplotlib
    class, whose ``__init__`` the caller runs for matplotlib's state, else None."""
    mt = sys.modules.get("matplotlib.transforms")
    if mt is None:
        return None
    mpl_class = getattr(mt, base)
    cls = type(obj)
    if not issubclass(cls, mpl_class):
        twin = _TWINS.get(cls)
        if twin is None:
            twin = _TWINS[cls] = type(cls.__name__, (cls, mpl_class),
                                      {"__module__": cls.__module__, "__doc__": cls.__doc__})
        obj.__class__ = twin
    return mpl_class


def is_matplotlib_transform(obj) -> bool:
    return any(c.__module__.startswith("matplotlib.transforms") for c in type(obj).__mro__)


class MatplotlibTransform(Transform):
    """A matplotlib transform (to display pixels) behind lumos's Transform interface."""

    def __init__(self, source) -> None:
        self.source = source

    @property
    def is_linear(self) -> bool:  # type: ignore[override]
        return bool(self.source.is_affine)

    @property
    def matrix(self) -> np.ndarray:
        """The 4x4 matrix of an affine matplotlib transform (as lumos's Affine)."""
        self.source.invalidate()
        m3 = np.asarray(self.source.get_matrix(), dtype=float)
        m4 = np.eye(4)
        m4[:2, :2], m4[:2, 3] = m3[:2, :2], m3[:2, 2]
        return m4

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        self.source.invalidate()  # lumos's live parts may have moved since the last use
        return np.asarray(self.source.transform(pts[:, :2]), dtype=float)

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        self.source.invalidate()
        return np.asarray(self.source.inverted().transform(pts[:, :2]), dtype=float)

    def _key(self) -> tuple:
        return (id(self.source),)

    def __repr__(self) -> str:
        return f"<lumos using matplotlib's {self.source!r}>"


def as_transform(t, argument: str = "transform") -> Transform:
    """A lumos transform from lumos's transforms (``ax.transData``, ...,
    ``lumos.path.Affine2D``) or matplotlib's."""
    if isinstance(t, Transform):
        return t
    if is_matplotlib_transform(t):
        return MatplotlibTransform(t)
    get_matrix = getattr(t, "get_matrix", None)
    if callable(get_matrix):  # lumos.path.Affine2D: a 3x3 matrix
        m3 = np.asarray(get_matrix(), dtype=float)
        if m3.shape == (3, 3):
            m4 = np.eye(4)
            m4[:2, :2], m4[:2, 3] = m3[:2, :2], m3[:2, 2]
            return Affine(matrix=m4)
    raise TypeError(f"{argument}: got {type(t).__name__}, expected a transform to figure "
                    "pixels (ax.transData, ax.transAxes, fig.transFigure, "
                    "ax.get_xaxis_transform(), or matplotlib's transforms)")
