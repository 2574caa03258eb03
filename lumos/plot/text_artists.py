"""The text artists: :class:`Text` (what ``ax.text`` and ``fig.text`` return, with
matplotlib's Text properties and setters), :class:`Annotation` (``annotate``: a text
with an optional arrow to a point); ``get_window_extent`` gives a
:class:`~lumos.plot.bbox.Bbox` in figure pixels.
"""

from __future__ import annotations

import copy

import numpy as np

from . import validate
from .arrowstyles import connect, cut_at_patches, draw_arrow, parse_connectionstyle, shrink_path
from .artists import Artist
from .bbox import Bbox
from .style import rcParams


class Text(Artist):
    """A text label at a data position, or a position in the coordinates of any
    transform to figure pixels (``transform=ax.transAxes``: axes fraction), with
    matplotlib's Text properties (:class:`lumos.plot.textstyle.TextStyle`: font family,
    style, weight, size, color, alpha, alignment, rotation and rotation_mode, wrap,
    bbox, path_effects, ...)."""

    zorder = 3.0
    rasterizable = False

    def __init__(self, axes, x, y, text, transform=None, label=None, zorder=None,
                 figure=None, **props) -> None:
        from .textstyle import TextStyle

        super().__init__(axes, label, zorder)
        self.figure = axes.figure if axes is not None else figure  # figure texts: no axes
        self.style = TextStyle()
        self._x, self._y = float(x), float(y)
        self._text = "" if text is None else str(text)
        self._transform = None
        self._reach_memo: tuple | None = None  # layout_reach's last (key, reach)
        self.set_transform(transform)
        visible = props.pop("visible", True)
        self._in_layout = bool(props.pop("in_layout", True))
        # matplotlib's: the rotation is an angle in the text's coordinates (data), drawn
        # at the angle it has on screen
        self._rotates_with_transform = bool(props.pop("transform_rotates_text", False))
        self.style.update(props, "text")
        self._visible = bool(visible)

    def set(self, **kwargs) -> Text:
        from .textstyle import normalize

        validate.set_by_setters(self, normalize(kwargs), "Text.set")
        return self

    def update(self, props: dict) -> None:
        """Set the properties of a dict (matplotlib's ``Text.update``)."""
        self.set(**props)

    def get_text(self) -> str:
        """The string."""
        return self._text

    def set_text(self, text) -> None:
        """A new string."""
        self._text = "" if text is None else str(text)
        self._changed()

    def set_position(self, xy) -> None:
        """A new anchor (x, y) in the text's coordinates."""
        self._x, self._y = (float(v) for v in xy)
        self._changed()

    def get_position(self) -> tuple[float, float]:
        """The anchor (x, y) in the text's coordinates."""
        return self._x, self._y

    def set_x(self, x) -> None:
        """A new x of the anchor, in the text's coordinates."""
        self._x = float(x)
        self._changed()

    def set_y(self, y) -> None:
        """A new y of the anchor, in the text's coordinates."""
        self._y = float(y)
        self._changed()

    def get_fontsize(self) -> float:
        """The font size in points."""
        return self.style.fontsize

    get_size = get_fontsize

    def get_color(self):
        """The text color."""
        return self.style.color

    def get_rotation(self) -> float:
        """The rotation in degrees, counter-clockwise on screen (with
        ``transform_rotates_text``: the rotation set, turned as the transform turns that
        direction at the text's position, now)."""
        if not self._rotates_with_transform:
            return self.style.rotation
        a = np.radians(self.style.rotation)
        trans = self.get_transform()
        p = np.array([self._x, self._y])
        at = np.asarray(trans.forward(p[None]), dtype=float).reshape(2)
        # the transform's local derivative, from steps of about a pixel along x and y
        px = np.asarray(trans.inverse(np.array([at + 1.0])), dtype=float).reshape(2) - p
        hx, hy = abs(px[0]) or 1.0, abs(px[1]) or 1.0
        jx = (np.asarray(trans.forward(np.array([p + [hx, 0.0]])), float).reshape(2) - at) / hx
        jy = (np.asarray(trans.forward(np.array([p + [0.0, hy]])), float).reshape(2) - at) / hy
        d = jx * np.cos(a) + jy * np.sin(a)
        return float(np.degrees(np.arctan2(d[1], d[0])))

    def set_transform_rotates_text(self, t: bool) -> None:
        """Whether the rotation is an angle in the transform's coordinates (data, for a
        data text), so it turns on screen as the limits or the aspect change."""
        self._rotates_with_transform = bool(t)
        self._changed()

    def get_transform_rotates_text(self) -> bool:
        """Whether the rotation is an angle in the transform's coordinates."""
        return self._rotates_with_transform

    def drawn_style(self):
        """The style the text is drawn with: its own, at the rotation on screen."""
        if not self._rotates_with_transform:
            return self.style
        style = copy.copy(self.style)
        style.rotation = self.get_rotation()
        return style

    def get_horizontalalignment(self) -> str:
        """'left', 'center' or 'right' of the anchor."""
        return self.style.ha

    def get_verticalalignment(self) -> str:
        """'top', 'center', 'bottom' or 'baseline' at the anchor."""
        return self.style.va

    def get_fontweight(self):
        """The font weight (a number or a name)."""
        return self.style.weight or 400

    def get_fontfamily(self):
        """The font families, first preferred."""
        return list(self.style.family or ("sans-serif",))

    def get_fontstyle(self) -> str:
        """'normal', 'italic' or 'oblique'."""
        return self.style.fontstyle or "normal"

    def get_bbox_patch(self):
        """The box drawn behind the text (None without ``bbox``)."""
        return self.style.bbox

    def get_alpha(self):
        """The text's opacity (None: its color's)."""
        return self.style.alpha

    def set_transform(self, transform) -> None:
        """Any transform to figure pixels: lumos's (``ax.transAxes``, ``fig.transFigure``,
        ...) or matplotlib's."""
        from .transforms_compat import as_transform

        self._transform = None if transform is None else as_transform(transform,
                                                                     "transform")
        self._changed()

    def get_transform(self):
        """The transform of the position (``ax.transData`` unless given)."""
        return self.axes.transData if self._transform is None else self._transform

    def pixel_position(self) -> tuple[float, float]:
        """Where the anchor lands, in figure pixels from the bottom left."""
        x, y = self.get_transform().forward(np.array([self._x, self._y]))
        return float(x), float(y)

    def get_in_layout(self) -> bool:
        """Whether layouts make room for the text (matplotlib's name)."""
        return self._in_layout

    def set_in_layout(self, in_layout) -> None:
        """Make room for the text in layouts (True, the default) or not (matplotlib's
        way to leave a text out of the tight box)."""
        self._in_layout = bool(in_layout)
        self._changed()

    def counts_in_layout(self) -> bool:
        """Whether a layout makes room for the text (matplotlib's tight box counts an
        axes' texts): shown, in the layout, not empty, not clipped to the axes, and
        placed through the axes' data or fraction (so it moves with the box)."""
        ax = self.axes
        return (ax is not None and self._visible and self._in_layout and bool(self._text)
                and not self.get_clip_on() and _follows_box(self.get_transform(), ax))

    def layout_room(self, x: float, y: float) -> list:
        """Where the text, its anchor at figure pixel (x, y), needs room beyond its
        axes' box: (px, py, reach) for each part, (px, py) the figure pixel the part
        keeps its distance to as the box moves and resizes, ``reach`` how far it reaches
        from there (left, right, below, above; pixels); empty when nothing reaches
        past the box (:meth:`layout_reach`)."""
        reach = self.layout_reach(x, y)
        return [] if reach is None else [(x, y, reach)]

    def layout_reach(self, x: float, y: float) -> tuple | None:
        """Pixels (left, right, below, above) the text reaches from its anchor at figure
        pixel (x, y); None when the anchor is not finite or lies deeper inside the
        axes' box than any of its lines could reach (an em a character, a line and a
        half each): no room to make, and nothing measured."""
        bx, by, bw, bh = self.axes.box
        if not (np.isfinite([x, y]).all() and bw > 0 and bh > 0):
            return None
        lines = self._text.split("\n")
        bound = self.figure.points_to_pixels(self.style.fontsize) * (
            max(len(line) for line in lines) + 1.5 * len(lines) + 1)
        if bx + bound < x < bx + bw - bound and by + bound < y < by + bh - bound:
            return None
        # the reach does not depend on where the anchor is: measured once per look
        st = self.style
        key = (self._text, st.fontsize, st.face(), st.ha, st.va, self.get_rotation(),
               st.rotation_mode, self.figure.dpi)
        if self._reach_memo is None or self._reach_memo[0] != key:
            e = self._extent_at(0.0, 0.0)
            self._reach_memo = (key, (-e.x0, e.x1, -e.y0, e.y1))
        return self._reach_memo[1]

    def get_window_extent(self, renderer=None):
        """The text's box in figure pixels (x0, y0, x1, y1 as a Bbox-like object); a
        rotated text's is the box around the turned text, as matplotlib's."""
        return self._extent_at(*self.pixel_position())

    def _extent_at(self, x: float, y: float) -> Bbox:
        from . import text as textmod
        from .textstyle import extent

        fig = self.figure
        w, h, d = extent(fig, self._text, self.style)
        size = fig.points_to_pixels(self.style.fontsize)
        rotation = self.get_rotation()
        tx, ty, ha, _ = textmod.place(self._text, x, y, size, self.style.ha, self.style.va,
                                      rotation, self.style.rotation_mode,
                                      face=self.style.face())
        # the unrotated box about the anchor place() gives, turned about that anchor
        x0, x1, y0, y1 = textmod.turned_extent((w, h, d), ha, rotation)
        return Bbox.from_extents(tx + x0, ty + y0, tx + x1, ty + y1)

    def get_clip_on(self) -> bool:
        """Whether the text hides when its anchor leaves the axes (``clip_on``)."""
        return self.style.clip_on

    def set_clip_on(self, clip_on) -> None:
        """Hide the text when its anchor leaves the axes (True) or not (False)."""
        self.style.set_clip_on(clip_on)
        self._changed()
    def page_anchor(self) -> dict | None:
        """What a page moving the axes' view needs to move the text with it: ``xy`` the
        data point it is anchored at (None: fixed), ``clip`` the data point that hides
        it when out of the axes (None: never hidden), ``arrow`` the data point an arrow
        ends at (None: no arrow); None when it is not anchored to data at all."""
        if self.axes is None or self.get_transform() is not self.axes.transData:
            return None
        xy = (self._x, self._y)
        return {"xy": xy, "clip": xy if self.style.clip_on else None, "arrow": None}

    def _clipped(self, at: tuple[float, float] | None = None) -> bool:
        """``clip_on``: hidden when its anchor (at figure pixels ``at``, else through its
        transform) leaves the axes (drawn whole otherwise)."""
        if not self.style.clip_on or self.axes is None:
            return False
        x, y = self.pixel_position() if at is None else at
        bx, by, bw, bh = self.axes.box
        return not (bx <= x <= bx + bw and by <= y <= by + bh)

    def draw_overlay(self, ov, position: tuple[float, float] | None = None) -> None:
        """The text (its box and effects) in figure pixels; ``position``: its anchor's
        pixels when the caller has them (:func:`draw_texts`), else through its
        transform."""
        from .textstyle import draw_text

        if not self._text:
            return
        x, y = self.pixel_position() if position is None else position
        if not self._clipped((x, y)):
            draw_text(ov, self.figure, self._text, x, y, self.drawn_style())


