"""Base class and shared helpers for transforms.

Conventions shared by every transform:

- ``forward``/``inverse`` take float64-convertible points of shape (N, 2) or (N, 3), or a
  single point (2,) or (3,), and return a new float64 array of the same shape. Inputs
  are never modified.
- Values outside a transform's domain (log of a non-positive number) become NaN on
  the CPU (a clipping ``Log(clip=True)`` gives -1000 instead); nothing raises.
- ``glsl_forward()``/``glsl_inverse()`` return a :class:`~lumos.shaders.Snippet` whose
  function is ``vec4 NAME(vec4 p)``: it maps a position (xyz, w = 1.0) and keeps w.
  Parameters are baked into the source as constants, and NAME is derived from a hash
  of the source, so equal transforms give equal snippets (and share a cached program).
- GLSL masking: when any of x, y, z comes in NaN (a line break), or where numpy would
  give NaN (log of a non-positive number), the GLSL function returns a vec4 whose four
  components are NaN (``uintBitsToFloat(0x7fc00000u)``). Inputs are tested explicitly
  because some drivers' built-ins (atan, sinh, clamp...) turn NaN into numbers. GPUs
  drop primitives with NaN positions; a shader that must be sure can test ``isnan(p.w)``.
- All GLSL is the common subset of GLSL 3.30 core and GLSL ES 3.00.
"""

from __future__ import annotations

from collections.abc import Callable
from numbers import Real

import numpy as np

from ..shaders import Snippet

# GLSL expression for a NaN vec4 (see module docstring).
GLSL_NAN = "vec4(uintBitsToFloat(0x7fc00000u))"
# First statement of every GLSL transform function (see module docstring).
GLSL_NAN_IN = f"    if (any(isnan(p.xyz))) return {GLSL_NAN};\n"

_SHAPES = "(N, 2), (N, 3), (2,) or (3,)"


class Transform:
    """A bijective map of 2D/3D points with a numpy form and a GLSL form.

    Subclasses implement ``_forward``/``_inverse`` on a float64 (N, 2|3) copy and the
    two ``glsl_*`` methods. Composition: ``(a * b)`` applies ``b`` first, then ``a``,
    so ``(a * b).forward(p) == a.forward(b.forward(p))`` (as in matplotlib and VisPy).
    """

    #: True for affine maps (and chains made only of them).
    is_linear: bool = False

    def forward(self, points: np.ndarray) -> np.ndarray:
        """Map points forward; returns a new float64 array of the input's shape."""
        pts, single = as_points(points)
        return _unwrap(self._forward(pts), single)

    def inverse(self, points: np.ndarray) -> np.ndarray:
        """Map points back; returns a new float64 array of the input's shape."""
        pts, single = as_points(points)
        return _unwrap(self._inverse(pts), single)

    def glsl_forward(self) -> Snippet:
        """GLSL ``vec4 NAME(vec4 p)`` mapping a position forward."""
        raise NotImplementedError(f"{type(self).__name__} has no GLSL forward")

    def glsl_inverse(self) -> Snippet:
        """GLSL ``vec4 NAME(vec4 p)`` mapping a position back."""
        raise NotImplementedError(f"{type(self).__name__} has no GLSL inverse")

    def seen(self, points: np.ndarray, mvp: np.ndarray) -> np.ndarray | None:
        """Which ``points`` (N, 3, before the map) the GLSL form keeps in a view drawn
        with the 4x4 ``mvp`` (a boolean mask); None: all of them (most transforms)."""
        return None

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def _key(self) -> tuple:
        """Parameters that identify the transform (for ==, hash)."""
        raise NotImplementedError

    def __mul__(self, other: Transform) -> Transform:
        """``a * b``: apply ``b`` first, then ``a``."""
        if not isinstance(other, Transform):
            return NotImplemented
        from .chain import chain  # chain imports this module

        return chain(other, self)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._key() == self._key()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._key()))


# --- validation -------------------------------------------------------------------


