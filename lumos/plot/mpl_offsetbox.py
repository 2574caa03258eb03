"""matplotlib's anchored offset boxes on lumos axes: ``ax.add_artist(AnchoredOffsetbox(
loc="upper left", child=HPacker(children=[TextArea("T"), DrawingArea(40, 20)])))`` and
axes_grid1's ``AnchoredDrawingArea``/``AnchoredAuxTransformBox`` (subclasses of it).

The box tree (``TextArea``, ``DrawingArea``, ``AuxTransformBox``, ``HPacker``,
``VPacker``, ``PaddedBox``) is laid out with matplotlib's rules, in figure pixels, each
time a part is drawn (an ``AuxTransformBox`` in data units grows with the axes): the
children's boxes packed with ``sep``/``pad``/``align``/``mode`` (points), the whole padded
by ``pad`` and placed at ``loc`` inside ``bbox_to_anchor`` (in ``bbox_transform``'s
coordinates; the axes' box when unset) less ``borderpad`` (both in ``prop``'s font size).
The frame (``box.patch``: box style, colors, line width; shown when ``frameon``) is a
lumos FancyBboxPatch around it; texts are lumos annotations; a DrawingArea's and an
AuxTransformBox's artists are matplotlib's, drawn by lumos through a transform that
follows the layout. All parts draw at the box's zorder, the frame first. Later changes
to the matplotlib objects' layout do not show.
"""

from __future__ import annotations

import numpy as np

from ..transforms import Affine, chain
from ..visuals.fonts import hinting
from .coords import LiveTransform
from .decorations import AXIS_ZORDER
from .fonts import face_of
from .legend import LOC_ANCHORS
from .mpl_objects import _own_draw
from .mpl_texts import _box_style, _font
from .patch_fancy import FancyBboxPatch
from .text import measure
from .transforms_compat import as_transform

_LEAVES = "TextArea, DrawingArea, AuxTransformBox, OffsetImage, HPacker, VPacker, PaddedBox"


def _kind(box) -> str:
    """The matplotlib class a box is laid out as (a TypeError for others)."""
    from matplotlib import offsetbox as ob

    for cls in (ob.TextArea, ob.DrawingArea, ob.AuxTransformBox, ob.OffsetImage,
                ob.HPacker, ob.VPacker, ob.PaddedBox):
        if isinstance(box, cls) and _own_draw(box) is None:
            return cls.__name__
    raise TypeError(f"add_artist: lumos cannot lay out matplotlib's {type(box).__name__} "
                    f"in an AnchoredOffsetbox; it lays out {_LEAVES}")


def _aligned(spans: list, size, align: str) -> tuple[tuple, list]:
    """matplotlib's ``_get_aligned_offsets``: the packer's span across the packing
    direction and each child's offset along it."""
    if size is None:
        size = max(b - a for a, b in spans)
    if align == "baseline":
        return (min(a for a, _ in spans), max(b for _, b in spans)), [0.0] * len(spans)
    if align in ("left", "bottom"):
        return (0.0, size), [-a for a, _ in spans]
    if align in ("right", "top"):
        return (0.0, size), [size - b for _, b in spans]
    if align == "center":
        return (0.0, size), [(size - (b - a)) * 0.5 - a for a, b in spans]
    raise ValueError(f"align: got {align!r}, expected one of 'baseline', 'left', "
                     "'bottom', 'right', 'top', 'center'")


def _packed(sizes: list, total, sep: float, mode: str) -> tuple[float, np.ndarray]:
    """matplotlib's ``_get_packed_offsets``: the packer's length and each child's
    offset along the packing direction."""
    if mode == "fixed":
        ends = np.cumsum([0.0] + [s + sep for s in sizes])
        return (ends[-1] - sep if total is None else total), ends[:-1]
    if mode == "expand":
        total = 1.0 if total is None else total
        sep = (total - sum(sizes)) / (len(sizes) - 1) if len(sizes) > 1 else 0.0
        return total, np.cumsum([0.0] + [s + sep for s in sizes])[:-1]
    if mode == "equal":
        most = max(sizes)
        if total is None:
            total = (most + sep) * len(sizes)
        else:
            sep = total / len(sizes) - most
        return total, (most + sep) * np.arange(len(sizes))
    raise ValueError(f"mode: got {mode!r}, expected 'fixed', 'expand' or 'equal'")