def anchor_pixels(texts) -> np.ndarray:
    """(n, 2) figure pixels of the texts' anchors, through one call of each distinct
    transform (a call builds the transform's chain: a heatmap's 400 labels one by one
    cost a layout 200 ms)."""
    out = np.empty((len(texts), 2))
    groups: dict = {}
    for i, t in enumerate(texts):
        if type(t).pixel_position is Text.pixel_position:  # the anchor through its transform
            groups.setdefault(id(t.get_transform()), (t.get_transform(), []))[1].append(i)
        else:
            out[i] = t.pixel_position()
    for transform, rows in groups.values():
        points = np.array([(texts[i]._x, texts[i]._y) for i in rows], dtype=float)
        out[rows] = np.asarray(transform.forward(points), dtype=float).reshape(-1, 2)
    return out


def draw_texts(ov, texts) -> None:
    """Draw the texts into the overlay, their anchors through one call of each distinct
    transform (:func:`anchor_pixels`; 400 cell labels one by one cost a draw 250 ms)."""
    for t, (x, y) in zip(texts, anchor_pixels(texts).tolist(), strict=True):
        t.draw_overlay(ov, (x, y))


def _follows_box(t, ax) -> bool:
    """Whether points through ``t`` move with the axes' box: it is, or is made of, the
    axes' data or fraction transform (``ax.transData + offset``, a blended one)."""
    if t is ax.transData or t is ax.transAxes:
        return True
    if getattr(t, "blended", None):
        return all(_follows_box(s, ax) for s in t.blended)
    return any(_follows_box(p, ax) for p in getattr(t, "parts", None) or ())


