"""``mpl_toolkits.mplot3d.art3d``: the 3D artists (lumos's), to build and add with
``ax.add_collection3d``.

>>> from lumos.mplot3d.art3d import Poly3DCollection, Line3DCollection
>>> ax.add_collection3d(Poly3DCollection(verts, facecolors="C1", alpha=0.5))
"""

from ..plot.axes3d_artists import Text3D, generate_normals, juggle_axes, rotate_axes, shade_colors
from ..plot.axes3d_collections import Line3DCollection, Poly3DCollection, Surface3DCollection
from ..plot.axes3d_lines import Line3D, Path3DCollection
from ..plot.axes3d_patches import lift


def pathpatch_2d_to_3d(pathpatch, z=0, zdir: str = "z") -> None:
    """Lay ``pathpatch`` (added with ``ax.add_patch`` to 3D axes) on the plane ``zdir`` =
    ``z``, as mplot3d's."""
    lift(pathpatch, z, zdir)


def patch_2d_to_3d(patch, z=0, zdir: str = "z", axlim_clip: bool = False) -> None:
    """Lay ``patch`` (added with ``ax.add_patch`` to 3D axes) on the plane ``zdir`` =
    ``z``, as mplot3d's; ``axlim_clip``: what lies outside the axes limits is left out
    (mplot3d 3.10's)."""
    lift(patch, z, zdir, axlim_clip)


__all__ = ["Line3D", "Line3DCollection", "Path3DCollection", "Poly3DCollection",
           "Surface3DCollection", "Text3D", "generate_normals", "juggle_axes",
           "patch_2d_to_3d", "pathpatch_2d_to_3d", "rotate_axes", "shade_colors"]
