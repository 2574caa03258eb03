"""Axes titles: ``ax.set_title(label, loc=, pad=, y=, fontdict=, **text keywords)`` and
``ax.title`` (the centre title, with matplotlib's Text setters; also indexable by loc)."""

from __future__ import annotations

from . import text as textmod
from .artists import check_picker
from .bbox import Bbox
from .patch_style import rc
from .style import rcParams
from .text_getters import TextPicking
from .textstyle import TextStyle, draw_text, extent, normalize

_LOCS = ("left", "center", "right")


def _rc_style(loc: str) -> dict:
    """matplotlib's title defaults from rcParams, read when the axes is made and again
    by each ``set_title`` (a title set under ``rc_context`` takes that context's)."""
    props = {"fontsize": rcParams["axes.titlesize"], "ha": loc, "va": "baseline",
             "fontweight": rc("axes.titleweight", "normal")}
    color = rc("axes.titlecolor", "auto")
    if color != "auto":
        props["color"] = color
    return props


class Titles(TextPicking, dict):
    """The three titles by loc (``ax.title['left']`` is its text); the object itself
    acts as matplotlib's ``ax.title``, the centre title's Text."""

    stands_for = "Text"  # matplotlib's class (lumos.plot.introspect.findobj)

    def __init__(self, axes=None) -> None:
        super().__init__((loc, "") for loc in _LOCS)
        self.axes = axes
        self.styles = {loc: TextStyle() for loc in _LOCS}
        for loc in _LOCS:
            self.styles[loc].update(_rc_style(loc))
        self.pad = float(rcParams["axes.titlepad"])
        # axes fraction of the baseline, when set (None: above what the axes draws there)
        self.y: float | None = rc("axes.titley", None)
        self.x = {"left": 0.0, "center": 0.5, "right": 1.0}
        self.visible = True
        # the axes whose titles share one height (Figure.align_titles)
        self.group = [axes]
        self._picker = None  # the centre title's (set_title(picker=...))

    def set(self, label=None, loc: str = "center", pad=None, y=None, **props) -> None:
        """``set_title``'s work: text, padding (points), height (axes fraction), style."""
        if loc not in _LOCS:
            raise ValueError(f"loc: got {loc!r}, expected 'left', 'center' or 'right'")
        if label is not None:
            self[loc] = str(label)
        self.pad = float(rcParams["axes.titlepad"] if pad is None else pad)
        y = rc("axes.titley", None) if y is None else y
        if y is not None:
            self.y = float(y)
        elif self.y is not None:
            self.y = 1.0  # matplotlib puts it back on the top, still not moved by ticks
        self.styles[loc].update(_rc_style(loc))
        props = normalize(props)
        props.pop("zorder", None)
        props.pop("in_layout", None)
        if "picker" in props:
            if loc != "center":
                raise TypeError(f"set_title: picker is taken for the centre title (ax.title), "
                                f"got loc={loc!r}")
            self.set_picker(props.pop("picker"))
        if "x" in props:
            self.x[loc] = float(props.pop("x"))
        self.styles[loc].update(props, "set_title")

    # matplotlib's Text on the centre title
    def get_text(self) -> str:
        return self["center"]

    def set_text(self, text) -> None:
        self["center"] = "" if text is None else str(text)

    def set_position(self, xy) -> None:
        self.x["center"], self.y = float(xy[0]), float(xy[1])

    def get_position(self) -> tuple[float, float]:
        return self.x["center"], 1.0 if self.y is None else self.y

    def set_y(self, y) -> None:
        self.y = float(y)

    def set_x(self, x) -> None:
        self.x["center"] = float(x)

    def set_visible(self, visible: bool) -> None:
        self.visible = bool(visible)

    def get_visible(self) -> bool:
        return self.visible

    def get_fontsize(self) -> float:
        return self.styles["center"].fontsize

    def set_picker(self, picker) -> None:
        """Make clicks on the centre title ``pick_event`` events (see
        :meth:`lumos.plot.artists.Artist.set_picker`)."""
        self._picker = check_picker(picker)

    def get_picker(self):
        """The centre title's picker (None: not pickable)."""
        return self._picker

    def get_window_extent(self, renderer=None) -> Bbox:
        """The box the centre title covers, in figure pixels, as laid out at the last
        draw (matplotlib's ``ax.title.get_window_extent()``)."""
        return title_box(self.axes, "center")

    def __getattr__(self, name: str):
        if name.startswith(("set_", "get_")) and hasattr(TextStyle, name):
            return getattr(self.styles["center"], name)
        raise AttributeError(f"'Titles' object has no attribute {name!r}")


