"""``ax.volume(data)`` on 3D axes: a scalar field ray-marched on the GPU.

``data[z, y, x]`` is a numpy array, or data beyond memory (an h5py dataset, a zarr
array, a Dask array, a numpy memmap) that is never loaded whole: it is drawn through a
:class:`lumos.lazy.VolumeSource` (a brick pyramid built in one streaming pass and
cached), coarsest level first, then the level the view's pixels need as it loads in
the background (read before the draw when saving a file). Voxel ``[0, 0, 0]``'s centre
is at ``origin`` (x, y, z) and voxels are ``spacing`` (dz, dy, dx) apart, in data
coordinates.
"""

from __future__ import annotations

from .. import colors
from ..visuals import Volume
from .artists import Artist, ScalarMappable
from .axes3d_artists import Art3D


class VolumePlot(Art3D, Artist, ScalarMappable):
    """What ``ax.volume`` returns: ``visual`` is the :class:`lumos.visuals.Volume`,
    ``source`` its :class:`lumos.lazy.VolumeSource` for lazy data (None for an array).
    ``set_cmap``/``set_clim`` work as for images (a linear norm), colorbars too."""

    zorder = 1.0

    def __init__(self, axes, data, *, method: str = "mip", cmap=None, vmin=None,
                 vmax=None, opacity=None, threshold=None, step: float = 1.0,
                 spacing=(1.0, 1.0, 1.0), origin=(0.0, 0.0, 0.0), clip_planes=None,
                 max_bytes: int | None = None, tile: int = 64, label=None,
                 zorder=None) -> None:
        from ..lazy.source import is_lazy

        Artist.__init__(self, axes, label, zorder)
        self.source = None
        if is_lazy(data):
            from ..lazy.volume import MAX_BYTES, VolumeSource

            self.source = VolumeSource(data, host=axes.figure.canvas, tile=tile,
                                       max_bytes=MAX_BYTES if max_bytes is None
                                       else max_bytes)
            data = self.source
        elif max_bytes is not None:
            raise TypeError("max_bytes: only for lazy data (h5py, zarr, Dask, memmap); "
                            "an array is drawn whole")
        self.visual = Volume(data, method=method, cmap="viridis", opacity=opacity,
                             threshold=threshold, step=step, spacing=spacing,
                             origin=origin, clip_planes=clip_planes)
        lo, hi = self.visual.clim  # the data's range
        self._init_mappable(cmap, None, lo if vmin is None else vmin,
                            hi if vmax is None else vmax)
        self._mapping_changed()
        self._order(self.visual, True)  # after the opaque draws its rays stop at

    def set_norm(self, norm) -> None:
        """A linear norm (or 'linear'): the GPU maps values linearly."""
        scale = colors.get_norm(norm).axis_scale()[0]
        if scale != "linear":
            raise ValueError(f"norm: got a {scale} norm, expected a linear one (a volume "
                             "maps values linearly)")
        super().set_norm(norm)

    def _mapping_changed(self) -> None:
        self.visual.cmap = self.cmap
        self.visual.clim = self.get_clim()
        self._changed()

    def _update3d(self) -> None:
        """Nothing to recompute: the axes give the visual its data → box transform."""

    def data_limits3d(self):
        (x0, y0, z0), (x1, y1, z1) = self.visual.box_bounds()
        return (x0, x1), (y0, y1), (z0, z1)

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self.visual.visible = self._visible

    def visuals(self) -> list:
        return [self.visual]

    def remove(self) -> None:
        """Take the volume off its axes and stop its background loading."""
        if self.source is not None:
            self.source.close()
        super().remove()