def _pad(box: tuple, pad: float) -> tuple:
    x0, y0, w, h = box
    return (x0 - pad, y0 - pad, w + 2 * pad, h + 2 * pad)


def _image_size(image, dpicor: float) -> tuple[float, float]:
    """An OffsetImage's width and height in pixels: its data's, zoomed, in points
    (pixels when made with ``dpi_cor=False``)."""
    ny, nx = np.shape(image.get_data())[:2]
    scale = image.get_zoom() * (dpicor if image._dpi_cor else 1.0)
    return nx * scale, ny * scale


class _Layout:
    """The pixel layout of one AnchoredOffsetbox (or AnnotationBbox: ``annotation``
    places it) on ``ax``, recomputed on demand."""

    def __init__(self, anchored, ax, annotation=None) -> None:
        self.anchored, self.ax, self.annotation = anchored, ax, annotation
        self.fontsize = float(anchored.prop.get_size_in_points())
        self.texts: dict = {}  # (TextArea, dpi, hinting) -> its (width, above, below) px

    def _dpicor(self) -> float:
        return self.ax.figure.figure.dpi / 72

    def _text_size(self, area) -> tuple:
        """A TextArea's (width, height above, depth below its baseline) in pixels, by
        matplotlib's ``TextArea.get_bbox``: measured at the font's pixel size (raster
        text hinted there, as the text is drawn), at least as high as "lp"; several
        lines with ``multilinebaseline``: the baseline half-way down the box, less half
        of "lp"'s ascent."""
        c = self._dpicor()
        key = (area, c, hinting())
        if key not in self.texts:
            text = area.get_children()[0]
            size = float(text.get_fontsize()) * c
            face = face_of(text.get_fontfamily(), text.get_fontstyle(),
                           text.get_fontweight()).name
            _, h_lp, d_lp = measure("lp", size, face=face)
            s = text.get_text()
            w, h, d = measure(s, size, face=face, spacing=text.get_linespacing())
            if "\n" in s and area.get_multilinebaseline():
                below = 0.5 * h - 0.5 * (h_lp - d_lp)
                self.texts[key] = (w, h - below, below, d - below)
            else:
                self.texts[key] = (w, max(h_lp - d_lp, h - d), d, 0.0)
        return self.texts[key]

    def text_origin(self, area) -> tuple:
        """Where a TextArea's text is anchored (its last baseline; figure pixels): the
        box's origin, raised where ``multilinebaseline`` moves the baseline."""
        x, y = self.origin(area)
        return x, y + self._text_size(area)[3]

    def bbox(self, box) -> tuple[tuple, list]:
        """(the box's extent about its origin, its children's origins about it), pixels:
        matplotlib's ``get_bbox`` and packers' ``_get_bbox_and_child_offsets``."""
        kind, c = _kind(box), self._dpicor()
        if kind == "TextArea":
            w, above, below, _ = self._text_size(box)
            ha = box.get_children()[0].get_horizontalalignment()
            return ({"left": 0.0, "center": -w / 2, "right": -w}[ha], -below, w,
                    above + below), []
        if kind == "DrawingArea":
            return (-box.xdescent * c, -box.ydescent * c, box.width * c, box.height * c), []
        if kind == "AuxTransformBox":
            x0, y0, x1, y1 = self._aux_extent(box)
            return (0.0, 0.0, x1 - x0, y1 - y0), []
        if kind == "OffsetImage":
            return (0.0, 0.0, *_image_size(box, c)), []
        children = [ch for ch in box.get_children() if ch.get_visible()]
        if kind == "PaddedBox":
            inner, _ = self.bbox(children[0])
            return _pad(inner, box.pad * c), [(0.0, 0.0)]
        pad, sep = box.pad * c, box.sep * c
        boxes = [self.bbox(ch)[0] for ch in children]
        if not boxes:
            return _pad((0.0, 0.0, 0.0, 0.0), pad), []
        if kind == "HPacker":
            (y0, y1), yoff = _aligned([(b[1], b[1] + b[3]) for b in boxes], box.height,
                                      box.align)
            width, xoff = _packed([b[2] for b in boxes], box.width, sep, box.mode)
            xoff = xoff - (np.array([b[0] for b in boxes]) - boxes[0][0])
            return _pad((boxes[0][0], y0, width, y1 - y0), pad), list(zip(xoff, yoff, strict=True))
        (x0, x1), xoff = _aligned([(b[0], b[0] + b[2]) for b in boxes], box.width, box.align)
        height, yoff = _packed([b[3] for b in boxes], box.height, sep, box.mode)
        yoff = height - (yoff + np.array([b[1] + b[3] for b in boxes]))
        descent = yoff[0]  # the first child's origin: the packer's own
        yoff = yoff - descent
        return _pad((x0, -descent, x1 - x0, height), pad), list(zip(xoff, yoff, strict=True))

    def _aux_extent(self, box) -> tuple:
        """The union of an AuxTransformBox's children's extents through its transform."""
        aux, c = as_transform(box.aux_transform, "aux_transform"), self._dpicor()
        lo, hi = np.full(2, np.inf), np.full(2, -np.inf)
        for child in box.get_children():
            pts, grow = _child_points(child)
            with np.errstate(all="ignore"):
                px = aux.forward(pts)
            px = px[np.isfinite(px).all(axis=1)]
            if len(px):
                lo = np.minimum(lo, px.min(axis=0) - grow * c)
                hi = np.maximum(hi, px.max(axis=0) + grow * c)
        if not np.isfinite(lo).all():
            return 0.0, 0.0, 0.0, 0.0
        return lo[0], lo[1], hi[0], hi[1]

    def solve(self) -> tuple:
        """Place every box (``origins``); the frame's box in figure pixels."""
        at, c = self.anchored, self._dpicor()
        size = self.fontsize * c
        child = at.get_children()[0]
        inner, _ = self.bbox(child)
        self.origins = {}
        if self.annotation is not None:  # at xybox, by box_alignment; the pad is the frame's
            ox, oy = self.annotation.pixel_position()
            fw, fh = at._box_alignment
            x0, y0 = ox - fw * inner[2], oy - fh * inner[3]
            self._place(child, x0 - inner[0], y0 - inner[1])
            return x0, y0, inner[2], inner[3]
        outer = _pad(inner, at.pad * size)
        ax0, ay0, aw, ah = self._anchor_box()
        border = at.borderpad * size
        fx, fy = LOC_ANCHORS[at.loc]
        x0 = ax0 + border + fx * (aw - 2 * border - outer[2])
        y0 = ay0 + border + fy * (ah - 2 * border - outer[3])
        self._place(child, x0 - outer[0], y0 - outer[1])
        return x0, y0, outer[2], outer[3]

    def _anchor_box(self) -> tuple:
        """``bbox_to_anchor`` in figure pixels (the axes' box when unset)."""
        at = self.anchored
        box, transform = at._bbox_to_anchor, at._bbox_to_anchor_transform
        if box is None:
            corners, transform = np.array([[0.0, 0.0], [1.0, 1.0]]), self.ax.transAxes
        else:
            corners = np.array([[box.x0, box.y0], [box.x1, box.y1]], float)
        if transform is not None:
            corners = as_transform(transform, "bbox_transform").forward(corners)
        (x0, y0), (x1, y1) = corners
        return x0, y0, x1 - x0, y1 - y0

    def _place(self, box, x: float, y: float) -> None:
        self.origins[box] = (x, y)
        if _kind(box) in ("HPacker", "VPacker", "PaddedBox"):
            children = [ch for ch in box.get_children() if ch.get_visible()]
            for ch, (dx, dy) in zip(children, self.bbox(box)[1], strict=True):
                self._place(ch, x + dx, y + dy)

    def origin(self, box) -> tuple:
        """Where ``box``'s origin is now (figure pixels)."""
        self.solve()
        return self.origins[box]


