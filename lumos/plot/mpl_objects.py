"""matplotlib's own artists on lumos axes: ``ax.add_patch(matplotlib.patches.Circle(...))``.

matplotlib stays optional: this module is imported only when a matplotlib object is
passed. An adapter reads the object's public API (``get_path()``,
``get_patch_transform()``, colors, line width and style, hatch, zorder, visibility,
label) into the matching lumos artist, and reads it again whenever matplotlib marks the
object stale (any ``set_*`` call calls its public ``stale_callback``, which the adapter
chains), so later changes show. Objects lumos cannot draw raise a TypeError naming them,
never a silent skip.
"""

from __future__ import annotations

import numpy as np

from ..path import Affine2D, Path
from .effects import read_effects
from .lines import Line2D
from .patch_base import Patch
from .patch_style import as_path, coordinates, parse_linestyle, path_limits, placement, rc
from .path_collections import Collection, LineCollection
from .transformed import TransformedLine2D
from .transforms_compat import as_transform

_SUPPORTED = ("Rectangle, Circle, Ellipse, Polygon, Wedge, Arc, FancyArrow, FancyBboxPatch, "
              "PathPatch, RegularPolygon, CirclePolygon, Arrow, StepPatch, Annulus patches; "
              "LineCollection, EventCollection, PolyCollection, PatchCollection, "
              "PathCollection, CircleCollection, RegularPolyCollection, EllipseCollection; Line2D")


def is_matplotlib(obj) -> bool:
    """Whether ``obj`` is (a subclass of) a matplotlib class."""
    return any(c.__module__.split(".")[0] == "matplotlib" for c in type(obj).__mro__)


def _unsupported(obj, method: str, why: str = "") -> TypeError:
    return TypeError(f"{method}: lumos cannot draw matplotlib's {type(obj).__name__}"
                     f"{' (' + why + ')' if why else ''}; it draws {_SUPPORTED}")


def adapt(obj, ax, method: str):
    """The lumos artist drawing matplotlib's ``obj`` on ``ax`` (via ``method``, one of
    add_patch, add_collection, add_line, add_artist, add_image)."""
    from matplotlib import collections as mcoll
    from matplotlib import contour as mcontour
    from matplotlib import image as mimage
    from matplotlib import lines as mlines
    from matplotlib import patches as mpatches

    patch_kinds = (mpatches.Rectangle, mpatches.Ellipse, mpatches.Polygon, mpatches.Wedge,
                   mpatches.FancyBboxPatch, mpatches.PathPatch, mpatches.RegularPolygon,
                   mpatches.Arrow, mpatches.Annulus)
    collection_kinds = (mcoll.LineCollection, mcoll.PolyCollection, mcoll.PatchCollection,
                        mcoll.PathCollection, mcoll.CircleCollection,
                        mcoll.RegularPolyCollection, mcoll.EllipseCollection,
                        mcontour.ContourSet)
    wants = {"add_patch": mpatches.Patch, "add_collection": mcoll.Collection,
             "add_line": mlines.Line2D}.get(method)
    if wants is not None and not isinstance(obj, wants):
        raise TypeError(f"{method}: got matplotlib's {type(obj).__name__}, expected a "
                        f"{wants.__name__}")
    own = _own_draw(obj)
    if own is not None:
        raise TypeError(f"{method}: {own[0]} overrides draw(); lumos draws matplotlib's "
                        f"{own[1]} from its properties and never calls that method (what "
                        "it draws, a child text, would be lost)")
    if type(obj) is mimage.NonUniformImage:
        from .image_nonuniform import from_matplotlib

        return from_matplotlib(obj, ax)
    if type(obj) is mimage.BboxImage:
        from .image_bbox import from_matplotlib

        return from_matplotlib(obj, ax)
    if isinstance(obj, mpatches.Patch):
        # FancyArrowPatch, ConnectionPatch and Shadow are laid out in display units by
        # matplotlib's renderer; their paths mean nothing without it
        if not isinstance(obj, patch_kinds) or isinstance(obj, mpatches.Shadow):
            raise _unsupported(obj, method)
        _added_to(obj, ax, method)
        return MatplotlibPatch(obj, ax)
    if isinstance(obj, mcoll.Collection):
        if not isinstance(obj, collection_kinds) or isinstance(obj, mcoll.QuadMesh):
            raise _unsupported(obj, method)
        if isinstance(obj, mcontour.ContourSet):
            # its own rule, which Artist.get_transform skips: no transform given is its
            # axes' transData (set on the object by this first call)
            obj.get_transform()
        cls = MatplotlibLineCollection if isinstance(obj, mcoll.LineCollection) \
            else MatplotlibCollection
        _added_to(obj, ax, method)
        return cls(obj, ax, method)
    if isinstance(obj, mlines.Line2D):
        _added_to(obj, ax, method)
        transform = _artist_transform(obj)
        data = transform is None or _is_lumos_data(transform, ax)
        return (MatplotlibLine if data else MatplotlibTransformedLine)(obj, ax)
    raise _unsupported(obj, method)


