"""From the display list to a lumos canvas: views, batches, layers, and what is kept.

Views. An item clipped to an axes' box goes to that axes' view: the box is the view's
rectangle (the GPU scissor clips, as Agg's clip box does) and the camera is the axes'
data-to-pixel affine (``transData``), so data drawn with it keep their coordinates and
a pan or zoom changes only the camera. Other items go to a pixel-camera view of their
clip rectangle, or of the whole canvas.

Batches and layers. matplotlib draws in z-order, one artist after another (a tick
mark, its label, the next tick mark...). Items of one kind in one view become one
visual (one draw) wherever the order allows: an item joins the earliest layer above
every earlier item it overlaps that is not of its own batch. Views are emitted layer by
layer; within a layer, batches never overlap, so their order does not matter.

Keeping. Views and visuals are kept between draws, keyed by (view, layer, batch); a
visual whose items have the same fingerprints and camera placement as last time is not
touched (nothing uploads), otherwise its data are replaced in place.
"""

from __future__ import annotations

import math

import numpy as np

from .. import primitives as prim
from ..scene import Canvas
from ..scene.cameras import PanZoomCamera
from ..visuals import Image, Line, Mesh
from ..visuals.clip import ClipGroup
from ..visuals.path import Paths
from .items import Item, axis_aligned, drawn
from .sprites import SpriteAtlas
from .visuals import Stamps, TextStamps, _VersionedTexture

CELL = 4  # pixels per cell of the overlap grid used for layering


class _Slot:
    """A kept visual, the fingerprint of what it shows and the items it was built from."""

    __slots__ = ("visual", "stamp", "items")

    def __init__(self, visual) -> None:
        self.visual = visual
        self.stamp = None
        self.items: list = []