def _child_points(child) -> tuple[np.ndarray, float]:
    """A matplotlib artist's points in its own coordinates (a patch's curves' extremes
    too) and how far its markers reach beyond them (points)."""
    from matplotlib.lines import Line2D
    from matplotlib.path import Path as MplPath

    if isinstance(child, Line2D):
        reach = child.get_markersize() / 2 if child.get_marker() not in (None, "None", "",
                                                                        " ") else 0.0
        return np.asarray(child.get_xydata(), float), reach
    path = child.get_patch_transform().transform_path(child.get_path())
    # the curve's extremes, as matplotlib's Path.get_extents finds them
    ext = MplPath(path.vertices, path.codes).get_extents()
    return np.array([[ext.x0, ext.y0], [ext.x1, ext.y1], [ext.x0, ext.y1],
                     [ext.x1, ext.y0]]), 0.0


class FollowingFrame(FancyBboxPatch):
    """An offset box's frame: a FancyBboxPatch (white, black edge, ``boxstyle``, sizes in
    ``fontsize`` points) around the box ``follow``'s ``bounds()`` gives in figure pixels,
    asked again at each draw (the box moves with the axes). ``in_layout`` False: layouts
    make no room for it (a figure's box, not its axes')."""

    def __init__(self, fontsize: float, boxstyle="square,pad=0", in_layout: bool = True,
                 **kwargs) -> None:
        style = dict(facecolor="w", edgecolor="k", clip_on=False)
        super().__init__((0, 0), 1, 1, boxstyle=boxstyle, mutation_scale=fontsize,
                         **{**style, **kwargs})
        self._bounds = None
        self._in_layout = in_layout

    def counts_in_layout(self) -> bool:
        return self._in_layout and super().counts_in_layout()

    def follow(self, bounds, figure) -> None:
        """Frame ``bounds()`` ((x0, y0, width, height) in ``figure``'s pixels) from now."""
        self._bounds, self._figure = bounds, figure
        self.set_transform(LiveTransform(lambda: Affine(scale=figure.dpi / 72),
                                         "offset box frame"))

    def get_path(self):
        if self._bounds is not None:
            c = self._figure.dpi / 72
            x0, y0, w, h = self._bounds()
            self._set_box((x0 / c, y0 / c), w / c, h / c)  # points: the style's sizes are
        return super().get_path()


