"""Texts and annotations anchored to data, as a page moves them with the axes' view
(docs/frame.md, "Followers: axes").

A text whose anchor is a data point (``ax.text`` with the data transform, an
annotation with ``xycoords='data'``) is drawn into its axes' decoration visuals
(page_axes.AxesDecor) rather than the figure's overlay, and the axes' record lists it:
its anchor in scale space, where each of its lines is drawn relative to the anchor (in
pixels, fixed as the text's size), the data point that hides it when it leaves the axes
(``clip_on``; ``annotation_clip``) and its arrow. The page (``texts`` in
lumos/web/texts.js) moves the anchor with the camera and draws the arrow anew between the
text's box and the new point, as ``Annotation._draw_arrow`` does, for a straight or arc3
arrow with line or triangle heads.

Other arrows (simple, fancy, wedge, matplotlib's default arrow, brackets, connection
styles with arms or angles, relpos, patchA/patchB) have sizes in pixels: Python draws
them and the record holds their lines and filled polygons relative to the anchor
(``shape``). The shape depends only on where its two ends are relative to each other,
so the page moves it with the anchor and it is Python's picture while that stays (a
text offset from its point: always; a text placed in data: under any pan), and while
the patches that cut it keep their size (``rect``, the view's size at export, when they
are in data). A zoom that moves the ends apart
gets the shape turned and scaled to join them, and a notice (only Python draws its
heads anew).

What a page cannot redraw stays in the overlay, as exported, and the page names it:
boxes, path effects, several lines, math, arrows cut at a patch fixed in the figure.
"""

from __future__ import annotations

import numpy as np

from .fonts import face_or_default
from .page_axes import color_bytes
from .text_artists import anchor_pixels
from .textstyle import draw_text

# arrow styles the page draws anew (texts.js arrowLines): (head at the start, at the
# end): "" none, ">" lines, "|>" filled
_LINE_STYLES = {"-": ("", ""), "->": ("", ">"), "<-": (">", ""), "<->": (">", ">"),
                "-|>": ("", "|>"), "<|-": ("|>", ""), "<|-|>": ("|>", "|>")}


def _candidates(ax) -> list:
    """(artist, page_anchor) of the texts and annotations anchored to data."""
    out = []
    for t in list(ax.artists) + list(ax.plain_texts):
        anchor = getattr(t, "page_anchor", None)
        spec = anchor() if anchor is not None else None
        if spec is not None:
            out.append((t, spec))
    return out


def anchored(ax) -> list:
    """The visible texts and annotations of ``ax`` anchored to data."""
    shows = ax.figure.figure.canvas.shows
    return [t for t, _ in _candidates(ax) if t.get_visible() and shows(t)]


def roams(ax) -> bool:
    """Whether a page may move a text of ``ax`` anywhere over the figure: one anchored
    to data, unclipped, in a view the page pans."""
    return ax.view.navigable and any(not t.get_clip_on() for t in anchored(ax))


def _redrawn(t) -> bool:
    """Whether the page draws the arrow anew (texts.js arrowLines): an arc3 arrow with
    line or filled triangle heads from the text box's centre, cut at no patch."""
    arrow = t.arrow_style()
    if arrow is None:
        return False
    from .arrowstyles import parse_arrowstyle  # loaded with the first arrow

    if parse_arrowstyle(arrow["style"])[0] not in _LINE_STYLES or \
            arrow["color"] is None or arrow["connection"][0] != "arc3":
        return False
    props = t.arrowprops
    return not (props.get("patchA") or props.get("patchB") or
                tuple(props.get("relpos", (0.5, 0.5))) != (0.5, 0.5))


def _why_not(t, spec: dict) -> str | None:
    """What keeps a page from moving the text, or None."""
    if "why" in spec:
        return spec["why"]
    st, s = t.style, t.get_text()
    if st.bbox is not None:
        return "texts with a box"
    if st.effects:
        return "texts with path effects"
    if st.wrap or "\n" in s:
        return "texts of several lines"
    if "$" in s:
        return "math texts"
    if spec["arrow"] is not None and t.arrow_patch.get_path_effects():
        return "arrows with path effects"
    if spec["arrow"] is not None and t.arrow_patches_follow_data() is False:
        return "arrows cut at a patch fixed in the axes or figure"
    return None