class SceneBuilder:
    """Turns display lists into a :class:`lumos.scene.Canvas`, keeping what did not
    change between draws."""

    def __init__(self) -> None:
        self.canvas = Canvas(size=(1, 1), pixel_ratio=1.0, bgcolor=(0.0, 0.0, 0.0, 0.0),
                             title="matplotlib figure")
        self.atlas = SpriteAtlas()
        self._sprite_texture = _VersionedTexture("linear")
        self._views: dict[tuple, object] = {}
        self._slots: dict[tuple, _Slot] = {}
        self.stats = {"visuals": 0, "rebuilt": 0, "views": 0, "rebuilt_points": 0}
        self._view_keys: dict = {}
        # items their clip box does not cut go to the canvas's view, batched with the
        # rest; a page whose axes pan in the browser keeps every item in its axes' view
        self.merge_unclipped = True
        # a browser's mouse moves the axes' views (a notebook widget): they are
        # interactive and keep all their items (FigureScene.camera_changed follows)
        self.browser_navigation = False
        self._axes_of: dict = {}
        self._axes_by_id: dict = {}
        self._clear_views: list = []

    # -- cameras -------------------------------------------------------------------------
    def _axes_cameras(self, figure) -> dict:
        """Each axes' clip box (Agg's rounding) -> [(axes, transData affine)]."""
        out: dict = {}
        if figure is None:
            return out
        h = self._height
        stack = [figure]
        while stack:
            f = stack.pop()
            stack.extend(getattr(f, "subfigs", []))
            for ax in f.axes:
                x0, y0, x1, y1 = ax.bbox.extents
                key = (math.floor(x0 + 0.5), math.ceil(y0 - 0.5), math.floor(x1 + 0.5),
                       math.ceil(y1 - 0.5))
                key = (max(key[0], 0), max(key[1], 0), min(key[2], self._width),
                       min(key[3], h))
                try:
                    m = np.array(ax.transData.get_affine().get_matrix(), float)
                except Exception:  # an axes without a data transform yet
                    continue
                if axis_aligned(m):
                    out.setdefault(key, []).append((ax, m))
        return out

    def _view_of(self, item: Item, cameras: dict) -> tuple[tuple, np.ndarray]:
        """(view key, camera affine) for an item; items clipped by a path get views of
        their own (the path's fingerprint is part of the key)."""
        # an item its clip box does not cut joins the canvas's view (and its batches)
        merge = self.merge_unclipped and not self.browser_navigation
        clip = item.clip if item.clipped or not merge else None
        shape = () if item.clip_path is None else (item.clip_path[1],)
        if clip is None:
            return ("canvas", *shape), np.eye(3)
        found = cameras.get(clip)
        if found:
            pick = found[0]
            if item.affine is not None:
                for ax, m in found:
                    if np.array_equal(m, item.affine):
                        pick = (ax, m)
                        break
            self._axes_by_id[id(pick[0])] = pick[0]
            return ("axes", id(pick[0]), clip, *shape), pick[1]
        return ("clip", clip, *shape), np.eye(3)

    # -- the build -----------------------------------------------------------------------
    def build(self, items: list[Item], size: tuple[int, int], dpi: float,
              figure=None, pixel_ratio: float = 1.0) -> Canvas:
        """Lay the items out in views and visuals; returns the canvas to render.

        ``size`` is matplotlib's in display pixels; ``pixel_ratio`` device pixels per
        logical pixel (a HiDPI window: matplotlib then draws at its device pixel ratio,
        and the canvas is ``size / pixel_ratio`` logical pixels)."""
        w, h = float(size[0]), float(size[1])  # vector pages may have fractional sizes
        self._width, self._height = w, h
        self._pr = pr = float(pixel_ratio)
        canvas = self.canvas
        whole = (math.ceil(w / pr - 1e-6), math.ceil(h / pr - 1e-6))
        if canvas.size != whole:
            canvas.size = whole
        if canvas.pixel_ratio != pr:
            canvas.pixel_ratio = pr
        items, background = _background(items, w, h)
        if canvas.bgcolor != background:
            canvas.bgcolor = background  # clearing costs less than filling, per pixel
        cameras = self._axes_cameras(figure)
        self._axes_by_id = {}
        placed = [(it, *self._view_of(it, cameras)) for it in items]
        layers, alone = _layers(placed, *whole)
        # an opaque whole-pixel box nothing was drawn under (an axes' background) is a
        # clear of its rectangle before the draws: clearing costs less than filling
        clears = []
        for i, (it, vkey, _cam) in enumerate(placed):
            color = _clear_color(it, vkey) if alone[i] else None
            if color is not None:
                clears.append((it.bbox, color))
                layers[i] = None
        slots: dict[tuple, dict[tuple, list]] = {}
        view_camera: dict[tuple, np.ndarray] = {}
        view_clip: dict[tuple, tuple] = {}
        view_shape: dict[tuple, tuple] = {}
        view_axes: dict[tuple, object] = {}
        for (it, vkey, cam), layer in zip(placed, layers, strict=True):
            if layer is None:
                continue
            slots.setdefault((layer, vkey), {}).setdefault(it.batch_key(), []).append(it)
            view_camera[vkey] = cam
            view_clip[vkey] = vkey[2] if vkey[0] == "axes" else vkey[1] \
                if vkey[0] == "clip" else None
            view_shape[vkey] = it.clip_path
            if vkey[0] == "axes":
                view_axes[vkey] = self._axes_by_id[vkey[1]]
        order = sorted(slots, key=lambda k: k[0])  # stable: first appearance within a layer
        views, kept_views, kept_slots = [], {}, {}
        # Views and visuals are kept under keys that do not name the layer (which can move
        # when ticks move): the n-th view of a clip box, the n-th batch of a kind in it.
        seen_views: dict = {}
        seen_batches: dict = {}
        for layer, vkey in order:
            vid = (vkey, seen_views.setdefault(vkey, 0))
            seen_views[vkey] += 1
            view = self._views.get(vid) or self._new_view()
            kept_views[vid] = view
            cam = view_camera[vkey]
            _place_view(view, view_clip[vkey], cam, w, h, pr)
            inv = np.linalg.inv(cam)
            visuals = []
            for n, (bkey, batch) in enumerate(slots[(layer, vkey)].items()):
                k = (vkey, bkey)
                sid = (k, seen_batches.setdefault(k, 0))
                seen_batches[k] += 1
                slot = self._slots.get(sid)
                if _within(slot, batch, cam):
                    visual, stamp = slot.visual, slot.stamp
                else:
                    visual, stamp = self._fill(slot, batch, inv, dpi, h)
                if slot is None or slot.visual is not visual:
                    slot = _Slot(visual)
                if slot.stamp != stamp:
                    slot.items = batch
                slot.stamp = stamp
                visual.rasterized = batch[0].rasterized
                kept_slots[sid] = slot
                if "aliased" in batch[0].style and not all(_pixel_box(it) for it in batch):
                    # Agg fills these without antialiasing (a pixel is in or out by its
                    # centre): drawn in a target without multisampling, copied whole
                    visual = self._aliased(sid, visual, view_clip[vkey], inv, kept_slots)
                visual.order = n
                visuals.append(visual)
            shape = view_shape[vkey]
            if shape is not None:  # drawn through the clip path
                gid = (vid, "clip")
                group = self._slots.get(gid)
                group = group.visual if group is not None else ClipGroup()
                if group.members != visuals or group.stamp != (shape[1], _near(inv)):
                    group.set_group(visuals, [r @ inv[:2, :2].T + inv[:2, 2]
                                              for r in shape[0]], (shape[1], _near(inv)))
                kept_slots[gid] = _Slot(group)
                visuals = [group]
            view.visuals[:] = visuals
            views.append(view)
        self.stats = {"visuals": len(kept_slots), "views": len(views),
                      "rebuilt": self._rebuilt, "rebuilt_points": self._rebuilt_points}
        self._rebuilt = self._rebuilt_points = 0
        self._views, self._slots = kept_views, kept_slots
        while len(self._clear_views) < len(clears):
            self._clear_views.append(self._new_view())
        backgrounds = []
        for view, ((x0, y0, x1, y1), color) in zip(self._clear_views[:len(clears)], clears,
                                                   strict=True):
            view.fixed_rect = (x0 / pr, (h - y1) / pr, (x1 - x0) / pr, (y1 - y0) / pr)
            view.bgcolor = color
            view.visuals[:] = []
            backgrounds.append(view)
        canvas.views[:] = backgrounds + views
        self._view_keys = {id(v): k[0] for k, v in kept_views.items()}
        self._axes_of = {id(v): (view_axes[k[0]], tuple(v.camera.rect))
                         for k, v in kept_views.items() if k[0] in view_axes}
        if self.browser_navigation:
            self.interactive_axes(True)
        return canvas

    def follow_axes(self) -> None:
        """Each axes' data views show the axes' limits as they are now (cameras only:
        nothing is laid out or uploaded; ticks and labels wait for matplotlib's draw)."""
        w, h, pr = self._width, self._height, self._pr
        for v in self.canvas.views:
            entry = self._axes_of.get(id(v))
            if entry is None:
                continue
            ax = entry[0]
            m = np.array(ax.transData.get_affine().get_matrix(), float)
            if not axis_aligned(m):
                continue
            x, y, vw, vh = v.fixed_rect
            clip = (x * pr, h - (y + vh) * pr, (x + vw) * pr, h - y * pr)
            _place_view(v, clip, m, w, h, pr)

    def axes_view(self, view) -> tuple | None:
        """(axes, camera rect when built) of an axes' data view, or None."""
        return self._axes_of.get(id(view))

    def interactive_axes(self, on: bool = True) -> list:
        """Let the mouse pan and zoom the axes' data views (a standalone page or a
        notebook, where no matplotlib toolbar runs); returns those views."""
        out = [v for v in self.canvas.views if self._view_keys.get(id(v), ("",))[0] == "axes"]
        for v in out:
            v.interactive = on
        return out

    _rebuilt = 0
    _rebuilt_points = 0

    def _aliased(self, sid, visual, clip, inv: np.ndarray, kept: dict):
        """``visual`` inside a group drawn through its view's whole rectangle."""
        gid = (sid, "aliased")
        slot = self._slots.get(gid)
        group = slot.visual if slot is not None else ClipGroup(multisample=False)
        x0, y0, x1, y1 = clip if clip is not None else (0, 0, self._width, self._height)
        ring = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], float)
        stamp = (ring.tobytes(), _near(inv))
        if group.members != [visual] or group.stamp != stamp:
            group.set_group([visual], [ring @ inv[:2, :2].T + inv[:2, 2]], stamp)
        kept[gid] = _Slot(group)
        return group

    def _new_view(self):
        view = self.canvas.add_view(rect=(0, 0, 1, 1), camera=PanZoomCamera())
        self.canvas.views.remove(view)  # placed in order by build()
        view.interactive = False  # matplotlib's toolbar moves the axes, not the mouse
        return view

    def _fill(self, slot: _Slot | None, batch: list, inv: np.ndarray, dpi: float, height: int):
        """The visual showing ``batch`` (the slot's, updated, or a new one) and the stamp
        of what it shows."""
        ms = [inv if it.affine is None else inv @ it.affine for it in batch]
        pr = self._pr
        stamp = (tuple(it.fingerprint for it in batch),
                 tuple(_near(m) for m in ms), pr)
        kind = batch[0].kind
        if slot is not None and slot.stamp == stamp:
            return slot.visual, stamp
        self._rebuilt += 1
        self._rebuilt_points += sum(_size(it) for it in batch)
        visual = slot.visual if slot is not None else None
        if kind == "paths":
            paths = [p for it, m in zip(batch, ms, strict=True) for p in it.in_camera(m)]
            if pr != 1:  # the visual's widths are logical pixels
                paths = [_scaled(p, 1 / pr) for p in paths]
            if visual is None:
                visual = Paths(paths, units="data", hatch_unit=dpi / pr,
                               canvas_height=height / pr)
            else:
                visual.hatch_unit = dpi / pr
                visual.canvas_height = height / pr
                visual.set_paths(paths)
            if visual.needs_multisampling and all(_pixel_box(it) for it in batch):
                visual.needs_multisampling = False  # whole-pixel rectangles: no edges to smooth
        elif kind == "line":
            lines = [it.in_camera(m) for it, m in zip(batch, ms, strict=True)]
            it0 = batch[0]
            if visual is None:
                # matplotlib's gc holds the dash cap for a dashed line
                visual = Line(cap=it0.cap, dash_cap=it0.cap, join=it0.join)
            visual.width = it0.width / pr
            visual.dashes = None if it0.dashes is None else [d / pr for d in it0.dashes]
            visual.dash_offset = it0.dash_offset / pr
            if len(lines) == 1:
                visual.set_data(lines[0], color=it0.color)
            elif all(isinstance(it.color, tuple) for it in batch):
                visual.set_data(lines, color=[it.color for it in batch])
            else:  # some items color each of their lines: a color per point
                rows = [np.broadcast_to(it.color, (len(v), 4)) for it, v in
                        zip(batch, lines, strict=True)]
                visual.set_data(lines, color=np.concatenate(rows))
        elif kind == "markers":
            visual = visual or Stamps(self.atlas, self._sprite_texture)
            _fill_stamps(visual, batch, ms)
        elif kind == "text":
            visual = visual or TextStamps(self.atlas, self._sprite_texture)
            points, sprites, which, face = _merged_stamps(batch, ms)
            anchors = [it.anchor_in_camera(m)[0] for it, m in zip(batch, ms, strict=True)]
            visual.set_text(batch, points, sprites, which, face, np.array(anchors))
        elif kind == "image":
            it, m = batch[0], ms[0]
            c = it.in_camera(m)
            if visual is None:
                visual = Image(it.rgba, extent=(0, 1, 0, 1), interpolation="nearest")
            else:
                visual.set_data(it.rgba)
            model = np.eye(4)
            model[:2, 0], model[:2, 1], model[:2, 3] = c[1] - c[0], c[2] - c[0], c[0]
            visual.transform = model
        elif kind == "mesh":
            it, m = batch[0], ms[0]
            v = np.zeros((len(it.vertices), 3))
            v[:, :2] = it.in_camera(m)
            if visual is None:
                visual = Mesh(v, it.faces, vertex_colors=it.colors, shading=None)
            else:
                visual.set_data(v, it.faces, vertex_colors=it.colors)
        else:
            raise ValueError(f"item kind {kind!r}")
        return visual, stamp


