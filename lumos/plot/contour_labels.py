"""Contour labels as matplotlib's ``clabel`` places them (:class:`ContourLabeler`, the
part of :class:`lumos.plot.contour.ContourSet` that labels lines): each label sits where
its line is straightest on screen, turned along the line, and ``inline=True`` cuts the
line under it. The geometry is worked out in figure pixels at the time of the call, as
matplotlib does; the cut lines replace the level's segments, so every device draws the
gaps.
"""

from __future__ import annotations

import math

import numpy as np

from .collections import color_rows, cycle_rows


class ContourLabeler:
    """``clabel`` for a ContourSet (which provides ``axes``, ``allsegs``, ``levels``,
    ``layers``, ``filled``, ``zorder``, ``get_alpha``, ``_level_rgba`` and ``rescale``)."""

    def _init_labels(self) -> None:
        self.labelTexts: list = []  # every label made, over all clabel calls (matplotlib)

    def clabel(self, levels=None, *, fontsize=None, inline=True, inline_spacing=5, fmt=None,
               colors=None, use_clabeltext=False, manual=False, rightside_up=True,
               zorder=None) -> list:
        """Label the contour lines with their levels, as matplotlib does.

        ``levels``: the levels to label (a subset of ``self.levels``; default all);
        ``fontsize``; ``inline``: cut the line under each label, ``inline_spacing``
        pixels more on each side; ``fmt``: a format string, a callable, a dict by level
        or a Formatter (default: a ScalarFormatter without offset); ``colors``: one color
        or one per labelled level (default: the lines' colors); ``use_clabeltext``: the
        rotation follows the line when the limits or the aspect change later;
        ``manual``: (x, y) data points, each labelling the nearest point of a labelled
        line; ``rightside_up``: never upside down; ``zorder`` (default: the contour's
        + 2). Returns all the labels made so far (``labelTexts``)."""
        if manual is True:
            raise TypeError("manual: got True (place labels with the mouse), which lumos "
                            "does not support; expected False or an iterable of (x, y) "
                            "positions")
        points = None if manual is False or manual is None else _manual_points(manual)
        indices = self._label_indices(levels)
        if fmt is None:
            from .ticker_formatters import ScalarFormatter

            fmt = ScalarFormatter(useOffset=False)
        labelled = [float(self.layers[i]) for i in indices]
        texts = [_label_text(fmt, lev, labelled) for lev in labelled]
        if colors is None:
            rgba = self._level_rgba()[indices]
        else:
            rgba = cycle_rows(color_rows(colors, "colors"), len(indices), None)
        if self.get_alpha() is not None:
            rgba[:, 3] = self.get_alpha()
        opts = {"inline": bool(inline), "spacing": float(inline_spacing),
                "rightside_up": bool(rightside_up), "clabeltext": bool(use_clabeltext),
                "zorder": self.zorder + 2 if zorder is None else float(zorder),
                "fontsize": fontsize, "placed": []}
        widths = [self._label_width(s, fontsize) for s in texts]
        labels = [(i, s, c, w) for i, s, c, w in zip(indices, texts, rgba, widths,
                                                     strict=True)]
        if points is None:
            for label in labels:
                self._label_lines(label, opts)
        else:
            for xy in points:
                self._label_near(xy, labels, opts)
        if opts["inline"] and not self.filled:
            self.rescale()
        return list(self.labelTexts)

    def _label_indices(self, levels) -> list[int]:
        if levels is None:
            return list(range(len(self.layers)))
        wanted = np.atleast_1d(np.asarray(levels, dtype=float))
        found = [i for i, lev in enumerate(self.layers) if np.any(np.isclose(lev, wanted))]
        missing = [v for v in wanted if not np.any(np.isclose(v, self.layers))]
        if missing:
            raise ValueError(f"levels: got {missing}, which are not among the contour "
                             f"levels {list(self.layers)}")
        return found

    def _label_width(self, text: str, fontsize) -> float:
        """The label's width in figure pixels (how much line it covers), to a whole pixel
        as matplotlib's Agg measures text: the width sets the size of the stretches
        compared, so a fraction more can move a label to another one."""
        from .textstyle import TextStyle, extent

        return float(round(extent(self.axes.figure, text, TextStyle(fontsize=fontsize))[0]))

    def _to_screen(self, xy: np.ndarray) -> np.ndarray:
        return np.asarray(self.axes.transData.forward(np.asarray(xy, dtype=float)),
                          dtype=float).reshape(-1, 2)

    def _label_lines(self, label, opts) -> None:
        """matplotlib's automatic placement: one label on each line long enough."""
        i, _, _, width = label
        kept = []
        for seg in self.allsegs[i]:
            screen = self._to_screen(seg)
            if not _fits(screen, width):
                kept.append(seg)
                continue
            k = _straightest(screen, width, opts["placed"])
            angle, pieces = _split_line(seg, screen, k, seg[k], screen[k], width,
                                        opts["spacing"], opts["rightside_up"])
            self._add_label(label, seg[k], screen[k], angle, opts)
            kept.extend(pieces)
        if opts["inline"] and not self.filled:
            self.allsegs[i] = kept

    def _label_near(self, xy, labels, opts) -> None:
        """``manual``: a label at the labelled line point nearest to ``xy`` on screen."""
        target = self._to_screen(xy)[0]
        best = None
        for n, (i, *_) in enumerate(labels):
            for j, seg in enumerate(self.allsegs[i]):
                if len(seg) == 0:
                    continue
                screen = self._to_screen(seg)
                d2, proj, k = _nearest_on_line(screen, target)
                if best is None or d2 < best[0]:
                    best = (d2, n, j, k, proj, screen)
        if best is None:
            return  # no labelled line at all: matplotlib places nothing either
        _, n, j, k, proj, screen = best
        i, width = labels[n][0], labels[n][3]
        seg = self.allsegs[i][j]
        pos = np.asarray(self.axes.transData.inverse(proj[None]), dtype=float).reshape(2)
        angle, pieces = _split_line(seg, screen, k, pos, proj, width, opts["spacing"],
                                    opts["rightside_up"])
        self._add_label(labels[n], pos, proj, angle, opts)
        if opts["inline"] and not self.filled:
            self.allsegs[i] = [*self.allsegs[i][:j], *pieces, *self.allsegs[i][j + 1:]]

    def _add_label(self, label, xy, screen_xy, angle: float, opts) -> None:
        _, text, rgba, _ = label
        props = {} if opts["fontsize"] is None else {"fontsize": opts["fontsize"]}
        t = self.axes.text(float(xy[0]), float(xy[1]), text, color=tuple(rgba),
                           ha="center", va="center", rotation=angle, zorder=opts["zorder"],
                           **props)
        if opts["clabeltext"]:
            t.set_transform_rotates_text(True)
            t.set_rotation(_data_angle(self.axes.transData, xy, angle))
        self.labelTexts.append(t)
        opts["placed"].append(np.asarray(screen_xy, dtype=float))


