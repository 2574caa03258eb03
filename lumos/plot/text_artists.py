"""The text artist :class:`Text` (what ``ax.text`` and ``fig.text`` return, with
matplotlib's Text properties and setters; ``get_window_extent`` gives a
:class:`~lumos.plot.bbox.Bbox` in figure pixels) and the drawing of many texts at once.
Annotations, texts with an arrow, are :mod:`lumos.plot.annotations`.
"""

from __future__ import annotations

import copy

import numpy as np

from . import validate
from .artists import Artist
from .bbox import Bbox
from .canvas import frame_overlay


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
        self._bbox_patch = None  # get_bbox_patch's object, made at the first call
        self.set_transform(transform)
        visible = props.pop("visible", True)
        self._in_layout = bool(props.pop("in_layout", True))
        # matplotlib's: the rotation is an angle in the text's coordinates (data), drawn
        # at the angle it has on screen
        self._rotates_with_transform = bool(props.pop("transform_rotates_text", False))
        self.set_picker(props.pop("picker", None))
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

    def get_bbox_patch(self):
        """The box drawn behind the text (a :class:`~lumos.plot.textbox.TextBoxPatch`,
        matplotlib's FancyBboxPatch: the same object each time), None without
        ``bbox``."""
        from .textbox import TextBoxPatch

        if self.style.bbox is None:
            return None
        patch = self._bbox_patch
        if patch is None or patch.text is not self:  # none yet, or a copy's
            patch = self._bbox_patch = TextBoxPatch(self)
        return patch

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

    def pick_hit(self, mouseevent) -> tuple[bool, dict]:
        """matplotlib's ``Text.contains``: a click inside the box the text covers."""
        from .text_getters import text_hit

        return text_hit(self, mouseevent)

    def contains(self, mouseevent) -> tuple[bool, dict]:
        """matplotlib's ``(inside the box the text covers, {})``."""
        return self.pick_hit(mouseevent)

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
                and not self.get_clip_on() and follows_box(self.get_transform(), ax))

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
               st.rotation_mode, st.linespacing, self.figure.dpi)
        if self._reach_memo is None or self._reach_memo[0] != key:
            e = self._extent_at(0.0, 0.0)
            self._reach_memo = (key, (-e.x0, e.x1, -e.y0, e.y1))
        return self._reach_memo[1]

    def legend_obstacles(self):
        """Its box, for a 'best' legend (matplotlib counts a text's window extent)."""
        from .legend_best import Obstacles  # loaded by a 'best' legend

        return Obstacles.extents([self.get_window_extent().extents])

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
                                      face=self.style.face(), spacing=self.style.linespacing)
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
        ends at (None: no arrow), and for a blended transform (``ax.get_xaxis_transform()``)
        ``coords``, 'data' or 'axes' (a fraction) per coordinate; None when it is not
        anchored to data at all."""
        ax = self.axes
        if ax is None:
            return None
        t = self.get_transform()
        xy = (self._x, self._y)
        spec = {"xy": xy, "clip": None, "arrow": None}
        if self.style.clip_on:  # clipped at the pixel in an overlay of its own
            spec["why"] = "texts clipped to the axes (clip_on)"
        if t is ax.transData:
            return spec
        sources = getattr(t, "blended", None) or ()
        if len(sources) != 2 or not any(src is ax.transData for src in sources) or \
                not all(src is ax.transData or src is ax.transAxes for src in sources):
            return None
        return {**spec, "coords": ["data" if src is ax.transData else "axes"
                                   for src in sources]}

    def draw(self, renderer) -> None:
        """Paint the text now into ``renderer``'s frame (what a script's own artist in
        ``fig.artists`` does in its ``draw(renderer)``); a text of the figure is also
        drawn by the figure, as in matplotlib."""
        ov = frame_overlay(renderer)
        if self.get_visible():
            self.draw_overlay(ov)

    def draw_overlay(self, ov, position: tuple[float, float] | None = None) -> None:
        """The text (its box and effects) in figure pixels; ``position``: its anchor's
        pixels when the caller has them (:func:`draw_texts`), else through its
        transform."""
        from .textstyle import draw_text

        if not self._text:
            return
        x, y = self.pixel_position() if position is None else position
        if self.style.clip_on and self.axes is not None:
            # clipped at the pixel to the axes' box (matplotlib's clip box): glyphs
            # reaching out of it are cut, not the whole text hidden; under the spines
            # up to their zorder (and under the ticks up to the axis')
            ax = self.axes
            ov = ax.figure.figure.clip_overlays.get(
                ax, ov, ax.clipped_text_place(self.get_zorder()))
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


def follows_box(t, ax) -> bool:
    """Whether points through ``t`` move with the axes' box: it is, or is made of, the
    axes' data or fraction transform (``ax.transData + offset``, a blended one)."""
    if t is ax.transData or t is ax.transAxes:
        return True
    if getattr(t, "blended", None):
        return all(follows_box(s, ax) for s in t.blended)
    return any(follows_box(p, ax) for p in getattr(t, "parts", None) or ())


def _style_setter(name: str):
    def setter(self, value) -> None:
        getattr(self.style, name)(value)
        self._changed()

    setter.__name__ = name
    setter.__doc__ = f"matplotlib's ``Text.{name}``."
    return setter


def _style_getter(name: str, doc: str | None):
    def getter(self):
        return getattr(self.style, name)()

    getter.__name__ = name
    getter.__doc__ = doc
    return getter


def _install_style_setters() -> None:
    from .textstyle import ALIASES, TextStyle

    for name in dir(TextStyle):
        if name.startswith("set_") and not hasattr(Text, name):
            setattr(Text, name, _style_setter(name))
        elif name.startswith("get_") and not hasattr(Text, name):
            setattr(Text, name, _style_getter(name, getattr(TextStyle, name).__doc__))
    for alias, key in ALIASES.items():
        if not hasattr(Text, f"set_{alias}") and hasattr(Text, f"set_{key}"):
            setattr(Text, f"set_{alias}", getattr(Text, f"set_{key}"))


_install_style_setters()