def _within(slot: _Slot | None, batch: list, cam: np.ndarray) -> bool:
    """Whether a long line (or its markers) is a stretch of what the slot shows already.

    matplotlib draws only the visible stretch of a long x-sorted line (``Line2D``'s
    subslice), a new array at every pan; the line shown holds it whole (what lies
    outside the axes is clipped anyway), so its visual, level of detail included, stays.
    """
    if slot is None or len(batch) != 1 or len(slot.items) != 1:
        return False
    new, old = batch[0], slot.items[0]
    # both in the camera's (data) coordinates: the new one now, the old one when built
    if new.kind != old.kind or new.affine is None or not np.array_equal(new.affine, cam) \
            or slot.stamp[1] != (_IDENTITY,):
        return False
    if new.kind == "line":
        if (new.color, new.width, new.dashes, new.dash_offset, new.cap, new.join) != \
                (old.color, old.width, old.dashes, old.dash_offset, old.cap, old.join):
            return False
        a, b = new.vertices, old.vertices
    elif new.kind == "markers":
        if new.index is not None or old.index is not None or len(new.face) != 1 \
                or len(new.edge) != 1 or [s.key for s in new.sprites] != \
                [s.key for s in old.sprites] or not np.array_equal(new.face, old.face) \
                or not np.array_equal(new.edge, old.edge) or new.snap != old.snap:
            return False
        a, b = new.offsets, old.offsets
    else:
        return False
    if len(a) < 2 or len(a) > len(b) or not np.isfinite(a[0, 0]):
        return False
    x = b[:, 0]
    i = int(np.searchsorted(x, a[0, 0], side="left"))
    if i + len(a) > len(b) or x[i] != a[0, 0]:
        return False
    bits = np.ascontiguousarray(b[i:i + len(a)]).view(np.uint64)  # exact, NaN rows too
    return bool(np.array_equal(bits, np.ascontiguousarray(a).view(np.uint64)))


