"""axes_grid1's ``inset_locator`` on lumos axes: ``inset_axes`` (a size in inches or a
percentage of the box it is anchored in), ``zoomed_inset_axes`` (the inset's limits
``zoom`` times as large as on the parent) and ``mark_inset`` (the region on the parent,
joined to the inset by two corners), placed as matplotlib's: anchored at ``loc`` in
``bbox_to_anchor`` (default: the parent axes' box) shrunk by ``borderpad`` times the
legend font size, again at each draw."""

from __future__ import annotations

import numpy as np

from ..plot.bbox import Bbox
from ..plot.legend import LOC_ANCHORS, LOCATIONS
from ..plot.style import rcParams
from ..plot.text import points

__all__ = ["inset_axes", "mark_inset", "zoomed_inset_axes"]

#: mark_inset's corner codes -> the index of lumos's connector at that corner
_CORNER_CONNECTOR = {1: 3, 2: 1, 3: 0, 4: 2}


def _loc_code(loc, argname: str = "loc") -> int:
    code = LOCATIONS.get(loc) if isinstance(loc, str) else loc
    if isinstance(code, bool) or code not in LOC_ANCHORS:
        names = ", ".join(n for n in LOCATIONS if n != "best")
        raise ValueError(f"{argname}: got {loc!r}, expected one of {names} or a code 1..10")
    return int(code)


def _size(size, argname: str) -> tuple[float, float]:
    """(fraction of the anchor box, inches) of a width or height."""
    if isinstance(size, str) and size.endswith("%"):
        try:
            return float(size[:-1]) / 100, 0.0
        except ValueError:
            pass
    elif not isinstance(size, (str, bool)):
        try:
            return 0.0, float(size)
        except (TypeError, ValueError):
            pass
    raise ValueError(f"{argname}: got {size!r}, expected inches (a number) or a "
                     "percentage of the anchor box ('30%')")


def _anchor_bounds(bbox_to_anchor, argname: str = "bbox_to_anchor") -> tuple:
    """(x, y, width, height) of a Bbox, an (x, y) point or an (x, y, w, h) tuple."""
    if hasattr(bbox_to_anchor, "bounds"):
        return tuple(float(v) for v in bbox_to_anchor.bounds)
    values = np.asarray(bbox_to_anchor, dtype=float).reshape(-1)
    if values.size == 2:
        return (values[0], values[1], 0.0, 0.0)
    if values.size == 4:
        return tuple(values)
    raise ValueError(f"{argname}: got {bbox_to_anchor!r}, expected a Bbox, (x, y) or "
                     "(x, y, width, height)")


class _AnchoredLocator:
    """Places an inset at each draw: ``size(anchor_width, anchor_height)`` gives its
    size in pixels, anchored at ``loc`` in the anchor box (pixels: the parent's box, or
    ``bounds`` through ``transform``) less ``borderpad`` legend font sizes."""

    def __init__(self, parent, bounds, transform, loc: int, borderpad: float, size) -> None:
        self.parent = parent
        self.bounds = bounds
        self.transform = transform
        self.loc = loc
        self.borderpad = float(borderpad)
        self.size = size

    def _anchor_box(self) -> tuple:
        if self.bounds is None:
            return tuple(self.parent.get_window_extent().bounds)
        x, y, w, h = self.bounds
        if self.transform is None:  # display pixels, as matplotlib's
            return x, y, w, h
        (x0, y0), (x1, y1) = np.asarray(self.transform.transform([[x, y], [x + w, y + h]]),
                                        dtype=float)
        return x0, y0, x1 - x0, y1 - y0

    def __call__(self, ax, renderer=None) -> Bbox:
        fig = self.parent.figure
        x0, y0, w, h = self._anchor_box()
        bw, bh = self.size(w, h)
        pad = self.borderpad * fig.points_to_pixels(points(rcParams["legend.fontsize"]))
        fx, fy = LOC_ANCHORS[self.loc]
        left = x0 + pad + fx * (w - 2 * pad - bw)
        bottom = y0 + pad + fy * (h - 2 * pad - bh)
        return fig.pixels_to_fraction((left, bottom, bw, bh))


