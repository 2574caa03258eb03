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
concerned (one image for consecutive ones), with a one-time warning naming it: dash
patterns longer than four on/off pairs, agg filters, hatched markers, quad meshes with
offsets or edges of many colors.

Collections are in :mod:`.collections`, text in :mod:`.text` (mixins of the renderer).
"""

from __future__ import annotations

import math
import warnings

import numpy as np
from matplotlib.backend_bases import RendererBase

from .. import primitives as prim
from . import sprites as sp
from .collections import CollectionsMixin
from .items import (
    SMALL,
    ImageItem,
    Item,
    LineItem,
    MarkerItem,
    MeshItem,
    PathItem,
    axis_aligned,
    checksum,
    drawn,
    matrix_of,
    polyline,
    style_key,
)
from .text import TextMixin

_warned: set = set()


class LumosFallbackWarning(UserWarning):
    """Something matplotlib asked for was drawn by Agg as a raster, not by lumos."""


def _warn_once(what: str) -> None:
    if what in _warned:
        return
    _warned.add(what)
    warnings.warn(f"lumos draws {what} through matplotlib's Agg (as an image): lumos "
                  "cannot draw it yet", LumosFallbackWarning, stacklevel=4)


def _stop_trimmed(verts: np.ndarray, codes):
    if codes is not None and len(codes) and codes[-1] == 0:
        keep = codes != 0
        return verts[keep], codes[keep]
    return verts, codes


class RendererLumos(CollectionsMixin, TextMixin, RendererBase):
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
            if len(stroke.dashes) not in (2, 4, 6, 8):
                return f"dash patterns of {len(stroke.dashes)} lengths"
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
        m = matrix_of(transform)
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
        finite = drawn(verts, codes)
        if not len(finite):
            return None
        lo, hi = finite.min(axis=0), finite.max(axis=0)
        box = self._bbox(clip, lo[0] - pad, lo[1] - pad, hi[0] + pad, hi[1] + pad, 1.5)
        if box is None:
            return None
        if fill is None and not hatch and polyline(codes):
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
        style = (stroke.width, stroke.cap, stroke.join, stroke.dashes,
                 None if stroke.dashes is None else len(self.items))
        fp = (checksum(verts), stroke.color, stroke.width, stroke.dashes, stroke.dash_offset,
              stroke.cap, stroke.join)
        self._add(LineItem("line", clip, box, affine, fp, style=style, vertices=verts,
                           color=stroke.color, width=stroke.width, dashes=stroke.dashes,
                           dash_offset=stroke.dash_offset,
                           cap=stroke.cap, join=stroke.join))

    def _paths(self, clip, box, affine, verts, codes, fill, stroke, hatch, hatch_color,
               hatch_width, gc) -> None:
        """A filled, hatched or closed path for the Paths visual (which fills a path that
        crosses itself by the nonzero rule, as Agg)."""
        hc = hatch_color if hatch else None
        paths = [prim.Path(verts, codes, fill=fill, stroke=stroke, hatch=hatch,
                           hatch_color=hc, hatch_width=hatch_width)]
        fp = (checksum(verts), checksum(codes), style_key(paths[0]))
        self._add(PathItem("paths", clip, box, affine, fp, style=_aliased(gc, fill, hatch),
                           paths=paths))

    def _data_path(self, gc, path, m, clip, fill, stroke, hatch, hatch_color, hatch_width):
        """A large path kept in its own coordinates (the scene shows it with a camera)."""
        verts, codes = path.vertices, path.codes
        box = self._bbox(clip, 0, 0, self.width, self.height)
        if box is None:
            return
        if fill is None and not hatch and polyline(codes):
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
        s = sp.sprite(marker_path, matrix_of(marker_trans), style)
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
        self._markers(gc, clip, offsets, matrix_of(trans), [s], None, face, edge, snap=True)
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
        m = matrix_of(master_transform)
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
                                                       style_key(p)), paths=[p]))
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
        m = matrix_of(transform)
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
            m = matrix_of(transform)
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



def _aliased(gc, fill, hatch) -> tuple:
    """The batch style of a fill Agg draws without antialiasing (a pixel is in or out
    by its centre): ``("aliased",)``, else ``()``."""
    return ("aliased",) if not gc.get_antialiased() and (fill is not None or hatch) else ()


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
