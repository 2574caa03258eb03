"""Affine transforms: a 4x4 homogeneous matrix for 2D and 3D points."""

from __future__ import annotations

import numpy as np

from ..shaders import Snippet
from .base import GLSL_NAN_IN, Transform, glsl_float, make_snippet


class Affine(Transform):
    """``p -> M @ [x, y, z, 1]`` with a 4x4 float64 matrix M (column vectors).

    Built from any of ``matrix`` (4x4, last row ``[0, 0, 0, 1]``), ``scale`` (number,
    2 or 3 values) and ``translate`` (2 or 3 values): points are scaled, then multiplied
    by ``matrix``, then translated. 2D points use the xy part (z = 0) and come back 2D.
    ``a * b`` is the transform applying ``b`` first (matrix ``a.matrix @ b.matrix``).
    """

    is_linear = True

    def __init__(
        self,
        matrix: np.ndarray | None = None,
        translate: np.ndarray | None = None,
        scale: float | np.ndarray | None = None,
    ) -> None:
        m = np.eye(4)
        if scale is not None:
            m[:3, :3] = np.diag(_vector(scale, "scale", fill=1.0, allow_scalar=True))
        if matrix is not None:
            mat = _array(matrix, "matrix")
            if mat.shape != (4, 4):
                raise ValueError(f"matrix: got shape {mat.shape}, expected (4, 4)")
            if not np.array_equal(mat[3], [0.0, 0.0, 0.0, 1.0]):
                raise ValueError(f"matrix: got last row {mat[3].tolist()}, expected [0, 0, 0, 1]")
            m = mat @ m
        if translate is not None:
            m[:3, 3] += _vector(translate, "translate", fill=0.0)
        self._matrix = m
        self._matrix.setflags(write=False)  # immutable: used for ==, hash and caching

    @property
    def matrix(self) -> np.ndarray:
        """The 4x4 float64 matrix (a copy)."""
        return self._matrix.copy()

    def __mul__(self, other: Transform) -> Transform:
        if isinstance(other, Affine):
            return Affine(self._matrix @ other._matrix)
        return super().__mul__(other)

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        m = self._matrix
        d = pts.shape[1]
        with np.errstate(invalid="ignore", over="ignore"):  # inf * 0: NaN, as it should be
            return pts @ m[:d, :d].T + m[:d, 3]

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        # 2D points see only the 2D part (x, y block and translation), so invert that:
        # a z-mixing 3D matrix is still invertible on its xy slice.
        d = pts.shape[1]
        return (pts - self._matrix[:d, 3]) @ _invert(self._matrix[:d, :d]).T

    def glsl_forward(self) -> Snippet:
        return _matrix_snippet(self._matrix)

    def glsl_inverse(self) -> Snippet:
        """Inverse of the full 4x4 matrix (positions carry z, so the 3D inverse)."""
        return _matrix_snippet(_invert(self._matrix))

    def _key(self) -> tuple:
        return (self._matrix.tobytes(),)

    def __repr__(self) -> str:
        return f"Affine(matrix={self._matrix.tolist()})"


def _matrix_snippet(m: np.ndarray) -> Snippet:
    # GLSL mat4 constructors take columns, hence the transpose.
    values = ", ".join(glsl_float(v) for v in m.T.ravel())
    body = f"vec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}    return mat4({values}) * p;\n}}"
    return make_snippet("affine", body)


def _invert(m: np.ndarray) -> np.ndarray:
    try:
        return np.linalg.inv(m)
    except np.linalg.LinAlgError:
        raise ValueError("Affine matrix is singular and has no inverse") from None


def _array(value: object, argument: str) -> np.ndarray:
    arr = np.asarray(value)
    if arr.dtype.kind not in "iuf":
        raise TypeError(f"{argument}: got dtype {arr.dtype}, expected real numbers")
    arr = arr.astype(np.float64)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{argument}: got non-finite values, expected finite numbers")
    return arr


def _vector(value: object, argument: str, fill: float, allow_scalar: bool = False) -> np.ndarray:
    arr = _array(value, argument)
    if allow_scalar and arr.shape == ():
        return np.full(3, float(arr))
    if arr.shape not in ((2,), (3,)):
        expected = "a number, (2,) or (3,)" if allow_scalar else "(2,) or (3,)"
        raise ValueError(f"{argument}: got shape {arr.shape}, expected {expected}")
    return np.append(arr, [fill] * (3 - arr.size))
