"""Map projections of the sphere: Aitoff, Hammer, Mollweide, Lambert azimuthal equal-area.

Each maps ``(longitude, latitude[, z])`` in radians to ``(x, y[, z])`` in matplotlib's
projected units (those of ``matplotlib.projections.geo``, so that ``transProjection`` of
lumos's geographic axes gives matplotlib's numbers). Inverses are exact where
matplotlib's are not: Aitoff has one (matplotlib's gives NaN), and Hammer and Lambert
find the longitude with ``atan2``, so points more than 90° from the centre come back on
the right side. Points off the map (outside the ellipse or circle) invert to NaN.
"""

from __future__ import annotations

import math

import numpy as np

from ..shaders import Snippet
from .base import GLSL_NAN, GLSL_NAN_IN, Transform, check_real, glsl_float, make_snippet

_SQRT2 = math.sqrt(2.0)
#: Mollweide: within this co-latitude of a pole Newton's start is the pole's series
#: (matplotlib's choice: Newton converges slowly there)
_POLE_CAP = 0.087
#: Newton steps of the GLSL Mollweide: float32 settles in 7 from either start
_GLSL_NEWTON = 8
_OFF_MAP = 1e-9  # how far past the edge (radians) an inverse still answers


def _glsl_asin(v: str) -> str:
    """GLSL asin of the expression ``v`` (in [-1, 1]) through atan: Mesa's llvmpipe
    asin and acos are off by up to 4e-4, its atan by 3e-6."""
    return f"atan({v}, sqrt(max(1.0 - ({v}) * ({v}), 0.0)))"


class _Geo(Transform):
    """Shared parts: the transforms have no parameters unless a subclass says so."""

    def _key(self) -> tuple:
        return ()

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


