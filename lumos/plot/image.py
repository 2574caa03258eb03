"""AxesImage: the image that ``ax.imshow`` returns, and matplotlib's interpolation
names as lumos draws them; FigureImage, the image ``fig.figimage`` places in figure
pixels (:mod:`.figure_images`).
"""

from __future__ import annotations

import numpy as np

from ..visuals import Image
from ..visuals.image_filters import KERNELS
from . import validate
from .artists import Artist, ScalarMappable
from .style import rcParams

#: an image's copy (up to 4 float64 channels), its float32 texture and RGBA picture
IMAGE_BYTES_PER_PIXEL = 56


def _extent(extent) -> tuple[float, ...] | None:
    """None or (left, right, bottom, top): four finite numbers."""
    if extent is None:
        return None
    if isinstance(extent, str) or np.ndim(extent) != 1 or len(extent) != 4:
        raise ValueError(f"extent: got {extent!r}, expected (left, right, bottom, top)")
    return tuple(validate.number(v, f"extent[{i}]") for i, v in enumerate(extent))


#: matplotlib's names for the filters lumos's Image visual names otherwise
_ALIASES = {"none": "nearest", "antialiased": "auto"}
_INTERPOLATIONS = ("none", "nearest", "auto", "antialiased", "bilinear", *KERNELS)


def image_interpolation(name) -> str:
    """The filter lumos draws for matplotlib's ``interpolation`` name: every one of
    matplotlib's (Agg's filters: :mod:`lumos.visuals.image_filters`); 'none' is
    'nearest', 'antialiased' is 'auto'; None: ``rcParams['image.interpolation']``."""
    if name is None:
        name = rcParams["image.interpolation"]
    if name not in _INTERPOLATIONS:
        raise ValueError(f"interpolation: got {name!r}, expected one of "
                         f"{', '.join(_INTERPOLATIONS)}")
    return _ALIASES.get(name, name)


def _image_alpha(alpha):
    """None, a number in 0..1, or an (M, N) copy of per-pixel values in 0..1."""
    if alpha is None:
        return None
    if np.ndim(alpha) == 0:
        return float(validate.alpha(alpha))
    a = np.array(alpha, dtype=float, copy=True)
    if a.ndim not in (0, 2):
        raise ValueError(f"alpha: got shape {a.shape}, expected a number or an (M, N) array, "
                         "one per pixel")
    if not np.all((a >= 0) & (a <= 1)):
        raise ValueError("alpha: expected values in 0..1")
    return float(a) if a.ndim == 0 else a


def matplotlib_mapping(source) -> tuple[dict, tuple]:
    """The ``cmap`` and ``norm`` keywords that give a lumos image the colors of
    matplotlib's ``source``, and the (vmin, vmax) to set after its data: a plain
    Normalize becomes color limits of lumos's own norm (None: from the data, as there),
    any other norm is taken as it is."""
    norm = source.norm
    if type(norm).__name__ == "Normalize":
        return {"cmap": source.get_cmap(), "norm": None}, (norm.vmin, norm.vmax)
    return {"cmap": source.get_cmap(), "norm": norm}, (None, None)


