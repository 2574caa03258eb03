"""Non-linear transforms: Log, SymLog, Polar, Mercator."""

from __future__ import annotations

import math

import numpy as np

from ..shaders import Snippet
from .base import (
    GLSL_NAN_IN,
    Transform,
    apply_columns,
    check_axes,
    check_base,
    check_real,
    glsl_float,
    make_snippet,
    per_axis_snippet,
)

_NAN_F = "uintBitsToFloat(0x7fc00000u)"  # float NaN in GLSL (see base module docstring)
_X_ONLY = (True, False, False)
#: Where a clipping log puts non-positive values: matplotlib's ``LogTransform`` value
#: (1000 decades below 1, whatever the base), far beyond any view.
LOG_CLIP = -1000.0


class Log(Transform):
    """Logarithm in ``base`` on the chosen ``axes`` (x, y, z flags); others pass through.

    Non-positive values map to NaN (masked), never raise; with ``clip`` to ``-1000``
    (matplotlib's clipped log: a line through such a value runs far below the view).
    NaN stays NaN. Inverse: ``base ** v``.
    """

    def __init__(self, base: float = 10, axes: tuple[bool, ...] = _X_ONLY,
                 clip: bool = False) -> None:
        self.base = check_base(base)
        self.axes = check_axes(axes)
        self.clip = bool(clip)

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        # Exact numpy functions for the common bases, so log10(1000) is exactly 3.
        fn = {10.0: np.log10, 2.0: np.log2, math.e: np.log}.get(self.base)
        ln_base = math.log(self.base)

        def log(v: np.ndarray) -> np.ndarray:
            out = np.where(v > 0, v, np.nan)
            out = fn(out) if fn is not None else np.log(out) / ln_base
            return np.where(v <= 0, LOG_CLIP, out) if self.clip else out

        return apply_columns(pts, self.axes, log)

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        return apply_columns(pts, self.axes, lambda v: np.power(self.base, v))

    def glsl_forward(self) -> Snippet:
        if self.base == 2.0:
            expr = "log2(v)"
        else:  # GLSL has only ln and log2: log_b(v) = ln(v) / ln(b)
            expr = f"log(v) * {glsl_float(1.0 / math.log(self.base))}"
        low = f"v <= 0.0 ? {glsl_float(LOG_CLIP)} : {_NAN_F}" if self.clip else _NAN_F
        helper = f"float $fn_1(float v) {{ return v > 0.0 ? {expr} : {low}; }}"
        return per_axis_snippet("log", self.axes, helper)

    def glsl_inverse(self) -> Snippet:
        if self.base == 2.0:
            expr = "exp2(v)"
        else:
            expr = f"exp(v * {glsl_float(math.log(self.base))})"
        return per_axis_snippet("exp", self.axes, f"float $fn_1(float v) {{ return {expr}; }}")

    def _key(self) -> tuple:
        return (self.base, self.axes, self.clip)

    def __repr__(self) -> str:
        clip = ", clip=True" if self.clip else ""
        return f"Log(base={self.base!r}, axes={self.axes!r}{clip})"


class SymLog(Transform):
    """matplotlib's symmetric log: linear within ``±linthresh``, logarithmic outside.

    With ``k = linscale / (1 - 1/base)``: ``|v| <= linthresh`` maps to ``v * k``, and
    beyond to ``sign(v) * linthresh * (k + log_base(|v| / linthresh))`` (continuous).
    ``base`` must be > 1.
    """

    def __init__(
        self,
        linthresh: float = 1,
        base: float = 10,
        linscale: float = 1,
        axes: tuple[bool, ...] = _X_ONLY,
    ) -> None:
        self.base = check_base(base)
        if self.base < 1:
            raise ValueError(f"base: got {self.base}, expected a number > 1 for SymLog")
        self.linthresh = check_real(linthresh, "linthresh")
        if self.linthresh <= 0:
            raise ValueError(f"linthresh: got {self.linthresh}, expected a number > 0")
        self.linscale = check_real(linscale, "linscale")
        if self.linscale <= 0:
            raise ValueError(f"linscale: got {self.linscale}, expected a number > 0")
        self.axes = check_axes(axes)
        self._k = self.linscale / (1.0 - 1.0 / self.base)

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        t, k, ln_b = self.linthresh, self._k, math.log(self.base)

        def symlog(v: np.ndarray) -> np.ndarray:
            a = np.abs(v)
            return np.where(a > t, np.sign(v) * t * (k + np.log(a / t) / ln_b), v * k)

        return apply_columns(pts, self.axes, symlog)

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        t, k, b = self.linthresh, self._k, self.base

        def inv(v: np.ndarray) -> np.ndarray:
            a = np.abs(v)
            return np.where(a > t * k, np.sign(v) * t * np.power(b, a / t - k), v / k)

        return apply_columns(pts, self.axes, inv)

    def glsl_forward(self) -> Snippet:
        t, k = glsl_float(self.linthresh), glsl_float(self._k)
        inv_ln_b = glsl_float(1.0 / math.log(self.base))
        helper = (
            "float $fn_1(float v) {\n"
            "    float a = abs(v);\n"
            f"    return a > {t} ? sign(v) * {t} * ({k} + log(a / {t}) * {inv_ln_b}) : v * {k};\n"
            "}"
        )
        return per_axis_snippet("symlog", self.axes, helper)

    def glsl_inverse(self) -> Snippet:
        t, k = glsl_float(self.linthresh), glsl_float(self._k)
        tk, ln_b = glsl_float(self.linthresh * self._k), glsl_float(math.log(self.base))
        helper = (
            "float $fn_1(float v) {\n"
            "    float a = abs(v);\n"
            f"    return a > {tk} ? sign(v) * {t} * exp((a / {t} - {k}) * {ln_b}) : v / {k};\n"
            "}"
        )
        return per_axis_snippet("symexp", self.axes, helper)

    def _key(self) -> tuple:
        return (self.linthresh, self.base, self.linscale, self.axes)

    def __repr__(self) -> str:
        return (
            f"SymLog(linthresh={self.linthresh!r}, base={self.base!r}, "
            f"linscale={self.linscale!r}, axes={self.axes!r})"
        )