def _own_draw(obj) -> tuple[str, str] | None:
    """(the script's class overriding matplotlib's ``draw``, the matplotlib class it
    derives from) or None: gallery line_with_text.py draws a label in its own draw."""
    for c in type(obj).__mro__:
        if c.__module__.split(".")[0] == "matplotlib":
            return None
        if "draw" in vars(c):
            base = next(b for b in type(obj).__mro__
                        if b.__module__.split(".")[0] == "matplotlib")
            return c.__name__, base.__name__
    return None


def _added_to(obj, ax, method: str) -> None:
    """The object's ``.axes`` is the axes it was added to and its ``.figure`` that axes'
    figure, as matplotlib's ``add_*`` sets them (``poly.figure.canvas`` of an editor is
    the lumos canvas), without matplotlib's stale callback to that axes: the adapter
    chains its own."""
    if method.startswith("add_") and getattr(obj, "axes", None) is None and \
            hasattr(obj, "stale_callback"):
        callback = obj.stale_callback
        obj.axes = ax
        if obj.get_figure(root=False) is None:
            obj.set_figure(ax.figure)
        obj.stale_callback = callback


def _artist_transform(obj):
    """The transform set on a matplotlib artist (None when unset: data coordinates)."""
    from matplotlib.artist import Artist as MplArtist

    if not obj.is_transform_set():
        return None
    return MplArtist.get_transform(obj)


class FollowsMatplotlib:
    """Mixin: re-read the matplotlib object ``source`` whenever matplotlib marks it stale."""

    def _follow(self, source) -> None:
        self.source = source
        self._reading = False
        self._previous_callback = source.stale_callback
        source.stale_callback = self._source_changed

    def _source_changed(self, artist, value) -> None:
        if self._previous_callback is not None:
            self._previous_callback(artist, value)
        if value and not self._reading:
            self._refresh()

    def _guarded_read(self) -> None:
        """``_read`` with matplotlib's own stale marks (its getters set some) ignored."""
        self._reading = True
        try:
            self._read()
        finally:
            self._reading = False

    def _refresh(self) -> None:
        self._guarded_read()
        self._changed()

    def _read_clip_on(self) -> None:
        """matplotlib's ``clip_on`` (False: drawn across the figure) and clip path."""
        clip = bool(self.source.get_clip_on())
        if clip != self.get_clip_on():
            self.set_clip_on(clip)
        self._read_clip_path()

    _mpl_clip = None  # the matplotlib clip path last read

    def _read_clip_path(self) -> None:
        """matplotlib's clip path, set before the object met lumos's axes: its path
        through its transform, which can only be the identity there (a lumos transform
        fails in matplotlib's own composition), so in data coordinates."""
        clip = self.source.get_clip_path()
        if clip is self._mpl_clip:
            return
        self._mpl_clip = clip
        if clip is None:
            self.set_clip_path(None)
            return
        path = clip.get_fully_transformed_path()
        self.set_clip_path(Path(np.asarray(path.vertices, float), path.codes))