def _manual_points(manual) -> list[np.ndarray]:
    try:
        pts = [np.asarray(p, dtype=float).reshape(2) for p in manual]
    except (TypeError, ValueError):
        raise ValueError(f"manual: got {manual!r}, expected False or an iterable of (x, y) "
                         "positions") from None
    bad = [tuple(p) for p in pts if not np.isfinite(p).all()]
    if bad:
        raise ValueError(f"manual: got non-finite positions {bad}, expected finite (x, y)")
    return pts


def _fits(screen: np.ndarray, width: float) -> bool:
    """Whether a line is long enough for a label (matplotlib's ``print_label``: many
    points, or wider or taller than 1.2 labels)."""
    return len(screen) > 10 * width or bool(
        len(screen) and (np.ptp(screen, axis=0) > 1.2 * width).any())


def _straightest(screen: np.ndarray, width: float, placed: list) -> int:
    """The index of the label's point: the middle of the label-long block of points that
    strays least from its chord, unless another label of this call is within 1.2 label
    widths (then the next straightest; the straightest when all are that close)."""
    n = len(screen)
    blocks = int(np.ceil(n / width)) if width > 1 else 1
    size = n if blocks == 1 else int(width)
    # the last block is filled up from the line's start (it wraps, as matplotlib's does)
    xx = np.resize(screen[:, 0], (blocks, size))
    yy = np.resize(screen[:, 1], (blocks, size))
    dx, dy = xx[:, -1:] - xx[:, :1], yy[:, -1:] - yy[:, :1]
    cross = (yy[:, :1] - yy) * dx - (xx[:, :1] - xx) * dy
    with np.errstate(divide="ignore", invalid="ignore"):
        stray = (np.abs(cross) / np.hypot(dx, dy)).sum(axis=-1)
    half = size // 2
    order = np.argsort(stray)
    limit = (1.2 * width) ** 2
    for b in order:
        p = np.array([xx[b, half], yy[b, half]])
        if not any(((p - q) ** 2).sum() < limit for q in placed):
            break
    else:
        b = order[0]
    return int((b * size + half) % n)