class Polar(Transform):
    """``(theta, r[, z]) -> (x, y[, z])`` with angle ``direction * theta + theta_offset``.

    ``direction`` is 1 (counter-clockwise) or -1. The inverse uses atan2 and returns
    ``theta`` in ``[0, 2*pi)`` and ``r >= 0``; a point given with ``r < 0`` comes back as
    ``(theta + pi, -r)``. At ``r == 0`` the inverse returns ``theta == 0`` (numpy).
    """

    def __init__(self, theta_offset: float = 0.0, direction: int = 1) -> None:
        self.theta_offset = check_real(theta_offset, "theta_offset")
        direction = check_real(direction, "direction")
        if direction not in (1.0, -1.0):
            raise ValueError(f"direction: got {direction}, expected 1 or -1")
        self.direction = int(direction)

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        angle = self.direction * pts[:, 0] + self.theta_offset
        r = pts[:, 1].copy()
        pts[:, 0] = r * np.cos(angle)
        pts[:, 1] = r * np.sin(angle)
        return pts

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        x, y = pts[:, 0].copy(), pts[:, 1].copy()
        theta = np.mod(self.direction * (np.arctan2(y, x) - self.theta_offset), 2 * np.pi)
        theta[theta >= 2 * np.pi] = 0.0  # mod can round a tiny negative up to 2*pi
        pts[:, 0] = theta
        pts[:, 1] = np.hypot(x, y)
        return pts

    def glsl_forward(self) -> Snippet:
        d, off = glsl_float(self.direction), glsl_float(self.theta_offset)
        body = (
            f"vec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}"
            f"    float a = {d} * p.x + {off};\n"
            "    return vec4(p.y * cos(a), p.y * sin(a), p.z, p.w);\n"
            "}"
        )
        return make_snippet("polar", body)

    def glsl_inverse(self) -> Snippet:
        d, off = glsl_float(self.direction), glsl_float(self.theta_offset)
        body = (
            f"vec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}"
            f"    float t = mod({d} * (atan(p.y, p.x) - {off}), {glsl_float(2 * math.pi)});\n"
            "    return vec4(t, length(p.xy), p.z, p.w);\n"
            "}"
        )
        return make_snippet("unpolar", body)

    def _key(self) -> tuple:
        return (self.theta_offset, self.direction)

    def __repr__(self) -> str:
        return f"Polar(theta_offset={self.theta_offset!r}, direction={self.direction!r})"


class Mercator(Transform):
    """Web-Mercator-style ``(lon, lat[, z])`` in degrees to ``(x, y[, z])`` in degrees.

    ``x = lon`` and ``y = degrees(ln(tan(pi/4 + lat/2)))``, computed as the equal and
    better-conditioned ``degrees(asinh(tan(lat)))``. Latitudes beyond ``±LAT_MAX``
    (85.0511..., where ``y == ±180``) are clipped. Inverse: ``lat = atan(sinh(y))``.
    """

    #: Latitude (degrees) at which y reaches ±180, the square web-map limit.
    LAT_MAX = math.degrees(math.atan(math.sinh(math.pi)))

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        lat = np.radians(np.clip(pts[:, 1], -self.LAT_MAX, self.LAT_MAX))
        pts[:, 1] = np.degrees(np.arcsinh(np.tan(lat)))
        return pts

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        pts[:, 1] = np.degrees(np.arctan(np.sinh(np.radians(pts[:, 1]))))
        return pts

    def glsl_forward(self) -> Snippet:
        lat_max = glsl_float(self.LAT_MAX)
        # asinh written out with abs/sign: some drivers lose precision for negative args.
        body = (
            f"vec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}"
            f"    float t = tan(radians(clamp(p.y, -{lat_max}, {lat_max})));\n"
            "    float y = sign(t) * log(abs(t) + sqrt(t * t + 1.0));\n"
            "    return vec4(p.x, degrees(y), p.z, p.w);\n"
            "}"
        )
        return make_snippet("mercator", body)

    def glsl_inverse(self) -> Snippet:
        body = (
            f"vec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}"
            "    return vec4(p.x, degrees(atan(sinh(radians(p.y)))), p.z, p.w);\n"
            "}"
        )
        return make_snippet("unmercator", body)

    def _key(self) -> tuple:
        return ()

    def __repr__(self) -> str:
        return "Mercator()"