def _add_inset(parent, locator, axes_class, axes_kwargs):
    if axes_class is not None:
        raise TypeError(f"axes_class: got {axes_class!r}; lumos makes its own axes (None)")
    inset = parent.figure.add_axes(parent.get_position(), **(axes_kwargs or {}))
    inset.set_navigate(False)  # matplotlib's: an inset does not pan and zoom
    inset.set_axes_locator(locator)
    return inset


def inset_axes(parent_axes, width, height, loc="upper right", bbox_to_anchor=None,
               bbox_transform=None, axes_class=None, axes_kwargs=None, borderpad=0.5):
    """An axes of ``width`` x ``height`` (inches, or '30%' of the anchor box) anchored
    at ``loc`` in ``bbox_to_anchor`` (default: ``parent_axes``' box; a Bbox, (x, y) or
    (x, y, w, h) in ``bbox_transform``'s coordinates, else pixels), ``borderpad``
    legend font sizes inside it; ``axes_kwargs`` go to the new axes."""
    code = _loc_code(loc)
    (rw, aw), (rh, ah) = _size(width, "width"), _size(height, "height")
    bounds = None if bbox_to_anchor is None else _anchor_bounds(bbox_to_anchor)
    if (rw or rh) and bounds is not None and bounds[2:] == (0.0, 0.0):
        raise ValueError("width, height: a percentage needs bbox_to_anchor with a size "
                         f"(x, y, width, height) or a Bbox; got {bbox_to_anchor!r}")
    dpi = parent_axes.figure.dpi

    def size(w, h):
        return rw * w + aw * dpi, rh * h + ah * dpi

    locator = _AnchoredLocator(parent_axes, bounds, bbox_transform, code, borderpad, size)
    return _add_inset(parent_axes, locator, axes_class, axes_kwargs)


def zoomed_inset_axes(parent_axes, zoom, loc="upper right", bbox_to_anchor=None,
                      bbox_transform=None, axes_class=None, axes_kwargs=None,
                      borderpad=0.5):
    """An axes whose limits (set later) show ``zoom`` times larger than on
    ``parent_axes``, anchored as :func:`inset_axes`'s."""
    zoom = float(zoom)
    if not np.isfinite(zoom) or zoom <= 0:
        raise ValueError(f"zoom: got {zoom!r}, expected a positive number")
    code = _loc_code(loc)
    bounds = None if bbox_to_anchor is None else _anchor_bounds(bbox_to_anchor)
    holder: list = []

    def size(w, h):
        inset = holder[0]
        (x0, x1), (y0, y1) = inset.get_xlim(), inset.get_ylim()
        (px0, py0), (px1, py1) = np.asarray(parent_axes.transData.transform(
            [[x0, y0], [x1, y1]]), dtype=float)
        return abs(px1 - px0) * zoom, abs(py1 - py0) * zoom

    locator = _AnchoredLocator(parent_axes, bounds, bbox_transform, code, borderpad, size)
    holder.append(_add_inset(parent_axes, locator, axes_class, axes_kwargs))
    return holder[0]


def mark_inset(parent_axes, inset_axes, loc1: int, loc2: int, **kwargs):
    """The region ``inset_axes`` shows, outlined on ``parent_axes``, and lines joining
    its corners ``loc1`` and ``loc2`` (1 upper right, 2 upper left, 3 lower left, 4
    lower right) to the inset's; keywords style them (``fc``, ``ec``, ``lw``, ...).
    Returns (the rectangle, the two lines)."""
    corners = [_CORNER_CONNECTOR.get(c) for c in (loc1, loc2)]
    for name, c, index in (("loc1", loc1, corners[0]), ("loc2", loc2, corners[1])):
        if index is None or isinstance(c, bool):
            raise ValueError(f"{name}: got {c!r}, expected a corner 1..4")
    kwargs.setdefault("alpha", None)  # indicate_inset's is 0.5; mark_inset has none
    indicator = parent_axes.indicate_inset_zoom(inset_axes, **kwargs)
    for i, line in enumerate(indicator.connectors):
        line.set_visible(i in corners)
    return indicator.rectangle, indicator.connectors[corners[0]], \
        indicator.connectors[corners[1]]
