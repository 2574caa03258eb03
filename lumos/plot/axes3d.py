"""3D axes (``projection="3d"``) with matplotlib's mplot3d API.

``fig.add_subplot(projection="3d")``, ``subplots(subplot_kw={"projection": "3d"})``,
``plt.axes(projection="3d")``; scripts written for ``mpl_toolkits.mplot3d`` run with
``from lumos.mplot3d import Axes3D, axes3d, art3d``.

Geometry is mplot3d's: data map onto a box of aspect 4:4:3 (``set_box_aspect``) seen by
a camera at ``elev``/``azim``/``roll`` (``view_init``) from mplot3d's distance, in
perspective with ``focal_length`` 1 or orthographic (``set_proj_type``); the square
axes box shows mplot3d's view limits, so the box, its panes and labels land where
matplotlib draws them. lumos draws it with a turntable camera (azimuth = azim + 90,
plus roll and a lens shift): the GPU projects, and the box's panes, grids, ticks and
labels live in the 3D view (:mod:`lumos.plot.axes3d_box`), so windows, notebooks and
standalone pages rotate everything with no round trip to Python. Data are drawn with a
depth buffer (mplot3d sorts whole artists by depth instead).

The mouse does what it does on matplotlib's 3D axes (the ``mplot3d`` controller):
left-drag rotates (its "azel" style), middle-drag pans, right-drag zooms (down zooms
in), the wheel zooms. Panning and zooming move the camera (the view, not the limits:
ticks keep their values), so a page without Python does them too.
"""

from __future__ import annotations

import math
import warnings

import numpy as np

from .. import colors
from . import text as textmod
from .axes import Axes
from .axes3d_artists import RankedLine, Text3D
from .axes3d_box import CODE, AxisSpec, Box3D, BoxSpec, far_faces, geometry, visible
from .axes3d_collections import (
    FacesBehind,
    Line3DCollection,
    Poly3DCollection,
    Surface3DCollection,
)
from .axes3d_contour import Contour3DSet
from .axes3d_errorbar import Errorbar3D
from .axes3d_fill import Fill3D
from .axes3d_limits import Axes3DLimits
from .axes3d_plotting import Plotting3D
from .axes3d_view import PROJ_DIST, VIEW_SPAN, Axes3DView
from .axis import Axis
from .decorations import title_room
from .style import dash_pattern, rcParams

BOX_NORM = 1.8294640721620434 * 25 / 24  # length of mplot3d's box aspect vector
VIEW_MARGIN = 1 / 48  # mplot3d pads autoscaled limits by this much of their span

# box axes of each data axis, by vertical axis (box z is up): mplot3d rolls the world
_BOX_OF = {2: (0, 1, 2), 1: (1, 2, 0), 0: (2, 0, 1)}


class Pane:
    """An axis' pane (``ax.xaxis.pane``): ``set_visible``, ``set_facecolor``/
    ``set_color``/``set_alpha``; ``fill = False`` hides it, as in matplotlib."""

    def __init__(self, axis: Axis3D) -> None:
        self._axis = axis

    @property
    def fill(self) -> bool:
        """Whether the pane is drawn (``fill = False`` hides it, as in matplotlib)."""
        return self._axis.pane_visible

    @fill.setter
    def fill(self, value: bool) -> None:
        self.set_visible(value)

    def set_visible(self, visible: bool) -> None:
        """Draw the pane or not."""
        self._axis.pane_visible = bool(visible)

    def get_visible(self) -> bool:
        """Whether the pane is drawn."""
        return self._axis.pane_visible

    def set_facecolor(self, color) -> None:
        """The pane's face color."""
        self._axis.set_pane_color(color)

    set_color = set_facecolor

    def set_alpha(self, alpha) -> None:
        """The pane's opacity 0..1."""
        self._axis.set_pane_color(self._axis.pane_color, alpha)

    def set_edgecolor(self, color) -> None:
        """Panes have no outline of their own in lumos: only 'none' or the face color
        are accepted (matplotlib's default edge is the face color)."""
        if colors.to_rgba(color)[3] and colors.to_rgba(color) != self._axis.pane_color:
            raise ValueError(f"color: got {color!r}, expected 'none' or the pane's face "
                             "color (lumos draws panes without an outline)")