_IDENTITY = np.round(np.eye(3), 9).tobytes()
_CLEAR = (0.0, 0.0, 0.0, 0.0)


def _clear_color(item, vkey) -> tuple | None:
    """The color of an item that can be a clear of its box (an opaque fill of a box on
    whole pixels, in the canvas's view, no outline, hatch, clip path or rasterizing),
    else None."""
    if vkey[0] != "canvas" or item.clip_path is not None or item.rasterized \
            or not _pixel_box(item) or len(item.paths) != 1:
        return None
    p = item.paths[0]
    if p.stroke is not None or p.hatch or p.fill is None or p.fill[3] < 1:
        return None
    v = drawn(p.vertices, p.codes)
    lo, hi = v.min(axis=0), v.max(axis=0)
    if tuple(item.bbox) != (lo[0], lo[1], hi[0], hi[1]):
        return None  # clipped: the clip box cut it
    return tuple(p.fill)


def _background(items: list, w: float, h: float) -> tuple[list, tuple]:
    """(items, clear color): an opaque fill over the whole canvas drawn first (the
    figure's background) becomes the color the canvas is cleared to."""
    if not items or items[0].kind != "paths" or items[0].affine is not None \
            or items[0].clip_path is not None or items[0].rasterized:
        return items, _CLEAR
    paths = items[0].paths
    if len(paths) != 1:
        return items, _CLEAR
    p = paths[0]
    if p.stroke is not None or p.hatch or p.fill is None or p.fill[3] < 1:
        return items, _CLEAR
    v = drawn(p.vertices, p.codes)
    xs, ys = np.unique(v[:, 0]), np.unique(v[:, 1])
    if len(xs) != 2 or len(ys) != 2 or xs[0] > 0 or ys[0] > 0 or xs[1] < w or ys[1] < h:
        return items, _CLEAR
    return items[1:], tuple(p.fill)