def _nearest_on_line(screen: np.ndarray, p: np.ndarray) -> tuple[float, np.ndarray, int]:
    """(squared distance, the nearest point of the polyline to ``p``, the index of the
    vertex that ends its segment)."""
    if len(screen) == 1:
        return float(((p - screen[0]) ** 2).sum()), screen[0].copy(), 0
    d = np.diff(screen, axis=0)
    norms = (d ** 2).sum(axis=1)
    norms[norms == 0] = 1.0  # a zero-length segment: its start is its nearest point
    t = np.clip(((p - screen[:-1]) * d).sum(axis=1) / norms, 0.0, 1.0)[:, None]
    proj = screen[:-1] + t * d
    d2 = ((proj - p) ** 2).sum(axis=1)
    k = int(np.argmin(d2))
    return float(d2[k]), proj[k], k + 1


def _split_line(seg: np.ndarray, screen: np.ndarray, k: int, pos: np.ndarray,
                pos_screen: np.ndarray, width: float, spacing: float,
                rightside_up: bool) -> tuple[float, list[np.ndarray]]:
    """The label's angle on screen (degrees) for a label centred at ``pos`` (data; at or
    just before vertex ``k``), and the line without the label's stretch (the label's
    width plus ``spacing`` pixels on each side, measured along the line on screen)."""
    if not np.allclose(pos, seg[k]):
        seg = np.insert(seg, k, pos, axis=0)
        screen = np.insert(screen, k, pos_screen, axis=0)
    closed = len(seg) > 2 and np.array_equal(seg[0], seg[-1])
    if closed:  # a loop: start it at the label so the cut is one piece
        seg = np.concatenate([seg[k:-1], seg[:k + 1]])
        screen = np.concatenate([screen[k:-1], screen[:k + 1]])
        k = 0
    along = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(screen, axis=0).T))])
    along -= along[k]
    ends = np.array([-width / 2, width / 2])
    if closed:  # the label's start is measured back from the loop's end
        ends[0] += along[-1] - along[0]
    sx, sy = (np.interp(ends, along, screen[:, c]) for c in range(2))
    angle = math.degrees(math.atan2(sy[1] - sy[0], sx[1] - sx[0]))
    if rightside_up:
        angle = (angle + 90) % 180 - 90
    ends += [-spacing, spacing]
    i0, i1 = np.interp(ends, along, np.arange(len(along)), left=-1, right=-1)
    i0, i1 = math.floor(i0), math.ceil(i1)
    x, y = (np.interp(ends, along, seg[:, c]) for c in range(2))
    start, stop = np.array([[x[0], y[0]]]), np.array([[x[1], y[1]]])
    pieces = []
    if closed:
        if i0 != -1 and i1 != -1:
            pieces.append(np.concatenate([stop, seg[i1:i0 + 1], start]))
    else:
        if i0 != -1:
            pieces.append(np.concatenate([seg[:i0 + 1], start]))
        if i1 != -1:
            pieces.append(np.concatenate([stop, seg[i1:]]))
    return angle, pieces


def _data_angle(trans, xy, angle: float) -> float:
    """The angle in data coordinates of the direction that ``trans`` turns to ``angle``
    degrees on screen at data point ``xy`` (what ``use_clabeltext`` keeps)."""
    xy = np.asarray(xy, dtype=float)
    at = np.asarray(trans.forward(xy[None]), dtype=float).reshape(2)
    steps = at + np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])  # a pixel along x and y
    p0, px, py = np.asarray(trans.inverse(steps), dtype=float).reshape(3, 2)
    a = math.radians(angle)
    d = (px - p0) * math.cos(a) + (py - p0) * math.sin(a)
    return math.degrees(math.atan2(d[1], d[0]))


def _label_text(fmt, lev: float, labelled: list) -> str:
    """The label of level ``lev`` as matplotlib's clabel makes it: ``fmt`` a dict by level
    (a level it lacks gets 3 decimals; matplotlib shows the literal '%1.3f'), a ticker
    Formatter (it sees all the labelled levels, as a LogFormatter needs), a callable, or a
    %- or {}-format string."""
    if isinstance(fmt, dict):
        return fmt.get(lev, f"{lev:1.3f}")
    if callable(getattr(fmt, "format_ticks", None)):
        return fmt.format_ticks([*labelled, lev])[-1]
    if callable(fmt):
        return fmt(lev)
    if isinstance(fmt, str):
        return fmt % lev if "%" in fmt else fmt.format(lev)
    raise TypeError(f"fmt: got {type(fmt).__name__}, expected a format string, a callable, "
                    "a dict by level or a Formatter")
