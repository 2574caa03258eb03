"""Collections for :class:`~.renderer.RendererLumos`: scatter-like collections as
stamps, every other one drawn at once (open strokes as lines of one style each, fills as
paths), Agg's snapping vectorized."""

from __future__ import annotations

import numpy as np
from matplotlib.backend_bases import RendererBase

from .. import primitives as prim
from . import sprites as sp
from .items import (
    SMALL,
    LineItem,
    PathItem,
    axis_aligned,
    checksum,
    drawn,
    matrix_of,
    polyline,
    style_key,
)

MAX_SPRITES = 2048  # distinct marker sprites in one collection; beyond, paths


class CollectionsMixin:
    """``draw_path_collection`` of the renderer (it provides the graphics-context helpers,
    ``_add`` and the item layout)."""

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
        master = matrix_of(master_transform)
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
            if fill is None and not hatch and polyline(c):
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
            finite = drawn(verts, None)
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
        fp = (checksum(verts), checksum(rgba), s.width, s.dashes, s.dash_offset, s.cap)
        style = (s.width, s.cap, s.dashes, None if s.dashes is None else len(self.items))
        self._add(LineItem("line", clip, box, affine, fp, style=style, vertices=verts,
                           color=color, width=s.width, dashes=s.dashes,
                           dash_offset=s.dash_offset, cap=s.cap))

    def _collection_prims(self, gc, clip, box, affine, prims, hatch, aa=True) -> None:
        """Filled (or hatched, or closed) paths of a collection as one paths item."""
        out = []
        hw = self.points_to_pixels(gc.get_hatch_linewidth())
        lo, hi = np.full(2, np.inf), np.full(2, -np.inf)
        for v, c, fill, stroke, hc in prims:
            out.append(prim.Path(v, c, fill=fill, stroke=stroke, hatch=hatch or None,
                                 hatch_color=hc, hatch_width=hw))
            if box is None:
                f = drawn(v, c)
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
        fp = ("collection",) + tuple((checksum(p.vertices), checksum(p.codes), style_key(p))
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
        master = matrix_of(master_transform)
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
        self._markers(gc, self._clip(gc), offs, matrix_of(offset_trans), made,
                      None if len(made) == 1 else which, face, edge, snap=False)
        return True


def _rgba_rows(colors) -> np.ndarray:
    """(N, 4) float RGBA of a sequence of colors (an array passes through)."""
    from matplotlib.colors import to_rgba_array

    return np.asarray(to_rgba_array(colors), float).reshape(-1, 4)


def _hashable(ls) -> tuple:
    offset, seq = ls if ls is not None else (0, None)
    return (offset, None if seq is None else tuple(float(v) for v in seq))