def _scaled(p: prim.Path, k: float) -> prim.Path:
    """A path with its stroke width, dashes and hatch width times ``k``."""
    s = p.stroke
    if s is not None:
        s = prim.Stroke(s.color, s.width * k, None if s.dashes is None else
                        tuple(d * k for d in s.dashes), s.dash_offset * k, s.join, s.cap)
    return prim.Path(p.vertices, p.codes, fill=p.fill, stroke=s, fill_rule=p.fill_rule,
                     hatch=p.hatch, hatch_color=p.hatch_color, hatch_width=p.hatch_width * k)


def _pixel_box(item) -> bool:
    """Whether an item's fills are rectangles on whole pixels (Agg's snapped boxes: the
    axes' and figure's backgrounds, bars), which need no multisampling."""
    if item.affine is not None or item.kind != "paths":
        return False
    for p in item.paths:
        if p.fill is None and not p.hatch:
            continue
        v = p.vertices
        c = p.codes
        if c is not None:
            v = v[c != prim.CLOSEPOLY]
        if len(v) > 5 or not np.array_equal(v, np.round(v)):
            return False
        if len(np.unique(v[:, 0])) > 2 or len(np.unique(v[:, 1])) > 2:
            return False
    return True


def _size(item) -> int:
    """How many points an item holds (what rebuilding its visual costs)."""
    for name in ("vertices", "offsets", "rgba"):
        a = getattr(item, name, None)
        if a is not None:
            return len(a) if name != "rgba" else a.shape[0] * a.shape[1]
    return sum(len(p.vertices) for p in getattr(item, "paths", ()))