def frame_zorder(zorder: float) -> float:
    """The zorder lumos draws an offset box's frame at for a box of ``zorder``: under
    the texts, which lumos draws with the axes' decorations (under those, AXIS_ZORDER),
    over the lines of zorder 2 as matplotlib's zorder-5 box is."""
    return min(zorder, AXIS_ZORDER) - 1e-6


# coordinates relative to an axes, which a figure's AnnotationBbox has none of
_AXES_COORDS = frozenset({"data", "polar", "axes fraction", "axes pixels", "axes points"})


def add_figure_offsetbox(figure, box) -> list:
    """``fig.add_artist(AnnotationBbox(...))``: the lumos artists drawing matplotlib's
    annotation box placed in figure coordinates (``xycoords``/``boxcoords`` in figure
    units, offsets, an artist, a transform). The figure's last axes draws them, unclipped
    and outside every layout, as matplotlib's figure draws them: over that axes' data."""
    for name, coords in (("xycoords", box.xycoords), ("boxcoords", box.boxcoords)):
        for one in coords if isinstance(coords, tuple) else (coords,):
            if isinstance(one, str) and one in _AXES_COORDS:
                raise ValueError(f"{name}: got {one!r}, which needs an axes; an "
                                 "AnnotationBbox added to a figure takes figure "
                                 "coordinates (add it to an axes for these)")
    hosts = figure.axes
    if not hosts:
        raise TypeError("add_artist: lumos draws a figure's AnnotationBbox with its axes; "
                        "got a figure without any (fig.add_axes((0, 0, 1, 1)) with "
                        "ax.set_axis_off() makes one)")
    parts = add_offsetbox(hosts[-1], box, in_layout=False)
    box.axes = None  # a figure's, as matplotlib's figure leaves it
    return parts


def add_offsetbox(ax, anchored, in_layout: bool = True):
    """The lumos artists drawing matplotlib's AnchoredOffsetbox or AnnotationBbox
    ``anchored`` on ``ax`` (frame first, then the children's; an AnnotationBbox's arrow
    is an annotation from its box, cut at the frame, to ``xy``), or None when it is
    something else. ``in_layout`` False: layouts make no room for its frame and texts."""
    from matplotlib.offsetbox import AnchoredOffsetbox, AnnotationBbox

    if not isinstance(anchored, (AnchoredOffsetbox, AnnotationBbox)) or \
            _own_draw(anchored) is not None:
        return None
    anchored.axes = ax  # as matplotlib's add_artist sets it
    child = anchored.get_children()[0]
    _check(child)  # a TypeError before any part is added
    layout = _Layout(anchored, ax)
    z, out = anchored.get_zorder(), []
    patch = anchored.patch
    frame = FollowingFrame(layout.fontsize, _box_style(patch, 0.0), in_layout,
                           facecolor=patch.get_facecolor(), edgecolor=patch.get_edgecolor(),
                           linewidth=patch.get_linewidth())
    frame.follow(layout.solve, ax.figure.figure)
    frame.zorder = frame_zorder(z)
    if isinstance(anchored, AnnotationBbox):
        arrow = None if anchored.arrowprops is None else \
            {"patchA": frame, **anchored.arrowprops}
        # where the box goes (xybox in boxcoords) and its arrow, as lumos annotates
        layout.annotation = ax.annotate(
            "", xy=anchored.xy, xycoords=anchored.xycoords, xytext=anchored.xybox,
            textcoords=anchored.boxcoords, arrowprops=arrow, zorder=z,
            annotation_clip=anchored.get_annotation_clip())
        out.append(layout.annotation)
    if anchored.patch.get_visible():
        out.append(ax.add_artist(frame))
    _add_box(ax, layout, child, z, out)
    for artist in out:
        artist.set_visible(anchored.get_visible() and artist.get_visible())
        if not in_layout and hasattr(artist, "set_in_layout"):
            artist.set_in_layout(False)
    return out


