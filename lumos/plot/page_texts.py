"""Texts and annotations anchored to data, as a page moves them with the axes' view
(docs/frame.md, "Followers: axes").

A text whose anchor is a data point (``ax.text`` with the data transform, an
annotation with ``xycoords='data'``) is drawn into its axes' decoration visuals
(page_axes.AxesDecor) rather than the figure's overlay, and the axes' record lists it:
its anchor in scale space, where each of its lines is drawn relative to the anchor (in
pixels, fixed as the text's size), the data point that hides it when it leaves the axes
(``clip_on``; ``annotation_clip``) and its arrow. The page (``texts`` in
lumos/web/texts.js) moves the anchor with the camera and draws the arrow anew between the
text's box and the new point, as ``Annotation._draw_arrow`` does.

What a page cannot redraw stays in the overlay, as exported, and the page names it:
boxes, path effects, several lines, math, arrows with filled heads.
"""

from __future__ import annotations

import numpy as np

from .arrowstyles import parse_arrowstyle
from .page_axes import color_bytes
from .text_artists import anchor_pixels
from .textstyle import draw_text

# arrow styles drawn with lines only: (head at the start, head at the end)
_LINE_STYLES = {"-": (False, False), "->": (False, True), "<-": (True, False),
                "<->": (True, True)}


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
    return [t for t, _ in _candidates(ax) if t.get_visible()]


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
    if spec["arrow"] is not None:
        arrow = t.arrow_style()
        if arrow is None or parse_arrowstyle(arrow["style"])[0] not in _LINE_STYLES:
            return "arrows with filled heads or brackets"
        if arrow["color"] is None:
            return "arrows with no edge color"
        if arrow["connection"][0] != "arc3":
            return "arrows with connection styles other than arc3"
        props = t.arrowprops
        if props.get("patchA") or props.get("patchB") or \
                tuple(props.get("relpos", (0.5, 0.5))) != (0.5, 0.5):
            return "arrows with patchA, patchB or relpos"
    return None


def arrow_widths(ax) -> list[float]:
    """The widths (pixels) of the arrows the page may draw for the axes."""
    out = []
    for t, spec in _candidates(ax):
        if spec.get("arrow") is not None and _why_not(t, spec) is None:
            out.append(t.arrow_style()["lw"])
    return out


class _Anchored:
    """The overlay a text anchored to data draws into: its lines and glyphs go to the
    axes' decoration (``decor``; None: noted only), each glyph run noted relative to
    the anchor ``at`` (pixels)."""

    def __init__(self, decor, entries: list, at: tuple[float, float]) -> None:
        self.decor, self.entries, self.at = decor, entries, at

    def text(self, s: str, x: float, y: float, size_px: float, color="black",
             ha: str = "center", va: str = "center", rotation: float = 0.0,
             bold: bool = False, face: str | None = None) -> None:
        self.entries.append({"text": s, "dx": x - self.at[0], "dy": y - self.at[1],
                             "size": float(size_px), "color": color_bytes(color), "ha": ha,
                             "va": va, "rotation": float(rotation),
                             "face": face if face is not None else (
                                 "sans-bold" if bold else "sans")})
        if self.decor is not None:
            self.decor.text(s, x, y, size_px, color, ha=ha, va=va, rotation=rotation,
                            bold=bold, face=face)

    def line(self, points, color, width_px: float, dashes=None) -> None:
        if self.decor is not None:
            self.decor.line(points, color, width_px, dashes)


def _scaled(ax, xy) -> list[float] | None:
    """A data point in the axes' scale space (the camera's), or None."""
    if xy is None:
        return None
    with np.errstate(all="ignore"):
        return [float(ax.xaxis.scale.forward([float(xy[0])])[0]),
                float(ax.yaxis.scale.forward([float(xy[1])])[0])]


def _arrow_record(ax, t, at: tuple[float, float]) -> dict:
    """What the page needs to draw an annotation's arrow anew (Annotation._draw_arrow
    with an arrowstyle drawn in lines)."""
    fig = ax.figure
    style = t.arrow_style()
    box = t.get_window_extent()
    name, params = parse_arrowstyle(style["style"])
    mutation = style["mutation"]
    return {"box": [box.x0 - at[0], box.y0 - at[1], box.x1 - at[0], box.y1 - at[1]],
            "text": bool(t.get_text()), "pad": float(fig.points_to_pixels(2.0)),
            "shrink": [style["shrinkA"], style["shrinkB"]], "rad": style["connection"][1]["rad"],
            "heads": list(_LINE_STYLES[name]),
            "head": [params.get("head_length", 0.0) * mutation,
                     params.get("head_width", 0.0) * mutation],
            "color": color_bytes(style["color"]),
            "width": round(style["lw"], 3)}


def draw(ax, decor) -> tuple[set, list, list]:
    """Draw the axes' texts anchored to data that a page can move into its decoration:
    (ids of the artists drawn, their records, why the others cannot follow). Anchors and
    data points go through one call of each transform (a call builds its chain)."""
    fig = ax.figure
    shown, why = [], []
    for t, spec in _candidates(ax):
        if not t.get_visible():
            continue
        reason = _why_not(t, spec)
        if reason is not None:
            why.append(reason)
        else:
            shown.append((t, spec))
    # what moves with the view is drawn relative to the data anchor (the text's
    # position, or the point an offset text is offset from)
    positions = anchor_pixels([t for t, _ in shown]).tolist()
    fixed = [i for i, (_, spec) in enumerate(shown) if spec["xy"] is not None]
    ats = list(positions)
    if fixed:
        points = np.array([shown[i][1]["xy"] for i in fixed], dtype=float)
        for i, at in zip(fixed, ax.transData.forward(points).reshape(-1, 2).tolist(),
                         strict=True):
            ats[i] = at
    records = []
    for (t, spec), position, at in zip(shown, positions, ats, strict=True):
        entries: list = []
        t.draw_overlay(_Anchored(decor, entries, at), position)
        if not entries and t.get_text():  # hidden (clipped) now: the page may show it
            draw_text(_Anchored(None, entries, at), fig, t.get_text(), *position, t.style)
        records.append({
            "at": _scaled(ax, spec["xy"]), "px": at,
            "clip": _scaled(ax, spec["clip"]), "texts": entries,
            "arrow": None if spec["arrow"] is None else {
                **_arrow_record(ax, t, at), "xy": _scaled(ax, spec["arrow"])}})
    return {id(t) for t, _ in shown}, records, sorted(set(why))