class Axis3D(Axis):
    """An axis of 3D axes (x, y or z), with mplot3d's pane color and label turning.
    Every axis counts its ticks by the box width, as mplot3d's do."""

    def __init__(self, axes, name: str) -> None:
        super().__init__(axes, "x")  # mplot3d's axes are all XAxis: same tick defaults
        self.name = name
        self.pane_color = colors.to_rgba(rcParams[f"axes3d.{name}axis.panecolor"])
        self.pane_visible = True
        self.rotate_label: bool | None = None
        self.pane = Pane(self)
        self.grid_major = bool(rcParams["axes3d.grid"])

    def clear(self) -> None:
        """As ``Axis.clear``, the grid as ``axes3d.grid`` says."""
        super().clear()
        self.grid_major = bool(rcParams["axes3d.grid"])

    def tick_room(self) -> tuple[float, bool]:
        return self.axes.box[2], False

    def tick_lists(self):
        for locator in (self.major_locator, self.minor_locator):
            if hasattr(locator, "raw_step_scale"):
                # mplot3d's locators take steps 23/24 as long (its 1/48 view margins)
                locator.raw_step_scale = 23 / 24
        return super().tick_lists()

    def set_pane_color(self, color, alpha=None) -> None:
        """The pane's color (``alpha`` overrides the color's own)."""
        self.pane_color = colors.to_rgba(color, alpha, argname="color")
        self.axes._dirty = True

    def set_rotate_label(self, val: bool | None) -> None:
        """Turn the label along the axis: True, False or None (when longer than 4
        characters, mplot3d's rule)."""
        self.rotate_label = None if val is None else bool(val)

    def get_rotate_label(self, text: str) -> bool:
        """Whether a label is drawn along the axis (by default: labels longer than 4 characters)."""
        return len(text) > 4 if self.rotate_label is None else self.rotate_label