class AxesImage(Artist, ScalarMappable):
    """An image on the axes, as ``ax.imshow`` returns.

    A scalar field with a linear norm is colored on the GPU, its under, over and bad
    colors too (its data is interpolated, then colormapped: matplotlib's 'data'
    stage). Any other norm (log, BoundaryNorm, ...), ``alpha`` given per pixel and
    RGB(A) images are colored here exactly as matplotlib does, and the colors are
    interpolated ('rgba' stage). A scalar ``alpha`` is an opacity the
    GPU applies after the colormap, as matplotlib applies it after interpolating.
    """

    zorder = 0.0

    def __init__(self, axes, data, cmap=None, norm=None, vmin=None, vmax=None, extent=None,
                 origin=None, interpolation=None, alpha=None, label=None, zorder=None,
                 interpolation_stage=None, filterrad=4.0, resample=None) -> None:
        super().__init__(axes, label, zorder)
        self._init_mappable(cmap, norm, vmin, vmax)
        self._origin = rcParams["image.origin"] if origin is None else origin
        if self._origin not in ("upper", "lower"):
            raise ValueError(f"origin: got {origin!r}, expected 'upper' or 'lower'")
        if interpolation_stage not in (None, "data", "rgba", "auto"):
            raise ValueError(f"interpolation_stage: got {interpolation_stage!r}, expected "
                             "'data', 'rgba' or 'auto'")
        self._stage = interpolation_stage or rcParams["image.interpolation_stage"]
        self._alpha = None
        self._extent_spec = _extent(extent)
        self._placed = None  # (transform, lumos transform) of set_transform, or None
        self._placed_for = None  # the view the image was placed for (a transform moves)
        self._visual = Image(np.zeros((1, 1)), interpolation=image_interpolation(interpolation),
                             stage=self._stage, filterrad=filterrad,
                             resample=rcParams["image.resample"] if resample is None
                             else resample)
        self._alpha = _image_alpha(alpha)
        self.set_data(data)

    def set_data(self, data) -> None:
        """New image data (the same kinds ``imshow`` takes; masked pixels are left out)."""
        if isinstance(data, np.ndarray) and data.ndim >= 2:  # before the copy
            validate.points(data.shape[0] * data.shape[1], "X", IMAGE_BYTES_PER_PIXEL,
                            "pixels", "pass a smaller image (or a lazy array: h5py, zarr, "
                            "Dask or a numpy memmap, which lumos tiles and reads per view)")
        mask = np.ma.getmaskarray(data) if np.ma.is_masked(data) else None
        arr = np.array(validate.numbers_array(np.ma.getdata(data), "X"), copy=True)
        if mask is not None and arr.dtype.kind in "biuf":
            # masked pixels are left out (transparent), as NaN is
            if arr.ndim == 2:
                arr = np.where(mask, np.nan, arr.astype(float))
            elif arr.ndim == 3 and arr.shape[2] in (3, 4):
                rgba = arr.astype(float) / (255.0 if arr.dtype == np.uint8 else 1.0)
                if rgba.shape[2] == 3:
                    rgba = np.concatenate([rgba, np.ones(rgba.shape[:2] + (1,))], axis=2)
                rgba[mask.any(axis=2)] = 0.0
                arr = rgba
        if arr.dtype.kind == "b":
            arr = arr.astype(np.uint8)
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"X: got dtype {arr.dtype}, expected numbers")
        if arr.ndim not in (2, 3) or (arr.ndim == 3 and arr.shape[2] not in (3, 4)):
            raise ValueError(f"X: got shape {arr.shape}, expected (M, N), (M, N, 3) or "
                             "(M, N, 4)")
        self._data = arr
        if arr.ndim == 2:
            self.autoscale_clim(arr)
        self._check_alpha_shape()
        self._upload()

    def get_array(self) -> np.ndarray:
        """A copy of the image data."""
        return self._data.copy()

    def get_extent(self) -> tuple[float, float, float, float]:
        """Where the image lies in data coordinates: (left, right, bottom, top)."""
        if self._extent_spec is not None:
            return tuple(float(v) for v in self._extent_spec)
        h, w = self._data.shape[:2]
        if self._origin == "upper":
            return (-0.5, w - 0.5, h - 0.5, -0.5)
        return (-0.5, w - 0.5, -0.5, h - 0.5)

    def set_transform(self, transform) -> None:
        """The coordinates of the extent: ``ax.transData`` (the default) or another
        transform to pixels, one that turns or shears too (``Affine2D().rotate_deg(30)
        + ax.transData``): the image is drawn through it, as matplotlib draws it."""
        from .transformed_collections import is_data_transform
        from .transforms_compat import as_transform

        if is_data_transform(transform, self.axes):
            self._placed = None
        else:
            if not self.axes.transProjection.frozen().is_linear:
                raise TypeError(f"transform: got {transform!r} on {self.axes.name} axes; "
                                "lumos places images by other transforms than ax.transData "
                                "on rectilinear axes only")
            self._placed = (transform, as_transform(transform, "transform"))
        self.rescale()

    def get_transform(self):
        """The transform of the extent's coordinates."""
        return self.axes.transData if self._placed is None else self._placed[0]

    def _scale_space(self, xy: np.ndarray) -> np.ndarray:
        """(N, 2) points of the extent's coordinates in the axes' scale space."""
        with np.errstate(all="ignore"):
            if self._placed is None:
                return self.axes.transScale.forward(xy)
            return self.axes.transView.inverse(self._placed[1].forward(xy))

    def set_extent(self, extent) -> None:
        """Where the image lies in data coordinates: (left, right, bottom, top)."""
        self._extent_spec = _extent(extent)
        self._upload()
        if self.axes is not None and self._extent_spec is not None:
            # as matplotlib: automatic limits fit the new extent, in its order
            self.axes.refit(self)
            left, right, bottom, top = self._extent_spec
            if self.axes.get_autoscalex_on():
                self.axes.set_xlim(left, right, auto=None)
            if self.axes.get_autoscaley_on():
                self.axes.set_ylim(bottom, top, auto=None)

    def set_interpolation(self, interp: str) -> None:
        """matplotlib's filter names (see :func:`image_interpolation`)."""
        self._visual.interpolation = image_interpolation(interp)

    def get_interpolation(self) -> str:
        """The filter the image is drawn with ('nearest', 'bilinear', 'auto', 'hanning',
        ...)."""
        return self._visual.interpolation

    def set_filterrad(self, filterrad: float) -> None:
        """The radius of the 'sinc', 'lanczos' and 'blackman' filters (positive)."""
        self._visual.filterrad = filterrad
        self._changed()

    def get_filterrad(self) -> float:
        """The radius of the 'sinc', 'lanczos' and 'blackman' filters."""
        return self._visual.filterrad

    def set_resample(self, v) -> None:
        """Whether a filter widens where the image is shrunk (True; None:
        ``rcParams['image.resample']``); False weighs texels at unit scale (aliasing)."""
        self._visual.resample = rcParams["image.resample"] if v is None else v
        self._changed()

    def get_resample(self) -> bool:
        """Whether a filter widens where the image is shrunk."""
        return self._visual.resample

    def set_interpolation_stage(self, stage: str) -> None:
        """'data' (interpolate values, then colormap), 'rgba' (colormap, then interpolate
        colors) or 'auto'."""
        if stage not in ("data", "rgba", "auto"):
            raise ValueError(f"interpolation_stage: got {stage!r}, expected 'data', 'rgba' "
                             "or 'auto'")
        self._stage = stage
        self._visual.stage = stage
        self._upload()

    def set_alpha(self, alpha) -> None:
        """A number in 0..1, or one per pixel (an (M, N) array); None: opaque."""
        self._alpha = _image_alpha(alpha)
        self._check_alpha_shape()
        self._upload()

    def get_alpha(self):
        """The opacity: None, a number or one value per pixel."""
        a = self._alpha
        return a.copy() if isinstance(a, np.ndarray) else a

    def _check_alpha_shape(self) -> None:
        a = self._alpha
        if isinstance(a, np.ndarray) and a.shape != self._data.shape[:2]:
            raise ValueError(f"alpha: got shape {a.shape}, expected the image's "
                             f"{self._data.shape[:2]}")

    def _mapping_changed(self) -> None:
        self._upload()

    def on_gpu(self) -> bool:
        """Whether the GPU colors the image (a scalar field, a linear norm, no alpha per
        pixel, and not the 'rgba' stage; a norm with ``clip`` and colors of its own for
        the extremes stays here: it maps beyond the limits to the ends, not to under
        and over)."""
        clipped = getattr(self.norm, "clip", False) and not self.cmap.has_default_extremes()
        return (self._data.ndim == 2 and self.norm.linear and not clipped
                and not isinstance(self._alpha, np.ndarray) and self._stage != "rgba")

    def _rgba(self) -> np.ndarray:
        """(M, N, 4) float colors, as matplotlib computes them."""
        arr = self._data
        if arr.ndim == 2:
            if self._stage == "data" and self._visual.interpolation != "nearest":
                from .compat import warn_once

                warn_once("imshow stage data", "interpolation_stage: lumos interpolates "
                          "colors ('rgba') when the image is colored through a non-linear "
                          "norm, extremes or an alpha per pixel")
            with np.errstate(all="ignore"):  # inf is bad, as NaN (matplotlib masks both)
                bad_as_nan = np.where(np.isfinite(arr), arr, np.nan)
                rgba = np.asarray(self.cmap(self.norm(bad_as_nan)), dtype=float)
        else:
            rgba = arr.astype(float) / 255.0 if arr.dtype == np.uint8 else \
                np.clip(np.nan_to_num(arr.astype(float)), 0.0, 1.0)
            if rgba.shape[2] == 3:
                rgba = np.concatenate([rgba, np.ones(rgba.shape[:2] + (1,))], axis=2)
        if isinstance(self._alpha, np.ndarray):  # a scalar: the visual's opacity
            rgba[..., 3] *= self._alpha
        return rgba

    def _upload(self) -> None:
        v = self._visual
        v.opacity = self._alpha if isinstance(self._alpha, float) else 1.0
        if self.on_gpu():
            v.cmap = self.cmap
            v.set_data(self._data)  # same shape: only the changed texture rows travel
            v.clim = self.get_clim()
        else:
            v.set_data(self._rgba())
            v.clim = None
        self.rescale()

    def rescale(self) -> None:
        left, right, b, t = self.get_extent()
        y0, y1 = (t, b) if self._origin == "upper" else (b, t)  # row 0 at the top
        p00, p10, p01 = self._scale_space(np.array([[left, y0], [right, y0], [left, y1]]))
        # an extent a log axis cannot show (non-positive) hides the image, as it must
        shown = bool(np.isfinite(np.r_[p00, p10, p01]).all())
        self._show(shown)
        if shown:
            # turned or sheared by set_transform: a parallelogram
            self._visual.extent = (p00[0], p10[0], p00[1], p01[1])
            self._visual.shear = (p01[0] - p00[0], p10[1] - p00[1])
        if self._placed is not None:
            # Python places it again per view; a page cannot (it says so)
            self._visual.follow = {"kind": "frozen", "what": "an image placed by a transform"}
            self._placed_for = self.axes.view_state()
        self._visual.order = self.zorder
        self._changed()

    #: whether the axes can show the image where it lies (a log axis cannot show a
    #: non-positive extent)
    _in_view = True

    def _show(self, in_view: bool) -> None:
        """The visual drawn when the image is visible and the axes can show it."""
        self._in_view = in_view
        self._visual.visible = in_view and self.get_visible()

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        if self._visual is not None:
            self._show(self._in_view)

    def set_zorder(self, z: float) -> None:
        super().set_zorder(z)
        if self._visual is not None:
            self._visual.order = self.zorder

    def draw_overlay(self, ov) -> None:
        """An image placed by a transform other than the data's: placed again when the
        view changed."""
        if self._placed is not None and self._placed_for != self.axes.view_state():
            self.rescale()

    def data_limits(self):
        left, right, b, t = self.get_extent()
        return (min(left, right), max(left, right)), (min(b, t), max(b, t))

    @property
    def sticky(self):
        """Margins stop at the image's edges: the axes show exactly the image
        (matplotlib's sticky edges)."""
        left, right, b, t = self.get_extent()
        return [left, right], [b, t]

    def visuals(self) -> list:
        return [self._visual]