def _style_setter(name: str):
    def setter(self, value) -> None:
        getattr(self.style, name)(value)
        self._changed()

    setter.__name__ = name
    setter.__doc__ = f"matplotlib's ``Text.{name}``."
    return setter


def _install_style_setters() -> None:
    from .textstyle import ALIASES, TextStyle

    for name in dir(TextStyle):
        if name.startswith("set_") and not hasattr(Text, name):
            setattr(Text, name, _style_setter(name))
    for alias, key in ALIASES.items():
        if not hasattr(Text, f"set_{alias}") and hasattr(Text, f"set_{key}"):
            setattr(Text, f"set_{alias}", getattr(Text, f"set_{key}"))


# -- annotations ------------------------------------------------------------------------
# what annotate's arrowprops take (matplotlib's FancyArrowPatch takes every patch
# property too: those lumos does not draw are a TypeError)
_COMMON_KEYS = frozenset({"patchA", "patchB", "relpos", "color", "edgecolor", "ec",
                          "facecolor", "fc", "linewidth", "lw"})
_STYLED_KEYS = _COMMON_KEYS | {"arrowstyle", "connectionstyle", "shrinkA", "shrinkB",
                               "mutation_scale"}
_PLAIN_KEYS = _COMMON_KEYS | {"width", "headwidth", "headlength", "shrink"}