class Axes3D(Axes3DView, Axes3DLimits, Plotting3D, Fill3D, Errorbar3D, Axes):
    """3D axes: ``ax = fig.add_subplot(projection="3d")``; mplot3d's methods.

    Constructor keywords (also through ``add_subplot``/``subplot_kw``): ``elev=30``,
    ``azim=-60``, ``roll=0``, ``proj_type='persp'``, ``focal_length``, ``box_aspect``,
    ``computed_zorder`` (True: lumos draws with a depth buffer), ``sharez``,
    ``shareview``.
    """

    name = "3d"
    #: keywords the figure hands to the constructor (not Axes properties)
    init_keywords = ("elev", "azim", "roll", "proj_type", "focal_length", "box_aspect",
                     "computed_zorder", "sharez", "shareview")
    collection_kinds = (*Axes.collection_kinds, Poly3DCollection, Line3DCollection,
                        Surface3DCollection, Contour3DSet)

    def __init__(self, figure, spec, sharex=None, sharey=None, parent=None,
                 role: str = "main", *, elev=30, azim=-60, roll=0, proj_type="persp",
                 focal_length=None, box_aspect=None, computed_zorder=True, sharez=None,
                 shareview=None) -> None:
        if not computed_zorder:
            raise ValueError("computed_zorder: got False; lumos draws 3D data with a depth "
                             "buffer (what computed_zorder=True approximates by sorting)")
        self._vertical = 2
        self._zoom = 1.0  # < 1: the mouse zoomed in (the view shows less)
        self._pan = np.zeros(3)  # the camera centre in box coordinates (mouse pans)
        self._facecolor_set = False
        self.set_proj_type(proj_type, focal_length)
        super().__init__(figure, spec, parent=parent, role=role)
        views = figure.canvas.views
        views.remove(self.view)
        # first: where its margins overlap other axes, those get the mouse
        views.insert(0, self.view)
        self.view.controller = "mplot3d"
        self.xaxis, self.yaxis, self.zaxis = (Axis3D(self, n) for n in "xyz")
        for axis, other in ((self.xaxis, sharex), (self.yaxis, sharey), (self.zaxis, sharez)):
            if other is not None:
                self._share(axis, getattr(other, f"{axis.name}axis"))
        self.aspect = 1.0  # mplot3d's axes box is square
        zmargin = rcParams["axes.zmargin"] if self._focal_length == np.inf else 0.0
        self._margins = (float(rcParams["axes.xmargin"]), float(rcParams["axes.ymargin"]),
                         float(zmargin))
        self._view_margin = VIEW_MARGIN
        self._pad_scales: dict = {}  # Axes3DLimits: axis index -> (scale, artist ids)
        self.box3d = Box3D(self.view)
        self._deco_margins = (0.0, 0.0, 0.0, 0.0)
        self.initial_elev, self.initial_azim, self.initial_roll = elev, azim, roll
        self.view_init(elev, azim, roll)
        self._autoscale()  # mplot3d's limits without data (get_xlim before a draw)
        self.set_box_aspect(box_aspect)
        if shareview is not None:
            self.shareview(shareview)

    # -- the shared view and the box --------------------------------------------------------
    def shareview(self, other: Axes3D) -> None:
        """Share the view angles with ``other`` (rotating one rotates both)."""
        if not isinstance(other, Axes3D):
            raise TypeError(f"other: got {type(other).__name__}, expected 3D axes")
        group = other._view_group()
        if self not in group:
            group.append(self)
        for ax in group:
            ax.join_view(group)
        self.view_init(other.elev, other.azim, other.roll, "xyz"[other._vertical])

    def set_box_aspect(self, aspect, *, zoom: float = 1) -> None:
        """The box's proportions x:y:z (None: 4:4:3) and ``zoom``, its size in the axes."""
        zoom = float(zoom)
        if not (zoom > 0 and math.isfinite(zoom)):
            raise ValueError(f"zoom: got {zoom!r}, expected a number > 0")
        a = np.array((4.0, 4.0, 3.0)) if aspect is None else np.asarray(aspect, float)
        if a.shape != (3,) or not np.isfinite(a).all() or (a <= 0).any():
            raise ValueError(f"aspect: got {aspect!r}, expected 3 positive numbers or None")
        a = a * BOX_NORM * zoom / np.linalg.norm(a)
        # stored as mplot3d does: rolled back from the current vertical axis
        self._box_aspect = np.roll(a, -(self._vertical - 2))
        self._dirty = True

    def get_box_aspect(self) -> np.ndarray:
        """The box's aspect ratios (x, y, z)."""
        return self._box_aspect.copy()

    def set_aspect(self, aspect, adjustable=None, anchor=None, share=None) -> None:
        """'auto', or 'equal', 'equalxy', 'equalxz', 'equalyz': those axes get equal
        units on screen by changing the box's proportions (mplot3d's adjustable='box';
        'datalim' changes the limits instead). ``anchor`` and ``share`` have no effect
        on 3D axes: a DeprecationWarning says so when given, as mplot3d 3.11's."""
        for name, value in (("anchor", anchor), ("share", share)):
            if value is not None:
                warnings.warn(f"The {name!r} parameter of set_aspect() has no effect on 3D "
                              "axes (deprecated in Matplotlib 3.11, removed in 3.13)",
                              DeprecationWarning, stacklevel=2)
        pairs = {"equal": [0, 1, 2], "equalxy": [0, 1], "equalxz": [0, 2], "equalyz": [1, 2]}
        if aspect != "auto" and aspect not in pairs:
            raise ValueError(f"aspect: got {aspect!r}, expected 'auto', 'equal', 'equalxy', "
                             "'equalxz' or 'equalyz'")
        if adjustable not in (None, "box", "datalim"):
            raise ValueError(f"adjustable: got {adjustable!r}, expected 'box' or 'datalim'")
        self.aspect3d = aspect
        if aspect == "auto":
            if adjustable != "datalim":
                self.set_box_aspect(None)
            return
        idx = pairs[aspect]
        self.update_limits()
        spans = np.array([np.ptp(self._axis(i).get_view_interval()) for i in range(3)])
        if adjustable == "datalim":
            scale = max(spans[idx] / self._box_aspect[idx])
            for i in idx:
                mid = np.mean(self._axis(i).get_view_interval())
                half = scale * self._box_aspect[i] / 2
                self._axis(i).set_limits(mid - half, mid + half)
            return
        box = self._box_aspect.copy()
        box[idx] = spans[idx]
        rest = sorted({0, 1, 2} - set(idx))
        if rest:
            old = np.linalg.norm(self._box_aspect[idx])
            box[rest[0]] *= np.linalg.norm(box[idx]) / old
        self._box_aspect = box * BOX_NORM / np.linalg.norm(box) * (
            np.linalg.norm(self._box_aspect) / BOX_NORM)
        self._dirty = True

    def get_aspect(self):
        return getattr(self, "aspect3d", "auto")

    def _axis(self, i: int) -> Axis3D:
        return (self.xaxis, self.yaxis, self.zaxis)[i]

    def _world_aspect(self) -> np.ndarray:
        """The box's extent along each data axis (mplot3d's rolled box aspect)."""
        return np.roll(self._box_aspect, self._vertical - 2)

    def _world(self) -> np.ndarray:
        """4x4: scale space (data where the scales are linear) → mplot3d's world box
        [0, aspect] (an inverted axis runs backwards)."""
        m = np.eye(4)
        a = self._world_aspect()
        for i in range(3):
            lo, hi = self.scaled_lim(i)
            m[i, i] = a[i] / (hi - lo)
            m[i, 3] = -lo * a[i] / (hi - lo)
        return m

    def _lim(self, i: int) -> tuple[float, float]:
        axis = self._axis(i)
        lo, hi = axis.get_view_interval()
        return (hi, lo) if axis.inverted else (lo, hi)

    def scaled_lim(self, i: int) -> tuple[float, float]:
        """The limits of data axis ``i`` (in drawing order) in its scale's space."""
        lo, hi = self._lim(i)
        scale = self._axis(i).scale
        if scale.name == "linear":
            return lo, hi
        with np.errstate(all="ignore"):
            t = scale.forward(np.array([lo, hi], float))
        return float(t[0]), float(t[1])

    def scaled(self, points) -> np.ndarray:
        """(N, 3) data points in the axes' scale space, where the visuals hold them
        (mplot3d 3.11's "transformed coordinates"): log, symlog ... applied per axis;
        the points as given where every scale is linear."""
        pts = np.asarray(points, float)
        moved = None
        for i in range(3):
            scale = self._axis(i).scale
            if scale.name != "linear" and len(pts):
                moved = np.array(pts, dtype=float) if moved is None else moved
                with np.errstate(all="ignore"):
                    moved[..., i] = scale.forward(moved[..., i])
        return pts if moved is None else moved

    def _box_matrix(self) -> np.ndarray:
        """4x4: mplot3d's world → box coordinates (centred, the vertical axis on z)."""
        perm = np.zeros((4, 4))
        perm[3, 3] = 1.0
        for data_axis, box_axis in enumerate(_BOX_OF[self._vertical]):
            perm[box_axis, data_axis] = 1.0
        center = np.eye(4)
        center[:3, 3] = -self._world_aspect() / 2
        return perm @ center

    def model_matrix(self) -> np.ndarray:
        """4x4: scale space → box coordinates, the node transform of every 3D artist's
        visuals (which hold their points in scale space: :meth:`scaled`)."""
        return self._box_matrix() @ self._world()

    def box_half(self) -> np.ndarray:
        """Half extents of the box along box x, y, z."""
        half = np.zeros(3)
        for data_axis, box_axis in enumerate(_BOX_OF[self._vertical]):
            half[box_axis] = self._world_aspect()[data_axis] / 2
        return half

    def data_axis_of(self, box_axis: int) -> int:
        """The data axis (0 x, 1 y, 2 z) drawn along box axis ``box_axis``
        (``vertical_axis`` moves them)."""
        return _BOX_OF[self._vertical].index(box_axis)

    # -- the viewport and layout ------------------------------------------------------------
    def _reach_px(self, spec: BoxSpec) -> float:
        """How far beyond the box labels can get as the view rotates (pixels)."""
        h = np.linalg.norm(spec.half)
        delta = 0.08 * 2 * np.max(spec.half)
        move = max((a.labelpad + 21.0) for a in spec.axes) * spec.points * delta
        reach = h + move
        f = 1.0 if self._focal_length == np.inf else self._focal_length
        d = PROJ_DIST * f
        radius = reach / PROJ_DIST if self._focal_length == np.inf else \
            f * reach / math.sqrt(max(d * d - reach * reach, 1e-9))
        unit = self.box[2] / VIEW_SPAN
        sizes = [self.figure.points_to_pixels(max(a.tick_size, a.label_size))
                 for a in spec.axes]
        text = max(sizes) * max([len(a.label) for a in spec.axes] + [4]) * 0.6
        return max(radius * unit / self._zoom - self.box[2] / 2, 0.0) + text

    def _viewport(self, spec: BoxSpec | None) -> tuple[int, int, int, int]:
        """The view's rectangle (figure pixels from the bottom left, whole pixels): the
        box with room for its labels as the view turns and for its texts
        (``Text3D.pixel_reach``), inside the figure."""
        bx, by, bw, bh = self.box
        reach = self._reach_px(spec) if spec is not None else 0.0
        left, right, bottom, top = (max(m, reach) + 2 for m in self._deco_margins)
        x0, y0, x1, y1 = bx - left, by - bottom, bx + bw + right, by + bh + top
        if any(getattr(a, "clips_to_axes", False) and not self._clips(a)
               for a in self.artists if a.get_visible()):
            # a clip_on=False artist draws anywhere in the figure (matplotlib's)
            x0, y0, x1, y1 = 0.0, 0.0, *self.figure.canvas.size
        for a in self.artists:  # and its texts, which matplotlib does not clip
            box = a.pixel_reach() if isinstance(a, Text3D) else None
            if box is not None:
                x0, y0 = min(x0, box[0]), min(y0, box[1])
                x1, y1 = max(x1, box[2]), max(y1, box[3])
        w, h = self.figure.canvas.size
        x0, y0 = max(math.floor(x0), 0), max(math.floor(y0), 0)
        x1, y1 = min(math.ceil(x1), w), min(math.ceil(y1), h)
        return x0, y0, max(x1 - x0, 1), max(y1 - y0, 1)

    def own_margins(self) -> tuple[float, float, float, float]:
        """Room beyond the box for the labels the camera shows now, and the title."""
        margins = self._label_margins()
        self._deco_margins = margins
        left, right, bottom, top = margins
        return left, right, bottom, max(top, title_room(self))

    def _label_margins(self) -> tuple[float, float, float, float]:
        spec = self._box_spec()
        if spec is None:
            return 0.0, 0.0, 0.0, 0.0
        # at the view the script set: the mouse turning the view does not move the
        # layout (the browser turns it without Python, and nothing should jump)
        key = (tuple(self.box), self._home_view, self._vertical, self._focal_length,
               repr(spec))
        if getattr(self, "_margins_for", (None,))[0] == key:
            return self._margins_for[1]
        g = geometry(spec)
        high = far_faces(self.depth_direction(home=True))
        bx, by, bw, bh = self.box
        x0, y0, x1, y1 = bx, by, bx + bw, by + bh
        for kind in ("tick_labels", "axis_labels"):
            rows = g[kind]
            if not rows:
                continue
            pos = np.array([r[1] for r in rows])
            codes = np.floor(pos / CODE + 0.5)
            keep = visible(codes, high)
            rows = [r for r, k in zip(rows, keep, strict=True) if k]
            if not rows:
                continue
            anchors = (pos - CODE * codes)[keep]
            px = self.project(anchors, coords="box", home=True)[:, :2]
            if kind == "axis_labels":  # the screen angle of each label's edge
                ends = np.concatenate([[a + r[4], a + r[4] + r[3]] for a, r in
                                       zip(anchors, rows, strict=True)])
                e = self.project(ends, coords="box", home=True)[:, :2]
                angles = np.arctan2(e[1::2, 1] - e[::2, 1], e[1::2, 0] - e[::2, 0])
            for k, (r, (x, y)) in enumerate(zip(rows, px, strict=True)):
                a = spec.axes[r[0]]
                size = a.tick_size if kind == "tick_labels" else a.label_size
                w, h, _ = textmod.measure(r[2], size)
                if kind == "axis_labels" and np.any(r[3]):
                    c, s = abs(math.cos(angles[k])), abs(math.sin(angles[k]))
                    w, h = w * c + h * s, w * s + h * c
                top_y = y if kind == "tick_labels" else y + h / 2
                x0, x1 = min(x0, x - w / 2), max(x1, x + w / 2)
                y0, y1 = min(y0, top_y - h), max(y1, top_y)
        # whole pixels: the layout (margins → box → label places → margins) then settles
        # on one box instead of creeping by fractions of a pixel from frame to frame
        margins = tuple(float(math.ceil(max(m, 0.0))) for m in
                        (bx - x0, x1 - (bx + bw), by - y0, y1 - (by + bh)))
        self._margins_for = (key, margins)
        return margins

    def decorations_above(self, span: tuple[float, float] | None = None) -> float:
        return 0.0

    def draw_bare(self, ov) -> None:
        """With the axis off: nothing of the frame (3D texts: as ``draw_frame``)."""
        self.draw_frame(ov)

    def draw_frame(self, ov) -> None:
        """Nothing in the figure overlay: the box is drawn in the 3D view. Texts at 3D
        points stay in the overlay, as exported: a page names them once it turns."""
        from . import page_axes

        if any(isinstance(a, Text3D) and a.get_visible() for a in self.artists):
            page_axes.name_frozen(self, ov, "texts at 3D points")

    def _background(self):
        return self.facecolor if self._facecolor_set and self.axison else None

    def set_facecolor(self, color) -> None:
        colors.to_rgba(color, argname="color")
        self.facecolor = color
        self._facecolor_set = True

    # -- the z axis, ticks, grid ----------------------------------------------------------
    def get_zaxis(self) -> Axis3D:
        """The z axis."""
        return self.zaxis

    def set_zlabel(self, zlabel, fontdict=None, labelpad=None, **kwargs) -> None:
        """The z axis label (``fontsize``, ``color``, ``labelpad`` in points)."""
        kwargs = {**(fontdict or {}), **kwargs}
        self.zaxis.set_label(zlabel, kwargs.pop("fontsize", None), labelpad,
                             kwargs.pop("color", None), **kwargs)

    def get_zlabel(self) -> str:
        """The z axis label."""
        return self.zaxis.label

    def set_zticks(self, ticks, labels=None, *, minor: bool = False, **kwargs) -> None:
        """Ticks at ``ticks`` (with ``labels``) on the z axis."""
        self.zaxis.set_ticks(ticks, labels, minor=minor, **kwargs)

    def get_zticks(self, *, minor: bool = False) -> np.ndarray:
        """The z tick positions (the locator's, those beyond the view included, as
        matplotlib's)."""
        return self.zaxis.get_ticklocs(minor=minor)

    def set_zticklabels(self, labels, *, fontdict=None, minor: bool = False, **kwargs) -> None:
        """Labels for the current z ticks."""
        self.zaxis.set_ticklabels(labels, minor=minor, fontdict=fontdict, **kwargs)

    def get_zticklabels(self) -> list:
        """The z tick labels."""
        return self.zaxis.get_ticklabels()

    def tick_params(self, axis: str = "both", **kwargs) -> None:
        """matplotlib's ``tick_params`` on 'x', 'y', 'z' or 'both' (all three)."""
        if axis not in ("x", "y", "z", "both"):
            raise ValueError(f"axis: got {axis!r}, expected 'x', 'y', 'z' or 'both'")
        if axis in ("z", "both"):
            keep_y = self.yaxis
            self.yaxis = self.zaxis  # the base method styles "y"; z takes the same keywords
            try:
                super().tick_params("y", **kwargs)
            finally:
                self.yaxis = keep_y
        if axis in ("x", "y", "both"):
            super().tick_params(axis, **kwargs)

    def grid(self, visible: bool = True, **kwargs) -> None:
        """The grid lines on the panes (mplot3d: all axes at once)."""
        style = {k: v for k, v in kwargs.items() if k in ("color", "linewidth", "linestyle",
                                                         "alpha", "lw", "ls", "c")}
        if len(style) != len(kwargs):
            raise TypeError(f"grid: unexpected keyword arguments "
                            f"{sorted(set(kwargs) - set(style))}")
        super().grid(visible, axis="x", **style)
        super().grid(visible, axis="y", **style)
        self.zaxis.grid_major = bool(visible)
        self.zaxis.grid_style.update(self.xaxis.grid_style)

    def set_axis_off(self) -> None:
        self.axison = False
        self._dirty = True

    def set_axis_on(self) -> None:
        self.axison = True
        self._dirty = True

    def cla(self) -> None:
        super().cla()
        self.zaxis.clear()
        # mplot3d: no z margin in perspective (scatter raises it to 5 %)
        zmargin = rcParams["axes.zmargin"] if self._focal_length == np.inf else 0.0
        self._margins = (*self._margins[:2], float(zmargin))
        self._pad_scales = {}
        self.view_init(self.initial_elev, self.initial_azim, self.initial_roll)
        for axis in self._axes3():
            axis.limits.lo = axis.limits.hi = None
            axis.limits.auto = True
        self._autoscale()

    clear = cla

    # -- drawing ---------------------------------------------------------------------------
    def _box_spec(self) -> BoxSpec | None:
        """What the box shows now (None with the axis off)."""
        if not self.axison:
            return None
        fig = self.figure
        half = self.box_half()
        model = self.model_matrix()
        bw, bh = self.box[2], self.box[3]
        points = 48.0 / (72.0 * (bw + bh) / fig.dpi)
        specs: list[AxisSpec | None] = [None, None, None]
        for box_axis in range(3):
            d = self.data_axis_of(box_axis)
            axis = self._axis(d)
            values, labels, minor, offset = axis.ticks()
            # mplot3d draws the minor ticks (a log axis': 2..9 per decade) as the major
            # ones, with their grid lines, unlabelled
            values, labels = np.r_[values, minor], [*labels, *[""] * len(minor)]
            lo, hi = sorted(self.scaled_lim(d))
            if axis.scale.name != "linear":
                with np.errstate(all="ignore"):
                    values = axis.scale.forward(values)
            keep = (values >= lo - 1e-9 * (hi - lo)) & (values <= hi + 1e-9 * (hi - lo))
            values = values[keep]
            labels = [s for s, k in zip(labels, keep, strict=True) if k]
            along = values * model[box_axis, d] + model[box_axis, 3]
            px = fig.points_to_pixels
            specs[box_axis] = AxisSpec(
                ticks=along, labels=labels if axis.show_labels else [""] * len(labels),
                label=axis.label_text, offset=offset if axis.show_labels else "",
                tick_size=px(axis.tick_size), label_size=px(axis.label_size),
                tick_color=colors.to_rgba(axis.tick_color),
                tick_label_color=colors.to_rgba(axis.tick_label_color),
                label_color=colors.to_rgba(axis.label_color),
                tick_width=px(axis.tick_width) if axis.ticks_visible else 0.0,
                tick_pad=axis.tick_pad, labelpad=axis.labelpad,
                rotate_label=axis.rotate_label, pane_color=axis.pane_color,
                pane_visible=axis.pane_visible, grid=axis.grid_major, visible=axis.visible)
        style = self.xaxis.grid_style
        gw = fig.points_to_pixels(style.get("linewidth", rcParams["grid.linewidth"]))
        return BoxSpec(
            half=half, axes=specs, points=points,
            line_width=fig.points_to_pixels(rcParams["axes.linewidth"]),
            line_color=colors.to_rgba(rcParams["axes.edgecolor"]),
            grid_width=gw,
            grid_color=colors.to_rgba(style.get("color", rcParams["grid.color"]),
                                      style.get("alpha", rcParams["grid.alpha"])),
            grid_dashes=dash_pattern(style.get("linestyle", rcParams["grid.linestyle"]), gw))

    def _dpi_changed(self) -> None:
        super()._dpi_changed()
        for a in self.artists:  # their visuals' widths and sizes are in pixels
            a._stale3d = True

    def artist_rows_changed(self, artist) -> None:
        """A change of rows is a change: 3D artists bring their visuals up to date whole
        (``sync3d``)."""
        self._artist_changed(artist)

    def sync(self) -> None:
        """Before drawing: camera, the box, and the artists' visuals in box coordinates."""
        spec = self._box_spec()
        self.sync_camera(spec)
        self.sync_navigation()
        self.view.bgcolor = self._background()
        if self._dirty:
            for a in self.artists:
                sync3d = getattr(a, "sync3d", None)  # annotations: 2D, drawn in pixels
                if sync3d is not None:
                    sync3d()
            self._dirty = self._changed_since_fit()
            self._settle_ties()  # (the artists' boxes and visibility moved only here)
        self.box3d.update(spec)
        self._sync_gpu_transforms()

    def _settle_ties(self) -> None:
        """Later lines win depth ties (``RankedLine``): an artist's lines are drawn
        nearer than those of each earlier artist whose data box theirs meets (only lines
        that meet can tie), so the ranks, hence the depth offsets, stay as small as the
        stacks of overlapping artists, however many artists there are (200 lines side by
        side all rank 0). Faces yield to lines lying on them (``FacesBehind``) when
        there are lines."""
        lines_on = False
        boxes, ranks = np.zeros((0, 2, 3)), np.zeros(0, int)
        for a in self.artists:
            lines = [v for v in a.visuals() if isinstance(v, RankedLine)]
            if not lines:
                continue
            box = _box_of(a)
            meets = ((boxes[:, 0] <= box[1]) & (box[0] <= boxes[:, 1])).all(axis=1)
            rank = int(ranks[meets].max()) + 1 if meets.any() else 0
            boxes, ranks = np.concatenate([boxes, box[None]]), np.append(ranks, rank)
            for v in lines:
                v.rank = rank
                lines_on = lines_on or v.visible
        for a in self.artists:
            for v in a.visuals():
                if isinstance(v, FacesBehind):
                    v.lines_on = lines_on

    def _sync_gpu_transforms(self) -> None:
        """The artists' visuals in box coordinates, the data ones clipped to the axes'
        rectangle (``Art3D.clips_to_axes``) while the view around it holds the labels."""
        model = self.model_matrix()
        bx, by, bw, bh = self.box
        rect = (bx, self.figure.canvas.size[1] - by - bh, bw, bh)  # from the top left
        canvas = self.figure.figure.canvas
        for a in self.artists:
            clip = rect if self._clips(a) else None
            held = not canvas.shows(a)  # an animated artist, not blitted or saved
            for v in a.visuals():
                v.withheld = held
                t = v.transform
                if not (isinstance(t, np.ndarray) and np.array_equal(t, model)):
                    v.transform = model
                v.clip_rect = clip

    @staticmethod
    def _clips(artist) -> bool:
        """Whether ``artist``'s visuals are clipped to the axes' rectangle: the data
        artists (``Art3D.clips_to_axes``) unless ``clip_on=False``."""
        return getattr(artist, "clips_to_axes", False) and artist.get_clip_on()

    def clip_changed(self, artist) -> None:
        """``artist.set_clip_on`` was called: its clip rectangle and the view's size
        follow at the next draw (a 3D axes' visuals stay in its view)."""
        self._dirty = True

    def _update_grid(self) -> None:
        """The grids are part of the box (:mod:`lumos.plot.axes3d_box`)."""


def _box_of(artist) -> np.ndarray:
    """The (2, 3) data box (low, high corners) of a 3D artist's points; unbounded when
    it has none or they are not finite (it then meets every other)."""
    limits = artist.data_limits3d()
    box = np.array([[-np.inf] * 3, [np.inf] * 3])
    if limits is not None:
        lim = np.asarray(limits, dtype=float).reshape(3, 2).T
        ok = np.isfinite(lim).all(axis=0)
        box[:, ok] = np.sort(lim[:, ok], axis=0)
    return box