def _data_affine(transform, ax) -> np.ndarray | None:
    """The 3x3 matrix of ``A`` when ``transform`` is ``A + ax.transData`` with ``A`` affine
    (an affine in data units, as confidence_ellipse.py rotates and scales an Ellipse)."""
    parts = getattr(transform, "parts", None)
    if not parts or parts[1] is not ax.transData or not parts[0].is_linear:
        return None
    m4 = np.asarray(parts[0].matrix, dtype=float)
    return np.array([[m4[0, 0], m4[0, 1], m4[0, 3]], [m4[1, 0], m4[1, 1], m4[1, 3]],
                     [0.0, 0.0, 1.0]])


def _is_lumos_data(transform, ax) -> bool:
    try:
        return transform is not None and coordinates(transform, ax) == "data"
    except TypeError:
        return False


class MatplotlibPatch(FollowsMatplotlib, Patch):
    """A matplotlib patch drawn by lumos; ``source`` is the matplotlib object."""

    def __init__(self, source, ax) -> None:
        super().__init__()
        self._path = Path(np.zeros((0, 2)))
        self._matrix = Affine2D()
        self.source = source
        self._axes_for_transform = ax
        self._guarded_read()
        self._placement(self._transform, ax)  # a TypeError for what is no transform
        self._follow(source)

    def _read(self) -> None:
        obj = self.source
        try:
            path = as_path(obj.get_path())
            matrix = np.asarray(obj.get_patch_transform().get_matrix(), dtype=float)
        except (TypeError, ValueError, AttributeError, RuntimeError) as exc:
            raise TypeError(f"matplotlib's {type(obj).__name__}: lumos could not read its "
                            f"path and transform ({exc})") from None
        self._path, self._matrix = path, Affine2D(matrix)
        # matplotlib's colors already hold alpha and fill
        self._face_spec = tuple(obj.get_facecolor())
        self._edge_spec = tuple(obj.get_edgecolor())
        self._alpha, self._fill = None, True
        self._linewidth = float(obj.get_linewidth())
        self._style = parse_linestyle(obj.get_linestyle())
        hatch = obj.get_hatch()
        self._hatch = hatch or None
        self._hatch_spec = tuple(obj.get_hatchcolor()) if hasattr(obj, "get_hatchcolor") \
            else None
        self._hatch_linewidth = float(obj.get_hatch_linewidth()) \
            if hasattr(obj, "get_hatch_linewidth") else float(rc("hatch.linewidth", 1.0))
        self._capstyle = self._check_style(obj.get_capstyle(), ("butt", "round",
                                                                "projecting"), "capstyle")
        self._joinstyle = self._check_style(obj.get_joinstyle(), ("miter", "round", "bevel"),
                                            "joinstyle")
        self.zorder = float(obj.get_zorder())
        self._label = str(obj.get_label() or "")
        self._visible = bool(obj.get_visible())
        self._path_effects = read_effects(obj.get_path_effects(), on="patch")
        self._check_effects(self._path_effects, self._axes_for_transform)
        self._transform = _artist_transform(obj)
        pre = _data_affine(self._transform, ax=self._axes_for_transform)
        if pre is not None:  # Affine2D() + ax.transData: the affine joins the patch's own
            self._matrix, self._transform = Affine2D(pre @ matrix), None
        self._read_clip_on()

    def get_path(self) -> Path:
        return self._path

    def get_patch_transform(self) -> Affine2D:
        return self._matrix

    def __repr__(self) -> str:
        return f"<lumos drawing matplotlib's {self.source!r}>"


