"""The figure's overlay: decorations (spines, ticks, labels, legends, figure texts)
drawn in figure pixels, batched by style into a handful of visuals, rebuilt each frame."""

from __future__ import annotations

import numpy as np

from .. import colors, visuals
from .. import primitives as prim
from ..scene import Canvas
from ..scene.cameras import PanZoomCamera
from ..visuals import Line, Text
from ..visuals.fonts import check_text
from ..visuals.glyphs import BASE_SIZE, SPREAD, get_atlas
from ..visuals.mathtext import rich_layout
from ..visuals.text_outline import layout_outline
from .fonts import face_or_default
from .reach import Reach


def sdf_reach(size_px: float) -> float:
    """The widest outline (pixels beyond the glyphs) the glyphs' distance field draws at
    ``size_px``: its spread less half a pixel, past which the saturated field would
    shade whole glyph cells."""
    return SPREAD * size_px / BASE_SIZE - 0.5


def _same(a, b) -> bool:
    """Structural equality of nested lists/tuples of numbers and arrays."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if np.shape(a) != np.shape(b):
            return False
        if isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.size <= 64 \
                and a.dtype.kind == b.dtype.kind == "f":
            # a decoration's few points: Python floats compare in a tenth of
            # array_equal's time; NaN equals NaN, as there
            la, lb = a.ravel().tolist(), b.ravel().tolist()
            return la == lb or all(x == y or (x != x and y != y)
                                   for x, y in zip(la, lb, strict=True))
        return bool(np.array_equal(a, b, equal_nan=True))
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def _lift(step: int) -> float:
    """How far a text of path-effect ``step`` lies over the layer's plain texts: whole
    orders (kept under the next layer's 10; a list of more than six Normals shares one)."""
    return float(min(step, 6))


def _pixel_camera(rect, height: float) -> tuple[float, float, float, float]:
    """The camera rectangle (figure pixels, y up) of a view placed at ``rect`` that
    draws figure pixels where the whole-canvas overlay draws them: the camera is shown
    at the view's exact rect (the viewport only clips at its rounded edges)."""
    x, y, w, h = rect
    return x, height - y - h, w, h


class ClipOverlays:
    """Overlays of one axes beside the overlay of its run's decorations (``above``):

    - clipped to the axes' box: the texts drawn with ``clip_on=True``, clipped at the
      pixel as matplotlib clips them to the axes' clip box; by ``place``: at or under
      the axis' zorder (0: matplotlib's 1.5, per ``axisbelow``) right under the
      decorations (the ticks and spines cover them), up to the spines' (1) there too
      but over the ticks apart, the others (2) right over them;
    - unclipped, the axes' legends (``over``) where they must lie apart from the
      decorations: over the clipped texts (zorder 5 over 3), under the frame (a legend
      of zorder under the spines' 2.5: ``low``), or with artists between the frame
      and the legend in zorder (the figure puts their views between the two);
    - unclipped, the axes' ticks and tick labels (``ticks``) where artists lie between
      them and the spines in zorder (the figure puts their views right over it): under
      the decorations, over the clipped texts under the axis;
    - unclipped, the axes' texts over the spines (``texts``) where artists lie between
      them and the spines in zorder (the figure puts their views right under it): over
      the decorations, under the clipped texts."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self._pool: dict[tuple[int, int], Overlay] = {}  # (axes id, place) -> clipped
        self._over: dict[int, Overlay] = {}
        self._used: dict[tuple[int, int], tuple] = {}  # this frame's: (ov, ax, above)
        self._legends: dict[int, tuple] = {}  # this frame's: (ov, ax, above, low)
        self._committed: dict[int, object] = {}  # axes id -> its legends' view, committed
        self._ticks: dict[int, Overlay] = {}
        self._ticks_used: dict[int, tuple] = {}  # this frame's: (ov, ax, above)
        self._ticks_committed: dict[int, object] = {}  # axes id -> its ticks' view
        self._texts: dict[int, Overlay] = {}
        self._texts_used: dict[int, tuple] = {}  # this frame's: (ov, ax, above)

    def get(self, ax, above: Overlay, place: int = 2) -> Overlay:
        """The overlay clipped to ``ax``'s box this frame, at ``above``'s layer, under
        ``above``'s drawing (``place`` 0: under the ticks apart, 1: over them) or over
        it (2)."""
        key = (id(ax), place)
        ov = self._pool.get(key)
        if ov is None:
            ov = self._pool[key] = Overlay(self.canvas)
        ov.layer = above.layer
        self._used[key] = (ov, ax, above)
        return ov

    def over(self, ax, above: Overlay, apart: bool = False,
             low: bool = False) -> Overlay | None:
        """The unclipped overlay of ``ax``'s legends this frame: over its clipped one
        (None when ``ax`` drew no clipped text and its legends need not be ``apart``
        from ``above``), or under ``above`` (``low``)."""
        if not apart and (id(ax), 2) not in self._used:
            return None
        ov = self._over.get(id(ax))
        if ov is None:
            ov = self._over[id(ax)] = Overlay(self.canvas)
        self._legends[id(ax)] = (ov, ax, above, low)
        return ov

    def ticks(self, ax, above: Overlay) -> Overlay:
        """The unclipped overlay of ``ax``'s ticks and tick labels this frame, right
        under ``above``'s drawing (and over ``ax``'s clipped texts under it)."""
        return self._apart(self._ticks, self._ticks_used, ax, above)

    def texts(self, ax, above: Overlay) -> Overlay:
        """The unclipped overlay of ``ax``'s texts over its spines this frame, right
        over ``above``'s drawing (under ``ax``'s clipped texts over it)."""
        ov = self._apart(self._texts, self._texts_used, ax, above)
        ov.layer = 1
        return ov

    def _apart(self, pool: dict, used: dict, ax, above: Overlay) -> Overlay:
        """``ax``'s unclipped overlay of ``pool`` (made on first use), noted as
        ``used`` this frame beside ``above``."""
        ov = pool.get(id(ax))
        if ov is None:
            ov = pool[id(ax)] = Overlay(self.canvas)
        used[id(ax)] = (ov, ax, above)
        return ov

    def ticks_view(self, ax):
        """The view of ``ax``'s ticks apart, as the last commit placed it (else None)."""
        return self._ticks_committed.get(id(ax))

    def holds(self, view) -> bool:
        """Whether ``view`` is one of the clipped overlays' or the texts' apart."""
        return any(ov.view is view for pool in (self._pool, self._texts)
                   for ov in pool.values())

    def legend_view(self, ax):
        """The view of ``ax``'s legends apart, as the last commit placed it (else
        None)."""
        return self._committed.get(id(ax))

    def commit(self) -> None:
        """Hand this frame's drawing to the views, each right under or over its
        ``above``; overlays unused go."""
        views = self.canvas.views
        for pool, used in ((self._pool, self._used), (self._over, self._legends),
                           (self._ticks, self._ticks_used), (self._texts, self._texts_used)):
            for key in [k for k in pool if k not in used]:
                ov = pool.pop(key)
                ov.commit(self.canvas.size)  # nothing drawn: its visuals go
                if ov.view in views:
                    views.remove(ov.view)
        cw, ch = self.canvas.size
        # axes id -> (above, [under it], [over it]), each (overlay, rank): the clipped
        # texts under the axis (0), the ticks (1), the clipped texts over them (1.5),
        # the legends (2) in drawing order; over it the texts apart (-1) first
        stacks: dict[int, tuple] = {}
        for (key, place), (ov, ax, above) in self._used.items():
            bx, by, bw, bh = ax.box
            ov.commit((cw, ch), ax.view.fixed_rect or (bx, ch - by - bh, bw, bh))
            stacks.setdefault(key, (above, [], []))[1 if place < 2 else 2].append(
                (ov, 1.5 if place == 1 else 0))
        for key, (ov, _, above) in self._ticks_used.items():
            ov.commit((cw, ch))
            stacks.setdefault(key, (above, [], []))[1].append((ov, 1))
        for key, (ov, _, above) in self._texts_used.items():
            ov.commit((cw, ch))
            stacks.setdefault(key, (above, [], []))[2].append((ov, -1))
        for key, (ov, _, above, low) in self._legends.items():
            ov.commit((cw, ch))
            stacks.setdefault(key, (above, [], []))[1 if low else 2].append((ov, 2))
        for above, ranked_below, ranked_over in stacks.values():
            below = [o for o, _ in sorted(ranked_below, key=lambda r: r[1])]
            over = [o for o, _ in sorted(ranked_over, key=lambda r: r[1])]
            for o in below + over:
                views.remove(o.view)
            at = views.index(above.view) if above.view in views else len(views)
            views[at:at] = [o.view for o in below]
            at += len(below) + (above.view in views)
            views[at:at] = [o.view for o in over]
        self._committed = {key: ov.view for key, (ov, *_) in self._legends.items()}
        self._ticks_committed = {key: ov.view for key, (ov, *_) in self._ticks_used.items()}
        self._used, self._legends, self._ticks_used, self._texts_used = {}, {}, {}, {}