def _near(m: np.ndarray) -> bytes:
    """A camera placement, rounded so that float noise does not count as a change."""
    return np.round(m, 9).tobytes()


def _merged_stamps(batch: list, ms: list):
    """Marker (or text) items as one set of stamps: points, sprites, the sprite of each
    point (None: one for all) and face colors ((1, 4) or one per point)."""
    sprites, keys = [], {}
    parts, which, faces = [], [], []
    for it, m in zip(batch, ms, strict=True):
        pts = it.in_camera(m)
        n = len(pts)
        local = []
        for s in it.sprites:
            if s.key not in keys:
                keys[s.key] = len(sprites)
                sprites.append(s)
            local.append(keys[s.key])
        local = np.array(local, np.int64)
        idx = np.zeros(n, np.int64) if it.index is None else np.asarray(it.index)
        parts.append(pts)
        which.append(local[idx])
        faces.append(np.broadcast_to(it.face, (n, 4)))
    pts = np.concatenate(parts) if len(parts) > 1 else parts[0]
    w = np.concatenate(which) if len(which) > 1 else which[0]
    same = len(batch) == 1 or all(np.array_equal(it.face, batch[0].face) and len(it.face) == 1
                                  for it in batch)
    face = batch[0].face if same else np.concatenate(faces)
    return pts, sprites, None if len(sprites) == 1 else w, face


def _fill_stamps(visual: Stamps, batch: list, ms: list) -> None:
    """Several marker items as one stamps visual: sprites merged, colors per point."""
    pts, sprites, which, face = _merged_stamps(batch, ms)
    if len(batch) == 1:
        edge = batch[0].edge
    else:
        edge = np.concatenate([np.broadcast_to(it.edge, (len(it.offsets), 4)) for it in batch])
    visual.set_data(pts, sprites, which, face, edge, batch[0].snap)


def _place_view(view, clip, cam: np.ndarray, w: int, h: int, pr: float = 1.0) -> None:
    """The view's rectangle (the clip box, in logical pixels) and the camera showing it
    through ``cam``."""
    x0, y0, x1, y1 = clip if clip is not None else (0, 0, w, h)
    view.fixed_rect = (x0 / pr, (h - y1) / pr, (x1 - x0) / pr, (y1 - y0) / pr)
    a, d, tx, ty = cam[0, 0], cam[1, 1], cam[0, 2], cam[1, 2]
    view.camera.rect = ((x0 - tx) / a, (y0 - ty) / d, (x1 - x0) / a, (y1 - y0) / d)


def _layers(placed: list, w: int, h: int) -> tuple[list[int], list[bool]]:
    """The draw layer of each item: above every earlier overlapping item of another
    batch (an item of the same view and batch may share its layer); and whether no
    earlier item overlaps it at all."""
    gw, gh = max(1, -(-w // CELL)), max(1, -(-h // CELL))
    top = np.full((gh, gw), -1, np.int64)  # highest layer in each cell
    owner = np.full((gh, gw), -1, np.int64)  # the batch alone at that layer, or -2
    ids: dict[tuple, int] = {}
    out, alone = [], []
    for it, vkey, _cam in placed:
        k = ids.setdefault((vkey, it.batch_key()), len(ids))
        x0, y0, x1, y1 = it.bbox
        c0, c1 = max(int(x0 // CELL), 0), min(int(math.ceil(x1 / CELL)), gw)
        r0, r1 = max(int(y0 // CELL), 0), min(int(math.ceil(y1 / CELL)), gh)
        if c1 <= c0 or r1 <= r0:
            out.append(max(int(top.max()), 0))
            alone.append(False)
            continue
        t = top[r0:r1, c0:c1]
        o = owner[r0:r1, c0:c1]
        highest = int(t.max())
        alone.append(highest < 0)
        at_top = o[t == highest]
        layer = highest if highest >= 0 and (at_top == k).all() else highest + 1
        layer = max(layer, 0)
        below = t < layer
        t[below] = layer
        o[below] = k
        o[(t == layer) & ~below & (o != k)] = -2
        out.append(layer)
    return out, alone