def _check(box) -> None:
    """A TypeError naming the first box or child artist lumos cannot draw."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch, Patch, Shadow

    kind = _kind(box)
    if kind in ("TextArea", "OffsetImage"):  # their child: a text, an image lumos draws
        return
    for child in box.get_children():
        if kind in ("HPacker", "VPacker", "PaddedBox"):
            _check(child)
        elif not isinstance(child, (Line2D, Patch)) or isinstance(
                child, (FancyArrowPatch, Shadow)):
            raise TypeError(f"add_artist: lumos cannot draw matplotlib's "
                            f"{type(child).__name__} in an offset box's {kind}; it draws "
                            "patches and lines there")


def _add_box(ax, layout: _Layout, box, z: float, out: list) -> None:
    kind = _kind(box)
    if not box.get_visible():
        return
    if kind == "TextArea":
        text = box.get_children()[0]
        place = LiveTransform(lambda: Affine(scale=layout._dpicor(),
                                             translate=layout.text_origin(box)), "TextArea")
        out.append(ax.annotate(text.get_text(), xy=(0, 0), xycoords=place, va="baseline",
                               ha=text.get_horizontalalignment(),
                               multialignment=text.get_horizontalalignment(),
                               linespacing=text.get_linespacing(),
                               zorder=z, annotation_clip=False, **_font(text)))
    elif kind == "OffsetImage":
        out.append(_add_image(ax, layout, box, z))
    elif kind in ("DrawingArea", "AuxTransformBox"):
        for child in box.get_children():
            child.set_transform(_child_transform(layout, box, kind))
            child.set_zorder(z)
            child.set_clip_on(False)  # matplotlib gives a box's children no clip box
            out.append(ax.add_artist(child))
    else:
        for child in box.get_children():
            _add_box(ax, layout, child, z, out)


def _add_image(ax, layout: _Layout, box, z: float):
    """A lumos image drawing an OffsetImage's data where the layout puts it."""
    from .image import AxesImage

    source, norm = box.image, box.image.norm
    plain = type(norm).__name__ == "Normalize"
    w, h = _image_size(box, 1.0)  # in points, or pixels (dpi_cor=False)
    im = AxesImage(ax, np.asarray(box.get_data()), cmap=source.get_cmap().name,
                   norm=None if plain else norm, vmin=norm.vmin if plain else None,
                   vmax=norm.vmax if plain else None, extent=(0, w, 0, h),
                   origin=source.origin, interpolation=source.get_interpolation(),
                   alpha=source.get_alpha(), zorder=z)
    im.set_transform(LiveTransform(lambda: Affine(
        scale=layout._dpicor() if box._dpi_cor else 1.0, translate=layout.origin(box)),
        "OffsetImage"))
    im.set_clip_on(False)  # matplotlib's BboxImage in a box has no clip box
    return ax.add_image(im)


def _child_transform(layout: _Layout, box, kind: str) -> LiveTransform:
    """A DrawingArea's child's points, or an AuxTransformBox's child's coordinates, to
    figure pixels, where the layout puts the box now."""
    if kind == "DrawingArea":
        return LiveTransform(lambda: Affine(scale=layout._dpicor(),
                                            translate=layout.origin(box)), "DrawingArea")
    aux = as_transform(box.aux_transform, "aux_transform")

    def build():
        x, y = layout.origin(box)
        x0, y0, _, _ = layout._aux_extent(box)
        return chain(aux.frozen() if hasattr(aux, "frozen") else aux,
                     Affine(translate=(x - x0, y - y0)))
    return LiveTransform(build, "AuxTransformBox")