def arrow_widths(ax) -> list[float]:
    """The widths (pixels) of the arrows' lines the page may draw for the axes."""
    out = []
    for t, spec in _candidates(ax):
        if spec.get("arrow") is not None and _why_not(t, spec) is None:
            lw = t.arrow_line_width()
            if lw is not None:
                out.append(lw)
    return out


class _Anchored:
    """The overlay a text anchored to data draws into: its lines, polygons and glyphs go
    to the axes' decoration (``decor``; None: noted only), each glyph run noted relative
    to the anchor ``at`` (pixels) in ``entries``, and the lines and polygons in
    ``shape`` ({"lines": [], "fills": []}; None: not noted)."""

    def __init__(self, decor, entries: list, at: tuple[float, float],
                 shape: dict | None = None) -> None:
        self.decor, self.entries, self.at, self.shape = decor, entries, at, shape

    def _relative(self, points) -> list:
        return (np.asarray(points, dtype=float) - self.at).round(4).tolist()

    def text(self, s: str, x: float, y: float, size_px: float, color="black",
             ha: str = "center", va: str = "center", rotation: float = 0.0,
             bold: bool = False, face: str | None = None) -> None:
        self.entries.append({"text": s, "dx": x - self.at[0], "dy": y - self.at[1],
                             "size": float(size_px), "color": color_bytes(color), "ha": ha,
                             "va": va, "rotation": float(rotation),
                             "face": face_or_default(face, bold)})
        if self.decor is not None:
            self.decor.text(s, x, y, size_px, color, ha=ha, va=va, rotation=rotation,
                            bold=bold, face=face)

    def line(self, points, color, width_px: float, dashes=None, look=None,
             step: int = 0) -> None:
        if step:  # _why_not keeps arrows with path effects (steps) in the overlay
            raise TypeError(f"step: got {step!r}; the decoration draws lines of step 0")
        if self.shape is not None:
            self.shape["lines"].append([self._relative(points), color_bytes(color),
                                        round(float(width_px), 3)])
        if self.decor is not None:
            self.decor.line(points, color, width_px, dashes, look)

    def polygon(self, points, facecolor) -> None:
        if self.shape is not None:
            self.shape["fills"].append([self._relative(points), color_bytes(facecolor)])
        if self.decor is not None:
            self.decor.polygon(points, facecolor)


def _scaled(ax, xy, coords=None) -> list[float] | None:
    """A data point in the axes' scale space (the camera's), or None; ``coords``
    ('data' or 'axes' per coordinate): axes fractions stay as they are."""
    if xy is None:
        return None
    coords = coords or ("data", "data")
    with np.errstate(all="ignore"):
        return [float(v) if c == "axes" else float(axis.scale.forward([float(v)])[0])
                for v, c, axis in zip(xy, coords, (ax.xaxis, ax.yaxis), strict=True)]


def _arrow_record(ax, t, at: tuple[float, float]) -> dict:
    """What the page needs to draw an annotation's arrow anew (Annotation._draw_arrow
    with an arrowstyle drawn in lines)."""
    fig = ax.figure
    style = t.arrow_style()
    box = t.get_window_extent()
    from .arrowstyles import parse_arrowstyle

    name, params = parse_arrowstyle(style["style"])
    mutation = style["mutation"]
    return {"box": [box.x0 - at[0], box.y0 - at[1], box.x1 - at[0], box.y1 - at[1]],
            "text": bool(t.get_text()), "pad": float(fig.points_to_pixels(2.0)),
            "shrink": [style["shrinkA"], style["shrinkB"]], "rad": style["connection"][1]["rad"],
            "heads": list(_LINE_STYLES[name]),
            "head": [params.get("head_length", 0.0) * mutation,
                     params.get("head_width", 0.0) * mutation],
            "color": color_bytes(style["color"]),
            "face": color_bytes(style["color"] if style["facecolor"] is None
                                else style["facecolor"]),
            "width": round(style["lw"], 3)}