def _span(ax, loc: str, width: float) -> tuple[float, float]:
    """x0, x1 in figure pixels of the title at ``loc`` (left titles start at their x,
    right ones end there, centred ones straddle it)."""
    bx, _, bw, _ = ax.box
    x = bx + ax.title.x[loc] * bw
    start = {"left": x, "center": x - width / 2, "right": x - width}[loc]
    return start, start + width


def title_room(ax) -> float:
    """Pixels above the box the titles need (with what the axes draws above its box)."""
    t = ax.title
    if not t.visible or not any(t.values()):
        return 0.0
    _, by, _, bh = ax.box
    anchors = _anchors(ax)
    return max(0.0, *(title_box(ax, loc, anchors).y1 - (by + bh) for loc in anchors))


def _baseline(ax, loc: str) -> float:
    """matplotlib's ``_update_title_position`` for one title: the title pad above the
    box, unless its box would then reach below the top of what the axes, its twins and
    secondary axes draw above the box (top tick labels, a top label; the y offset text
    under it): then the pad above that, and never lower than its descent above it."""
    fig = ax.figure
    t = ax.title
    _, by, _, bh = ax.box
    w, _, d = extent(fig, t[loc], t.styles[loc])
    pad = fig.points_to_pixels(t.pad)
    span = _span(ax, loc, w)
    twins = [c for c in ax.children if c.role in ("twin", "secondary") and c.get_visible()]
    top = by + bh + max(a.decorations_above(span) for a in [ax, *twins])
    base = by + bh + pad
    if base - d < top:
        base = top + pad
        if base - d < top:
            base = top + d
    return base


def _anchors(ax) -> dict[str, tuple[float, float]]:
    """Where (figure pixels) each title with a text is drawn from: its x, its baseline
    (titles placed automatically share the highest baseline, as matplotlib's)."""
    t = ax.title
    fig = ax.figure
    bx, by, bw, bh = ax.box
    locs = [loc for loc in _LOCS if t[loc]]
    if t.y is not None:
        y = by + t.y * bh + fig.points_to_pixels(t.pad)
    else:
        y = max(_auto_baseline(m) for m in t.group if m is ax or (
            m.get_visible() and m.title.visible and m.title.y is None))
    return {loc: (bx + t.x[loc] * bw, y) for loc in locs}


def _auto_baseline(ax) -> float:
    """The baseline ``ax``'s titles take when placed automatically: the highest any of
    them needs."""
    t = ax.title
    _, by, _, bh = ax.box
    return max([by + bh + ax.figure.points_to_pixels(t.pad)] +
               [_baseline(ax, loc) for loc in _LOCS if t[loc]])


def title_box(ax, loc: str, anchors: dict | None = None) -> Bbox:
    """The box (figure pixels) the title at ``loc`` covers (no text: an empty box where
    it would start); ``anchors``: :func:`_anchors`, when known."""
    t = ax.title
    st = t.styles[loc]
    text = st.shown(t[loc])
    if not text:
        bx, by, bw, bh = ax.box
        return Bbox.from_bounds(bx + t.x[loc] * bw, by + bh, 0.0, 0.0)
    x, y = (anchors or _anchors(ax))[loc]
    x0, y0, x1, y1 = textmod.window_box(text, x, y, ax.figure.points_to_pixels(st.fontsize),
                                        st.ha, st.va, st.rotation, face=st.face(),
                                        spacing=st.linespacing)
    return Bbox.from_extents(x0, y0, x1, y1)


def draw_titles(ax, ov) -> None:
    t = ax.title
    if not t.visible:
        return
    for loc, (x, y) in _anchors(ax).items():
        draw_text(ov, ax.figure, t[loc], x, y, t.styles[loc])
