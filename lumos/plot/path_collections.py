"""matplotlib's public collections: LineCollection, PolyCollection, PatchCollection,
EventCollection (``lumos.collections`` re-exports them).

A collection is many paths with per-item colors, widths and line styles (cycled, as
matplotlib cycles short lists), optionally colormapped from an array (``set_array``,
``cmap``, ``norm``, ``clim``). ``ax.add_collection(c)`` attaches it; all its paths draw
through one ``lumos.visuals.Paths`` (a few draws whatever their number) and are paths
for every device.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from .. import primitives as prim
from ..path import Path
from ..visuals.path import Paths
from . import validate
from .artists import LegendHandle, ScalarMappable
from .collections import check_alpha, cycle_rows, legend_box
from .legend_best import Obstacles
from .patch_base import PathsArtist
from .patch_style import (
    as_path,
    check_real,
    linestyle_name,
    parse_linestyle,
    placement,
    rc,
    stroke,
)
from .style import rcParams
from .transforms_compat import as_transform

_ALIASES = {"facecolor": "facecolors", "fc": "facecolors", "edgecolor": "edgecolors",
            "ec": "edgecolors", "linewidth": "linewidths", "lw": "linewidths",
            "linestyle": "linestyles", "ls": "linestyles", "dashes": "linestyles",
            "antialiased": "antialiaseds", "aa": "antialiaseds", "hatchcolor": "hatchcolors"}


def _rows(c, argument: str, alpha) -> np.ndarray | str:
    """(k, 4) rows for a color or colors, or the string 'face' / 'edge'."""
    if isinstance(c, str) and c.lower() in ("face", "edge"):
        return c.lower()
    if isinstance(c, str) and c.lower() == "none":
        return np.zeros((0, 4))  # matplotlib: no color at all
    rows = np.array(colors.to_rgba_array(c, dtype=np.float64, argname=argument), copy=True)
    rows = _with_alpha(rows, alpha)
    if isinstance(c, (list, tuple)) and len(rows) == len(c):
        # 'none' in a list stays transparent whatever the alpha (as in matplotlib)
        rows[[isinstance(v, str) and v.lower() == "none" for v in c], 3] = 0.0
    return rows


def _with_alpha(rows: np.ndarray, alpha) -> np.ndarray:
    """Rows with ``alpha`` replacing their alpha (one value, or one per row cycled)."""
    if alpha is None or not len(rows):
        return rows
    a = np.atleast_1d(np.asarray(alpha, dtype=float))
    if a.size > 1 and len(rows) == 1:
        rows = np.repeat(rows, a.size, axis=0)
    rows[:, 3] = a[np.arange(len(rows)) % a.size]
    return rows


def _unchanged(xy: np.ndarray) -> np.ndarray:
    return xy


class Collection(PathsArtist, ScalarMappable):
    """Many paths drawn together, with matplotlib's per-item style arguments.

    ``facecolors``/``edgecolors`` (one or a list, cycled; ``edgecolors='face'`` follows
    the faces), ``linewidths`` (points), ``linestyles``, ``hatch`` (one for all) and
    ``hatchcolors``, ``alpha`` (one or per item), ``offsets`` (one per path, cycled: in
    the paths' coordinates, or through ``offset_transform`` added in pixels as
    matplotlib's, unless both are data), ``transform`` (``ax.transData``,
    ``ax.transAxes`` or any transform to figure pixels), and ``array`` with
    ``cmap``/``norm``/``clim`` to color the faces (or the lines of a LineCollection).
    matplotlib's singular aliases (``facecolor``, ``lw``, ``ls`` ...) work too.
    """

    zorder = 1.0
    _edge_default = False
    _any_transform = True
    _frozen = {"kind": "frozen", "what": "a collection placed by a transform"}

    def __init__(self, *, edgecolors=None, facecolors=None, hatchcolors=None,
                 linewidths=None, linestyles="solid", capstyle=None, joinstyle=None,
                 antialiaseds=None, offsets=None, offset_transform=None, norm=None, cmap=None,
                 hatch=None, zorder=None, alpha=None, label=None, transform=None,
                 visible=True, array=None, clim=None, color=None, urls=None,
                 pickradius=5.0, snap=None, **kwargs) -> None:
        given = {"edgecolors": edgecolors, "facecolors": facecolors,
                 "hatchcolors": hatchcolors, "linewidths": linewidths,
                 "linestyles": linestyles, "antialiaseds": antialiaseds}
        for key in list(kwargs):
            if key in _ALIASES:
                given[_ALIASES[key]] = kwargs.pop(key)
        if kwargs:
            raise TypeError(f"{type(self).__name__}: unexpected keyword arguments "
                            f"{sorted(kwargs)}")
        if urls is not None:
            raise TypeError("urls: lumos does not link collection items; got urls, expected "
                            "None")
        super().__init__(None, label, zorder)
        self._init_mappable(cmap, norm, None, None)
        self._visual: Paths | None = None
        self.set_snap(snap)
        self._built_for = None
        self.in_autoscale = True
        self._array = None
        self._alpha = check_alpha(alpha, per_item=True)
        self._transform = transform
        self._paths: list[Path] = []
        self._offsets = np.zeros((0, 2))
        self.pickradius = float(pickradius)
        self._offset_transform = offset_transform
        self._face_spec = self._default_facecolor() if given["facecolors"] is None \
            else given["facecolors"]
        self._edge_spec = given["edgecolors"]
        self._hatch_spec = given["hatchcolors"]
        self._check_colors()
        self._linewidths = self._widths(given["linewidths"])
        self._styles = self._linestyles(given["linestyles"])
        self._hatch = None
        self.set_hatch(hatch)
        self._hatch_linewidth = float(rc("hatch.linewidth", 1.0))
        self._capstyle = self._check_style(getattr(capstyle, "value", capstyle) or "butt",
                                           prim.CAPS, "capstyle")
        self._joinstyle = self._check_style(getattr(joinstyle, "value", joinstyle) or "round",
                                            prim.JOINS, "joinstyle")
        self._antialiased = given["antialiaseds"]
        if offsets is not None:
            self.set_offsets(offsets)
        if color is not None:
            self.set_color(color)
        if array is not None:
            self.set_array(array)
        if clim is not None:
            self.set_clim(clim)
        self._visible = bool(visible)

    # -- defaults subclasses change ----------------------------------------------------
    def _default_facecolor(self):
        return rc("patch.facecolor", "C0")

    def _default_edgecolor(self):
        return rcParams["patch.edgecolor"]

    def _default_linewidth(self) -> float:
        return float(rc("patch.linewidth", 1.0))

    # -- paths ---------------------------------------------------------------------------
    def get_paths(self) -> list[Path]:
        """The paths of the collection."""
        return list(self._paths)

    def set_paths(self, paths) -> None:
        """New paths (lumos or matplotlib ``Path`` objects)."""
        self._paths = [as_path(p, "paths") for p in paths]
        self._changed()

    def get_offsets(self) -> np.ndarray:
        """The offsets, (n, 2) (paths are drawn at each)."""
        return self._offsets.copy()

    def set_offsets(self, offsets) -> None:
        """Per-path translations in data units, ``(N, 2)`` (cycled) or one ``(x, y)``."""
        arr = np.asarray(offsets)
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"offsets: got dtype {arr.dtype}, expected real numbers")
        arr = np.array(arr, dtype=float, copy=True)
        if arr.shape == (2,):
            arr = arr[None]
        if arr.ndim != 2 or arr.shape[1] != 2:
            raise ValueError(f"offsets: got shape {np.shape(offsets)}, expected (N, 2)")
        self._offsets = arr
        self._changed()

    def get_offset_transform(self):
        """The transform of the offsets (the paths' transform unless set)."""
        return self._offset_transform if self._offset_transform is not None \
            else self.get_transform()

    # -- colors ------------------------------------------------------------------------
    def _check_colors(self) -> None:
        for spec, name in ((self._face_spec, "facecolors"), (self._edge_spec, "edgecolors"),
                           (self._hatch_spec, "hatchcolors")):
            if spec is not None:
                _rows(spec, name, None)

    def _face_is_mapped(self) -> bool:
        return self._array is not None and not (isinstance(self._face_spec, str)
                                                and self._face_spec == "none")

    def _edge_is_mapped(self) -> bool:
        if self._array is None:
            return False
        if self._face_is_mapped():
            return isinstance(self._edge_spec, str) and self._edge_spec == "face"
        return self._edge_spec is None

    def _mapped(self) -> np.ndarray:
        with np.errstate(all="ignore"):
            rgba = np.array(self.cmap(self.norm(self._array)), dtype=float).reshape(-1, 4)
        return _with_alpha(rgba, self._alpha)

    def get_facecolor(self) -> np.ndarray:
        """Face colors, (k, 4) (mapped from the array when one is set)."""
        if self._face_is_mapped():
            return self._mapped()
        return _rows(self._face_spec, "facecolors", self._alpha)

    def get_edgecolor(self) -> np.ndarray:
        """Edge colors, (k, 4); 'face' gives the face colors."""
        if self._edge_is_mapped():
            return self._mapped()
        spec = self._edge_spec
        if spec is None:
            face_none = isinstance(self._face_spec, str) and self._face_spec == "none"
            spec = self._default_edgecolor() if (rc("patch.force_edgecolor", False)
                                                 or self._edge_default or face_none) \
                else "none"
        rows = _rows(spec, "edgecolors", self._alpha)
        return self.get_facecolor() if isinstance(rows, str) else rows

    def get_hatchcolor(self) -> np.ndarray:
        """The hatch color as RGBA floats."""
        spec = rc("hatch.color", "edge") if self._hatch_spec is None else self._hatch_spec
        rows = _rows(spec, "hatchcolors", self._alpha)
        if isinstance(rows, str):
            edge = self.get_edgecolor()
            if not len(edge) or not (edge[:, 3] > 0).any():
                # the collection's alpha fades this default too (matplotlib's contourf
                # with alpha=0.5 draws grey hatches)
                return _with_alpha(np.array([colors.to_rgba(rcParams["patch.edgecolor"])]),
                                   self._alpha)
            return edge
        return rows

    def set_facecolor(self, c) -> None:
        """Face colors: one, or one per path ('none': no faces)."""
        c = self._default_facecolor() if c is None else c
        _rows(c, "facecolor", None)
        self._face_spec = c
        self._changed()

    def set_edgecolor(self, c) -> None:
        """Edge colors: one, or one per path ('face': as the faces)."""
        if c is not None:
            _rows(c, "edgecolor", None)
        self._edge_spec = c
        self._changed()

    def set_hatchcolor(self, c) -> None:
        """The hatch color (None: the edge color)."""
        if c is not None:
            _rows(c, "hatchcolor", None)
        self._hatch_spec = c
        self._changed()

    def set_color(self, c) -> None:
        """Face, edge and hatch colors at once."""
        _rows(c, "color", None)
        self._face_spec = self._edge_spec = self._hatch_spec = c
        self._changed()

    set_facecolors, set_edgecolors, get_facecolors, get_edgecolors = \
        set_facecolor, set_edgecolor, get_facecolor, get_edgecolor

    def get_fill(self) -> bool:
        """Whether faces are drawn (facecolor not 'none')."""
        return not (isinstance(self._face_spec, str) and self._face_spec.lower() == "none")

    def set_alpha(self, alpha) -> None:
        """The opacity 0..1 (None: the colors' own)."""
        self._alpha = check_alpha(alpha, per_item=True)
        self._changed()

    # -- colormapping --------------------------------------------------------------------
    def set_array(self, A) -> None:
        """Values to color the items by (one per path) through ``cmap`` and ``norm``;
        None turns colormapping off."""
        if A is None:
            self._array = None
        else:
            arr = np.ma.masked_invalid(np.ma.array(A, dtype=float, copy=True))
            if arr.ndim != 1:
                raise ValueError(f"A: got shape {arr.shape}, expected one value per item "
                                 "(1D)")
            self._array = arr.filled(np.nan)
            self.autoscale_clim(self._array)
        self._changed()

    def get_array(self):
        """The values mapped to colors, or None."""
        return None if self._array is None else np.ma.masked_invalid(self._array.copy())

    def autoscale(self) -> None:
        """Color limits from the array's range."""
        if self._array is not None:
            self.norm.vmin = self.norm.vmax = None
            self.autoscale_clim(self._array)
            self._changed()

    def autoscale_None(self) -> None:  # noqa: N802 - matplotlib's name
        """Fill the norm's unset vmin/vmax from the collection's array."""
        if self._array is not None:
            self.autoscale_clim(self._array)
            self._changed()

    def _mapping_changed(self) -> None:
        self._changed()

    # -- lines -------------------------------------------------------------------------
    def _widths(self, lw) -> np.ndarray:
        if lw is None:
            lw = self._default_linewidth()
        arr = np.atleast_1d(np.asarray(lw, dtype=float)) if not isinstance(lw, str) else None
        if arr is None or arr.ndim != 1 or not np.all(np.isfinite(arr)) or (arr < 0).any():
            raise ValueError(f"linewidths: got {lw!r}, expected numbers >= 0 (points)")
        return arr.copy()

    @staticmethod
    def _linestyles(ls) -> list:
        if isinstance(ls, str) or ls is None:
            return [parse_linestyle(ls, "linestyles")]
        if isinstance(ls, tuple) and len(ls) == 2 and not isinstance(ls[0], (str, tuple)):
            return [parse_linestyle(ls, "linestyles")]  # one (offset, dashes) pair
        styles = [parse_linestyle(s, "linestyles") for s in ls]
        return styles or [parse_linestyle("solid")]

    def get_linewidth(self) -> np.ndarray:
        """Edge widths in points, one per path (or one for all)."""
        return self._linewidths.copy()

    def set_linewidth(self, lw) -> None:
        """Edge widths in points: one, or one per path."""
        self._linewidths = self._widths(lw)
        self._changed()

    def get_linestyle(self) -> list:
        """Edge styles, one per path (or one for all)."""
        return [linestyle_name(s) for s in self._styles]

    def set_linestyle(self, ls) -> None:
        """Edge styles: one, or one per path ('-', '--', ':', '-.', dash tuples)."""
        self._styles = self._linestyles(ls)
        self._changed()

    set_linewidths, get_linewidths, set_linestyles, get_linestyles, set_dashes = \
        set_linewidth, get_linewidth, set_linestyle, get_linestyle, set_linestyle
    set_lw, set_ls = set_linewidth, set_linestyle

    def set_antialiased(self, aa) -> None:
        """Antialias the edges or not."""
        self._antialiased = aa

    set_antialiaseds = set_antialiased

    # -- drawing -------------------------------------------------------------------------
    def _attach(self, ax) -> None:
        if self._offset_transform is not None:
            placement(self._offset_transform, ax)  # a TypeError for what is no transform
        super()._attach(ax)

    def _paths_units(self) -> str:
        """Where the paths' vertices are: 'data', 'axes' or 'transform' (any other)."""
        return super()._units()

    def _separate_offsets(self) -> bool:
        """Whether the offsets go through their own ``offset_transform`` (matplotlib's
        pixels = transform(path) + offset_transform(offset)): when one is set and the two
        are not both data (lumos then adds data offsets to data paths). Offsets without
        an ``offset_transform`` are in the paths' coordinates."""
        o = self._offset_transform
        if o is None or not len(self._offsets) or not self._paths or self.axes is None:
            return False
        return not (placement(o, self.axes) == "data" and self._paths_units() == "data")

    def _units(self) -> str:
        return "transform" if self._separate_offsets() else self._paths_units()

    def _to_pixels(self, units: str):
        if units == "transform" and self._separate_offsets():
            return _unchanged  # _geometry made the paths figure pixels already
        return super()._to_pixels(units)

    def _geometry(self) -> tuple[list, str, np.ndarray | None]:
        """``(paths as (vertices, codes) in data/axes units, in the transform's
        coordinates, or figure pixels with separate offsets; units; anchors)``."""
        paths = [(p.vertices, p.codes) for p in self._paths]
        if not (len(self._offsets) and len(paths)):
            return paths, self._units(), None
        # matplotlib draws max(paths, offsets) items, cycling both
        n = max(len(paths), len(self._offsets))
        off = self._offsets[np.arange(n) % len(self._offsets)]
        if not self._separate_offsets():
            return [(paths[i % len(paths)][0] + off[i], paths[i % len(paths)][1])
                    for i in range(n)], self._units(), None
        fwd = super()._to_pixels(self._paths_units())
        with np.errstate(all="ignore"):
            shift = as_transform(self._offset_transform, "offset_transform").forward(off)
            px = [fwd(np.asarray(v, float).reshape(-1, 2)) if len(v) else
                  np.zeros((0, 2)) for v, _ in paths]
        return [(px[i % len(px)] + shift[i], paths[i % len(paths)][1]) for i in range(n)], \
            "transform", None

    def _paths_have_data(self) -> bool:
        """Whether a coordinate of the paths' transform is data (their extent then
        counts in the limits, at their offsets)."""
        from .transformed_collections import data_branches

        return any(data_branches(self._transform, self.axes))

    def data_limits(self):
        """With separate offsets, matplotlib's ``get_datalim``: nothing when the offsets
        are not in data coordinates (a blend counts as not); the paths placed at their
        offsets when the paths' transform has a data coordinate, else the offsets."""
        if self.axes is None or not self.in_autoscale or not self._separate_offsets():
            return super().data_limits()
        from .transformed_collections import branch_limits, data_branches

        ax = self.axes
        if self._offsets_as_data():
            return self._identity_offset_limits()
        if not all(data_branches(self._offset_transform, ax)):
            return None
        if self._paths_have_data():
            paths, _, _ = self._geometry()
            pixels = np.concatenate([v for v, _ in paths])
        else:
            pixels = as_transform(self._offset_transform, "offset_transform").forward(
                self._offsets)
        with np.errstate(all="ignore"):
            return branch_limits(None, ax, ax.transData.inverse(pixels))

    def _offsets_as_data(self) -> bool:
        """Whether the limits take the offsets as data though they are pixels
        (matplotlib's ``get_datalim`` for an identity ``offset_transform``)."""
        return False

    def _identity_offset_limits(self):
        """matplotlib's limits for offsets through the identity: the paths in data (when
        a coordinate of theirs is) moved by the offsets taken as data, else the offsets."""
        from .transformed_collections import branch_limits, to_data

        ax, off = self.axes, self._offsets
        if not self._paths_have_data():
            return branch_limits(None, ax, off)
        paths = [to_data(self._transform, ax, p.vertices) if self._transform is not None
                 else np.asarray(p.vertices, float) for p in self._paths]
        n = max(len(paths), len(off))
        return branch_limits(None, ax, np.concatenate(
            [paths[i % len(paths)] + off[i % len(off)] for i in range(n)]))

    def _styles_per_item(self, n: int) -> tuple:
        face = cycle_rows(self.get_facecolor(), n, None)
        edge = cycle_rows(self.get_edgecolor(), n, None)
        hatch_rgba = cycle_rows(self.get_hatchcolor(), n, None)
        lw = self._linewidths[np.arange(n) % len(self._linewidths)] if n else np.zeros(0)
        styles = [self._styles[i % len(self._styles)] for i in range(n)]
        return face, edge, hatch_rgba, lw, styles

    def primitive_paths(self, paths, points_to_pixels) -> list[prim.Path]:
        """One primitives Path per item around ``paths`` ((vertices, codes) pairs)."""
        n = len(paths)
        face, edge, hatch_rgba, lw, styles = self._styles_per_item(n)
        hw = float(points_to_pixels(self._hatch_linewidth))
        strokes: dict[tuple, prim.Stroke | None] = {}  # items share strokes: made once
        out = []
        for i, (v, c) in enumerate(paths):
            key = (*edge[i], lw[i], styles[i])
            if key not in strokes:
                strokes[key] = stroke(edge[i], lw[i], styles[i], points_to_pixels,
                                      self._joinstyle, self._capstyle)
            out.append(prim.Path(
                v, c, fill=tuple(face[i]) if face[i, 3] > 0 else None, stroke=strokes[key],
                hatch=self._hatch, hatch_color=tuple(hatch_rgba[i]) if self._hatch else None,
                hatch_width=hw))
        return out

    def _legend_hatch_rgba(self) -> tuple:
        rows = self.get_hatchcolor()
        return tuple(rows[0]) if len(rows) else (0, 0, 0, 1)

    def legend_patch(self) -> tuple[tuple, tuple | None]:
        """(face RGBA, edge RGBA or None) of the first path, for a legend entry."""
        return legend_box(self.get_facecolor(), self.get_edgecolor(), self._linewidths[0])

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {len(self._paths)} paths>"


class PolyCollection(Collection):
    """Polygons, one per item of ``verts`` (each (M, 2)); ``closed`` closes them."""

    def __init__(self, verts, sizes=None, *, closed: bool = True, **kwargs) -> None:
        if sizes is not None:
            raise TypeError("sizes: lumos draws PolyCollection vertices in data units; got "
                            "sizes, expected None")
        super().__init__(**kwargs)
        self.set_verts(verts, closed)

    def set_verts(self, verts, closed: bool = True) -> None:
        """New polygons (copied; masked values become NaN, which breaks the polygon)."""
        if isinstance(verts, np.ma.MaskedArray):
            verts = verts.astype(float).filled(np.nan)
        paths = []
        for k, xy in enumerate(verts):
            xy = np.asarray(xy)
            if xy.size and (xy.ndim != 2 or xy.shape[1] != 2):
                raise ValueError(f"verts[{k}]: got shape {xy.shape}, expected (M, 2)")
            if not len(xy):
                paths.append(Path(np.zeros((0, 2))))
            elif closed:
                xy = np.asarray(xy, dtype=float)
                paths.append(Path(np.concatenate([xy, xy[:1]]), closed=True))
            else:
                paths.append(Path(xy))
        self._paths = paths
        self._changed()

    set_paths = set_verts

    def legend_obstacles(self) -> Obstacles | None:
        """Its polygons' outlines (matplotlib's PolyCollection)."""
        return self.outline_obstacles()

    def set_verts_and_codes(self, verts, codes) -> None:
        """New polygons from vertex arrays and their matching path-code arrays."""
        if len(verts) != len(codes):
            raise ValueError(f"codes: got {len(codes)} code arrays for {len(verts)} vertex "
                             "arrays")
        self._paths = [Path(v, c) if len(v) else Path(np.zeros((0, 2)))
                       for v, c in zip(verts, codes, strict=True)]
        self._changed()


class ContourHatches(PolyCollection):
    """The hatched regions of one level of a ``contourf(hatches=...)``: drawn as a
    collection of their own, but part of their ContourSet, which a 'best' legend does
    not avoid (matplotlib's ``_auto_legend_data`` takes only a ContourSet's offsets,
    and it has none)."""

    def legend_obstacles(self) -> None:
        """Nothing: see the class."""
        return None


class PatchCollection(Collection):
    """The paths of patches (lumos's or matplotlib's) drawn as one collection;
    ``match_original`` keeps each patch's colors, line width and style."""

    def __init__(self, patches, *, match_original: bool = False, **kwargs) -> None:
        patches = list(patches)
        if match_original:
            kwargs["facecolors"] = [p.get_facecolor() if p.get_fill() else (0, 0, 0, 0)
                                    for p in patches]
            kwargs["edgecolors"] = [p.get_edgecolor() for p in patches]
            kwargs["linewidths"] = [p.get_linewidth() for p in patches]
            kwargs["linestyles"] = [p.get_linestyle() for p in patches]
        super().__init__(**kwargs)
        self.set_paths(patches)

    def set_paths(self, patches) -> None:
        """New paths from patches (their geometry only)."""
        paths = []
        for k, p in enumerate(patches):
            if not (hasattr(p, "get_path") and hasattr(p, "get_patch_transform")):
                raise TypeError(f"patches[{k}]: got {type(p).__name__}, expected a patch")
            paths.append(as_path(p.get_path()).transformed(p.get_patch_transform()))
        self._paths = paths
        self._changed()


class LineCollection(Collection):
    """Polylines, one per item of ``segments`` (each (M, 2)); ``colors`` are the lines'
    colors and an array colors them through ``cmap``."""

    zorder = 2.0
    _edge_default = True

    def __init__(self, segments, *, zorder=2, colors=None, **kwargs) -> None:
        kwargs.setdefault("facecolors", "none")
        if colors is not None:
            if kwargs.get("edgecolors", kwargs.get("edgecolor")) is not None:
                raise TypeError("LineCollection: got both colors and edgecolors")
            kwargs["edgecolors"] = colors
        super().__init__(zorder=zorder, **kwargs)
        self.set_segments(segments)

    def _default_facecolor(self):
        return "none"

    def _default_edgecolor(self):
        return rc("lines.color", "C0")

    def _default_linewidth(self) -> float:
        return float(rcParams["lines.linewidth"])

    def set_segments(self, segments) -> None:
        """New lines (copied); masked values become NaN, which break a line."""
        if segments is None:
            return
        paths = []
        for k, seg in enumerate(segments):
            if isinstance(seg, np.ma.MaskedArray):
                seg = seg.astype(float).filled(np.nan)
            arr = validate.numbers_array(seg, f"segments[{k}]")  # ragged: named
            if arr.dtype.kind not in "biuf":
                raise TypeError(f"segments[{k}]: got dtype {arr.dtype}, expected numbers")
            if arr.size and (arr.ndim != 2 or arr.shape[1] != 2):
                raise ValueError(f"segments[{k}]: got shape {arr.shape}, expected (M, 2)")
            paths.append(Path(arr.reshape(-1, 2)))
        self._paths = paths
        self._changed()

    set_verts = set_paths = set_segments

    def get_segments(self) -> list[np.ndarray]:
        """Each line's vertices (copies)."""
        return [p.vertices.copy() for p in self._paths]

    def set_color(self, c) -> None:
        self.set_edgecolor(c)

    def get_color(self) -> np.ndarray:
        """The line colors, (n, 4) RGBA."""
        return self.get_edgecolor()

    get_colors = get_color

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        return LegendHandle(line=self.legend_line())

    def legend_line(self) -> tuple[tuple, float, tuple | None]:
        """(rgba, width px, dashes px) of the legend's line."""
        px = self.axes.figure.points_to_pixels
        edge = self.get_edgecolor()
        s = stroke(edge[0] if len(edge) else (0, 0, 0, 0), float(self._linewidths[0]),
                   self._styles[0], px)
        if s is None:
            return (0.0, 0.0, 0.0, 0.0), 0.0, None
        return s.color, s.width, s.dashes


class EventCollection(LineCollection):
    """Parallel lines at ``positions`` along one axis (matplotlib's eventplot lines), of
    ``linelength`` centred on ``lineoffset`` across it."""

    def __init__(self, positions, orientation: str = "horizontal", *, lineoffset=0,
                 linelength=1, linewidth=None, color=None, linestyle="solid",
                 antialiased=None, **kwargs) -> None:
        super().__init__([], linewidths=linewidth, linestyles=linestyle, colors=color,
                         antialiaseds=antialiased, **kwargs)
        if orientation not in ("horizontal", "vertical"):
            raise ValueError(f"orientation: got {orientation!r}, expected 'horizontal' or "
                             "'vertical'")
        self._is_horizontal = orientation == "horizontal"
        self._lineoffset = check_real(lineoffset, "lineoffset")
        self._linelength = check_real(linelength, "linelength")
        self._positions = np.zeros(0)
        self.set_positions(positions)

    def _rebuild(self) -> None:
        n = len(self._positions)
        seg = np.empty((n, 2, 2))
        along = 0 if self._is_horizontal else 1
        seg[:, :, along] = self._positions[:, None]
        seg[:, 0, 1 - along] = self._lineoffset + self._linelength / 2
        seg[:, 1, 1 - along] = self._lineoffset - self._linelength / 2
        self.set_segments(seg)

    def get_positions(self) -> list[float]:
        """The event positions, in the order given."""
        return self._positions.tolist()

    def set_positions(self, positions) -> None:
        """New event positions (1D)."""
        if positions is None:
            positions = []
        arr = np.asarray(positions)
        if arr.ndim != 1:
            raise ValueError(f"positions: got shape {arr.shape}, expected one dimension")
        if arr.size and arr.dtype.kind not in "biuf":
            raise TypeError(f"positions: got dtype {arr.dtype}, expected numbers")
        self._positions = np.sort(np.asarray(arr, dtype=float))
        self._rebuild()

    def add_positions(self, position) -> None:
        """Add events at ``position`` (a number or an array)."""
        if position is None or np.size(position) == 0:
            return
        self.set_positions(np.r_[self._positions, np.ravel(position)])

    extend_positions = append_positions = add_positions

    def is_horizontal(self) -> bool:
        """Whether the events lie along x."""
        return self._is_horizontal

    def get_orientation(self) -> str:
        """'horizontal' (events along x) or 'vertical'."""
        return "horizontal" if self._is_horizontal else "vertical"

    def set_orientation(self, orientation: str) -> None:
        """'horizontal' (events along x) or 'vertical'."""
        if orientation not in ("horizontal", "vertical"):
            raise ValueError(f"orientation: got {orientation!r}, expected 'horizontal' or "
                             "'vertical'")
        self._is_horizontal = orientation == "horizontal"
        self._rebuild()

    def switch_orientation(self) -> None:
        """Swap horizontal and vertical."""
        self._is_horizontal = not self._is_horizontal
        self._rebuild()

    def get_linelength(self) -> float:
        """The length of each event line, in data units."""
        return self._linelength

    def set_linelength(self, linelength) -> None:
        """The length of each event line, in data units."""
        self._linelength = check_real(linelength, "linelength")
        self._rebuild()

    def get_lineoffset(self) -> float:
        """Where the event lines are centred across the event axis, in data units."""
        return self._lineoffset

    def set_lineoffset(self, lineoffset) -> None:
        """Where the event lines are centred across the event axis, in data units."""
        self._lineoffset = check_real(lineoffset, "lineoffset")
        self._rebuild()

    def get_linewidth(self) -> float:
        """The line width in points."""
        return float(self._linewidths[0])

    def get_linewidths(self) -> np.ndarray:
        """The line widths in points."""
        return self._linewidths.copy()

    def get_color(self) -> np.ndarray:
        """The color of the event lines, RGBA."""
        return self.get_edgecolor()[0]