def draw(ax, decor) -> tuple[set, list, list]:
    """Draw the axes' texts anchored to data that a page can move into its decoration:
    (ids of the artists drawn, their records, why the others cannot follow). Anchors and
    data points go through one call of each transform (a call builds its chain)."""
    fig = ax.figure
    shows = ax.figure.figure.canvas.shows
    candidates = [(t, spec) for t, spec in _candidates(ax) if t.get_visible() and shows(t)]
    why, kept = [], set()
    fixed = []  # boxes of the texts left to the overlay, which lies over the decoration
    # the decoration draws under artists the texts lie over then (``ticks_apart``,
    # ``texts_apart``): the texts stay in the overlay, over them
    apart = "texts of an axes whose lines draw between its decorations and its texts" \
        if ax.ticks_apart() or ax.texts_apart() else None
    for t, spec in sorted(candidates, key=lambda c: c[0].get_zorder()):  # drawing order
        reason = _why_not(t, spec) or apart
        if reason is None and fixed and _overlaps(t.get_window_extent(), fixed):
            # drawn under the overlay, it would hide under a text drawn before it
            reason = "texts over a text the page cannot move"
        if reason is not None:
            why.append(reason)
            if t.get_text():
                fixed.append(t.get_window_extent())
        else:
            kept.add(id(t))
    shown = [(t, spec) for t, spec in candidates if id(t) in kept]
    # what moves with the view is drawn relative to the data anchor (the text's
    # position, or the point an offset text is offset from)
    positions = anchor_pixels([t for t, _ in shown]).tolist()
    # (a blended anchor's pixels are its position)
    fixed = [i for i, (_, spec) in enumerate(shown)
             if spec["xy"] is not None and "coords" not in spec]
    ats = list(positions)
    if fixed:
        points = np.array([shown[i][1]["xy"] for i in fixed], dtype=float)
        for i, at in zip(fixed, ax.transData.forward(points).reshape(-1, 2).tolist(),
                         strict=True):
            ats[i] = at
    moved = [i for i, (t, spec) in enumerate(shown)
             if spec["arrow"] is not None and not _redrawn(t)]
    ends = {}
    if moved:
        points = np.array([shown[i][1]["arrow"] for i in moved], dtype=float)
        ends = dict(zip(moved, ax.transData.forward(points).reshape(-1, 2).tolist(),
                        strict=True))
    records = []
    for i, ((t, spec), position, at) in enumerate(zip(shown, positions, ats, strict=True)):
        entries: list = []
        shape = {"lines": [], "fills": []} if i in ends else None
        t.draw_overlay(_Anchored(decor, entries, at, shape), position)
        if not entries and t.get_text():  # hidden (clipped) now: the page may show it
            draw_text(_Anchored(None, entries, at), fig, t.get_text(), *position, t.style)
        if shape is not None and not (shape["lines"] or shape["fills"]):  # hidden too
            t.draw_arrow(_Anchored(None, [], at, shape), position)
        arrow = None
        if spec["arrow"] is not None:
            arrow = {"xy": _scaled(ax, spec["arrow"])}
            if shape is None:
                arrow.update(_arrow_record(ax, t, at))
                fills = "|>" in arrow["heads"]
            else:
                fills = bool(shape["fills"])
                arrow.update(shape=shape, end=[ends[i][0] - at[0], ends[i][1] - at[1]],
                             rect=list(ax.view.camera.rect[2:])
                             if t.arrow_patches_follow_data() else None)
            if fills and decor is not None:
                decor.reserve_fills()  # a Mesh the page fills, whether drawn now or not
        coords = spec.get("coords")
        record = {"at": _scaled(ax, spec["xy"], coords), "px": at,
                  "clip": _scaled(ax, spec["clip"], coords), "texts": entries, "arrow": arrow}
        if coords is not None:  # axes fractions along one axis
            record["fractions"] = [c == "axes" for c in coords]
        # a point a scale cannot place (log of a negative) is nowhere in any view: no
        # arrow to it, no text at it (Python draws neither); the page's JSON has no NaN
        if arrow is not None and not _finite(arrow["xy"], arrow.get("end")):
            record["arrow"] = None
        if _finite(record["at"], record["px"], record["clip"]):
            records.append(record)
    return {id(t) for t, _ in shown}, records, sorted(set(why))


def _overlaps(box, boxes: list) -> bool:
    """Whether the window box ``box`` meets one of ``boxes``."""
    return any(b.x0 < box.x1 and box.x0 < b.x1 and b.y0 < box.y1 and box.y0 < b.y1
               for b in boxes)


def _finite(*points) -> bool:
    """Whether the points (pairs, or None) are finite."""
    return bool(np.isfinite([p for p in points if p is not None]).all())
