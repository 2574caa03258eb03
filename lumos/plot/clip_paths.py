"""matplotlib's ``Artist.set_clip_path``: the path an artist is drawn inside.

A :class:`ClipPath` holds what the script gave (a patch, lumos's or matplotlib's, with
its own transform; or a path with ``ax.transData`` or ``ax.transAxes``) and gives its
closed rings in the axes' scale space, the space its view's camera shows, each time the
axes lays its views out (they follow the axes' limits). The axes draws
the artist's visuals through :class:`lumos.visuals.clip.ClipGroup` (:mod:`.unclipped`).
"""

from __future__ import annotations

import numpy as np

from ..path import Affine2D, Path
from .patch_style import coordinates


def _is_patch(obj) -> bool:
    return hasattr(obj, "get_patch_transform") and hasattr(obj, "get_path")


class ClipPath:
    """A clip path: ``path`` (a patch, or a path in ``transform``'s coordinates, or the
    pair ``(path, transform)``). As matplotlib, a patch's shape and place are read once,
    at the first axes it meets (``ax``, the artist's, when given): moving the patch
    later leaves the clip where it was; its transform (the axes' data or axes
    coordinates) stays live."""

    def __init__(self, path, transform=None, ax=None) -> None:
        if transform is None and isinstance(path, tuple) and len(path) == 2:
            path, transform = path  # matplotlib's (path, transform) pair
        if _is_patch(path):
            if transform is not None:
                raise TypeError("transform: a patch clips in its own coordinates; got "
                                f"{transform!r} with {type(path).__name__}, expected None")
        elif not (hasattr(path, "vertices") and hasattr(path, "codes")):
            raise TypeError(f"path: got {type(path).__name__}, expected a patch, a Path or "
                            "None")
        self.path, self.transform = path, transform
        self._read = None  # (lumos Path in the transform's units, transform)
        if ax is not None:
            self._shape(ax)

    def _shape(self, ax) -> tuple:
        """(the path in its transform's units, the transform), read once."""
        from .mpl_objects import adapt, is_matplotlib

        if self._read is None:
            if _is_patch(self.path):
                patch = adapt(self.path, ax, "set_clip_path") if is_matplotlib(self.path) \
                    else self.path
                p = patch.get_path()
                matrix = Affine2D(np.asarray(patch.get_patch_transform().get_matrix(), float))
                self._read = (Path(p.vertices, p.codes).transformed(matrix),
                              patch.get_transform())
            else:
                self._read = (Path(self.path.vertices, self.path.codes), self.transform)
        return self._read

    def rings(self, ax) -> list[np.ndarray]:
        """The path's closed rings (curves flattened) in ``ax``'s scale space."""
        from .collections import to_scale  # it imports the artists, which import this

        path, transform = self._shape(ax)
        units = coordinates(transform, ax)
        out = []
        for r in path.to_polygons():
            if units == "axes":  # axes fractions → data through the axes' live transforms
                r = ax.transData.inverted().transform(ax.transAxes.transform(r))
            out.append(np.c_[to_scale(ax.xaxis, r[:, 0]), to_scale(ax.yaxis, r[:, 1])])
        return out
