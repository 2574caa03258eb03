"""``RendererLumos``: matplotlib's renderer interface recorded as a display list.

Every ``draw_*`` call becomes an :class:`~.items.Item` (or several) that the scene
(:mod:`.scene`) turns into lumos visuals: paths into the ``Paths`` visual (fills,
strokes, dashes, hatches), long polylines into ``Line`` (level of detail), markers into
sprite stamps, meshes and Gouraud triangles into ``Mesh``, images into ``Image``, text
into glyph runs laid out by matplotlib (its font manager, kerning and mathtext).

Small paths are taken to display pixels here, through matplotlib's own path cleanup
(NaN removal, Agg's pixel snapping, the xkcd sketch), so that edges fall where Agg puts
them. Large data keep their own coordinates and the affine to pixels: the scene gives
them to a view whose camera is that affine.

What lumos cannot draw yet is drawn by matplotlib's Agg into a raster of the calls
concerned (one image for consecutive ones), with a one-time warning naming it: clip
dash patterns longer than two on/off pairs or with an offset, agg filters, hatched
markers, quad meshes with offsets or edges of many colors.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
from matplotlib.backend_bases import RendererBase

from .. import primitives as prim
from . import sprites as sp
from .items import (
    ImageItem,
    Item,
    LineItem,
    MarkerItem,
    MeshItem,
    PathItem,
    TextItem,
    axis_aligned,
    checksum,
)
from .untangle import untangled

SMALL = 4096  # paths with more vertices keep their coordinates (and skip Agg's snapping)
MAX_SPRITES = 2048  # distinct marker sprites in one collection; beyond, paths
_POLYLINE = (prim.MOVETO, prim.LINETO)
_warned: set = set()


class LumosFallbackWarning(UserWarning):
    """Something matplotlib asked for was drawn by Agg as a raster, not by lumos."""


def _warn_once(what: str) -> None:
    if what in _warned:
        return
    _warned.add(what)
    warnings.warn(f"lumos draws {what} through matplotlib's Agg (as an image): lumos "
                  "cannot draw it yet", LumosFallbackWarning, stacklevel=4)


def _matrix(transform) -> np.ndarray:
    return np.array(transform.get_matrix(), dtype=np.float64)


def _stop_trimmed(verts: np.ndarray, codes):
    if codes is not None and len(codes) and codes[-1] == 0:
        keep = codes != 0
        return verts[keep], codes[keep]
    return verts, codes


class RendererLumos(RendererBase):
    """Records matplotlib's drawing calls for a lumos canvas of ``width`` x ``height``
    display pixels at ``dpi``."""

    def __init__(self, width: int, height: int, dpi: float) -> None:
        super().__init__()
        self.width, self.height, self.dpi = int(width), int(height), float(dpi)
        self.items: list[Item] = []
        self._metrics = None
        self._sink = None  # a RendererAgg collecting calls lumos cannot draw
        self._sink_filters = 0
        self._rasterized = False
        self._clip_paths: dict = {}
        self._gc = None
        self._clipped = True

    # -- what matplotlib asks of every renderer -----------------------------------------
    def get_canvas_width_height(self):
        return self.width, self.height

    def points_to_pixels(self, points):
        return points * self.dpi / 72.0

    def option_image_nocomposite(self) -> bool:
        return True  # each image is its own texture; compositing them first buys nothing

    def option_scale_image(self) -> bool:
        return True  # un-resampled images come with their transform: the GPU samples them

    def get_text_width_height_descent(self, s, prop, ismath):
        # Agg's metrics exactly, so that matplotlib lays out the same figure
        return self._agg_metrics().get_text_width_height_descent(s, prop, ismath)

    def _agg_metrics(self):
        if self._metrics is None:
            from matplotlib.backends.backend_agg import RendererAgg

            self._metrics = RendererAgg(1, 1, self.dpi)
        return self._metrics

    def start_rasterizing(self) -> None:
        """Artists between here and ``stop_rasterizing`` become images in vector files."""
        self._rasterized = True

    def stop_rasterizing(self) -> None:
        self._rasterized = False

    def start_filter(self) -> None:
        """An agg filter: the artist's calls go to Agg, which applies the filter."""
        _warn_once("an artist with an agg_filter")
        self._open_sink()
        self._sink.start_filter()
        self._sink_filters += 1

    def stop_filter(self, filter_func) -> None:
        self._sink.stop_filter(filter_func)
        self._sink_filters -= 1
        if not self._sink_filters:
            self._flush()

    # -- Agg for what lumos cannot draw --------------------------------------------------
    def _open_sink(self) -> None:
        if self._sink is None:
            from matplotlib.backends.backend_agg import RendererAgg

            self._sink = RendererAgg(self.width, self.height, self.dpi)

    def _to_agg(self, what: str, method: str, *args, **kwargs) -> None:
        _warn_once(what)
        self._open_sink()
        getattr(self._sink, method)(*args, **kwargs)

    def _flush(self) -> None:
        """Turn what Agg drew since the last lumos item into an image item."""
        if self._sink is None or self._sink_filters:
            return
        rgba = np.asarray(self._sink.buffer_rgba())
        self._sink = None
        alpha = rgba[..., 3]
        rows = np.flatnonzero(alpha.any(axis=1))
        if not len(rows):
            return
        cols = np.flatnonzero(alpha.any(axis=0))
        r0, r1, c0, c1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
        top, bottom = self.height - r0, self.height - r1
        corners = np.array([[c0, top], [c1, top], [c0, bottom]], float)
        self._add(ImageItem("image", None, (c0, bottom, c1, top), None,
                            ("agg", checksum(rgba[r0:r1, c0:c1])), rgba=rgba[r0:r1, c0:c1].copy(),
                            corners=corners), flush=False)

    def reset(self) -> None:
        """Start a new display list (the renderer is kept between draws, as Agg's is:
        matplotlib caches text metrics per renderer)."""
        self._flush()
        self.items = []
        self._sink = None
        self._sink_filters = 0
        self._rasterized = False
        self._clip_paths.clear()
        self._gc = None

    def finish(self) -> list[Item]:
        """The display list of the finished draw."""
        self._flush()
        return self.items

    def _busy(self) -> bool:
        """Whether calls go to Agg now (inside an agg filter)."""
        return self._sink_filters > 0

    def _add(self, item: Item, flush: bool = True) -> None:
        if flush:
            self._flush()
            item.clip_path = self._clip_path(self._gc)  # the gc of the call being recorded
        item.rasterized = self._rasterized
        item.clipped = item.clip is not None and (item.affine is not None or self._clipped)
        self.items.append(item)

    def _clip_path(self, gc):
        """The gc's clip path as closed polylines in display pixels, or None."""
        if gc is None:
            return None
        tpath, affine = gc.get_clip_path()
        if tpath is None:
            return None
        key = (id(tpath), np.asarray(affine.get_matrix()).tobytes())
        hit = self._clip_paths.get(key)
        if hit is None:
            rings = tpath.to_polygons(affine, closed_only=True)
            fp = tuple(checksum(r) for r in rings)
            hit = self._clip_paths[key] = (rings, ("clip",) + fp)
        return hit

    # -- graphics context ---------------------------------------------------------------
    def _clip(self, gc):
        """The clip rectangle as Agg rounds it: (x0, y0, x1, y1) whole display pixels
        (y up), or None (the canvas); False when nothing can show."""
        box = gc.get_clip_rectangle()
        if box is None:
            return None
        x0, y0, x1, y1 = box.extents
        cx0, cx1 = max(math.floor(x0 + 0.5), 0), min(math.floor(x1 + 0.5), self.width)
        cy0, cy1 = max(math.ceil(y0 - 0.5), 0), min(math.ceil(y1 - 0.5), self.height)
        if cx1 <= cx0 or cy1 <= cy0:
            return False
        return (cx0, cy0, cx1, cy1)

    def _bbox(self, clip, x0, y0, x1, y1, fringe=0.0):
        """What an item covers (x0, y0, x1, y1) inside its clip box, or None. Sets
        ``self._clipped``: whether the clip box cuts anything off (bar the ``fringe``
        of antialiasing the box includes)."""
        c = clip or (0, 0, self.width, self.height)
        box = (max(x0, c[0]), max(y0, c[1]), min(x1, c[2]), min(y1, c[3]))
        f = fringe
        self._clipped = clip is not None and (x0 + f < c[0] or y0 + f < c[1]
                                               or x1 - f > c[2] or y1 - f > c[3])
        return box if box[2] > box[0] and box[3] > box[1] else None

    def _alpha(self, gc, rgba):
        """Agg's face color: the gc's alpha replaces the color's when forced, or when the
        color has none."""
        if rgba is None:
            return None
        c = tuple(float(v) for v in rgba)
        if len(c) == 3 or gc.get_forced_alpha():
            c = c[:3] + (float(gc.get_alpha()),)
        return c

    def _stroke(self, gc, color=None, width=None, dashes=None) -> prim.Stroke | None:
        lw = self.points_to_pixels(gc.get_linewidth() if width is None else width)
        rgba = tuple(float(v) for v in (gc.get_rgb() if color is None else color))
        if lw <= 0 or rgba[3] <= 0:
            return None
        offset, seq = gc.get_dashes() if dashes is None else dashes
        if seq is not None:
            seq = tuple(self.points_to_pixels(float(v)) for v in seq)
            if not any(seq[::2]):
                return None
        return prim.Stroke(rgba, lw, seq, self.points_to_pixels(offset or 0.0),
                           gc.get_joinstyle(), gc.get_capstyle())

    def _unsupported(self, gc, stroke=None, hatch=None) -> str | None:
        """Why lumos cannot draw a call with this gc (a name for the warning), or None."""
        if stroke is not None and stroke.dashes is not None:
            if len(stroke.dashes) not in (2, 4):
                return f"dash patterns of {len(stroke.dashes)} lengths"
            if stroke.dash_offset:
                return "dash patterns with an offset"
        if hatch:
            from ..visuals.path import HATCH_FAMILIES

            if any(ch not in HATCH_FAMILIES for ch in hatch):
                return f"the hatch {hatch!r}"
        return None

    def _hatch(self, gc):
        h = gc.get_hatch()
        if not h:
            return None, None, 1.0
        return h, tuple(float(v) for v in gc.get_hatch_color()), \
            self.points_to_pixels(gc.get_hatch_linewidth())

    # -- paths ---------------------------------------------------------------------------
    def draw_path(self, gc, path, transform, rgbFace=None):  # noqa: N803 - matplotlib's name
        if self._busy():
            return self._sink.draw_path(gc, path, transform, rgbFace)
        self._gc = gc
        clip = self._clip(gc)
        if clip is False:
            return None
        fill = self._alpha(gc, rgbFace)
        if fill is not None and fill[3] <= 0:
            fill = None
        stroke = self._stroke(gc)
        hatch, hatch_color, hatch_width = self._hatch(gc)
        if fill is None and stroke is None and not hatch:
            return None
        why = self._unsupported(gc, stroke, hatch)
        if why:
            return self._to_agg(why, "draw_path", gc, path, transform, rgbFace)
        m = _matrix(transform)
        n = len(path.vertices)
        sketch = gc.get_sketch_params()
        if n > SMALL and axis_aligned(m) and sketch is None:
            self._data_path(gc, path, m, clip, fill, stroke, hatch, hatch_color, hatch_width)
            return None
        width = stroke.width if stroke is not None else 0.0
        simplify = path.should_simplify and fill is None and not hatch
        # cleaned in Agg's pixel space (y down), where its snapping rounds, then back
        from matplotlib.transforms import Affine2D

        flip = Affine2D().scale(1.0, -1.0).translate(0.0, self.height)
        cleaned = path.cleaned(transform + flip, remove_nans=True, curves=True,
                               snap=gc.get_snap(), stroke_width=width, simplify=simplify,
                               sketch=sketch)
        verts, codes = _stop_trimmed(cleaned.vertices, cleaned.codes)
        verts = verts * (1.0, -1.0) + (0.0, self.height)
        if not len(verts):
            return None
        pad = width / 2 + 2
        finite = _drawn(verts, codes)
        if not len(finite):
            return None
        lo, hi = finite.min(axis=0), finite.max(axis=0)
        box = self._bbox(clip, lo[0] - pad, lo[1] - pad, hi[0] + pad, hi[1] + pad, 1.5)
        if box is None:
            return None
        if fill is None and not hatch and _polyline(codes):
            self._line(clip, box, None, verts, codes, stroke, gc)
        else:
            self._paths(clip, box, None, verts, codes, fill, stroke, hatch, hatch_color,
                        hatch_width, gc)
        return None

    def _line(self, clip, box, affine, verts, codes, stroke, gc) -> None:
        """An open polyline (a new line at each MOVETO) for the Line visual."""
        verts = np.asarray(verts, float)
        if codes is not None and (codes[1:] == prim.MOVETO).any():
            breaks = np.flatnonzero(codes == prim.MOVETO)[1:]
            verts = np.insert(verts, breaks, np.nan, axis=0)
        # dashes restart on every line: dashed lines are not batched together
        style = (stroke.width, stroke.cap, stroke.dashes,
                 None if stroke.dashes is None else len(self.items))
        fp = (checksum(verts), stroke.color, stroke.width, stroke.dashes, stroke.cap)
        self._add(LineItem("line", clip, box, affine, fp, style=style, vertices=verts,
                           color=stroke.color, width=stroke.width, dashes=stroke.dashes,
                           cap=stroke.cap))

    def _paths(self, clip, box, affine, verts, codes, fill, stroke, hatch, hatch_color,
               hatch_width, gc) -> None:
        """A filled, hatched or closed path for the Paths visual; a fill that crosses
        itself is cut into simple loops first (the outline stays as it was)."""
        hc = hatch_color if hatch else None
        simple = untangled(verts, codes) if fill is not None or hatch else None
        if simple is None:
            paths = [prim.Path(verts, codes, fill=fill, stroke=stroke, hatch=hatch,
                               hatch_color=hc, hatch_width=hatch_width)]
        else:
            paths = [prim.Path(simple[0], simple[1], fill=fill, hatch=hatch, hatch_color=hc,
                               hatch_width=hatch_width)]
            if stroke is not None:
                paths.append(prim.Path(verts, codes, stroke=stroke))
        fp = (checksum(verts), checksum(codes), _style_key(paths[0]))
        self._add(PathItem("paths", clip, box, affine, fp, style=_aliased(gc, fill, hatch),
                           paths=paths))

    def _data_path(self, gc, path, m, clip, fill, stroke, hatch, hatch_color, hatch_width):
        """A large path kept in its own coordinates (the scene shows it with a camera)."""
        verts, codes = path.vertices, path.codes
        box = self._bbox(clip, 0, 0, self.width, self.height)
        if box is None:
            return
        if fill is None and not hatch and _polyline(codes):
            self._line(clip, box, m, verts, codes, stroke, gc)
        else:
            self._paths(clip, box, m, np.asarray(verts, float), codes, fill, stroke, hatch,
                        hatch_color, hatch_width, gc)

    # -- markers -------------------------------------------------------------------------
    def draw_markers(self, gc, marker_path, marker_trans, path, trans, rgbFace=None):  # noqa: N803
        if self._busy():
            return self._sink.draw_markers(gc, marker_path, marker_trans, path, trans, rgbFace)
        self._gc = gc
        clip = self._clip(gc)
        if clip is False:
            return None
        fill = self._alpha(gc, rgbFace)
        stroke = self._stroke(gc)
        hatch = gc.get_hatch()
        why = self._unsupported(gc, stroke) or ("hatched markers" if hatch else None)
        if why:
            return self._to_agg(why, "draw_markers", gc, marker_path, marker_trans, path,
                                trans, rgbFace)
        has_fill = fill is not None and fill[3] > 0
        if not has_fill and stroke is None:
            return None
        style = self._sprite_style(gc, stroke is not None, has_fill)
        s = sp.sprite(marker_path, _matrix(marker_trans), style)
        if s is None:  # too large to stamp: one path per point, as matplotlib's base does
            return RendererBase.draw_markers(self, gc, marker_path, marker_trans, path, trans,
                                             rgbFace)
        if path.codes is None:
            offsets = path.vertices
        else:
            offsets = np.array([v[-2:] for v, _ in path.iter_segments(simplify=False)
                                if len(v)], float).reshape(-1, 2)
        face = np.array([fill if has_fill else (0.0, 0.0, 0.0, 0.0)])
        edge = np.array([stroke.color if stroke is not None else (0.0, 0.0, 0.0, 0.0)])
        self._markers(gc, clip, offsets, _matrix(trans), [s], None, face, edge, snap=True)
        return None

    def _sprite_style(self, gc, has_edge, has_fill, width=None, dashes=None, aa=None) -> tuple:
        """What a sprite depends on besides its path: (edge width px, join, cap, dashes px,
        dash offset px, snap, antialiased, has_fill, has_edge)."""
        aa = bool(gc.get_antialiased() if aa is None else aa)
        if not has_edge:
            return (0.0, "round", "butt", None, 0.0, gc.get_snap(), aa, has_fill, False)
        offset, seq = gc.get_dashes() if dashes is None else dashes
        lw = gc.get_linewidth() if width is None else width
        return (self.points_to_pixels(lw), gc.get_joinstyle(), gc.get_capstyle(),
                None if seq is None else tuple(self.points_to_pixels(float(v)) for v in seq),
                self.points_to_pixels(offset or 0.0), gc.get_snap(), aa, has_fill, True)

    def _markers(self, gc, clip, offsets, m, sprites, index, face, edge, snap) -> None:
        n = len(offsets)
        if n == 0:
            return
        ink = np.array([s.ink for s in sprites], float)
        ink_lo, ink_hi = ink[:, :2].min(axis=0), ink[:, 2:].max(axis=0)
        if n > SMALL and axis_aligned(m):
            box = self._bbox(clip, 0, 0, self.width, self.height)
            coords, affine = np.asarray(offsets, float), m
        else:
            with np.errstate(all="ignore"):  # inf offsets: skipped below
                coords = np.asarray(offsets, float) @ m[:2, :2].T + m[:2, 2]
            if snap:  # Agg's whole pixels, in float64 (the GPU would round float32 noise)
                coords = np.column_stack([np.floor(coords[:, 0] + 0.5),
                                          np.ceil(coords[:, 1] - 0.5)])
            finite = coords[np.isfinite(coords).all(axis=1)]
            if not len(finite):
                return
            lo, hi = finite.min(axis=0) + ink_lo, finite.max(axis=0) + ink_hi
            box = self._bbox(clip, lo[0], lo[1], hi[0], hi[1])
            affine = None
        if box is None:
            return
        fp = (checksum(coords), tuple(s.key for s in sprites), checksum(index), checksum(face),
              checksum(edge), snap)
        self._add(MarkerItem("markers", clip, box, affine, fp, style=(snap,), offsets=coords,
                             sprites=sprites, index=index, face=face, edge=edge, snap=snap))

    # -- collections ---------------------------------------------------------------------
    def draw_path_collection(self, gc, master_transform, paths, all_transforms, offsets,
                             offset_trans, facecolors, edgecolors, linewidths, linestyles,
                             antialiaseds, urls, offset_position, *, hatchcolors=None):
        args = (gc, master_transform, paths, all_transforms, offsets, offset_trans,
                facecolors, edgecolors, linewidths, linestyles, antialiaseds, urls,
                offset_position)
        if self._busy():
            return self._sink.draw_path_collection(*args, hatchcolors=hatchcolors)
        self._gc = gc
        clip = self._clip(gc)
        if clip is False or not len(paths):
            return None
        why = self._unsupported(gc, hatch=gc.get_hatch())
        if why is None:
            for ls in linestyles:
                s = self._stroke(gc, (0, 0, 0, 1), 1.0, ls)
                why = self._unsupported(gc, s)
                if why:
                    break
        if why:
            return self._to_agg(why, "draw_path_collection", *args, hatchcolors=hatchcolors)
        if gc.get_sketch_params() is not None:  # xkcd: each path through Agg's sketch
            return RendererBase.draw_path_collection(self, *args, hatchcolors=hatchcolors)
        offsets = np.asarray(offsets, float).reshape(-1, 2)
        if len(offsets) and not gc.get_hatch() and self._collection_markers(*args):
            return None
        self._collection_paths(*args, hatchcolors=hatchcolors)
        return None

    def _collection_paths(self, gc, master_transform, paths, all_transforms, offsets,
                          offset_trans, facecolors, edgecolors, linewidths, linestyles,
                          antialiaseds, urls, offset_position, hatchcolors=None) -> None:
        """Every path of a collection (what matplotlib's base renderer draws one by one),
        at once: open strokes as lines (one item per stroke style), the rest as paths."""
        npaths, ntrans, noffs = len(paths), len(all_transforms), len(offsets)
        n = max(npaths, ntrans, noffs)
        nfc, nec = len(facecolors), len(edgecolors)
        hatch = gc.get_hatch()
        if (nfc == 0 and nec == 0 and not (hatch and hatchcolors is not None
                                           and len(hatchcolors))) or n == 0:
            return
        idx = np.arange(n)
        clip = self._clip(gc)
        forced = gc.get_forced_alpha()
        alpha = float(gc.get_alpha())
        # colors, widths and dashes of each instance, as matplotlib's _iter_collection
        fc = np.asarray(facecolors, float).reshape(-1, 4)[idx % nfc] if nfc else None
        if nec:
            ec = _rgba_rows(edgecolors)[idx % nec]
            lw = np.asarray(linewidths, float).reshape(-1)[idx % len(linewidths)] \
                if len(linewidths) else np.full(n, float(gc.get_linewidth()))
            lw = np.where(ec[:, 3] > 0, lw, 0.0)
            if forced:
                ec[:, 3] = alpha
        else:
            ec, lw = None, np.zeros(n)
        if fc is not None and forced:
            fc = fc.copy()
            fc[:, 3] = alpha
        lss = list(linestyles) if len(linestyles) else [gc.get_dashes()]
        aas = list(antialiaseds) if len(antialiaseds) else [gc.get_antialiased()]
        hcs = None if hatchcolors is None or not len(hatchcolors) else \
            _rgba_rows(hatchcolors)
        # geometry: every instance's vertices in display pixels (or the master's
        # coordinates, for large data drawn without offsets or own transforms)
        verts = [np.asarray(paths[i % npaths].vertices, float) for i in range(n)] \
            if npaths < n else [np.asarray(p.vertices, float) for p in paths]
        codes = [paths[i % npaths].codes for i in range(n)] if npaths < n \
            else [p.codes for p in paths]
        lens = np.array([len(v) for v in verts])
        owner = np.repeat(idx, lens)
        allv = np.concatenate(verts) if verts else np.zeros((0, 2))
        master = _matrix(master_transform)
        offs = np.asarray(offset_trans.transform(np.asarray(offsets, float).reshape(-1, 2)),
                          float) if noffs else np.zeros((1, 2))
        no_offsets = not np.any(offs)
        affine = None
        if ntrans:
            mats = np.asarray(all_transforms, float).reshape(ntrans, 3, 3)
            mats = master @ mats[idx % ntrans]
            row = mats[owner]
            px = np.einsum("nij,nj->ni", row[:, :2, :2], allv) + row[:, :2, 2]
        elif no_offsets and axis_aligned(master) and len(allv) > SMALL:
            px, affine = allv, master  # data stay in their coordinates (pans move a camera)
        else:
            px = allv @ master[:2, :2].T + master[:2, 2]
        if affine is None and not no_offsets:
            px = px + offs[owner % len(offs)]
        if affine is None:
            px = self._snap_rows(px, codes, lens, owner, lw, gc.get_snap())
        starts = np.r_[0, np.cumsum(lens)]
        box = self._bbox(clip, 0, 0, self.width, self.height) if affine is not None else None
        lines: dict[tuple, list] = {}
        prims = []
        stroke_of = {}
        for i in range(n):
            v = px[starts[i]:starts[i + 1]]
            if not len(v):
                continue
            c = codes[i]
            fill = None if fc is None or fc[i, 3] <= 0 else tuple(fc[i])
            stroke = None
            if lw[i] > 0:
                key = (float(lw[i]), _hashable(lss[i % len(lss)]), tuple(ec[i]))
                stroke = stroke_of.get(key)
                if stroke is None:
                    stroke = stroke_of[key] = self._stroke(gc, tuple(ec[i]), float(lw[i]),
                                                           lss[i % len(lss)])
            if fill is None and stroke is None and not hatch:
                continue
            if fill is None and not hatch and _polyline(c):
                lines.setdefault((stroke.width, stroke.cap, stroke.dashes,
                                  None if stroke.dashes is None else i), []).append(
                    (v, c, stroke))
            else:
                hc = None if not hatch else tuple(hcs[i % len(hcs)]) if hcs is not None \
                    else tuple(float(x) for x in gc.get_hatch_color())
                prims.append((v, c, fill, stroke, hc, bool(aas[i % len(aas)])))
        for group in lines.values():
            self._collection_lines(gc, clip, box, affine, group)
        for aa in (True, False):  # fills Agg draws without antialiasing apart
            group = [p[:5] for p in prims if p[5] == aa]
            if group:
                self._collection_prims(gc, clip, box, affine, group, hatch, aa)

    def _snap_rows(self, px, codes, lens, owner, lw, snap_mode):
        """Agg's pixel snapping of each instance's path (only horizontal and vertical
        segments, at most 1024 vertices; or forced by the gc), vectorized."""
        if snap_mode is False or not len(px):
            return px
        n = len(lens)
        if snap_mode is None:
            d = np.abs(np.diff(px, axis=0))
            bent = (d[:, 0] >= 1e-4) & (d[:, 1] >= 1e-4) | ~np.isfinite(d).all(axis=1)
            first = np.r_[0, np.cumsum(lens)][:-1]
            bent &= owner[1:] == owner[:-1]  # not the step from one instance to the next
            moves = np.zeros(len(px), bool)
            for i, c in enumerate(codes):
                if c is not None:
                    moves[first[i]:first[i] + lens[i]] = c == prim.MOVETO
            bent &= ~moves[1:]
            ok = (np.bincount(owner[1:][bent], minlength=n) == 0) & (lens <= 1024)
            curved = np.array([c is not None and bool(np.isin(c, (3, 4)).any())
                               for c in codes])
            ok &= ~curved
        else:
            ok = np.ones(n, bool)
        rows = ok[owner]
        if not rows.any():
            return px
        out = px.copy()
        odd = (np.floor(np.asarray(self.points_to_pixels(lw)) + 0.5).astype(np.int64) % 2)
        sv = np.where(odd[owner[rows]] == 1, 0.5, 0.0)
        x = out[rows, 0]
        y = self.height - out[rows, 1]
        out[rows, 0] = np.floor(x + 0.5) + sv
        out[rows, 1] = self.height - (np.floor(y + 0.5) + sv)
        return out

    def _collection_lines(self, gc, clip, box, affine, group) -> None:
        """Open strokes of one style: one line item, a color per line."""
        parts, colors = [], []
        nan = np.full((1, 2), np.nan)
        for v, c, stroke in group:
            if c is not None and (c[1:] == prim.MOVETO).any():
                v = np.insert(v, np.flatnonzero(c == prim.MOVETO)[1:], np.nan, axis=0)
            parts.extend((v, nan))
            colors.append(np.broadcast_to(stroke.color, (len(v) + 1, 4)))
        verts = np.concatenate(parts[:-1])
        rgba = np.concatenate(colors)[:-1]
        if box is None:
            finite = _drawn(verts, None)
            if not len(finite):
                return
            pad = group[0][2].width / 2 + 2
            lo, hi = finite.min(axis=0) - pad, finite.max(axis=0) + pad
            box = self._bbox(clip, lo[0], lo[1], hi[0], hi[1])
            if box is None:
                return
        s = group[0][2]
        one = bool((rgba == rgba[:1]).all())
        color = tuple(rgba[0]) if one else rgba
        fp = (checksum(verts), checksum(rgba), s.width, s.dashes, s.cap)
        style = (s.width, s.cap, s.dashes, None if s.dashes is None else len(self.items))
        self._add(LineItem("line", clip, box, affine, fp, style=style, vertices=verts,
                           color=color, width=s.width, dashes=s.dashes,
                           cap=s.cap))

    def _collection_prims(self, gc, clip, box, affine, prims, hatch, aa=True) -> None:
        """Filled (or hatched, or closed) paths of a collection as one paths item."""
        out = []
        hw = self.points_to_pixels(gc.get_hatch_linewidth())
        lo, hi = np.full(2, np.inf), np.full(2, -np.inf)
        for v, c, fill, stroke, hc in prims:
            simple = untangled(v, c) if fill is not None or hatch else None
            if simple is None:
                out.append(prim.Path(v, c, fill=fill, stroke=stroke, hatch=hatch or None,
                                     hatch_color=hc, hatch_width=hw))
            else:
                out.append(prim.Path(simple[0], simple[1], fill=fill, hatch=hatch or None,
                                     hatch_color=hc, hatch_width=hw))
                if stroke is not None:
                    out.append(prim.Path(v, c, stroke=stroke))
            if box is None:
                f = _drawn(v, c)
                if len(f):
                    pad = (stroke.width / 2 if stroke is not None else 0) + 2
                    lo = np.minimum(lo, f.min(axis=0) - pad)
                    hi = np.maximum(hi, f.max(axis=0) + pad)
        if box is None:
            if not np.isfinite(lo).all():
                return
            box = self._bbox(clip, lo[0], lo[1], hi[0], hi[1])
            if box is None:
                return
        fp = ("collection",) + tuple((checksum(p.vertices), checksum(p.codes), _style_key(p))
                                     for p in out)
        self._add(PathItem("paths", clip, box, affine, fp, paths=out,
                           style=() if aa else ("aliased",)))

    def _collection_markers(self, gc, master_transform, paths, all_transforms, offsets,
                            offset_trans, facecolors, edgecolors, linewidths, linestyles,
                            antialiaseds, urls, offset_position) -> bool:
        """Scatter-like collections (a few small shapes repeated at many offsets) as
        sprite stamps; False when the collection is not like that."""
        npaths, ntrans = len(paths), len(all_transforms)
        nids = max(npaths, ntrans)
        n = max(nids, len(offsets))
        nfc, nec = len(facecolors), len(edgecolors)
        if nfc == 0 and nec == 0:
            return True
        if n < 2 or any(len(p.vertices) > 256 for p in paths):
            return False
        lws = np.asarray(linewidths, float).reshape(-1) if len(linewidths) and nec \
            else np.array([gc.get_linewidth() if nec else 0.0])
        lss = list(linestyles) if len(linestyles) else [gc.get_dashes()]
        aas = np.asarray(antialiaseds, bool).reshape(-1) if len(antialiaseds) \
            else np.array([bool(gc.get_antialiased())])
        # what each instance looks like: path, transform, width, dashes, antialiasing
        idx = np.arange(n)
        master = _matrix(master_transform)
        if max(npaths, ntrans, len(lws), len(lss), len(aas)) == 1:  # one look for all
            return self._stamped(gc, paths, all_transforms, master, offsets, offset_trans,
                                 facecolors, edgecolors, lws, lss, aas, idx, None, [0])
        cols = [idx % npaths]
        if ntrans:
            t = np.asarray(all_transforms, float).reshape(ntrans, -1)
            _, tid = np.unique(t, axis=0, return_inverse=True)
            cols.append(tid.reshape(-1)[idx % ntrans])
        cols.append(np.unique(lws, return_inverse=True)[1].reshape(-1)[idx % len(lws)])
        ls_ids = {}
        cols.append(np.array([ls_ids.setdefault(_hashable(ls), len(ls_ids)) for ls in lss])
                    [idx % len(lss)])
        cols.append(aas.astype(np.int64)[idx % len(aas)])
        keys, which = np.unique(np.stack(cols, axis=1), axis=0, return_inverse=True)
        which = which.reshape(-1)
        if len(keys) > MAX_SPRITES or len(keys) * 2 > n:
            return False  # shapes hardly repeat: paths are the better form
        first = np.zeros(len(keys), np.int64)
        first[which[::-1]] = idx[::-1]  # an instance of each kind
        return self._stamped(gc, paths, all_transforms, master, offsets, offset_trans,
                             facecolors, edgecolors, lws, lss, aas, idx, which, first)

    def _stamped(self, gc, paths, all_transforms, master, offsets, offset_trans, facecolors,
                 edgecolors, lws, lss, aas, idx, which, first) -> bool:
        """The marker item of a scatter-like collection: a sprite per kind (``first``:
        an instance of each), ``which`` kind each instance is (None: one kind)."""
        npaths, ntrans, n = len(paths), len(all_transforms), len(idx)
        nfc, nec = len(facecolors), len(edgecolors)
        made = []
        for i in first:
            path = paths[i % npaths]
            m = master if not ntrans else \
                master @ np.asarray(all_transforms[i % ntrans], float).reshape(3, 3)
            lw = float(lws[i % len(lws)])
            style = self._sprite_style(gc, nec > 0 and lw > 0, nfc > 0, lw,
                                       lss[i % len(lss)], bool(aas[i % len(aas)]))
            s = sp.sprite(path, m, style)
            if s is None:
                return False
            made.append(s)
        face = np.asarray(facecolors, float).reshape(-1, 4) if nfc else np.zeros((1, 4))
        edge = _rgba_rows(edgecolors) if nec else np.zeros((1, 4))
        if gc.get_forced_alpha():
            alpha = float(gc.get_alpha())
            face = face.copy()
            face[:, 3] = alpha
            edge = edge.copy()
            edge[:, 3] = np.where(edge[:, 3] > 0, alpha, 0.0)
        face = face if len(face) in (1, n) else face[idx % len(face)]
        edge = edge if len(edge) in (1, n) else edge[idx % len(edge)]
        offs = offsets if len(offsets) == n else offsets[idx % len(offsets)]
        self._markers(gc, self._clip(gc), offs, _matrix(offset_trans), made,
                      None if len(made) == 1 else which, face, edge, snap=False)
        return True

    # -- meshes --------------------------------------------------------------------------
    def draw_quad_mesh(self, gc, master_transform, meshWidth, meshHeight, coordinates,  # noqa: N803
                       offsets, offsetTrans, facecolors, antialiased, edgecolors):  # noqa: N803
        args = (gc, master_transform, meshWidth, meshHeight, coordinates, offsets,
                offsetTrans, facecolors, antialiased, edgecolors)
        if self._busy():
            return self._sink.draw_quad_mesh(*args)
        self._gc = gc
        clip = self._clip(gc)
        if clip is False:
            return None
        why = self._unsupported(gc)
        offs = np.asarray(offsets, float).reshape(-1, 2)
        if why is None and len(offs) and np.any(offs):
            why = "quad meshes with offsets"
        if why:
            return self._to_agg(why, "draw_quad_mesh", *args)
        m = _matrix(master_transform)
        coords = np.asarray(coordinates, float)
        h, w = int(meshHeight), int(meshWidth)
        fc = np.asarray(facecolors, float).reshape(-1, 4)
        if len(fc) == 1:
            fc = np.repeat(fc, h * w, axis=0)
        if gc.get_forced_alpha():
            fc = fc.copy()
            fc[:, 3] = gc.get_alpha()
        box = self._bbox(clip, 0, 0, self.width, self.height)
        if box is None:
            return None
        x, y = coords[..., 0], coords[..., 1]
        grid = len(fc) == h * w and axis_aligned(m) and _uniform(x, y)
        if grid:
            rgba = (np.clip(fc.reshape(h, w, 4), 0, 1) * 255 + 0.5).astype(np.uint8)
            corners = np.array([[x[0, 0], y[0, 0]], [x[0, -1], y[0, 0]], [x[0, 0], y[-1, 0]]])
            self._add(ImageItem("image", clip, box, m, ("mesh", checksum(rgba),
                                                         checksum(corners)),
                                style=(id(coordinates),) + _aliased(gc, True, None),
                                rgba=rgba, corners=corners))
        else:
            quads = np.stack([coords[:-1, :-1], coords[:-1, 1:], coords[1:, 1:],
                              coords[1:, :-1]], axis=2).reshape(-1, 4, 2)
            verts = quads.reshape(-1, 2)
            base = np.arange(len(quads))[:, None] * 4
            faces = (base + np.array([[0, 1, 2, 0, 2, 3]])).reshape(-1, 3)
            colors = np.repeat(fc[: len(quads)], 4, axis=0)
            self._add(MeshItem("mesh", clip, box, m, ("quads", checksum(verts),
                                                      checksum(colors)),
                               style=(id(coordinates),) + _aliased(gc, True, None),
                               vertices=verts, faces=faces,
                               colors=colors))
        ec = None if edgecolors is None else np.asarray(edgecolors, float).reshape(-1, 4)
        stroke = None
        if ec is not None and len(ec) and gc.get_linewidth() > 0:
            if (ec == ec[:1]).all():
                stroke = self._stroke(gc, tuple(ec[0]))
            else:
                return self._to_agg("quad meshes with edges of many colors",
                                    "draw_quad_mesh", gc, master_transform, meshWidth,
                                    meshHeight, coordinates, offsets, offsetTrans,
                                    np.zeros((1, 4)), antialiased, edgecolors)
        if stroke is not None:
            lines = [coords[i] for i in range(h + 1)] + [coords[:, j] for j in range(w + 1)]
            verts = np.concatenate([np.vstack([ln, [[np.nan, np.nan]]]) for ln in lines])
            p = prim.Path(verts, None, stroke=stroke)
            self._add(PathItem("paths", clip, box, m, ("grid", checksum(verts),
                                                       _style_key(p)), paths=[p]))
        return None

    def draw_gouraud_triangles(self, gc, triangles_array, colors_array, transform):
        if self._busy():
            return self._sink.draw_gouraud_triangles(gc, triangles_array, colors_array,
                                                     transform)
        self._gc = gc
        clip = self._clip(gc)
        if clip is False:
            return None
        why = self._unsupported(gc)
        if why:
            return self._to_agg(why, "draw_gouraud_triangles", gc, triangles_array,
                                colors_array, transform)
        tri = np.asarray(triangles_array, float).reshape(-1, 2)
        colors = np.asarray(colors_array, float).reshape(-1, 4)
        if gc.get_forced_alpha():
            colors = colors.copy()
            colors[:, 3] *= gc.get_alpha()
        m = _matrix(transform)
        px = tri @ m[:2, :2].T + m[:2, 2]
        finite = px[np.isfinite(px).all(axis=1)]
        if not len(finite):
            return None
        lo, hi = finite.min(axis=0), finite.max(axis=0)
        box = self._bbox(clip, lo[0] - 1, lo[1] - 1, hi[0] + 1, hi[1] + 1)
        if box is None:
            return None
        faces = np.arange(len(tri)).reshape(-1, 3)
        self._add(MeshItem("mesh", clip, box, None, ("gouraud", checksum(px),
                                                     checksum(colors)),
                           style=("gouraud",), vertices=px, faces=faces, colors=colors))
        return None

    # -- images --------------------------------------------------------------------------
    def draw_image(self, gc, x, y, im, transform=None):
        if self._busy():
            return self._sink.draw_image(gc, x, y, im, transform)
        self._gc = gc
        clip = self._clip(gc)
        if clip is False:
            return None
        why = self._unsupported(gc)
        if why:
            return self._to_agg(why, "draw_image", gc, x, y, im, transform)
        rgba = np.asarray(im)
        h, w = rgba.shape[:2]
        if h == 0 or w == 0:
            return None
        # Resampled images come with the artist's alpha applied (Agg adds nothing);
        # un-resampled ones (with a transform) do not, as matplotlib's SVG shows
        alpha = gc.get_alpha() if transform is not None else None
        if alpha is not None and alpha < 1:
            rgba = rgba.copy()
            rgba[..., 3] = (rgba[..., 3] * float(alpha) + 0.5).astype(np.uint8)
        if transform is None:  # Agg's placement: whole pixels, truncated; row 0 lowest
            left = int(x)
            top = self.height - int(self.height - (y + h))
            corners = np.array([[left, top - h], [left + w, top - h], [left, top]], float)
        else:
            m = _matrix(transform)
            unit = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
            corners = unit @ m[:2, :2].T + m[:2, 2] + (x, y)
        c = np.array([corners[0], corners[1], corners[2], corners[1] + corners[2] - corners[0]])
        lo, hi = c.min(axis=0), c.max(axis=0)
        box = self._bbox(clip, lo[0], lo[1], hi[0], hi[1])
        if box is None:
            return None
        self._add(ImageItem("image", clip, box, None, ("image", checksum(rgba),
                                                       checksum(corners)),
                            style=(id(im),), rgba=rgba, corners=corners))
        return None

    # -- text ----------------------------------------------------------------------------
    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if self._busy():
            return self._sink.draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        if ismath == "TeX":
            return self.draw_tex(gc, x, y, s, prop, angle, mtext=mtext)
        if ismath:
            return self.draw_mathtext(gc, x, y, s, prop, angle)
        from matplotlib.backends.backend_agg import get_hinting_flag

        font = self._prepare_font(prop)
        items = font._layout(
            s, flags=get_hinting_flag(),
            features=mtext.get_fontfeatures() if mtext is not None else None,
            language=mtext.get_language() if mtext is not None else None)
        size = prop.get_size_in_points()
        self._glyphs(gc, x, y, angle, [(it.ft_object, size, it.glyph_index, it.x, it.y,
                                        it.char) for it in items], [], s)
        return None

    def draw_mathtext(self, gc, x, y, s, prop, angle):
        """Mathtext laid out by matplotlib's parser (``MathTextParser("path")``)."""
        parse = self._agg_metrics().mathtext_parser.parse(s, self.dpi, prop)
        self._glyphs(gc, x, y, angle, [(font, size, gid, dx, dy, chr(num) if num else "")
                                       for font, size, num, gid, dx, dy in parse.glyphs],
                     parse.rects, s)

    def _prepare_font(self, prop):
        from matplotlib.font_manager import fontManager, get_font

        font = get_font(fontManager._find_fonts_by_props(prop))
        font.clear()
        font.set_size(prop.get_size_in_points(), self.dpi)
        return font

    def _glyphs(self, gc, x, y, angle, glyphs, boxes, text) -> None:
        """Glyphs (font, size in points, glyph index, dx, dy px, char) about the baseline
        origin (x, y) (y downwards, as matplotlib hands it), and solid boxes (dx, dy, w,
        h), as Agg's ``_draw_text_glyphs_and_boxes`` places them."""
        self._gc = gc
        clip = self._clip(gc)
        if clip is False:
            return
        rgba = tuple(float(v) for v in gc.get_rgb())
        if len(rgba) == 3 or gc.get_forced_alpha():
            rgba = rgba[:3] + (float(gc.get_alpha()),)
        if rgba[3] <= 0:
            return
        from matplotlib.backends.backend_agg import get_hinting_flag
        from matplotlib.ft2font import RenderMode

        anchor = np.array([[float(x), self.height - float(y)]])
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        matrix = (0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int)
        flags = get_hinting_flag()
        mode = RenderMode.NORMAL if gc.get_antialiased() else RenderMode.MONO
        # each glyph as Agg renders it: FreeType at the pen's sub-pixel position, the
        # bitmap at whole pixels (the sprite is cached per 64th of a pixel of offset)
        sprites, keys, which, corners = [], {}, [], []
        runs: dict[str, list] = {}
        for font, size, gid, dx, dy, ch in glyphs:
            fx = round(0x40 * (anchor[0, 0] + dx * cos - dy * sin))
            fy = round(0x40 * (anchor[0, 1] + dx * sin + dy * cos))
            runs.setdefault(font.fname, []).append((gid, dx, dy, size, ch))
            made = sp.glyph_sprite(font, size, self.dpi, gid, matrix, fx & 63, fy & 63, flags,
                                   mode)
            if made is None:
                continue
            s, left, top = made
            if s.key not in keys:
                keys[s.key] = len(sprites)
                sprites.append(s)
            which.append(keys[s.key])
            corners.append(((fx >> 6) + left, (fy >> 6) + top))
        if sprites:
            tl = np.array(corners, float)
            sizes = np.array([s.size for s in sprites], float)[which]
            lo = np.array([tl[:, 0].min(), (tl[:, 1] - sizes[:, 1]).min()])
            hi = np.array([(tl[:, 0] + sizes[:, 0]).max(), tl[:, 1].max()])
            box = self._bbox(clip, lo[0], lo[1], hi[0], hi[1])
            if box is not None:
                idx = np.array(which, np.int64)
                glyph_runs = []
                for fname, gl in runs.items():
                    glyph_runs.append((fname, np.array([g[0] for g in gl], np.int64),
                                       np.array([(g[1], g[2]) for g in gl], float),
                                       np.array([g[3] for g in gl], float) * self.dpi / 72))
                chars = "".join(g[4] for gl in runs.values() for g in gl)
                fp = ("text", checksum(tl), tuple(s.key for s in sprites), checksum(idx),
                      rgba)
                self._add(TextItem("text", clip, box, None, fp, offsets=tl, sprites=sprites,
                                   index=None if len(sprites) == 1 else idx,
                                   face=np.array([rgba]), edge=np.zeros((1, 4)), snap=True,
                                   runs=glyph_runs, anchor=anchor, rotation=float(angle),
                                   color=rgba, chars=chars, text=text))
        if not boxes:
            return
        from matplotlib.path import Path
        from matplotlib.transforms import Affine2D

        gc1 = self.new_gc()
        gc1.copy_properties(gc)
        gc1.set_linewidth(0)
        gc1.set_hatch(None)
        for dx, dy, w, h in boxes:
            if gc.get_snap() in (None, True):  # thin bars grow to a pixel, as in Agg
                if w < 1:
                    dx, w = dx - (1 - w) / 2, 1
                if h < 1:
                    dy, h = dy - (1 - h) / 2, 1
            path = Path._create_closed([(dx, dy), (dx + w, dy), (dx + w, dy + h), (dx, dy + h)])
            self.draw_path(gc1, path, Affine2D().rotate_deg(angle).translate(
                x, self.height - y), rgba)
        gc1.restore()


