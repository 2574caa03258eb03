"""The base of matplotlib's patches: :class:`Patch`, and :class:`PathPatch` (a patch of
any path). The shapes are in :mod:`lumos.plot.patch_shapes`, the arrow and the fancy box
in :mod:`lumos.plot.patch_fancy`; ``lumos.patches`` re-exports them all.

A patch is a :class:`lumos.path.Path` in its own units (``get_path()``) placed by an
affine ``get_patch_transform()``, with matplotlib's constructor signatures, defaults
(face C0, no edge unless the kind draws one, hatch in the edge color) and accessors.
``ax.add_patch(p)`` attaches it; it then draws through one ``lumos.visuals.Paths`` in
data coordinates (``transform=ax.transData``, the default) or axes fractions
(``transform=ax.transAxes``), and its primitives are paths for every device.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from .. import primitives as prim
from ..path import Affine2D, Path
from ..visuals.path import Paths, hatch_counts
from .artists import Artist, LegendHandle
from .canvas import frame_overlay
from .collections import check_alpha, to_scale
from .legend_best import Obstacles, thinned
from .patch_effects import PatchEffects
from .patch_style import (
    as_path,
    check_real,
    coordinates,
    linestyle_name,
    parse_linestyle,
    path_limits,
    placement,
    rc,
    stroke,
    to_rgba,
)
from .snapping import paths_snap, pixel_scale
from .style import rcParams
from .transforms_compat import as_transform


def _now(spec):
    """A color as given, but 'CN' (a color of the current cycle) as the color it names
    now, as matplotlib resolves it when set."""
    if isinstance(spec, str) and spec[:1] in "cC" and spec[1:].isdigit():
        return colors.to_rgba(spec)
    return spec


# Python maps a transform's points again per view; a page cannot (it says so)
_FROZEN = {"kind": "frozen", "what": "a patch placed by a transform"}

_ALIASES = {"ec": "edgecolor", "fc": "facecolor", "lw": "linewidth", "ls": "linestyle",
            "aa": "antialiased"}


# -- what patches and collections share -------------------------------------------------
class PathsArtist(Artist):
    """The base of patches and collections: artists added with ``ax.add_patch`` or
    ``ax.add_collection`` that draw through one ``lumos.visuals.Paths`` in data or axes
    units (``transform=``), with matplotlib's hatch, cap and join accessors.

    Subclasses provide ``_geometry()`` (their paths, units and anchors) and
    ``primitive_paths()`` (the look of each path); ``__init__`` sets the attributes
    these accessors read.
    """

    @staticmethod
    def _check_style(value, allowed, argument: str) -> str:
        value = getattr(value, "value", value)  # matplotlib's CapStyle/JoinStyle enums
        if value not in allowed:
            raise ValueError(f"{argument}: got {value!r}, expected one of {', '.join(allowed)}")
        return value

    _any_transform = False  # whether any transform to figure pixels is taken
    #: what a page says it cannot move (the paths Python maps again per view)
    _frozen = _FROZEN

    def _placement(self, transform, ax) -> str:
        """'data', 'axes' (or 'transform' for a patch): see ``patch_style.placement``."""
        return placement(transform, ax) if self._any_transform else \
            coordinates(transform, ax)

    def get_transform(self):
        """The coordinates the artist lives in: ``ax.transData`` (None before it is added
        with no transform given), ``ax.transAxes`` or another transform to pixels."""
        if self._transform is None and self.axes is not None:
            return self.axes.transData
        return self._transform

    def set_transform(self, t) -> None:
        """The coordinates of the artist: a transform such as ``ax.transData`` (default)
        or ``ax.transAxes``."""
        if self.axes is not None:
            self._placement(t, self.axes)
        self._transform = t
        self._changed()

    def get_alpha(self) -> float | None:
        """The opacity, or None (the colors' own)."""
        return self._alpha

    def get_hatch(self) -> str | None:
        """The hatch pattern ('/', 'x', '.', ...), or None."""
        return self._hatch

    def set_hatch(self, hatch) -> None:
        """A hatch pattern: matplotlib's characters, repeated for density ('//', 'xx', ...)."""
        hatch_counts(hatch)  # a ValueError naming unknown letters
        self._hatch = hatch or None
        self._changed()

    def get_hatch_linewidth(self) -> float:
        """The width of hatch lines in points."""
        return self._hatch_linewidth

    def set_hatch_linewidth(self, lw) -> None:
        """The width of hatch lines in points."""
        self._hatch_linewidth = check_real(lw, "hatch_linewidth", 0.0, finite=True)
        self._changed()

    def get_capstyle(self) -> str:
        """The cap style of open edges: 'butt', 'round' or 'projecting'."""
        return self._capstyle

    def set_capstyle(self, s) -> None:
        """The cap style of open edges: 'butt', 'round' or 'projecting'."""
        self._capstyle = self._check_style(s, prim.CAPS, "capstyle")
        self._changed()

    def get_joinstyle(self) -> str:
        """The join style of edges: 'miter', 'round' or 'bevel'."""
        return self._joinstyle

    def set_joinstyle(self, s) -> None:
        """The join style of edges: 'miter', 'round' or 'bevel'."""
        self._joinstyle = self._check_style(s, prim.JOINS, "joinstyle")
        self._changed()

    def update(self, props: dict) -> None:
        """Set several properties from a dict (matplotlib's ``Artist.update``)."""
        self.set(**props)

    # -- what subclasses provide ---------------------------------------------------------
    def _geometry(self) -> tuple[list, str, np.ndarray | None]:
        """``(paths as (vertices, codes) in data/axes units, or in pixels about anchors,
        units ('data', 'axes' or 'pixels'), anchors (N, 2) in data units or None)``."""
        raise NotImplementedError

    def primitive_paths(self, paths, points_to_pixels) -> list[prim.Path]:
        """The primitives Paths drawn around ``paths`` ((vertices, codes) pairs)."""
        raise NotImplementedError

    # -- what the axes asks ------------------------------------------------------------
    def _attach(self, ax) -> None:
        self._placement(self._transform, ax)
        self.axes = ax
        self._visual = Paths()
        self._update()

    def visuals(self) -> list:
        return [] if self._visual is None else [self._visual]

    def rescale(self) -> None:
        self._update()

    def _changed(self) -> None:
        if self._visual is not None:
            self._update()
        super()._changed()

    def draw_overlay(self, ov) -> None:
        """Line widths are points: rebuild when the dpi changed."""
        fig = self.axes.figure
        if self._visual is not None and self._built_for != self._build_key(fig):
            self._update()

    def _units(self) -> str:
        return self._placement(self._transform, self.axes)

    def _drawn_units(self) -> str:
        """The units of the paths the visual draws: a transform's are scale space."""
        units = self._units()
        return "data" if units == "transform" else units

    def _to_pixels(self, units: str):
        """The map from ``units`` ('data', 'axes', 'transform') to figure pixels."""
        if units == "transform":
            return as_transform(self._transform).forward
        return (self.axes.transData if units == "data" else self.axes.transAxes).forward

    def _transformed(self, paths) -> list:
        """``paths`` in the transform's coordinates → the axes' scale space (the view
        draws there), through figure pixels as matplotlib draws them."""
        fwd, back = self._to_pixels("transform"), self.axes.transView.inverse
        with np.errstate(all="ignore"):
            return [(back(fwd(np.asarray(v, float).reshape(-1, 2))) if len(v) else v, c)
                    for v, c in paths]

    def effects_view(self):
        """What path effects' paths depend on beyond the dpi (None: nothing)."""
        return None

    def _build_key(self, fig) -> tuple:
        """What the visual's paths were built for: dpi, canvas, view (offset effects; a
        transform other than data or axes: the scale-space points move with the view)."""
        view = self.axes.view_state() if self._units() == "transform" else None
        return fig.dpi, fig.canvas.size, self.effects_view(), view

    def _update(self) -> None:
        ax = self.axes
        if ax is None or self._visual is None:
            return
        fig = ax.figure
        paths, units, anchors = self._geometry()
        if units == "data" and paths:
            allv = np.concatenate([np.asarray(v, float).reshape(-1, 2) for v, _ in paths])
            sv = np.c_[to_scale(ax.xaxis, allv[:, 0]), to_scale(ax.yaxis, allv[:, 1])]
            ends = np.cumsum([len(v) for v, _ in paths])[:-1]
            paths = [(v, c) for v, (_, c) in zip(np.split(sv, ends), paths, strict=True)]
        if units == "transform":
            paths, units = self._transformed(paths), "data"
            self._visual.follow = self._frozen
        elif self._visual.follow is self._frozen:
            self._visual.follow = None
        if anchors is not None:
            anchors = np.c_[to_scale(ax.xaxis, anchors[:, 0]), to_scale(ax.yaxis, anchors[:, 1])]
        prims = self.primitive_paths(paths, fig.points_to_pixels)
        snap = self.get_snap()
        if snap is not False and (units != "data" or ax.transProjection.frozen().is_linear):
            # Agg's PathSnapper decides path by path (the Paths shaders round them)
            flags = paths_snap(snap, [(p.vertices, p.codes) for p in prims],
                               pixel_scale(ax, units))
            for p, flag in zip(prims, flags.tolist(), strict=True):
                p.snap = flag
        self._visual.set_paths(prims, units, anchors)
        self._visual.hatch_unit = fig.dpi
        self._visual.canvas_height = fig.canvas.size[1]  # hatches start at its top left
        self._visual.visible = self._visible
        self._visual.order = self.zorder
        self._built_for = self._build_key(fig)

    def data_limits(self):
        """The curves' extent in data units (Bézier extrema included), or None for
        artists in axes coordinates; in another transform, the extent of the coordinates
        that are data (matplotlib's ``contains_branch_seperately``: a blend of data x and
        axes y widens the x limits only)."""
        if self.axes is None or not self.in_autoscale:
            return None
        paths, units, anchors = self._geometry()
        if units == "pixels":
            paths = [(anchors, None)]
        elif units == "transform" and paths:
            return self._data_branch_limits(paths)
        elif units != "data" or not paths:
            return None
        return path_limits(paths, self.axes)

    def _data_branch_limits(self, paths):
        from ..path import extreme_points
        from .transformed_collections import branch_limits, to_data

        t = self._transform
        pts = extreme_points([(to_data(t, self.axes, v), c) for v, c in paths if len(v)])
        return branch_limits(t, self.axes, pts)

    def _legend_hatch_rgba(self) -> tuple:
        """The hatch color of the legend's box."""
        raise NotImplementedError

    def outline_obstacles(self) -> Obstacles | None:
        """The paths' vertices and the paths, in figure pixels, for a 'best' legend
        (matplotlib's count for patches and polygon collections); None for paths drawn
        in pixels about anchors."""
        paths, units, _ = self._geometry()
        if units == "pixels":
            return None
        fwd = self._to_pixels(units)
        return Obstacles.outline([fwd(thinned(np.asarray(v, float).reshape(-1, 2)))
                                  for v, _ in paths if len(v)])

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        hatch = None
        if self._hatch:
            fig = self.axes.figure
            hatch = (self._hatch, self._legend_hatch_rgba(),
                     fig.points_to_pixels(self._hatch_linewidth), fig.dpi)
        # matplotlib's legend box takes the patch's path effects (update_from)
        return LegendHandle(patch=self.legend_patch(), hatch=hatch,
                            patch_edge=self.legend_edge(),
                            effects=(tuple(self._path_effects), self.get_alpha())
                            if self._path_effects else None)

    def legend_edge(self) -> tuple | None:
        """(width px, dashes px) of the legend box's edge; None: the legend's default."""
        return None


# -- the base class --------------------------------------------------------------------
class Patch(PatchEffects, PathsArtist):
    """A filled, hatched and outlined shape (matplotlib's ``Patch``).

    Keywords (and matplotlib's aliases): ``facecolor``/``fc``, ``edgecolor``/``ec``,
    ``color`` (both), ``linewidth``/``lw`` (points), ``linestyle``/``ls``, ``fill``,
    ``hatch``, ``hatchcolor``, ``alpha``, ``zorder``, ``label``, ``visible``,
    ``transform`` (``ax.transData``, ``ax.transAxes``, any transform to figure pixels),
    ``capstyle``, ``joinstyle``,
    ``clip_on``, ``path_effects`` (:mod:`lumos.plot.patch_effects`), ``snap``
    (``set_snap``).
    """

    zorder = 1.0
    _any_transform = True
    _edge_default = False  # whether the edge shows by default (FancyArrow, boxes: yes)

    def __init__(self, *, edgecolor=None, facecolor=None, color=None, linewidth=None,
                 linestyle=None, antialiased=None, hatch=None, fill=True, capstyle=None,
                 joinstyle=None, hatchcolor=None, alpha=None, label=None, zorder=None,
                 transform=None, visible=True, clip_on=True, path_effects=None,
                 snap=None, **kwargs) -> None:
        named = {"edgecolor": edgecolor, "facecolor": facecolor, "linewidth": linewidth,
                 "linestyle": linestyle, "antialiased": antialiased}
        for short, long in _ALIASES.items():
            if short in kwargs:
                if named[long] is not None:
                    raise TypeError(f"{type(self).__name__}: got both {short!r} and {long!r}")
                named[long] = kwargs.pop(short)
        edgecolor, facecolor = named["edgecolor"], named["facecolor"]
        linewidth, linestyle = named["linewidth"], named["linestyle"]
        antialiased = named["antialiased"]
        if kwargs:
            raise TypeError(f"{type(self).__name__}: unexpected keyword arguments "
                            f"{sorted(kwargs)}")
        super().__init__(None, label, zorder)
        self._visual: Paths | None = None
        self._built_for = None
        self.in_autoscale = True  # whether data_limits counts (add_artist: no)
        self.set_snap(snap)
        self._fill = bool(fill)
        self._alpha = check_alpha(alpha)
        self._transform = transform
        self._linewidth = check_real(rc("patch.linewidth", 1.0) if linewidth is None
                                     else linewidth, "linewidth", 0.0, finite=True)
        self._style = parse_linestyle("solid" if linestyle is None else linestyle)
        self._hatch = None
        self.set_hatch(hatch)
        self._hatch_linewidth = float(rc("hatch.linewidth", 1.0))
        self._capstyle = self._check_style(capstyle or "butt", prim.CAPS, "capstyle")
        self._joinstyle = self._check_style(joinstyle or "miter", prim.JOINS, "joinstyle")
        self._antialiased = True if antialiased is None else bool(antialiased)
        if color is not None:
            if edgecolor is not None or facecolor is not None:
                raise TypeError(f"{type(self).__name__}: 'color' sets both face and edge "
                                "colors; got it with 'facecolor' or 'edgecolor' too")
            facecolor = edgecolor = hatchcolor = color
        self._face_spec, self._edge_spec = _now(facecolor), _now(edgecolor)
        self._hatch_spec = _now(hatchcolor)
        self._rc_face = self._rc_edge = None
        self._take_rc_face()
        self._take_rc_edge()
        self._check_colors()
        self._visible = bool(visible)
        self.set_clip_on(clip_on)
        if path_effects is not None:
            self.set_path_effects(path_effects)

    def _check_colors(self) -> None:
        self.get_facecolor()
        self.get_edgecolor()
        self.get_hatchcolor()

    # -- geometry: what subclasses provide ------------------------------------------------
    def get_path(self) -> Path:
        """The patch's path in its own units."""
        raise NotImplementedError

    def get_patch_transform(self) -> Affine2D:
        """The affine map from path units to data (or axes) units."""
        return Affine2D()

    def get_verts(self) -> np.ndarray:
        """The outline in data units as one polygon (curves flattened)."""
        polys = self.get_path().to_polygons(self.get_patch_transform())
        return polys[0] if polys else np.zeros((0, 2))

    def contains_point(self, point) -> bool:
        """Whether a point (in the patch's coordinates) lies inside it."""
        return self.get_path().contains_point(point, self.get_patch_transform())

    # -- style (matplotlib's accessors) ---------------------------------------------------
    # matplotlib resolves a patch's colors when they are set: the rc values and the
    # color cycle ('CN') of then hold when a style's block has ended before drawing
    def _take_rc_face(self) -> None:
        self._rc_face = colors.to_rgba(rc("patch.facecolor", "C0"))

    def _take_rc_edge(self) -> None:
        self._rc_edge = (colors.to_rgba(rcParams["patch.edgecolor"]),
                         bool(rc("patch.force_edgecolor", False)))

    def get_facecolor(self) -> tuple:
        """The face color as RGBA floats (alpha applied)."""
        spec = self._rc_face if self._face_spec is None else self._face_spec
        return to_rgba(spec, self._alpha if self._fill else 0.0, argname="facecolor")

    def get_edgecolor(self) -> tuple:
        """The edge color as RGBA floats (alpha applied)."""
        spec = self._edge_spec
        if spec is None:
            rc_edge, forced = self._rc_edge
            spec = rc_edge if (forced or not self._fill or self._edge_default) else "none"
        return to_rgba(spec, self._alpha, argname="edgecolor")

    def get_hatchcolor(self) -> tuple:
        """The hatch color as RGBA floats."""
        spec = rc("hatch.color", "edge") if self._hatch_spec is None else self._hatch_spec
        if isinstance(spec, str) and spec == "edge":
            edge = self.get_edgecolor()
            return edge if edge[3] > 0 else colors.to_rgba(rcParams["patch.edgecolor"])
        return to_rgba(spec, self._alpha, argname="hatchcolor")

    def set_facecolor(self, color) -> None:
        """The face color (None: the default)."""
        if color is None:
            self._take_rc_face()
        else:
            colors.to_rgba(color, argname="facecolor")
        self._face_spec = _now(color)
        self._changed()

    def set_edgecolor(self, color) -> None:
        """The edge color (None: the default)."""
        if color is None:
            self._take_rc_edge()
        else:
            colors.to_rgba(color, argname="edgecolor")
        self._edge_spec = _now(color)
        self._changed()

    def set_hatchcolor(self, color) -> None:
        """The hatch color (None: the edge color)."""
        if color is not None and not (isinstance(color, str) and color == "edge"):
            colors.to_rgba(color, argname="hatchcolor")
        self._hatch_spec = _now(color)
        self._changed()

    def set_color(self, c) -> None:
        """Face, edge and hatch color at once."""
        colors.to_rgba(c, argname="color")
        self._face_spec = self._edge_spec = self._hatch_spec = _now(c)
        self._changed()

    set_fc, set_ec, get_fc, get_ec = set_facecolor, set_edgecolor, get_facecolor, get_edgecolor

    def set_alpha(self, alpha) -> None:
        """The opacity 0..1 for face and edge (None: the colors' own)."""
        self._alpha = check_alpha(alpha)
        self._changed()

    def get_fill(self) -> bool:
        """Whether the face is drawn."""
        return self._fill

    def set_fill(self, b: bool) -> None:
        """Draw the face or not."""
        self._fill = bool(b)
        self._changed()

    fill = property(get_fill, set_fill)

    def get_linewidth(self) -> float:
        """The edge width in points."""
        return self._linewidth

    def set_linewidth(self, w) -> None:
        """The edge width in points (None: the default)."""
        self._linewidth = check_real(rc("patch.linewidth", 1.0) if w is None else w,
                                     "linewidth", 0.0, finite=True)
        self._changed()

    def get_linestyle(self):
        """The edge style: '-', '--', ':', '-.' or a dash tuple."""
        return linestyle_name(self._style)

    def set_linestyle(self, ls) -> None:
        """The edge style: '-', '--', ':', '-.', 'None' or (offset, on-off sequence)."""
        self._style = parse_linestyle("solid" if ls is None else ls)
        self._changed()

    set_lw, get_lw, set_ls, get_ls = set_linewidth, get_linewidth, set_linestyle, get_linestyle

    def get_antialiased(self) -> bool:
        """Whether edges are antialiased."""
        return self._antialiased

    def set_antialiased(self, aa) -> None:
        """Antialias the edges or not."""
        self._antialiased = True if aa is None else bool(aa)

    def _data_vertices(self) -> tuple[np.ndarray, np.ndarray | None]:
        path = self.get_path()
        verts = self.get_patch_transform().transform(path.vertices)
        return verts, path.codes

    def draw(self, renderer) -> None:
        """Paint the patch now, through its transform (figure pixels when none is set,
        as matplotlib's), into ``renderer``'s frame: what a script's own artist in
        ``fig.artists`` does in its ``draw(renderer)``."""
        ov = frame_overlay(renderer)
        if not self._visible:
            return
        from .transforms_compat import as_transform

        fig = renderer.figure
        path = self.get_path()
        verts = self.get_patch_transform().transform(path.vertices)
        if self._transform is not None:
            verts = as_transform(self._transform, "transform").forward(verts)
        ov.path(self.primitive_path(verts, path.codes, fig.points_to_pixels), fig.dpi)

    def primitive_path(self, vertices, codes, points_to_pixels) -> prim.Path:
        """This patch's look as a primitives Path around ``vertices``/``codes``."""
        face = self.get_facecolor()
        edge = self.get_edgecolor()
        hatch = self._hatch
        return prim.Path(
            vertices, codes, fill=face if face[3] > 0 else None,
            stroke=stroke(edge, self._linewidth, self._style, points_to_pixels,
                          self._joinstyle, self._capstyle),
            hatch=hatch, hatch_color=self.get_hatchcolor() if hatch else None,
            hatch_width=float(points_to_pixels(self._hatch_linewidth)))

    def _geometry(self) -> tuple[list, str, None]:
        return [self._data_vertices()], self._units(), None

    def counts_in_layout(self) -> bool:
        """Whether layouts make room for the patch where it reaches past its axes: as
        matplotlib's tight box counts a patch not clipped to the axes (``clip_on``
        False) and shown."""
        return self.axes is not None and self._visible and not self.get_clip_on()

    def layout_room(self) -> list:
        """Where the patch reaches beyond its axes' box: (px, py, reach) for the two
        corners of its extent in figure pixels (points that follow the box: the patch
        is in data or axes coordinates), ``reach`` none: matplotlib's tight box holds
        the patch's path, not its edge's width."""
        verts, _ = self._data_vertices()
        if not len(verts):
            return []
        with np.errstate(all="ignore"):
            px = np.asarray(self.get_transform().forward(np.asarray(verts, float)), float)
        px = px.reshape(-1, 2)[np.isfinite(px).reshape(-1, 2).all(axis=1)]
        if not len(px):
            return []
        reach = (0.0, 0.0, 0.0, 0.0)
        (x0, y0), (x1, y1) = px.min(axis=0), px.max(axis=0)
        return [(float(x0), float(y0), reach), (float(x1), float(y1), reach)]

    def legend_obstacles(self) -> Obstacles | None:
        """Its outline (matplotlib's Patch: vertices and path)."""
        return self.outline_obstacles()

    def primitive_paths(self, paths, points_to_pixels) -> list[prim.Path]:
        return self.effects_applied(
            [self.primitive_path(v, c, points_to_pixels) for v, c in paths if len(v)],
            self._drawn_units())

    def _legend_hatch_rgba(self) -> tuple:
        return tuple(self.get_hatchcolor())

    def legend_edge(self) -> tuple | None:
        """(width px, dashes px) of the legend box's edge: matplotlib's legend box copies
        the patch's line width and dashes."""
        edge = stroke(self.get_edgecolor(), self._linewidth, self._style,
                      self.axes.figure.points_to_pixels)
        return None if edge is None else (edge.width, edge.dashes)

    def legend_patch(self) -> tuple[tuple, tuple | None]:
        """(face, edge or None) of this patch's legend box."""
        edge = self.get_edgecolor()
        show = edge[3] > 0 and self._linewidth > 0 and self._style is not None
        return self.get_facecolor(), (edge if show else None)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"



class PathPatch(Patch):
    """Any path: a :class:`lumos.path.Path` or a matplotlib ``Path`` (vertices, codes)."""

    def __init__(self, path, **kwargs) -> None:
        super().__init__(**kwargs)
        self._path = as_path(path, "path")

    def get_path(self) -> Path:
        return self._path

    def set_path(self, path) -> None:
        """A new path (a lumos or matplotlib ``Path``)."""
        self._path = as_path(path, "path")
        self._changed()

    def __repr__(self) -> str:
        v = self._path.vertices
        return f"PathPatch{len(v)}(({v[0, 0]:g}, {v[0, 1]:g}) ...)" if len(v) else \
            "PathPatch0()"