def as_points(points: object, argument: str = "points") -> tuple[np.ndarray, bool]:
    """Validate and copy points to float64 (N, 2|3); also say whether it was one point."""
    arr = np.asarray(points)
    if arr.dtype.kind not in "iuf":
        raise TypeError(f"{argument}: got dtype {arr.dtype}, expected real numbers")
    single = arr.ndim == 1
    if arr.shape not in ((2,), (3,)) and not (arr.ndim == 2 and arr.shape[1] in (2, 3)):
        raise ValueError(f"{argument}: got shape {arr.shape}, expected {_SHAPES}")
    return np.array(arr, dtype=np.float64, ndmin=2), single


def _unwrap(out: np.ndarray, single: bool) -> np.ndarray:
    return out[0] if single else out


def check_real(value: object, argument: str) -> float:
    """A finite real number as float, or TypeError/ValueError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, (Real, np.number)):
        raise TypeError(f"{argument}: got {type(value).__name__}, expected a real number")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{argument}: got {value}, expected a finite number")
    return value


def check_base(base: object, argument: str = "base") -> float:
    """A logarithm base: finite, > 0 and != 1."""
    base = check_real(base, argument)
    if base <= 0 or base == 1:
        raise ValueError(f"{argument}: got {base}, expected a number > 0 and != 1")
    return base


def check_axes(axes: object) -> tuple[bool, bool, bool]:
    """Axes flags: 2 or 3 booleans for x, y (, z); at least one True."""
    try:
        flags = tuple(bool(a) for a in axes)  # type: ignore[union-attr]
    except TypeError:
        raise TypeError(f"axes: got {type(axes).__name__}, expected 2 or 3 booleans") from None
    if len(flags) not in (2, 3):
        raise ValueError(f"axes: got {len(flags)} flags, expected 2 or 3 (x, y, z)")
    if not any(flags):
        raise ValueError("axes: got no axis selected, expected at least one True")
    return (flags + (False,))[:3]  # type: ignore[return-value]


# --- GLSL helpers -----------------------------------------------------------------


def glsl_float(value: float) -> str:
    """A float literal valid in GLSL (shortest repr that round-trips in float64)."""
    text = repr(float(value))
    if not np.isfinite(value):
        raise ValueError(f"cannot write {text} as a GLSL constant")
    return text if ("." in text or "e" in text) else text + ".0"


def make_snippet(kind: str, body: str, needs: tuple[Snippet, ...] = ()) -> Snippet:
    """Build a snippet from ``body``, GLSL in which ``$fn`` stands for the function name.

    The name is ``lumos_<kind>_<hash of body and needs>``, so equal transforms give equal
    snippets. The definition sits in an include guard so that the same function can
    arrive twice (e.g. once alone and once inside a chain) without a redefinition error.
    ``needs`` are snippets the body calls; their sources are put first.
    """
    import hashlib  # the first snippet is made at the first draw, not at import

    text = "\n".join([body] + [s.source for s in needs])
    digest = hashlib.sha1(text.encode()).hexdigest()[:12]
    name = f"lumos_{kind}_{digest}"
    guard = f"LUMOS_GUARD_{name}"
    own = f"#ifndef {guard}\n#define {guard}\n{body.replace('$fn', name).strip()}\n#endif"
    sources: list[str] = []
    for s in needs:
        if s.source not in sources:
            sources.append(s.source)
    return Snippet(name, "\n".join(sources + [own]))


def per_axis_snippet(kind: str, axes: tuple[bool, ...], helper: str) -> Snippet:
    """A snippet applying ``float $fn_1(float v)`` (defined in ``helper``) on chosen axes.

    ``helper`` may return a NaN float; the vec4 result is then fully NaN-masked.
    """
    calls = "".join(f"    p.{c} = $fn_1(p.{c});\n" for c, on in zip("xyz", axes, strict=True) if on)
    # NaN check before (line breaks) and after (masked values) the per-axis calls.
    body = f"{helper}\nvec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}{calls}{GLSL_NAN_IN}    return p;\n}}"
    return make_snippet(kind, body)


def apply_columns(pts: np.ndarray, axes: tuple[bool, ...], fn: Callable) -> np.ndarray:
    """Apply ``fn`` in place to the chosen columns of a (N, 2|3) array and return it."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for i in range(pts.shape[1]):
            if axes[i]:
                pts[:, i] = fn(pts[:, i])
    return pts