_COORDS = ("data", "polar", "axes fraction", "axes pixels", "axes points",
           "figure fraction", "figure pixels", "figure points", "offset points",
           "offset pixels", "offset fontsize")


def _is_box_owner(coords) -> bool:
    """Whether annotation coordinates are fractions of a box: an artist's window
    extent (a lumos artist with ``get_window_extent``) or a Bbox, not a transform."""
    if isinstance(coords, str) or hasattr(coords, "forward") or \
            hasattr(coords, "transform"):
        return False
    return hasattr(coords, "get_window_extent") or (hasattr(coords, "get_points")
                                                    and hasattr(coords, "bounds"))


def _is_coords_callable(coords) -> bool:
    """Whether annotation coordinates are matplotlib's callable ones (``OffsetFrom``:
    called with the renderer, it gives a transform or a box)."""
    return callable(coords) and not _is_box_owner(coords) and \
        not hasattr(coords, "forward") and not hasattr(coords, "transform")


class Annotation(Text):
    """Text with an optional arrow to a point (``annotate``). Drawn in figure pixels every
    frame, so text and arrow follow the data when zooming."""

    def __init__(self, axes, text, xy, xytext=None, xycoords="data", textcoords=None,
                 arrowprops=None, annotation_clip=None, zorder=None, label=None,
                 **props) -> None:
        from .transforms_compat import as_transform

        pairs = [(name, one) for name, c in (("xycoords", xycoords),
                                              ("textcoords", textcoords))
                 for one in (c if isinstance(c, tuple) and len(c) == 2 else (c,))]
        for name, c in pairs:  # a (x coords, y coords) pair: each as one
            if c is not None and not isinstance(c, str) and not _is_box_owner(c) and \
                    not _is_coords_callable(c):
                as_transform(c, name)  # a transform to figure pixels (lumos's, matplotlib's)
            elif isinstance(c, str) and c not in _COORDS:
                raise ValueError(f"{name}: got {c!r}, expected one of "
                                 f"{', '.join(repr(k) for k in _COORDS)} or a transform")
        if isinstance(xycoords, str) and xycoords.startswith("offset"):
            raise ValueError(f"xycoords: got {xycoords!r}, offsets apply to textcoords only")
        self.xy = self._convert(axes, xy, xycoords, "xy")
        self.xycoords = xycoords
        if xytext is None:
            xytext, textcoords = self.xy, xycoords
        textcoords = xycoords if textcoords is None else textcoords
        xt = self._convert(axes, xytext, textcoords, "xytext")
        super().__init__(axes, xt[0], xt[1], text, label=label, zorder=zorder, **props)
        self.textcoords = textcoords
        self.arrowprops = None if arrowprops is None else dict(arrowprops)
        if self.arrowprops is not None:
            allowed = _STYLED_KEYS if "arrowstyle" in self.arrowprops else _PLAIN_KEYS
            unknown = sorted(set(self.arrowprops) - allowed)
            if unknown:
                raise TypeError(f"arrowprops: lumos does not support {', '.join(unknown)}; "
                                f"it takes {', '.join(sorted(allowed))}")
            for key in ("patchA", "patchB"):
                patch = self.arrowprops.get(key)
                if patch is not None and not isinstance(patch, dict) and \
                        not _is_line(patch) and not _is_patch(patch):
                    raise TypeError(f"arrowprops: {key} got {type(patch).__name__}, expected a "
                                    "patch (lumos's or matplotlib's), a line or a text's "
                                    "get_bbox_patch()")
        self.annotation_clip = annotation_clip

    @staticmethod
    def _convert(axes, xy, coords: str, argument: str) -> tuple[float, float]:
        if isinstance(xy, str) or np.size(xy) != 2:
            raise ValueError(f"{argument}: got {xy!r}, expected a pair (x, y)")
        x, y = (np.asarray(v) for v in xy)
        for v in (x, y):
            if v.dtype.kind in "US":
                raise TypeError(f"{argument}: got a string, expected numbers")
        if coords == "data":
            return (float(axes.xaxis.convert(x.reshape(1))[0]),
                    float(axes.yaxis.convert(y.reshape(1))[0]))
        return float(x), float(y)

    def _to_pixels(self, xy, coords) -> np.ndarray:
        ax = self.axes
        fig = ax.figure
        x, y = xy
        if isinstance(coords, tuple):  # x in the first coords, y in the second
            return np.array([self._to_pixels(xy, coords[0])[0],
                             self._to_pixels(xy, coords[1])[1]])
        if _is_coords_callable(coords):  # matplotlib's: renderer -> transform or box;
            # the figure answers what matplotlib's OffsetFrom asks (points_to_pixels)
            return self._to_pixels(xy, coords(fig))
        if _is_box_owner(coords):  # fractions of an artist's box or of a box
            b = coords.get_window_extent() if hasattr(coords, "get_window_extent") \
                else coords
            return np.array([b.x0 + x * b.width, b.y0 + y * b.height])
        if not isinstance(coords, str):
            from .transforms_compat import as_transform

            return as_transform(coords).forward(np.array([x, y], dtype=float))
        if coords == "data":
            return ax.transData.forward(np.array([x, y], dtype=float))
        if coords == "polar":  # (theta, r) on the axes' data (matplotlib's 'polar')
            return ax.transData.forward(np.array([y * np.cos(x), y * np.sin(x)]))
        if coords == "axes fraction":
            return ax.transAxes.forward(np.array([x, y], dtype=float))
        corner = ax.transAxes.forward(np.zeros(2))
        if coords == "axes pixels":
            return corner + np.array([x, y], dtype=float)
        if coords == "axes points":
            return corner + fig.points_to_pixels(np.array([x, y], dtype=float))
        if coords == "figure fraction":
            return fig.transFigure.forward(np.array([x, y], dtype=float))
        if coords == "figure pixels":
            return np.array([x, y], dtype=float)
        if coords == "figure points":
            return np.array([fig.points_to_pixels(x), fig.points_to_pixels(y)])
        anchor = self._to_pixels(self.xy, self.xycoords)
        if coords == "offset points":
            return anchor + np.array([fig.points_to_pixels(x), fig.points_to_pixels(y)])
        if coords == "offset fontsize":  # in multiples of the text's font size
            size = self.get_fontsize()
            return anchor + np.array([fig.points_to_pixels(x * size),
                                      fig.points_to_pixels(y * size)])
        return anchor + np.array([x, y], dtype=float)  # offset pixels

    def draggable(self, state: bool | None = None, use_blit: bool = False):
        """matplotlib's mouse dragging of the annotation: lumos's annotations stay
        where they are put (a warning says so once); returns None."""
        from .compat import warn_once

        if state is None or state:
            warn_once("annotation drag", "annotation: draggable has no effect in lumos")

    def pixel_position(self) -> tuple[float, float]:
        p = self._to_pixels((self._x, self._y), self.textcoords)
        return float(p[0]), float(p[1])

    def set_position(self, xy) -> None:
        self._x, self._y = self._convert(self.axes, xy, self.textcoords, "xytext")
        self._changed()

    def get_position(self) -> tuple[float, float]:
        return self._x, self._y

    def _clipped(self, at: tuple[float, float] | None = None) -> bool:
        """Whether xy lies outside the axes and the annotation should hide (matplotlib:
        by default only for xycoords='data'); where the text is (``at``) does not
        matter."""
        clip = self.annotation_clip
        if clip is False or (clip is None and self.xycoords != "data"):
            return False
        p = self._to_pixels(self.xy, self.xycoords)
        bx, by, bw, bh = self.axes.box
        tol = 1e-6
        return not (np.isfinite(p).all() and bx - tol <= p[0] <= bx + bw + tol
                    and by - tol <= p[1] <= by + bh + tol)

    def counts_in_layout(self) -> bool:
        """Text.counts_in_layout, as matplotlib's tight box counts an annotation: shown,
        in the layout, not empty (an arrow alone counts for nothing), not clipped to
        the axes (``clip_on``), and not hidden by its point leaving the axes
        (``annotation_clip``)."""
        return (self._visible and self._in_layout and bool(self._text)
                and not self.get_clip_on() and not self._clipped())

    def layout_room(self, x: float, y: float) -> list:
        """Text.layout_room: the text, following its axes' box from the point it is
        placed from (itself in data or axes fraction, the box's corner in axes pixels
        or points, the annotated point for an offset), and the arrow's end; not what
        stays fixed in the figure (figure coordinates, or an offset from a point
        there)."""
        out = []
        base = self._follow_point(self.textcoords, (x, y))
        reach = None if base is None else self.layout_reach(x, y)
        if reach is not None:  # measured from the anchor, then from the base
            dx, dy = x - base[0], y - base[1]
            out.append((*base, (reach[0] - dx, reach[1] + dx, reach[2] - dy, reach[3] + dy)))
        if self.arrowprops is not None:  # the arrow runs from the text to its end
            end = tuple(float(v) for v in self._to_pixels(self.xy, self.xycoords))
            base = self._follow_point(self.xycoords, end)
            if base is not None and np.isfinite(end).all():
                dx, dy = end[0] - base[0], end[1] - base[1]
                out.append((*base, (-dx, dx, -dy, dy)))
        return out

    def _follow_point(self, coords, at: tuple[float, float]) -> tuple[float, float] | None:
        """The figure pixel a point placed in ``coords`` (now at figure pixel ``at``)
        keeps its distance to as the axes' box moves and resizes; None: fixed."""
        from .transforms_compat import as_transform

        ax = self.axes
        if isinstance(coords, tuple):
            both = [self._follow_point(c, at) for c in coords]
            return None if None in both else (both[0][0], both[1][1])
        if _is_box_owner(coords) or _is_coords_callable(coords):
            return None  # follows its artist, which the layout places on its own
        if not isinstance(coords, str):
            return at if _follows_box(as_transform(coords), ax) else None
        if coords in ("data", "polar", "axes fraction"):
            return at
        if coords in ("axes pixels", "axes points"):
            x, y = ax.transAxes.forward(np.zeros(2))
            return float(x), float(y)
        if coords.startswith("offset"):
            xy = tuple(float(v) for v in self._to_pixels(self.xy, self.xycoords))
            return self._follow_point(self.xycoords, xy)
        return None  # figure coordinates

    def data_limits(self):
        return None  # like matplotlib, annotations do not autoscale

    def _text_box(self, x: float, y: float) -> tuple[float, float, float, float]:
        """The text's box in figure pixels with its anchor at (x, y) (with its bbox's
        pad, which arrows start outside of)."""
        from .textbox import box_extent

        if not self._text:
            return x, y, x, y
        b = self._extent_at(x, y)
        px, py = box_extent(self.axes.figure, self._text, self.style, self.style.face())
        return b.x0 - px, b.y0 - py, b.x1 + px, b.y1 + py

    def draw_overlay(self, ov, position: tuple[float, float] | None = None) -> None:
        """The text and the arrow, in figure pixels (``position``: Text.draw_overlay's)."""
        from .textstyle import draw_text

        if not self._visible or self._clipped():
            return
        fig = self.axes.figure
        x, y = self.pixel_position() if position is None else position
        if self.arrowprops is not None:
            self._draw_arrow(ov, x, y)
        if self._text and np.isfinite([x, y]).all():
            draw_text(ov, fig, self._text, x, y, self.drawn_style())

    def arrow_style(self) -> dict | None:
        """The arrow drawn with an ``arrowstyle`` (None: none, or matplotlib's filled
        default arrow): style (a string or matplotlib ArrowStyle), edge color (None:
        'none'), facecolor, lw, mutation size and shrinkA/shrinkB in pixels, and its
        connection style (name, parameters)."""
        if self.arrowprops is None or "arrowstyle" not in self.arrowprops:
            return None
        pts = self.axes.figure.points_to_pixels
        props = dict(self.arrowprops)
        style = props.pop("arrowstyle")
        color = props.pop("color", None)
        edge = props.pop("edgecolor", props.pop("ec", "black" if color is None else color))
        face = props.pop("facecolor", props.pop(
            "fc", rcParams["patch.facecolor"] if color is None else color))
        lw = pts(props.pop("linewidth", props.pop("lw", rcParams["patch.linewidth"])))
        none = isinstance(edge, str) and edge.lower() == "none"
        return {"style": style, "color": None if none else edge, "facecolor": face,
                "lw": float(lw),
                "mutation": float(pts(props.pop("mutation_scale", self.style.fontsize))),
                "shrinkA": float(pts(props.pop("shrinkA", 2.0))),
                "shrinkB": float(pts(props.pop("shrinkB", 2.0))),
                "connection": parse_connectionstyle(props.pop("connectionstyle", None))}

    def page_anchor(self) -> dict | None:
        """Text.page_anchor: the text at xytext (data, or an offset from the data xy;
        else fixed: ``xy`` None), hidden with xy out of the axes unless annotation_clip
        is False, and the point the arrow ends at (or ``why`` the page cannot move it)."""
        if self.xycoords != "data":
            return None if self.textcoords != "data" else {
                "why": "an annotation from data to a fixed point"}
        clips = self.annotation_clip is not False
        at = (self._x, self._y) if self.textcoords == "data" else \
            self.xy if self.textcoords in ("offset points", "offset pixels",
                                           "offset fontsize") else None
        return {"xy": at, "clip": self.xy if clips else None,
                "arrow": None if self.arrowprops is None else self.xy}

    def _patch_source(self, key: str):
        """(rings, their transform to figure pixels (None: in pixels), whether they move
        with the axes' data) of the patch ``arrowprops[key]`` (patchA, patchB): a lumos
        or matplotlib patch, a line (its pick area about its data) or the box of a text
        of these axes (its ``get_bbox_patch()``); None when not given."""
        from .mpl_objects import is_matplotlib
        from .patch_style import as_path
        from .textbox import box_extent
        from .transforms_compat import as_transform

        patch = self.arrowprops.get(key)
        if patch is None:  # not given: the text's box; None: no patch
            return None
        if _is_line(patch):
            return _line_rings(self.axes, patch), None, True
        for t in [*self.axes.texts, *self.axes.artists]:
            if isinstance(patch, dict) and isinstance(t, Text) and t.get_bbox_patch() is patch:
                b = t.get_window_extent()
                px, py = box_extent(self.axes.figure, t.get_text(), t.style, t.style.face())
                x0, y0, x1, y1 = b.x0 - px, b.y0 - py, b.x1 + px, b.y1 + py
                return [np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]])], \
                    None, t.get_transform() is self.axes.transData
        if not _is_patch(patch):
            raise TypeError(f"arrowprops: {key} got the box of a text not in these axes; "
                            "expected a patch, a line or the box of a text of these axes")
        matrix = np.asarray(patch.get_patch_transform().get_matrix(), dtype=float)
        rings = as_path(patch.get_path(), key).to_polygons(matrix)
        if is_matplotlib(patch):  # matplotlib's own transform, or the axes' data
            coords = patch.get_data_transform() if patch.is_transform_set() else None
        else:
            coords = patch.get_transform()
        to = self.axes.transData if coords is None else as_transform(coords, key)
        return rings, to, to is self.axes.transData

    def _patch_rings(self, key: str) -> list[np.ndarray] | None:
        """The outline in figure pixels of the patch ``arrowprops[key]`` (patchA, patchB);
        None when not given."""
        source = self._patch_source(key)
        if source is None:
            return None
        rings, to, _ = source
        return rings if to is None else [np.asarray(to.forward(r), dtype=float) for r in rings]

    def arrow_patches_follow_data(self) -> bool | None:
        """Whether the patches cutting the arrow (patchA, patchB) move with the axes'
        data (lines, patches in data coordinates, boxes of texts placed in data): a page
        panning the view moves them as it moves the annotation; None when none is
        given."""
        sources = [s for s in (self._patch_source(k) for k in ("patchA", "patchB"))
                   if s is not None]
        if not sources:
            return None
        return all(follows for _, _, follows in sources)

    def arrow_line_width(self) -> float | None:
        """The width in pixels of the arrow's lines (None: no arrow, or a filled arrow
        without an edge)."""
        if self.arrowprops is None:
            return None
        styled = self.arrow_style()
        if styled is not None:
            return styled["lw"]
        props = self.arrowprops
        if props.get("edgecolor", props.get("ec")) is None:
            return None
        return float(self.axes.figure.points_to_pixels(
            props.get("linewidth", props.get("lw", 1.0))))

    def draw_arrow(self, ov, position: tuple[float, float] | None = None) -> None:
        """The arrow alone, in figure pixels, whether the annotation is hidden or not
        (a page shows it again when its point comes back into the axes)."""
        if self.arrowprops is not None:
            self._draw_arrow(ov, *(self.pixel_position() if position is None else position))

    def _draw_arrow(self, ov, x: float, y: float) -> None:
        fig = self.axes.figure
        pts = fig.points_to_pixels
        props = dict(self.arrowprops)
        end = self._to_pixels(self.xy, self.xycoords)
        x0, y0, x1, y1 = self._text_box(x, y)
        if not np.isfinite(end).all():
            return
        styled = self.arrow_style()
        if styled is not None:
            rx, ry = (float(v) for v in props.get("relpos", (0.5, 0.5)))
            b = self._extent_at(x, y) if self._text else Bbox.from_extents(x, y, x, y)
            start = np.array([b.x0 + rx * b.width, b.y0 + ry * b.height])
            # matplotlib starts at the text's box drawn, else at its extent padded by 4
            # points in all
            pad = 0.0 if self.get_bbox_patch() is not None else pts(2.0)
            path = arrow_path(start, end, styled["connection"], styled["shrinkA"],
                              styled["shrinkB"],
                              None if "patchA" in props or not self._text else
                              (x0 - pad, y0 - pad, x1 + pad, y1 + pad),
                              self._patch_rings("patchA"), self._patch_rings("patchB"))
            draw_arrow(ov, path, styled["style"], styled["color"], styled["lw"],
                       styled["mutation"], facecolor=styled["facecolor"])
            return
        # no arrowstyle: matplotlib's "YAArrow", a filled arrow from the nearest corner
        color = props.get("facecolor", props.get("fc", props.get("color", "C0")))
        width = pts(props.get("width", 4.0))
        headwidth = pts(props.get("headwidth", 12.0))
        headlength = pts(props.get("headlength", 12.0))
        shrink = float(props.get("shrink", 0.0))
        sx = min((x0, (x0 + x1) / 2, x1), key=lambda v: abs(v - end[0]))
        sy = min((y0, (y0 + y1) / 2, y1), key=lambda v: abs(v - end[1]))
        start = np.array([sx, sy])
        r = float(np.hypot(*(end - start)))
        line = cut_at_patches(np.array([start, end]), self._patch_rings("patchA"),
                              self._patch_rings("patchB"))
        start, end = line[0], line[-1]
        start, end = shrink_ends(start, end, shrink * r, shrink * r)
        d = end - start
        length = float(np.hypot(*d))
        if length <= 0:
            return
        u = d / length
        nrm = np.array([-u[1], u[0]])
        hl = min(headlength, length)
        neck = end - u * hl
        ov.polygon([start + nrm * width / 2, neck + nrm * width / 2, neck - nrm * width / 2,
                    start - nrm * width / 2], color)
        ov.polygon([end, neck + nrm * headwidth / 2, neck - nrm * headwidth / 2], color)
        edge = props.get("edgecolor", props.get("ec"))
        if edge is not None:
            ov.line([start + nrm * width / 2, neck + nrm * width / 2, neck + nrm * headwidth / 2,
                     end, neck - nrm * headwidth / 2, neck - nrm * width / 2,
                     start - nrm * width / 2, start + nrm * width / 2], edge,
                    self.arrow_line_width())