class FigureImage(AxesImage):
    """An image whose lower left corner is ``(xo, yo)`` figure pixels from the figure's
    lower left corner, as ``fig.figimage`` returns (``imshow``'s mapping, alpha,
    origin and ``set_data``)."""

    def __init__(self, figure, data, xo=0, yo=0, **kwargs) -> None:
        self.figure = figure
        self.ox = validate.number(xo, "xo")
        self.oy = validate.number(yo, "yo")
        kwargs.setdefault("interpolation", "nearest")
        super().__init__(None, data, **kwargs)

    def get_extent(self) -> tuple[float, float, float, float]:
        """(left, right, bottom, top) in figure pixels."""
        h, w = self._data.shape[:2]
        return (self.ox, self.ox + w, self.oy, self.oy + h)

    def set_extent(self, extent) -> None:
        raise TypeError("set_extent: a figure image lies where xo, yo put it, one figure "
                        "pixel per image pixel; set .ox and .oy to move it")

    def rescale(self) -> None:
        left, right, b, t = self.get_extent()
        y0, y1 = (t, b) if self._origin == "upper" else (b, t)  # row 0 at the top
        self._visual.extent = (left, right, y0, y1)
        self._visual.order = self.zorder

    def remove(self) -> None:
        """Take the image off the figure."""
        self.figure.images.remove(self)