def _masked(lon: np.ndarray, lat: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """Write (lon, lat) into ``pts``; both NaN where either is or they fall off the
    sphere's map."""
    with np.errstate(invalid="ignore"):
        off = ~((np.abs(lon) <= math.pi + _OFF_MAP) & (np.abs(lat) <= math.pi / 2 + _OFF_MAP))
    pts[:, 0] = np.where(off, np.nan, lon)
    pts[:, 1] = np.where(off, np.nan, lat)
    return pts


class Aitoff(_Geo):
    """matplotlib's Aitoff: with ``α = acos(cos φ cos(λ/2))``, ``x = cos φ sin(λ/2) / sinc α``
    and ``y = sin φ / sinc α`` (half the usual x: the axes stretch it to 2:1).
    The inverse solves the two equations by Newton's method from the Hammer point."""

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        lon, lat = pts[:, 0], pts[:, 1]
        cos_lat = np.cos(lat)
        alpha = np.arccos(np.clip(cos_lat * np.cos(lon / 2), -1.0, 1.0))
        sinc = np.sinc(alpha / np.pi)  # sin(α)/α, 1 at α = 0
        x, y = cos_lat * np.sin(lon / 2) / sinc, np.sin(lat) / sinc
        pts[:, 0], pts[:, 1] = x, y
        return pts

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        x, y = pts[:, 0].copy(), pts[:, 1].copy()
        half = math.pi / 2
        with np.errstate(all="ignore"):
            inside = (x / half) ** 2 + (y / half) ** 2 <= 1 + 1e-12
            start = Hammer()._inverse(np.c_[x * 2 * _SQRT2 / half, y * _SQRT2 / half])
            lon, lat = np.nan_to_num(start[:, 0]), np.nan_to_num(start[:, 1])
            for _ in range(60):
                fx, fy = self._xy(lon, lat)
                # the Jacobian by central differences: exact enough, as the residual is
                # computed exactly and Newton only needs the direction
                h = 1e-7
                ax_, ay_ = self._xy(lon + h, lat)
                bx_, by_ = self._xy(lon - h, lat)
                cx_, cy_ = self._xy(lon, lat + h)
                dx_, dy_ = self._xy(lon, lat - h)
                j11, j21 = (ax_ - bx_) / (2 * h), (ay_ - by_) / (2 * h)
                j12, j22 = (cx_ - dx_) / (2 * h), (cy_ - dy_) / (2 * h)
                det = j11 * j22 - j12 * j21
                rx, ry = fx - x, fy - y
                ok = np.abs(det) > 1e-14
                safe = np.where(ok, det, 1.0)
                dlon = np.where(ok, (j22 * rx - j12 * ry) / safe, 0.0)
                dlat = np.where(ok, (j11 * ry - j21 * rx) / safe, 0.0)
                lon = np.clip(lon - dlon, -math.pi, math.pi)
                lat = np.clip(lat - dlat, -half, half)
                if not np.any(np.abs(dlon) + np.abs(dlat) > 1e-14):
                    break
        lon = np.where(inside, lon, np.nan)
        return _masked(lon, np.where(inside, lat, np.nan), pts)

    @staticmethod
    def _xy(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        out = Aitoff()._forward(np.c_[lon, lat])
        return out[:, 0], out[:, 1]

    def glsl_forward(self) -> Snippet:
        body = (f"{_AITOFF_XY}\nvec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}"
                "    return vec4($fn_xy(p.xy), p.z, p.w);\n}")
        return make_snippet("aitoff", body)

    def glsl_inverse(self) -> Snippet:
        """Newton's method from the Hammer point, as the numpy inverse, with a fixed
        number of steps (float32 settles in 5) and the Jacobian by central differences."""
        start = Hammer().glsl_inverse()
        half, pi = glsl_float(math.pi / 2), glsl_float(math.pi)
        body = (f"{_AITOFF_XY}\nvec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}"
                f"    vec2 u = p.xy / {half};\n"
                f"    if (dot(u, u) > 1.000001) return {GLSL_NAN};\n"
                f"    vec2 ll = {start.name}(vec4({glsl_float(2 * _SQRT2)} * u.x, "
                f"{glsl_float(_SQRT2)} * min(abs(u.y), 1.0) * sign(u.y), 0.0, 1.0)).xy;\n"
                "    vec2 dl = vec2(1e-3, 0.0), dp = vec2(0.0, 1e-3);\n"
                f"    for (int i = 0; i < {_GLSL_NEWTON}; ++i) {{\n"
                "        vec2 r = $fn_xy(ll) - p.xy;\n"
                "        vec2 jl = ($fn_xy(ll + dl) - $fn_xy(ll - dl)) * 500.0;\n"
                "        vec2 jp = ($fn_xy(ll + dp) - $fn_xy(ll - dp)) * 500.0;\n"
                "        float det = jl.x * jp.y - jp.x * jl.y;\n"
                "        if (abs(det) < 1e-12) break;\n"
                "        ll -= vec2(jp.y * r.x - jp.x * r.y, jl.x * r.y - jl.y * r.x) / det;\n"
                f"        ll = clamp(ll, vec2(-{pi}, -{half}), vec2({pi}, {half}));\n"
                "    }\n"
                "    return vec4(ll, p.z, p.w);\n}")
        return make_snippet("unaitoff", body, needs=(start,))


# matplotlib's Aitoff in GLSL, (lon, lat) -> (x, y); acos written through atan as in
# _glsl_asin
_AITOFF_XY = """vec2 $fn_xy(vec2 ll) {
    float c = cos(ll.y);
    float ca = clamp(c * cos(0.5 * ll.x), -1.0, 1.0);
    float alpha = atan(sqrt(max(1.0 - ca * ca, 0.0)), ca);
    float inv_sinc = alpha < 1e-4 ? 1.0 : alpha / sin(alpha);
    return vec2(c * sin(0.5 * ll.x), sin(ll.y)) * inv_sinc;
}"""


class Hammer(_Geo):
    """Hammer (Aitoff-Hammer), equal-area: with ``a = sqrt(1 + cos φ cos(λ/2))``,
    ``x = 2√2 cos φ sin(λ/2) / a`` and ``y = √2 sin φ / a``."""

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        lon, lat = pts[:, 0], pts[:, 1]
        cos_lat = np.cos(lat)
        with np.errstate(all="ignore"):
            a = np.sqrt(1.0 + cos_lat * np.cos(lon / 2))
            pts[:, 0] = 2 * _SQRT2 * cos_lat * np.sin(lon / 2) / a
            pts[:, 1] = _SQRT2 * np.sin(lat) / a
        return pts

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        x, y = pts[:, 0], pts[:, 1]
        with np.errstate(all="ignore"):
            z = np.sqrt(1 - (x / 4) ** 2 - (y / 2) ** 2)
            lon = 2 * np.arctan2(z * x, 2 * (2 * z * z - 1))
            lat = np.arcsin(np.clip(y * z, -1.0, 1.0))
            inside = (x / (2 * _SQRT2)) ** 2 + (y / _SQRT2) ** 2 <= 1 + 1e-12
        return _masked(np.where(inside, lon, np.nan), np.where(inside, lat, np.nan), pts)

    def glsl_forward(self) -> Snippet:
        body = (f"vec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}"
                "    float c = cos(p.y);\n"
                "    float a = sqrt(1.0 + c * cos(0.5 * p.x));\n"
                f"    return vec4({glsl_float(2 * _SQRT2)} * c * sin(0.5 * p.x) / a,\n"
                f"                {glsl_float(_SQRT2)} * sin(p.y) / a, p.z, p.w);\n"
                "}")
        return make_snippet("hammer", body)

    def glsl_inverse(self) -> Snippet:
        body = (f"vec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}"
                "    float q = 1.0 - (p.x * p.x) / 16.0 - (p.y * p.y) / 4.0;\n"
                f"    if (q < 0.0) return {GLSL_NAN};\n"
                "    float z = sqrt(q);\n"
                "    float lon = 2.0 * atan(z * p.x, 2.0 * (2.0 * z * z - 1.0));\n"
                f"    return vec4(lon, {_glsl_asin('clamp(p.y * z, -1.0, 1.0)')}, p.z, p.w);\n"
                "}")
        return make_snippet("unhammer", body)


class Mollweide(_Geo):
    """Mollweide, equal-area: ``x = (2√2/π) λ cos θ``, ``y = √2 sin θ`` where
    ``2θ + sin 2θ = π sin φ`` (solved by Newton's method; near the poles from
    matplotlib's series start)."""

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        lon, lat = pts[:, 0], pts[:, 1]
        aux = self._aux(lat)
        pts[:, 0] = (2 * _SQRT2 / math.pi) * lon * np.cos(aux)
        pts[:, 1] = _SQRT2 * np.sin(aux)
        return pts

    @staticmethod
    def _aux(lat: np.ndarray) -> np.ndarray:
        """θ for each latitude (NaN stays NaN)."""
        with np.errstate(all="ignore"):
            clat = math.pi / 2 - np.abs(lat)
            series = (math.pi / 2 - 0.5 * np.cbrt(3 * math.pi * clat ** 2)) * np.sign(lat)
            t = np.where(clat < _POLE_CAP, 2 * series, 2 * lat)  # t = 2θ
            goal = math.pi * np.sin(lat)
            for _ in range(100):
                slope = 1 + np.cos(t)
                step = np.where(slope > 1e-30, (t + np.sin(t) - goal) / slope, 0.0)
                t = t - step
                if not np.any(np.abs(step) > 1e-15):
                    break
        return t / 2

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        x, y = pts[:, 0], pts[:, 1]
        with np.errstate(all="ignore"):
            theta = np.arcsin(y / _SQRT2)
            lon = (math.pi / (2 * _SQRT2)) * x / np.cos(theta)
            lat = np.arcsin(np.clip((2 * theta + np.sin(2 * theta)) / math.pi, -1.0, 1.0))
        return _masked(lon, lat, pts)

    def glsl_forward(self) -> Snippet:
        cap = glsl_float(_POLE_CAP)
        pi = glsl_float(math.pi)
        body = (f"vec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}"
                f"    float clat = {glsl_float(math.pi / 2)} - abs(p.y);\n"
                f"    float series = ({glsl_float(math.pi / 2)} - 0.5 * "
                f"pow({glsl_float(3 * math.pi)} * clat * clat, 1.0 / 3.0)) * sign(p.y);\n"
                f"    float t = clat < {cap} ? 2.0 * series : 2.0 * p.y;\n"
                f"    float goal = {pi} * sin(p.y);\n"
                f"    for (int i = 0; i < {_GLSL_NEWTON}; ++i) {{\n"
                "        float slope = 1.0 + cos(t);\n"
                "        if (slope > 1e-6) t -= (t + sin(t) - goal) / slope;\n"
                "    }\n"
                "    float aux = 0.5 * t;\n"
                f"    return vec4({glsl_float(2 * _SQRT2 / math.pi)} * p.x * cos(aux),\n"
                f"                {glsl_float(_SQRT2)} * sin(aux), p.z, p.w);\n"
                "}")
        return make_snippet("mollweide", body)

    def glsl_inverse(self) -> Snippet:
        body = (f"vec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}"
                f"    float s = p.y / {glsl_float(_SQRT2)};\n"
                f"    if (abs(s) > 1.0) return {GLSL_NAN};\n"
                f"    float theta = {_glsl_asin('s')};\n"
                f"    float lon = {glsl_float(math.pi / (2 * _SQRT2))} * p.x / cos(theta);\n"
                f"    if (abs(lon) > {glsl_float(math.pi + 1e-6)}) return {GLSL_NAN};\n"
                f"    float s2 = clamp((2.0 * theta + sin(2.0 * theta)) / {glsl_float(math.pi)}, "
                "-1.0, 1.0);\n"
                f"    float lat = {_glsl_asin('s2')};\n"
                "    return vec4(lon, lat, p.z, p.w);\n"
                "}")
        return make_snippet("unmollweide", body)


class Lambert(Transform):
    """Lambert azimuthal equal-area about (``center_longitude``, ``center_latitude``)
    (radians): ``k = sqrt(2 / (1 + sin φ0 sin φ + cos φ0 cos φ cos(λ - λ0)))``,
    ``x = k cos φ sin(λ - λ0)``, ``y = k (cos φ0 sin φ - sin φ0 cos φ cos(λ - λ0))``.
    The map is the disc of radius 2; the antipode lands on its rim."""

    def __init__(self, center_longitude: float = 0.0, center_latitude: float = 0.0) -> None:
        self.center_longitude = check_real(center_longitude, "center_longitude")
        self.center_latitude = check_real(center_latitude, "center_latitude")

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        lon, lat = pts[:, 0], pts[:, 1]
        lon0, lat0 = self.center_longitude, self.center_latitude
        cos_lat, sin_lat = np.cos(lat), np.sin(lat)
        cos_d = np.cos(lon - lon0)
        with np.errstate(all="ignore"):
            # floored as matplotlib floors it: the antipode goes to a far point, not inf
            inner = np.fmax(1 + math.sin(lat0) * sin_lat + math.cos(lat0) * cos_lat * cos_d,
                            1e-15)
            inner = np.where(np.isnan(lon + lat), np.nan, inner)
            k = np.sqrt(2 / inner)
        pts[:, 0] = k * cos_lat * np.sin(lon - lon0)
        pts[:, 1] = k * (math.cos(lat0) * sin_lat - math.sin(lat0) * cos_lat * cos_d)
        return pts

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        x, y = pts[:, 0], pts[:, 1]
        lon0, lat0 = self.center_longitude, self.center_latitude
        with np.errstate(all="ignore"):
            rho = np.fmax(np.hypot(x, y), 1e-300)
            c = 2 * np.arcsin(rho / 2)  # NaN beyond the rim (rho > 2)
            sin_c, cos_c = np.sin(c), np.cos(c)
            lat = np.arcsin(np.clip(cos_c * math.sin(lat0) + y * sin_c * math.cos(lat0) / rho,
                                    -1.0, 1.0))
            lon = lon0 + np.arctan2(x * sin_c,
                                    rho * math.cos(lat0) * cos_c - y * math.sin(lat0) * sin_c)
            lon = np.where(np.isnan(c), np.nan, (lon + math.pi) % (2 * math.pi) - math.pi)
        return _masked(lon, np.where(np.isnan(c), np.nan, lat), pts)

    def _glsl_centre(self) -> tuple[str, str, str]:
        """The centre's longitude, sine and cosine of latitude as GLSL constants."""
        lat0 = self.center_latitude
        return (glsl_float(self.center_longitude), glsl_float(math.sin(lat0)),
                glsl_float(math.cos(lat0)))

    def glsl_forward(self) -> Snippet:
        lon0, s0, c0 = self._glsl_centre()
        body = (f"vec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}"
                "    float cl = cos(p.y), sl = sin(p.y);\n"
                f"    float d = p.x - {lon0};\n"
                f"    float k = sqrt(2.0 / max(1.0 + {s0} * sl + {c0} * cl * cos(d), 1e-15));\n"
                f"    return vec4(k * cl * sin(d), k * ({c0} * sl - {s0} * cl * cos(d)), "
                "p.z, p.w);\n"
                "}")
        return make_snippet("lambert", body)

    def glsl_inverse(self) -> Snippet:
        lon0, s0, c0 = self._glsl_centre()
        body = (f"vec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}"
                "    float rho = max(length(p.xy), 1e-30);\n"
                f"    if (rho > 2.0) return {GLSL_NAN};\n"
                f"    float c = 2.0 * {_glsl_asin('0.5 * rho')};\n"
                "    float sc = sin(c), cc = cos(c);\n"
                f"    float s = clamp(cc * {s0} + p.y * sc * {c0} / rho, -1.0, 1.0);\n"
                f"    float lat = {_glsl_asin('s')};\n"
                f"    float lon = {lon0} + atan(p.x * sc, rho * {c0} * cc - p.y * {s0} * sc);\n"
                f"    lon = mod(lon + {glsl_float(math.pi)}, {glsl_float(2 * math.pi)}) - "
                f"{glsl_float(math.pi)};\n"
                "    return vec4(lon, lat, p.z, p.w);\n"
                "}")
        return make_snippet("unlambert", body)

    def _key(self) -> tuple:
        return (self.center_longitude, self.center_latitude)

    def __repr__(self) -> str:
        return (f"Lambert(center_longitude={self.center_longitude!r}, "
                f"center_latitude={self.center_latitude!r})")