def _is_line(obj) -> bool:
    return callable(getattr(obj, "get_pickradius", None)) and hasattr(obj, "data_points")


def _is_patch(obj) -> bool:
    return callable(getattr(obj, "get_path", None)) and \
        callable(getattr(obj, "get_patch_transform", None))


def _line_rings(ax, line) -> list[np.ndarray]:
    """A lumos line as matplotlib's Line2D.contains sees it, in figure pixels: the points
    within its pick radius (points) of its markers or of its segments."""
    r = float(ax.figure.points_to_pixels(line.get_pickradius()))
    xy = np.asarray(ax.transData.forward(np.asarray(line.data_points(), dtype=float)), float)
    xy = xy[np.isfinite(xy).all(axis=1)]
    t = np.linspace(0, 2 * np.pi, 33)
    circle = np.c_[np.cos(t), np.sin(t)] * r
    rings = [p + circle for p in xy]
    if line.connects_points:
        for a, b in zip(xy[:-1], xy[1:], strict=True):
            n = float(np.hypot(*(b - a)))
            if n > 0:
                side = np.array([a[1] - b[1], b[0] - a[0]]) / n * r
                rings.append(np.array([a + side, b + side, b - side, a - side, a + side]))
    return rings


def _clip_to_box(inside: np.ndarray, outside: np.ndarray, box) -> np.ndarray:
    """Where the segment from a point inside a box to a point outside leaves the box."""
    x0, y0, x1, y1 = box
    d = outside - inside
    t = 1.0
    for k, lo, hi in ((0, x0, x1), (1, y0, y1)):
        if d[k] > 0:
            t = min(t, (hi - inside[k]) / d[k])
        elif d[k] < 0:
            t = min(t, (lo - inside[k]) / d[k])
    return inside + max(t, 0.0) * d


