"""NonUniformImage: matplotlib's image whose columns and rows each have their own width,
added with ``ax.add_image`` (matplotlib's class, or lumos's of the same name).

As matplotlib's, it is colored here (``to_rgba`` to bytes), then resampled per screen
pixel over the whole axes: the nearest centre's color, or the colors of the four
centres around a pixel interpolated ('bilinear'), the outer ones stretched to the axes'
edges. lumos resamples on the GPU (:class:`lumos.visuals.image_nonuniform.
NonUniformImage`), so a pan or zoom needs no Python.
"""

from __future__ import annotations

import numpy as np

from ..visuals.image_nonuniform import INTERPOLATIONS
from ..visuals.image_nonuniform import NonUniformImage as NonUniformVisual
from . import validate
from .artists import Artist
from .image import AxesImage, _extent, matplotlib_mapping
from .style import rcParams


def _interpolation(s) -> str:
    """'nearest' or 'bilinear' (None: ``rcParams['image.interpolation']``, which
    matplotlib resamples bilinearly unless it is 'nearest')."""
    if s is None:
        return "nearest" if rcParams["image.interpolation"] == "nearest" else "bilinear"
    if s not in INTERPOLATIONS:
        raise ValueError(f"interpolation: got {s!r}, expected 'nearest' or 'bilinear' (what "
                         "a NonUniformImage resamples with)")
    return s


