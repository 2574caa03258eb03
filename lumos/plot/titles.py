"""Axes titles: ``ax.set_title(label, loc=, pad=, y=, fontdict=, **text keywords)`` and
``ax.title`` (the centre title, with matplotlib's Text setters; also indexable by loc)."""

from __future__ import annotations

from .patch_style import rc
from .style import rcParams
from .textstyle import TextStyle, draw_text, extent, normalize

_LOCS = ("left", "center", "right")


def _title_style() -> TextStyle:
    st = TextStyle(fontsize=rcParams["axes.titlesize"], ha="center", va="baseline")
    color = rc("axes.titlecolor", "auto")
    if color != "auto":
        st.set_color(color)
    weight = rc("axes.titleweight", "normal")
    if weight != "normal":
        st.set_fontweight(weight)
    return st


class Titles(dict):
    """The three titles by loc (``ax.title['left']`` is its text); the object itself
    acts as matplotlib's ``ax.title``, the centre title's Text."""

    stands_for = "Text"  # matplotlib's class (lumos.plot.introspect.findobj)

    def __init__(self) -> None:
        super().__init__((loc, "") for loc in _LOCS)
        self.styles = {loc: _title_style() for loc in _LOCS}
        for loc in _LOCS:
            self.styles[loc].set_horizontalalignment(loc)
        self.pad = float(rcParams["axes.titlepad"])
        self.y: float | None = None  # axes fraction of the baseline, when set
        self.x = {"left": 0.0, "center": 0.5, "right": 1.0}
        self.visible = True

    def set(self, label=None, loc: str = "center", pad=None, y=None, **props) -> None:
        """``set_title``'s work: text, padding (points), height (axes fraction), style."""
        if loc not in _LOCS:
            raise ValueError(f"loc: got {loc!r}, expected 'left', 'center' or 'right'")
        if label is not None:
            self[loc] = str(label)
        if pad is not None:
            self.pad = float(pad)
        if y is not None:
            self.y = float(y)
        props = normalize(props)
        props.pop("zorder", None)
        props.pop("in_layout", None)
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

    def __getattr__(self, name: str):
        if name.startswith("set_") and hasattr(TextStyle, name):
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
    fig = ax.figure
    room = 0.0
    for loc in _LOCS:
        if not t[loc]:
            continue
        w, h, d = extent(fig, t[loc], t.styles[loc])
        if t.y is None:
            # drawn on its baseline, lifted by math deeper than plain text (draw_titles)
            plain_d = extent(fig, "x", t.styles[loc])[2]
            room = max(room, h - d + max(d - plain_d, 0.0) + fig.points_to_pixels(t.pad)
                       + ax.decorations_above(_span(ax, loc, w)))
        else:
            room = max(room, (t.y - 1.0) * ax.box[3] + fig.points_to_pixels(t.pad) + h - d)
    return room


def draw_titles(ax, ov) -> None:
    t = ax.title
    if not t.visible:
        return
    fig = ax.figure
    bx, by, bw, bh = ax.box
    for loc in _LOCS:
        if not t[loc]:
            continue
        st = t.styles[loc]
        w, _, d = extent(fig, t[loc], st)
        plain_d = extent(fig, "x", st)[2]
        if t.y is None:
            # deep math (fractions, subscripts) lifts the baseline off the axes
            y = by + bh + fig.points_to_pixels(t.pad) + \
                ax.decorations_above(_span(ax, loc, w)) + \
                max(d - plain_d, 0.0)
        else:
            y = by + t.y * bh + fig.points_to_pixels(t.pad)
        draw_text(ov, fig, t[loc], bx + t.x[loc] * bw, y, st)