class MatplotlibCollection(FollowsMatplotlib, Collection):
    """A matplotlib collection drawn by lumos; ``source`` is the matplotlib object.

    Paths in any transform, at offsets through ``offset_transform`` as matplotlib draws
    them (pixels = transform(path) + offset_transform(offset)), or marker-like paths
    sized in points (PathCollection with sizes, CircleCollection,
    RegularPolyCollection, EllipseCollection; then through a transform if one is set)
    at the offsets."""

    def __init__(self, source, ax, method: str) -> None:
        super().__init__()
        self.source = source
        self._method = method
        self._pixel_paths = None
        self._sized_transform = None  # a transform after the sizes, to pixels
        self._axes_for_check = ax
        self._guarded_read()
        self._follow(source)

    def _read(self) -> None:
        obj = self.source
        ax = self._axes_for_check
        if obj.get_path_effects():
            raise _unsupported(obj, self._method, "path effects on collections")
        obj.update_scalarmappable()
        paths = [as_path(p) for p in obj.get_paths()]
        transforms = np.asarray(obj.get_transforms(), dtype=float).reshape(-1, 3, 3)
        offsets = np.asarray(obj.get_offsets(), dtype=float).reshape(-1, 2)
        has_offsets = bool(len(offsets)) and bool(np.any(offsets != 0))
        data_offsets = _is_lumos_data(obj.get_offset_transform(), ax)
        transform = _artist_transform(obj)
        self._ellipses = _ellipses(obj)
        if self._ellipses is not None:  # sized by its units, not by a transform
            if not _is_identity(transform):
                raise _unsupported(obj, self._method, "an EllipseCollection with a transform")
            if self._ellipses[0] == "xy" and has_offsets and not data_offsets:
                raise _unsupported(obj, self._method, "an EllipseCollection in units 'xy' "
                                   "needs offset_transform=ax.transData")
            transform = None
        if len(transforms):
            if not has_offsets:
                raise _unsupported(obj, self._method, "paths sized in points need offsets")
            # a transform after the sizes (collections.py scales points to pixels):
            # the shapes through it, then at their offsets
            self._sized_transform = None if transform is None or _is_identity(transform) \
                else as_transform(transform)
            self._pixel_paths = transforms
            transform = None
        else:
            self._pixel_paths = None
            if transform is not None:
                placement(transform, ax)  # a TypeError for what is no transform
        self._paths = paths
        self._offsets = offsets if has_offsets else np.zeros((0, 2))
        # matplotlib places offsets through their transform (the identity: pixels)
        self._offset_transform = obj.get_offset_transform() if has_offsets else None
        self._transform = transform
        self._face_spec = np.asarray(obj.get_facecolor(), dtype=float).reshape(-1, 4)
        self._edge_spec = np.asarray(obj.get_edgecolor(), dtype=float).reshape(-1, 4)
        self._hatch_spec = np.asarray(obj.get_hatchcolor(), dtype=float).reshape(-1, 4) \
            if hasattr(obj, "get_hatchcolor") else None
        self._alpha, self._array = None, None
        widths = np.atleast_1d(np.asarray(obj.get_linewidth(), dtype=float))
        self._linewidths = widths if len(widths) else np.zeros(1)
        # matplotlib's collection dashes are points already scaled by the width: back to
        # multiples of the width, which lumos scales
        styles = []
        for k, (offset, seq) in enumerate(obj.get_linestyle()):
            lw = float(widths[k % len(widths)]) if len(widths) else 1.0
            scale = lw if lw > 0 else 1.0
            styles.append(parse_linestyle(
                (offset / scale, None if seq is None else [s / scale for s in seq])))
        self._styles = styles or [parse_linestyle("solid")]
        self._hatch = obj.get_hatch() or None
        if hasattr(obj, "get_hatch_linewidth"):
            self._hatch_linewidth = float(obj.get_hatch_linewidth())
        self.zorder = float(obj.get_zorder())
        label = str(obj.get_label() or "")
        self._label = label
        self._visible = bool(obj.get_visible())
        self._read_clip_on()
        self._ellipse_view = None

    def _separate_offsets(self) -> bool:
        """As lumos's collections (data offsets added to data paths, else matplotlib's
        pixels = transform(path) + offset_transform(offset); matplotlib translates twice
        there, and its limits add pixels to data); shapes sized in pixels (sizes, an
        EllipseCollection's) are drawn about their data offsets as anchors, or at
        offsets through another transform."""
        if self._ellipses is None and self._pixel_paths is None:
            return super()._separate_offsets()
        if not len(self._offsets) or self.axes is None:
            return False
        return self._sized_transform is not None or \
            placement(self._offset_transform, self.axes) != "data"

    def _offsets_as_data(self) -> bool:
        return _is_identity(self._offset_transform)

    def _paths_have_data(self) -> bool:
        return self._ellipses is None and self._pixel_paths is None and \
            super()._paths_have_data()

    def _geometry(self):
        if self._ellipses is not None:
            return self._at_offsets(*self._ellipse_geometry())
        if self._pixel_paths is None:
            return super()._geometry()
        # marker-like: shapes in points (matplotlib's sizes) at the offsets
        px = self.axes.figure.dpi / 72.0
        n = max(len(self._paths), len(self._offsets)) if self._paths else 0
        paths = []
        for i in range(n):
            p = self._paths[i % len(self._paths)]
            m = self._pixel_paths[i % len(self._pixel_paths)]
            paths.append((Affine2D(m).transform(p.vertices) * px, p.codes))
        if self._sized_transform is not None:
            with np.errstate(all="ignore"):
                paths = [(self._sized_transform.forward(v), c) for v, c in paths]
        anchors = self._offsets[np.arange(n) % len(self._offsets)] if n else np.zeros((0, 2))
        return self._at_offsets(paths, "pixels", anchors)

    def _at_offsets(self, paths, units: str, anchors):
        """Shapes in pixels about ``anchors`` (data offsets), or, with offsets through
        another transform, at those offsets in figure pixels ('transform' units: the
        paths are pixels already)."""
        if units != "pixels" or not self._separate_offsets():
            return paths, units, anchors
        with np.errstate(all="ignore"):
            shift = as_transform(self._offset_transform, "offset_transform").forward(anchors)
        return [(v + shift[i], c) for i, (v, c) in enumerate(paths)], "transform", None

    def _ellipse_geometry(self):
        """An EllipseCollection's ellipses at its offsets: in data units for
        ``units='xy'``, else shapes in pixels (matplotlib's ``_set_transforms``)."""
        units, widths, heights, angles = self._ellipses
        ax = self.axes
        n = max(len(widths), len(self._offsets))
        idx = np.arange(n)
        w, h = widths[idx % len(widths)] / 2, heights[idx % len(heights)] / 2
        a = np.radians(angles[idx % len(angles)])
        x0, y0, vw, vh = ax.view_rect()
        box = ax.box
        scale = {"xy": 1.0, "x": box[2] / vw, "y": box[3] / vh, "width": box[2],
                 "height": box[3], "dots": 1.0, "points": ax.figure.dpi / 72.0,
                 "inches": ax.figure.dpi}[units]
        circle = self._paths[0]
        u = np.asarray(circle.vertices, dtype=float)
        xs = (u[:, 0][None] * w[:, None] * np.cos(a)[:, None]
              - u[:, 1][None] * h[:, None] * np.sin(a)[:, None]) * scale
        ys = (u[:, 0][None] * w[:, None] * np.sin(a)[:, None]
              + u[:, 1][None] * h[:, None] * np.cos(a)[:, None]) * scale
        off = self._offsets[idx % len(self._offsets)]
        if units == "xy":
            return [(np.c_[xs[i] + off[i, 0], ys[i] + off[i, 1]], circle.codes)
                    for i in range(n)], "data", None
        return [(np.c_[xs[i], ys[i]], circle.codes) for i in range(n)], "pixels", off

    def data_limits(self):
        """matplotlib's: an EllipseCollection's offsets only, whatever its units."""
        if self._ellipses is None or self.axes is None or not self.in_autoscale \
                or not len(self._offsets) or self._separate_offsets():
            return super().data_limits()
        return path_limits([(self._offsets, None)], self.axes)

    def draw_overlay(self, ov) -> None:
        """Ellipses sized by the view (units x, y, width, height): rebuilt when it moved;
        a page cannot (the visual says so)."""
        if self._ellipses is not None and self._ellipses[0] in ("x", "y", "width", "height") \
                and self._visual is not None:
            self._visual.follow = {"kind": "frozen", "what": "EllipseCollection"}
            state = self.axes.view_state()
            if state != self._ellipse_view:
                self._ellipse_view = state
                self._update()
                return
        super().draw_overlay(ov)

    def __repr__(self) -> str:
        return f"<lumos drawing matplotlib's {self.source!r}>"


