"""Axis scales: how data values map to the linear space the camera shows.

Artists push ``scale.forward(data)`` to the GPU, so a log axis is a linear camera
over log10 values, exactly like matplotlib draws straight segments between
transformed points.
"""

from __future__ import annotations

import warnings

import numpy as np

from ..transforms import Affine, Log, SymLog


def _on_axis(i: int) -> tuple[bool, bool, bool]:
    return (i == 0, i == 1, i == 2)


class LinearScale:
    name = "linear"

    def transform(self, axis: int):
        """The lumos transform of this scale acting on coordinate ``axis`` (0: x, 1: y)."""
        return Affine()

    def forward(self, values: np.ndarray) -> np.ndarray:
        return np.asarray(values, dtype=float)

    def inverse(self, values: np.ndarray) -> np.ndarray:
        return np.asarray(values, dtype=float)

    def limit_range(self, vmin: float, vmax: float) -> tuple[float, float]:
        return vmin, vmax


class _Transformed:
    """A scale backed by a lumos transform acting on the x coordinate."""

    def __init__(self, transform) -> None:
        self._t = transform

    def forward(self, values: np.ndarray) -> np.ndarray:
        v = np.asarray(values, dtype=float)
        pts = np.zeros((v.size, 2))
        pts[:, 0] = v.ravel()
        return self._t.forward(pts)[:, 0].reshape(v.shape)

    def inverse(self, values: np.ndarray) -> np.ndarray:
        v = np.asarray(values, dtype=float)
        pts = np.zeros((v.size, 2))
        pts[:, 0] = v.ravel()
        return self._t.inverse(pts)[:, 0].reshape(v.shape)


class LogScale(_Transformed):
    """Logarithmic axis; non-positive values are masked (NaN) with a warning, or, with
    ``nonpositive="clip"``, clipped to a tiny positive value (drawn far below the view)."""

    name = "log"

    def __init__(self, base: float = 10.0, nonpositive: str = "mask") -> None:
        if nonpositive not in ("mask", "clip"):
            raise ValueError(f"nonpositive: got {nonpositive!r}, expected 'mask' or 'clip'")
        super().__init__(Log(base=base, axes=(True, False, False)))
        self.base = float(base)
        self.nonpositive = nonpositive

    def transform(self, axis: int):
        """The lumos transform of this scale acting on coordinate ``axis`` (0: x, 1: y)."""
        return Log(base=self.base, axes=_on_axis(axis))

    def forward(self, values: np.ndarray) -> np.ndarray:
        v = np.asarray(values, dtype=float)
        if np.any(v[np.isfinite(v)] <= 0):
            if self.nonpositive == "clip":
                v = np.where(v <= 0, 1e-300, v)
            else:
                warnings.warn("log scale: non-positive values are masked", stacklevel=4)
        return super().forward(v)

    def limit_range(self, vmin: float, vmax: float) -> tuple[float, float]:
        tiny = 1e-300
        return max(vmin, tiny), max(vmax, tiny)


class SymLogScale(_Transformed):
    """Linear near zero (within ``linthresh``), logarithmic beyond, like matplotlib."""

    name = "symlog"

    def __init__(self, base: float = 10.0, linthresh: float = 2.0, linscale: float = 1.0) -> None:
        super().__init__(SymLog(linthresh=linthresh, base=base, linscale=linscale,
                                axes=(True, False, False)))
        self.base, self.linthresh = float(base), float(linthresh)
        self.linscale = float(linscale)

    def transform(self, axis: int):
        """The lumos transform of this scale acting on coordinate ``axis`` (0: x, 1: y)."""
        return SymLog(linthresh=self.linthresh, base=self.base, linscale=self.linscale,
                      axes=_on_axis(axis))

    def limit_range(self, vmin: float, vmax: float) -> tuple[float, float]:
        return vmin, vmax


def make_scale(name: str, **kwargs):
    """A scale from its matplotlib name."""
    scales = {"linear": LinearScale, "log": LogScale, "symlog": SymLogScale}
    if not isinstance(name, str) or name not in scales:
        raise ValueError(f"scale: got {name!r}, expected one of {', '.join(scales)}")
    if name == "linear":
        return LinearScale()
    return scales[name](**kwargs)