def shrink_ends(a: np.ndarray, b: np.ndarray, da: float, db: float
                ) -> tuple[np.ndarray, np.ndarray]:
    """``a`` and ``b`` moved ``da`` and ``db`` pixels towards each other (unmoved when
    that would cross them)."""
    d = b - a
    n = float(np.hypot(*d))
    if n <= da + db or n == 0:
        return a, b
    u = d / n
    return a + u * da, b - u * db


def arrow_path(start: np.ndarray, end: np.ndarray, connection: tuple[str, dict],
               shrink_a: float, shrink_b: float, box=None,
               patch_a: list[np.ndarray] | None = None,
               patch_b: list[np.ndarray] | None = None) -> np.ndarray:
    """An arrow's path in figure pixels from ``start`` (inside ``box``, where the path
    starts when given) to ``end``: an ``arc3`` curve between the points shrunk along
    their line (what the page redraws, lumos/web/texts.js), another connection style
    (arrowstyles.connect) cut where it leaves the box and shrunk along itself, as
    matplotlib does. ``patch_a`` and ``patch_b`` (outlines in pixels) cut the path
    where it leaves the first (instead of the box) and where it enters the second,
    as matplotlib's patchA and patchB."""
    name, params = connection
    if name == "arc3" and patch_a is None and patch_b is None:
        if box is not None:
            start = _clip_to_box(start, end, box)
        start, end = shrink_ends(start, end, shrink_a, shrink_b)
        return connect(start, end, name, params)
    path = cut_at_patches(connect(start, end, name, params), patch_a, patch_b)
    if box is not None:
        x0, y0, x1, y1 = box
        out = ~((path[:, 0] >= x0) & (path[:, 0] <= x1) & (path[:, 1] >= y0) &
                (path[:, 1] <= y1))
        if out.any() and out.argmax() > 0:
            i = int(out.argmax())
            path = np.vstack([_clip_to_box(path[i - 1], path[i], box), path[i:]])
    return shrink_path(path, shrink_a, shrink_b)


_install_style_setters()