def _ellipses(obj) -> tuple[str, np.ndarray, np.ndarray, np.ndarray] | None:
    """(units, widths, heights, angles in degrees) of a matplotlib EllipseCollection,
    or None for other collections. matplotlib keeps ``units`` only in ``._units``."""
    from matplotlib.collections import EllipseCollection

    if not isinstance(obj, EllipseCollection):
        return None
    units = obj._units
    known = ("x", "y", "xy", "width", "height", "dots", "points", "inches")
    if units not in known:
        raise TypeError(f"units: got {units!r}, expected one of {', '.join(known)}")
    return (units, np.atleast_1d(np.asarray(obj.get_widths(), dtype=float)),
            np.atleast_1d(np.asarray(obj.get_heights(), dtype=float)),
            np.atleast_1d(np.asarray(obj.get_angles(), dtype=float)))


class MatplotlibLineCollection(MatplotlibCollection):
    """A matplotlib LineCollection (or EventCollection): shown as a line in legends."""

    zorder = 2.0
    legend_line = LineCollection.legend_line
    legend_handle = LineCollection.legend_handle


def _is_identity(transform) -> bool:
    from matplotlib.transforms import IdentityTransform

    return isinstance(transform, IdentityTransform)


class MatplotlibLine(FollowsMatplotlib, Line2D):
    """A matplotlib Line2D drawn by lumos; ``source`` is the matplotlib object."""

    def __init__(self, source, ax, **transform) -> None:
        self.source = source
        x, y = self._read_xy()
        self.in_autoscale = True
        super().__init__(ax, x, y, **transform, **self._style_kwargs())
        self._read_clip_on()
        self._follow(source)

    def _read_xy(self) -> tuple[np.ndarray, np.ndarray]:
        xy = np.asarray(self.source.get_xydata(), dtype=float).reshape(-1, 2)
        return xy[:, 0].copy(), xy[:, 1].copy()

    def _style_kwargs(self) -> dict:
        s = self.source
        marker = s.get_marker()
        marker = None if marker in (None, "None", "none", "", " ") else marker
        if marker is not None and not isinstance(marker, str):
            raise _unsupported(s, "add_line", f"marker {marker!r}")
        return dict(color=s.get_color(), linewidth=float(s.get_linewidth()),
                    linestyle=s.get_linestyle(), marker=marker,
                    markersize=float(s.get_markersize()),
                    markerfacecolor=s.get_markerfacecolor(),
                    markeredgecolor=s.get_markeredgecolor(),
                    markeredgewidth=float(s.get_markeredgewidth()), alpha=s.get_alpha(),
                    label=str(s.get_label() or ""), zorder=float(s.get_zorder()),
                    drawstyle=s.get_drawstyle(), markevery=s.get_markevery(),
                    path_effects=s.get_path_effects())

    def _read(self) -> None:
        s = self.source
        kw = self._style_kwargs()
        self.set_data(*self._read_xy())
        self.set_color(kw["color"])
        self.set_linewidth(kw["linewidth"])
        self.set_linestyle(kw["linestyle"])
        self.set_marker(kw["marker"])
        self.set_markersize(kw["markersize"])
        self.set_markerfacecolor(kw["markerfacecolor"])
        self.set_markeredgecolor(kw["markeredgecolor"])
        self.set_markeredgewidth(kw["markeredgewidth"])
        self.set_alpha(kw["alpha"])
        self.set_label(kw["label"])
        self.set_zorder(kw["zorder"])
        self.set_path_effects(kw["path_effects"])
        self._visible = bool(s.get_visible())
        self._read_clip_on()

    def data_limits(self):
        return super().data_limits() if self.in_autoscale else None


class MatplotlibTransformedLine(MatplotlibLine, TransformedLine2D):
    """A matplotlib Line2D in another transform than data (``ax.transAxes``, a blend of
    data and axes fractions, ``transData + offset``): drawn as lumos's lines with
    ``transform=`` are."""

    def __init__(self, source, ax) -> None:
        super().__init__(source, ax, transform=_artist_transform(source))