class NonUniformImage(AxesImage):
    """An image on a rectilinear grid of pixel centres, as matplotlib's
    ``NonUniformImage(ax, interpolation='nearest', cmap=..., norm=...)``: give it its
    data with ``set_data(x, y, A)`` and add it with ``ax.add_image(im)``.

    It fills the whole axes (the outer cells reach the edges) and does not move the
    axes' limits, as matplotlib's; ``get_extent()`` is the span of the centres. On a log
    axis the cells meet half-way between centres in the data and 'bilinear' weighs
    along the data, as matplotlib's; on other non-linear scales (symlog, logit)
    'bilinear' weighs along the scale.
    ``extent`` is taken as matplotlib's signature takes it, and, as there, neither
    places nor clips the picture. A scalar field is colored through ``cmap`` and
    ``norm`` before resampling (matplotlib's 'rgba' stage); ``alpha`` is one number.
    """

    def __init__(self, ax, *, interpolation: str | None = "nearest", cmap=None, norm=None,
                 extent=None, alpha=None, label=None, zorder=None) -> None:
        if ax is None or not ax.transProjection.frozen().is_linear:
            raise TypeError(f"ax: got {ax!r}; a NonUniformImage needs rectilinear axes")
        Artist.__init__(self, ax, label, zorder)
        self._init_mappable(cmap, norm, None, None)
        self._interp = _interpolation(interpolation)
        self._extent_spec = _extent(extent)
        self._placed = None
        self._data = self._x = self._y = None
        self._visual = None
        self._alpha = None
        self.set_alpha(alpha)

    def set_data(self, x, y, A) -> None:  # noqa: N803 (matplotlib's name)
        """The column centres ``x`` (N increasing numbers), the row centres ``y`` (M
        increasing numbers) and the pixels ``A``: (M, N) values to colormap (masked,
        NaN and inf: the colormap's bad color), or (M, N, 3|4) RGB(A), uint8 or floats
        in 0..1."""
        mask = np.ma.getmaskarray(A) if np.ma.is_masked(A) else None
        arr = np.array(validate.numbers_array(np.ma.getdata(A), "A"), copy=True)
        if arr.dtype.kind == "b":
            arr = arr.astype(np.uint8)
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"A: got dtype {arr.dtype}, expected numbers")
        if arr.ndim == 3 and arr.shape[2] == 1:
            arr = arr[..., 0]
        if arr.ndim not in (2, 3) or (arr.ndim == 3 and arr.shape[2] not in (3, 4)):
            raise ValueError(f"A: got shape {arr.shape}, expected (M, N), (M, N, 3) or "
                             "(M, N, 4)")
        if arr.shape[0] == 0 or arr.shape[1] == 0:
            raise ValueError(f"A: got shape {arr.shape}, expected at least one pixel")
        if mask is not None and arr.ndim == 2:
            arr = np.where(mask, np.nan, arr.astype(float))
        for name, centres, n in (("x", x, arr.shape[1]), ("y", y, arr.shape[0])):
            c = np.ma.getdata(centres)
            if np.ndim(c) != 1 or len(c) != n:
                raise ValueError(f"{name}: got shape {np.shape(c)}, expected ({n},), one "
                                 f"centre per {'column' if name == 'x' else 'row'} of A "
                                 f"(shape {arr.shape})")
        xs = np.array(validate.numbers_array(np.ma.getdata(x), "x"), dtype=float)
        ys = np.array(validate.numbers_array(np.ma.getdata(y), "y"), dtype=float)
        for name, c in (("x", xs), ("y", ys)):
            if not np.isfinite(c).all() or np.any(np.diff(c) <= 0):
                raise ValueError(f"{name}: expected increasing finite centres, got {c!r}")
        self._data, self._x, self._y = arr, xs, ys
        if arr.ndim == 2 and arr.dtype != np.uint8:
            with np.errstate(all="ignore"):
                self.autoscale_clim(np.where(np.isfinite(arr), arr, np.nan))
        self._upload()

    def set_array(self, A) -> None:  # noqa: N803 (matplotlib's name)
        """Refused: a NonUniformImage takes its centres with its pixels (``set_data``)."""
        raise TypeError("set_array: a NonUniformImage takes its pixels with their centres: "
                        "set_data(x, y, A)")

    def get_array(self) -> np.ndarray | None:
        """A copy of the pixels (None before ``set_data``)."""
        return None if self._data is None else self._data.copy()

    def get_centers(self) -> tuple[np.ndarray, np.ndarray]:
        """Copies of the column and the row centres."""
        self._need_data("get_centers")
        return self._x.copy(), self._y.copy()

    def _need_data(self, what: str) -> None:
        if self._data is None:
            raise RuntimeError(f"{what}: the NonUniformImage has no data yet; call "
                               "set_data(x, y, A) first")

    def get_extent(self) -> tuple[float, float, float, float]:
        """(first x centre, last x centre, first y centre, last y centre), as
        matplotlib's."""
        self._need_data("get_extent")
        return (float(self._x[0]), float(self._x[-1]), float(self._y[0]), float(self._y[-1]))

    def set_extent(self, extent) -> None:
        """Refused: the centres place a NonUniformImage (``set_data``)."""
        raise TypeError("set_extent: a NonUniformImage fills the axes from its centres; "
                        "give new ones with set_data(x, y, A)")

    def set_transform(self, transform) -> None:
        """Only ``ax.transData``: the image is resampled in the axes' data coordinates."""
        from .transformed_collections import is_data_transform

        if not is_data_transform(transform, self.axes):
            raise TypeError(f"transform: got {transform!r}; a NonUniformImage lies in "
                            "ax.transData's coordinates only")

    def set_interpolation(self, s) -> None:
        """'nearest' or 'bilinear' (None: ``rcParams['image.interpolation']``, bilinear
        unless that is 'nearest', as matplotlib)."""
        self._interp = _interpolation(s)
        if self._visual is not None:
            self._visual.interpolation = self._interp
            self._changed()

    def get_interpolation(self) -> str:
        """'nearest' or 'bilinear'."""
        return self._interp

    def _refuse(self, what: str):
        raise TypeError(f"{what}: a NonUniformImage resamples with 'nearest' or "
                        "'bilinear' only (set_interpolation)")

    def set_filterrad(self, filterrad: float) -> None:
        """Refused: no filter kernel (matplotlib ignores it)."""
        self._refuse("set_filterrad")

    def set_resample(self, v) -> None:
        """Refused: no filter kernel."""
        self._refuse("set_resample")

    def set_interpolation_stage(self, stage: str) -> None:
        """Refused: colors are resampled (matplotlib's 'rgba' stage), always."""
        self._refuse("set_interpolation_stage")

    def set_alpha(self, alpha) -> None:
        """One number in 0..1 (None: opaque)."""
        if alpha is not None and np.ndim(alpha) != 0:
            raise ValueError(f"alpha: got an array of shape {np.shape(alpha)}, expected one "
                             "number (a NonUniformImage has one opacity)")
        self._alpha = None if alpha is None else float(validate.alpha(alpha))
        if self._visual is not None:
            self._visual.opacity = 1.0 if self._alpha is None else self._alpha
            self._changed()

    def on_gpu(self) -> bool:
        """False: the colors are made here (the GPU resamples them)."""
        return False

    def _rgba(self) -> np.ndarray:
        """(M, N, 4) uint8 colors, as matplotlib's ``make_image`` makes them."""
        arr = self._data
        if arr.ndim == 2:
            if arr.dtype == np.uint8:  # gray levels, as matplotlib
                return np.dstack([arr, arr, arr, np.full(arr.shape, 255, np.uint8)])
            with np.errstate(all="ignore"):
                return np.asarray(self.to_rgba(np.where(np.isfinite(arr), arr, np.nan),
                                               bytes=True), dtype=np.uint8)
        if arr.dtype != np.uint8:
            arr = (255 * np.clip(np.nan_to_num(arr.astype(float)), 0, 1)).astype(np.uint8)
        if arr.shape[2] == 3:
            arr = np.dstack([arr, np.full(arr.shape[:2], 255, np.uint8)])
        return arr

    def _upload(self) -> None:
        if self._data is None:
            return
        rgba = self._rgba()
        if self._visual is None:
            self._visual = NonUniformVisual(self._x, self._y, rgba, self._interp)
        self._visual.opacity = 1.0 if self._alpha is None else self._alpha
        self._rgba_now = rgba
        self.rescale()

    def rescale(self) -> None:
        if self._visual is None:
            return
        # the centres, and the edges where the nearest cell changes (half-way between
        # centres in the data, as matplotlib), in the axes' scale space (a log axis)
        edges = [(c[:-1] + c[1:]) / 2 for c in (self._x, self._y)]
        with np.errstate(all="ignore"):
            sx, ex = (self.axes.transScale.forward(np.c_[v, np.full(len(v), self._y[0])])[:, 0]
                      for v in (self._x, edges[0]))
            sy, ey = (self.axes.transScale.forward(np.c_[np.full(len(v), self._x[0]), v])[:, 1]
                      for v in (self._y, edges[1]))
        # centres a log axis cannot show (not positive) hide the image
        shown = bool(np.isfinite(np.r_[sx, sy, ex, ey]).all())
        self._show(shown)
        if shown:
            self._visual.bases = tuple(float(axis.scale.base) if axis.scale.name == "log"
                                       else 0.0 for axis in (self.axes.xaxis, self.axes.yaxis))
            self._visual.set_data(sx, sy, self._rgba_now, (ex, ey))
        self._visual.order = self.zorder
        self._changed()

    @property
    def sticky(self):
        """None: margins pass over the image (matplotlib sets sticky edges in imshow,
        not add_image)."""
        return [], []

    def visuals(self) -> list:
        return [] if self._visual is None else [self._visual]


def from_matplotlib(image, ax) -> NonUniformImage:
    """lumos's NonUniformImage drawing matplotlib's ``image`` on ``ax``: its centres,
    data, colormap, norm, interpolation, alpha, zorder and label as they are now."""
    if image.get_array() is None:
        raise ValueError("add_image: matplotlib's NonUniformImage has no data yet; call its "
                         "set_data(x, y, A) first")
    mapping, clim = matplotlib_mapping(image)
    interpolation = image.get_interpolation()
    im = NonUniformImage(ax, interpolation=interpolation if interpolation in INTERPOLATIONS
                         else None, **mapping, alpha=image.get_alpha(),
                         label=image.get_label() or None, zorder=image.get_zorder())
    im.set_data(image._Ax, image._Ay, image.get_array())
    im.set_clim(*clim)
    im.set_visible(image.get_visible())
    im.source = image
    return im