class Overlay:
    """Figure-pixel drawing of decorations, batched by style: a handful of draws for
    every spine, tick, label and legend of the figure. Rebuilt every frame.

    ``layer`` stacks what is drawn: everything of a layer lies above all of the layers
    below, whatever its kind: 0 the axes' frames (spines, ticks, labels) and what lies
    under them, 1 the artists over them (texts and annotations, zorder 3; the figure's
    texts), 2 legends. A ``step`` (path effects) lifts a text's glyphs and outlines
    over the texts of lower steps in its layer, and a line over the layer's lines
    (under its markers): an effect after the text or line in matplotlib's list is
    drawn over it."""

    def __init__(self, canvas: Canvas) -> None:
        self.view = canvas.add_view(camera=PanZoomCamera(), rect=(0, 0, 1, 1))
        self.view.interactive = False  # decorations follow the axes, never the mouse
        self.view.whole_canvas = True
        self._pool: dict[tuple, object] = {}
        self._inputs: dict[tuple, object] = {}
        self.layer = 0
        self._begin()

    def _begin(self) -> None:
        self.lines: dict[tuple, tuple[list, list]] = {}
        self.texts: dict[tuple, tuple[list, list, list]] = {}
        self.rects: dict[int, list[tuple]] = {}
        self.hatches: dict[int, list[tuple]] = {}
        self.polygons: dict[int, list[tuple]] = {}
        self.markers: dict[tuple, tuple[list, list, list]] = {}
        self.outlines: dict[tuple, list] = {}
        self.layer = 0

    def line(self, points, color, width_px: float, dashes=None, look: dict | None = None,
             step: int = 0) -> None:
        """A polyline in figure pixels; ``look`` the Line visual's ``cap``, ``dash_cap``
        and ``join`` (None: round ends and corners); ``step`` 1: over the layer's lines."""
        style = tuple(sorted((look or {}).items()))
        pts, cols = self.lines.setdefault((self.layer, round(width_px, 3), dashes, style,
                                           step), ([], []))
        pts.append(np.asarray(points, dtype=float))
        cols.append(colors.to_rgba(color))

    def text(self, s: str, x: float, y: float, size_px: float, color="black",
             ha: str = "center", va: str = "center", rotation: float = 0.0,
             bold: bool = False, face: str | None = None, dilate: float = 0.0,
             step: int = 0) -> None:
        """Text at figure pixel (x, y); ``face`` a bundled face ('serif-italic', ...),
        ``dilate`` pixels of outline and ``step`` over the texts of lower steps (path
        effects)."""
        if not s:
            return
        face = face_or_default(face, bold)
        if dilate > sdf_reach(size_px):
            self._outline(s, x, y, size_px, color, ha, va, rotation, face, dilate, step)
            return
        key = (self.layer, round(size_px, 3), ha, va, round(rotation, 3), face,
               round(dilate, 3), step)
        strings, pos, cols = self.texts.setdefault(key, ([], [], []))
        strings.append(s)
        pos.append((x, y))
        cols.append(colors.to_rgba(color))

    def _outline(self, s: str, x: float, y: float, size_px: float, color, ha: str, va: str,
                 rotation: float, face: str, dilate: float, step: int) -> None:
        """The glyph outlines of text at figure pixel (x, y), filled and stroked
        ``2 * dilate`` wide (round joins): an outline wider than the glyphs' distance
        field reaches, as matplotlib strokes the glyph paths."""
        verts, codes = self.text_outline(s, x, y, size_px, ha, va, rotation, face)
        rgba = colors.to_rgba(color)
        self.outline_path(prim.Path(verts, codes, fill=rgba,
                                    stroke=prim.Stroke(rgba, 2 * dilate, join="round")), step)

    @staticmethod
    def text_outline(s: str, x: float, y: float, size_px: float, ha: str, va: str,
                     rotation: float, face: str) -> tuple[np.ndarray, np.ndarray]:
        """The glyph outlines of text at figure pixel (x, y): vertices in figure pixels
        and matplotlib's path codes."""
        layout = rich_layout(check_text(s), get_atlas(False, face).font, ha, va,
                             font_size=size_px)
        verts, codes = layout_outline(layout)
        a = np.radians(rotation)
        turn = np.array([[np.cos(a), np.sin(a)], [-np.sin(a), np.cos(a)]])  # y up, ccw
        return np.asarray(verts, dtype=float).reshape(-1, 2) * size_px @ turn + (x, y), codes

    def outline_path(self, path: prim.Path, step: int = 0, tile_px: float = 72.0) -> None:
        """A path in figure pixels drawn with the text outlines of ``step`` (under that
        step's glyphs), hatch tiles of ``tile_px`` (a text's path effects)."""
        if len(path.vertices):
            self.outlines.setdefault((self.layer, step, tile_px), []).append(path)

    def rect(self, x: float, y: float, w: float, h: float, facecolor, edgecolor=None,
             linewidth_px: float = 0.0) -> None:
        self.rects.setdefault(self.layer, []).append((x, y, w, h, colors.to_rgba(facecolor)))
        if edgecolor is not None and linewidth_px > 0:
            self.line([(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)], edgecolor,
                      linewidth_px)

    def hatch(self, x: float, y: float, w: float, h: float, letters: str, color,
              width_px: float, tile_px: float) -> None:
        """matplotlib's hatch over a rectangle (a legend's patch), tiles of ``tile_px``
        (the figure's dpi) anchored at the canvas's top left as the axes' hatches."""
        self.hatch_polygon([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], letters, color,
                           width_px, tile_px)

    def hatch_polygon(self, points, letters: str, color, width_px: float,
                      tile_px: float) -> None:
        """matplotlib's hatch over a polygon in figure pixels (as ``hatch``)."""
        ring = np.asarray(points, dtype=float)
        ring = np.vstack([ring, ring[:1]])
        self.hatches.setdefault(self.layer, []).append(
            (prim.Path(ring, hatch=letters, hatch_color=colors.to_rgba(color),
                       hatch_width=width_px), tile_px))

    def path(self, path: prim.Path, tile_px: float) -> None:
        """A primitives path in figure pixels (a legend box with path effects), drawn
        with the hatches (tiles of ``tile_px``), in call order."""
        self.hatches.setdefault(self.layer, []).append((path, tile_px))

    def polygon(self, points, facecolor) -> None:
        """A filled polygon in figure pixels, triangulated as a fan from its first point
        (right for convex and star-shaped outlines such as arrow heads)."""
        pts = np.asarray(points, dtype=float)
        if len(pts) >= 3 and np.isfinite(pts).all():
            self.polygons.setdefault(self.layer, []).append((pts, colors.to_rgba(facecolor)))

    def marker(self, x: float, y: float, symbol: str, size_px: float, face, edge,
               edge_width_px: float, join: str | None = None, snap=None) -> None:
        """A marker at figure pixel (x, y); ``join``: its edge's corners (None: the
        symbol's own, as a line's markers join); ``snap``: ``Markers.snap`` (None: where
        it is)."""
        key = (self.layer, symbol, round(edge_width_px, 3), tuple(colors.to_rgba(edge)), join,
               snap)
        pos, sizes, faces = self.markers.setdefault(key, ([], [], []))
        pos.append((x, y))
        sizes.append(size_px)
        faces.append(colors.to_rgba(face))

    def _batches(self):
        """Every batch list of this frame, with what widens its items beyond their
        points: (list, kind, key)."""
        for key, (pts, _) in self.lines.items():
            yield pts, "line", key
        for key, item in self.texts.items():
            yield item[0], "text", key
        for key, item in self.markers.items():
            yield item[0], "marker", key
        for kind, batches in (("rect", self.rects), ("hatch", self.hatches),
                              ("polygon", self.polygons), ("outline", self.outlines)):
            for key, items in batches.items():
                yield items, kind, key

    def mark(self) -> dict[int, int]:
        """Where this frame's batches stand now: ``reach_since`` reads what follows."""
        return {id(items): len(items) for items, _, _ in self._batches()}

    def reach_since(self, mark: dict[int, int]) -> Reach:
        """The pixel box covered by what was drawn since ``mark`` (``mark()``): every
        point at once, widened by the widest line, marker or stroke among them (a few
        pixels more than exact where they differ); the texts one by one."""
        reach = Reach()
        arrays: list = []
        pad = 0.0
        for items, kind, key in self._batches():
            start = mark.get(id(items), 0)
            if start == len(items):
                continue
            new = items[start:]
            if kind == "line":
                arrays += new
                pad = max(pad, key[1] / 2)
            elif kind == "text":
                _, pos, _ = self.texts[key]
                _, size, ha, va, rot, face, dilate, _ = key
                for s, (x, y) in zip(new, pos[start:], strict=True):
                    reach.text(s, x, y, size, ha, va, rot, face, dilate)
            elif kind == "marker":
                arrays.append(new)
                pad = max(pad, max(self.markers[key][1][start:]) / 2 + key[2])
            elif kind == "rect":
                arrays += [((x, y), (x + w, y + h)) for x, y, w, h, _ in new]
            elif kind == "polygon":
                arrays += [pts for pts, _ in new]
            else:  # hatches and outlines: paths
                paths = [it[0] if kind == "hatch" else it for it in new]
                arrays += [p.vertices for p in paths]
                pad = max(pad, *((p.stroke.width / 2 if p.stroke else 0.0) for p in paths))
        if arrays:
            reach.points(np.concatenate(arrays, dtype=float), pad)  # each (n, 2)
        return reach

    def commit(self, size: tuple[int, int], clip=None) -> None:
        """Turn what was collected into visuals, reusing those of the last frame;
        ``clip``: the view's rectangle (canvas logical pixels from the top left, an
        axes' own view's) that clips everything drawn, else the whole canvas."""
        w, h = size
        self.view.fixed_rect = (0, 0, w, h) if clip is None else tuple(clip)
        self.view.camera.rect = (0, 0, w, h) if clip is None else \
            _pixel_camera(clip, h)
        wanted: dict[tuple, object] = {}
        for layer in sorted(set(self.rects) | set(self.polygons)):
            verts, faces, cols = [], [], []
            for x, y, rw, rh, c in self.rects.get(layer, ()):
                k = len(verts)
                verts += [(x, y), (x + rw, y), (x + rw, y + rh), (x, y + rh)]
                faces += [(k, k + 1, k + 2), (k, k + 2, k + 3)]
                cols += [c] * 4
            for pts, c in self.polygons.get(layer, ()):
                k = len(verts)
                verts += [tuple(p) for p in pts]
                faces += [(k, k + j, k + j + 1) for j in range(1, len(pts) - 1)]
                cols += [c] * len(pts)
            key = ("rects", layer)
            mesh = self._get(key, visuals.Mesh, shading=None)
            if self._changed(key, (verts, faces, cols)):
                mesh.set_data(np.asarray(verts), np.asarray(faces),
                              vertex_colors=np.asarray(cols))
            # legend boxes are pixel-aligned; only slanted arrow heads need multisampling
            mesh.needs_multisampling = bool(self.polygons.get(layer))
            mesh.order = 10 * layer
            wanted[key] = mesh
        for layer, items in self.hatches.items():
            for tile in {t for _, t in items}:  # one visual per tile size (the dpi)
                key = ("hatch", layer, tile)
                paths = self._get(key, visuals.Paths, hatch_unit=tile)
                group = [p for p, t in items if t == tile]
                if self._changed(key, ([(p.vertices, p.hatch, p.hatch_color, p.hatch_width,
                                        p.fill, p.stroke) for p in group], h)):
                    paths.set_paths(group)
                    paths.canvas_height = h
                paths.order = 10 * layer + 0.5  # over the patch, under its edge
                wanted[key] = paths
        for (layer, width, dashes, style, step), (pts, cols) in self.lines.items():
            key = ("line", layer, width, dashes, style, step)
            line = self._get(key, Line, width=width, dashes=dashes, **dict(style))
            if self._changed(key, (pts, cols)):
                if len(pts) > 1:
                    line.set_data(pts, color=cols)
                else:
                    line.set_data(pts[0], color=cols[0])
            line.order = 10 * layer + (1.5 if step else 1)  # over the lines, under markers
            wanted[key] = line
        for key, (pos, sizes, faces) in self.markers.items():
            layer, symbol, edge_w, edge, join, snap = key
            m = self._get(("markers",) + key, visuals.Markers, symbol=symbol, edge_width=edge_w,
                          edge_color=edge, join=join, snap=snap)
            if self._changed(("markers",) + key, (pos, sizes, faces)):
                m.set_data(np.asarray(pos), size=np.asarray(sizes), color=np.asarray(faces))
            m.order = 10 * layer + 2
            wanted[("markers",) + key] = m
        for (layer, step, tile), group in self.outlines.items():
            key = ("outlines", layer, step, tile)
            paths = self._get(key, visuals.Paths, hatch_unit=tile)
            if self._changed(key, ([(p.vertices, p.fill, p.stroke, p.hatch, p.hatch_color,
                                     p.hatch_width) for p in group], h)):
                paths.set_paths(group)
                paths.canvas_height = h
            # under the text, as the distance field's
            paths.order = 10 * layer + 2.5 + _lift(step)
            wanted[key] = paths
        for key, (strings, pos, cols) in self.texts.items():
            layer, size, ha, va, rot, face, dilate, step = key
            t = self._get(("text",) + key, Text, font_size=size, anchor_x=ha, anchor_y=va,
                          rotation=rot, face=face, dilate=dilate)
            if self._changed(("text",) + key, (strings, pos, cols)):
                t.set_data(strings, np.asarray(pos), color=cols)
            # outlines under the text
            t.order = 10 * layer + (2.5 if dilate > 0 else 3) + _lift(step)
            wanted[("text",) + key] = t
        for key in [k for k in self._pool if k not in wanted]:
            self.view.remove(self._pool.pop(key))
            self._inputs.pop(key, None)
        # equal orders draw in the view's order: this frame's calls' order, as a new
        # overlay adds them (a style first used now, a legend's gap stroke made after
        # its dashes' line, would otherwise draw over the visuals pooled before it)
        self.view.reorder({id(v): i for i, v in enumerate(wanted.values())})
        self._begin()

    def _changed(self, key: tuple, inputs) -> bool:
        """Whether a pooled visual's inputs differ from last frame's: an unchanged
        decoration (every frame of a pan in y only) uploads nothing."""
        if key in self._inputs and _same(self._inputs[key], inputs):
            return False
        self._inputs[key] = inputs
        return True

    def _get(self, key: tuple, cls, **kwargs):
        """The pooled visual for a style key, made with ``cls(**kwargs)`` the first time."""
        visual = self._pool.get(key)
        if visual is None:
            visual = self._pool[key] = cls(**kwargs)
            self.view.add(visual)
        return visual