def _aliased(gc, fill, hatch) -> tuple:
    """The batch style of a fill Agg draws without antialiasing (a pixel is in or out
    by its centre): ``("aliased",)``, else ``()``."""
    return ("aliased",) if not gc.get_antialiased() and (fill is not None or hatch) else ()


def _drawn(verts: np.ndarray, codes) -> np.ndarray:
    """The vertices that are drawn (finite, not the ignored vertex of a CLOSEPOLY)."""
    keep = np.isfinite(verts).all(axis=1)
    if codes is not None:
        keep &= (codes != prim.CLOSEPOLY) & (codes != prim.STOP)
    return verts[keep]


def _polyline(codes) -> bool:
    return codes is None or bool(np.isin(codes, _POLYLINE).all())


def _style_key(p: prim.Path) -> tuple:
    s = p.stroke
    return (p.fill, None if s is None else (s.color, s.width, s.dashes, s.join, s.cap),
            p.hatch, p.hatch_color, p.hatch_width, p.fill_rule)


def _rgba_rows(colors) -> np.ndarray:
    """(N, 4) float RGBA of a sequence of colors (an array passes through)."""
    from matplotlib.colors import to_rgba_array

    return np.asarray(to_rgba_array(colors), float).reshape(-1, 4)


def _hashable(ls) -> tuple:
    offset, seq = ls if ls is not None else (0, None)
    return (offset, None if seq is None else tuple(float(v) for v in seq))


def _uniform(x: np.ndarray, y: np.ndarray) -> bool:
    """Whether mesh coordinates form a regular grid (x by column, y by row, even steps)."""
    if x.shape[0] < 2 or x.shape[1] < 2:
        return False
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        return False
    if not (np.array_equal(x, np.broadcast_to(x[:1], x.shape))
            and np.array_equal(y, np.broadcast_to(y[:, :1], y.shape))):
        return False
    for v in (x[0], y[:, 0]):
        d = np.diff(v)
        if not np.allclose(d, d[0], rtol=1e-6, atol=0) or d[0] == 0:
            return False
    return True
