"""Chains of transforms, with adjacent affine parts multiplied together."""

from __future__ import annotations

import numpy as np

from ..shaders import Snippet
from .affine import Affine
from .base import Transform, make_snippet


class Chain(Transform):
    """Transforms applied in the order given: ``Chain(a, b).forward(p) == b.forward(a.forward(p))``.

    Nested chains are flattened. The parts are kept as given (see ``parts``);
    :meth:`simplified` multiplies adjacent linear parts into one :class:`Affine`, and the
    GLSL forms are built from the simplified chain. An empty chain is the identity.
    """

    def __init__(self, *transforms: Transform) -> None:
        parts: list[Transform] = []
        for i, t in enumerate(transforms):
            if isinstance(t, Chain):
                parts.extend(t.parts)
            elif isinstance(t, Transform):
                parts.append(t)
            else:
                raise TypeError(f"transforms[{i}]: got {type(t).__name__}, expected a Transform")
        self.parts: tuple[Transform, ...] = tuple(parts)

    @property
    def is_linear(self) -> bool:  # type: ignore[override]
        return all(t.is_linear for t in self.parts)

    def simplified(self) -> Chain:
        """An equal chain where adjacent linear parts are one Affine and identities are gone."""
        parts: list[Transform] = []
        for t in self.parts:
            if t.is_linear and parts and parts[-1].is_linear:
                # ``t`` applies after ``parts[-1]``, so it multiplies on the left.
                parts[-1] = Affine(t.matrix @ parts[-1].matrix)  # type: ignore[attr-defined]
            else:
                parts.append(t)
        identity = np.eye(4)
        parts = [t for t in parts if not (t.is_linear and np.array_equal(t.matrix, identity))]
        return Chain(*parts)

    @property
    def matrix(self) -> np.ndarray:
        """For a linear chain, the product of its matrices (4x4)."""
        if not self.is_linear:
            raise ValueError("matrix: the chain is not linear")
        m = np.eye(4)
        for t in self.parts:
            m = t.matrix @ m  # type: ignore[attr-defined]
        return m

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        for t in self.parts:
            pts = t._forward(pts)
        return pts

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        for t in reversed(self.parts):
            pts = t._inverse(pts)
        return pts

    def glsl_forward(self) -> Snippet:
        return _compose("chain", [t.glsl_forward() for t in self.simplified().parts])

    def glsl_inverse(self) -> Snippet:
        return _compose("unchain", [t.glsl_inverse() for t in reversed(self.simplified().parts)])

    def _key(self) -> tuple:
        return self.parts

    def __repr__(self) -> str:
        return f"Chain({', '.join(map(repr, self.parts))})"


def chain(*transforms: Transform) -> Transform:
    """The simplified chain of ``transforms`` (applied in order), unwrapped if only one part
    remains; the identity :class:`Affine` if none does."""
    parts = Chain(*transforms).simplified().parts
    if not parts:
        return Affine()
    return parts[0] if len(parts) == 1 else Chain(*parts)


def _compose(kind: str, snippets: list[Snippet]) -> Snippet:
    """One snippet calling ``snippets`` in order."""
    if not snippets:  # identity; Affine's form also masks NaN input like all others
        return Affine().glsl_forward()
    if len(snippets) == 1:
        return snippets[0]
    calls = "".join(f"    p = {s.name}(p);\n" for s in snippets)
    body = f"vec4 $fn(vec4 p) {{\n{calls}    return p;\n}}"
    return make_snippet(kind, body, needs=tuple(snippets))
