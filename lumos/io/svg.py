"""SVG files from :mod:`lumos.primitives`.

Paths are ``<path>`` elements clipped to their view and to their clip paths (a
``<clipPath>`` each, groups nested); a marker symbol
is defined once per size and drawn with ``<use>``; images are lossless PNG (base64).

Text (``fonttype``, matplotlib's ``svg.fonttype``):

- ``"path"`` (the default, as matplotlib's): every glyph's outline, defined once and
  reused. Chromium then draws exactly the outlines the PNG shows: measured on the
  gallery, the mean difference from the PNG is half that of real text, whose glyphs
  the browser hints and places on its own pixel grid.
- ``"none"``: real ``<text>`` elements, every glyph at its laid-out position, in a
  subset of the font embedded as a base64 ``@font-face``. The file needs no installed
  font, so it reads the same in any browser, offline; the text can be selected,
  searched, edited and read by screen readers, and the file is smaller.

Glyphs the font lacks (drawn as its .notdef box) are outlines in both modes; with
``"none"`` their characters stay in the text, invisible. User text is escaped (XML
entities; characters XML cannot hold become U+FFFD), so no label can open an element.
"""

from __future__ import annotations

import base64
from pathlib import Path as FilePath

import numpy as np

from ..primitives import GlyphRun, MarkerSet, Path, Polygons, Raster, Stroke, Triangles, clip_key
from ..scene.writers import register_writer
from .atomic import write_text
from .png import encode_png
from .vector import (
    CSS_POINTS,
    MARKER_SIZES,
    SEAM_STROKE,
    FontSubsets,
    check_dpi,
    clip_layers,
    color_groups,
    color_hex,
    color_hexes,
    gouraud_raster,
    hatch_tile,
    is_polyline,
    iter_commands,
    num,
    nums,
    polygon_rows,
    polygon_runs,
    segments,
)

FONTTYPES = ("none", "path")
FONTTYPE = "path"  # see the module docstring (rcParams["svg.fonttype"] defaults to it)
_GLYPH_UNITS = 1000.0  # glyph outlines are defined in 1/1000 em


def write_svg(path, primitives: list, size: tuple[float, float],
              points_per_pixel: float = 0.75, pixel_ratio: float = 1.0,
              fonttype: str = FONTTYPE, metadata: dict | None = None) -> FilePath:
    """Write primitives (canvas pixels, y down) as an SVG of ``size`` pixels, each
    ``points_per_pixel`` points big; ``pixel_ratio`` is the resolution of what the file
    draws as an image (Gouraud triangles). Written whole or not at all."""
    text = svg_document(primitives, size, points_per_pixel, pixel_ratio, fonttype, metadata)
    return write_text(path, text)


def svg_document(primitives: list, size: tuple[float, float], points_per_pixel: float = 0.75,
                 pixel_ratio: float = 1.0, fonttype: str = FONTTYPE,
                 metadata: dict | None = None) -> str:
    """The SVG text of :func:`write_svg`."""
    if fonttype not in FONTTYPES:
        raise ValueError(f"fonttype: got {fonttype!r}, expected one of {FONTTYPES} "
                         "(matplotlib's svg.fonttype)")
    writer = _Writer(fonttype, pixel_ratio, points_per_pixel)
    for p in primitives:
        writer.add(p)
    return writer.document(size, points_per_pixel, metadata or {})


def escape(text: str, quote: bool = True) -> str:
    """``text`` safe inside an XML attribute or element: the five entities, and U+FFFD
    for characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/U+FFFF)."""
    out = []
    for c in text:
        o = ord(c)
        if c == "&":
            out.append("&amp;")
        elif c == "<":
            out.append("&lt;")
        elif c == ">":
            out.append("&gt;")
        elif c == '"' and quote:
            out.append("&quot;")
        elif c == "'" and quote:
            out.append("&apos;")
        elif (o < 0x20 and c not in "\t\n\r") or 0xD800 <= o <= 0xDFFF or o in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(c)
    return "".join(out)


def _paint(prefix: str, rgba) -> str:
    s = f"{prefix}:{color_hex(rgba)}"
    if rgba[3] < 1:
        s += f";{prefix}-opacity:{num(rgba[3], 4)}"
    return s


def _stroke_style(stroke: Stroke | None, scale: float = 1.0) -> str:
    if stroke is None or stroke.width <= 0 or stroke.color[3] <= 0:
        return "stroke:none"
    cap = "square" if stroke.cap == "projecting" else stroke.cap
    parts = [_paint("stroke", stroke.color), f"stroke-width:{num(stroke.width / scale, 4)}",
             f"stroke-linejoin:{stroke.join}", f"stroke-linecap:{cap}"]
    if stroke.dashes is not None:
        parts.append("stroke-dasharray:" + ",".join(num(d / scale, 3) for d in stroke.dashes))
        if stroke.dash_offset:
            parts.append(f"stroke-dashoffset:{num(stroke.dash_offset / scale, 3)}")
    return ";".join(parts)


def path_data(vertices: np.ndarray, codes: np.ndarray, decimals: int = 2) -> str:
    """The ``d`` attribute of a path (implicit line-tos after a move-to)."""
    if is_polyline(codes):
        xy = nums(vertices, decimals)
        out = []
        for i, c in enumerate(codes.tolist()):
            out.append(("M" if c == 1 else "") + xy[2 * i] + " " + xy[2 * i + 1])
        return " ".join(out)
    out = []
    for op, pts in iter_commands(vertices, codes):
        out.append(op + " ".join(nums(pts, decimals)))
    return " ".join(out)


class _Writer:
    def __init__(self, fonttype: str, pixel_ratio: float, points_per_pixel: float) -> None:
        self.fonttype = fonttype
        self.pixel_ratio = pixel_ratio
        self.inch = 72.0 / points_per_pixel  # pixels per inch: hatch cells are an inch
        self.body: list[str] = []
        self.defs: list[str] = []
        self.ids: dict[tuple, str] = {}
        self.clip = None
        self.open = 0  # groups open for the clip
        self.fonts = FontSubsets()
        self.families: dict[FilePath, str] = {}
        self._handlers = {Path: self.path, MarkerSet: self.markers, Triangles: self.triangles,
                          Polygons: self.polygons, GlyphRun: self.glyphs, Raster: self.raster}

    def _id(self, key: tuple, prefix: str, make) -> str:
        """The id of a definition, writing it (``make(id)``) the first time."""
        i = self.ids.get(key)
        if i is None:
            i = self.ids[key] = f"{prefix}{len(self.ids)}"
            self.defs.append(make(i))
        return i

    def add(self, p) -> None:
        handler = self._handlers.get(type(p))
        if handler is None:
            raise TypeError(f"primitive: got {type(p).__name__}, expected a 2D primitive of "
                            "lumos.primitives (3D primitives are drawn as rasters)")
        self._set_clip(p.clip)
        handler(p)

    def _set_clip(self, clip) -> None:
        """Open the groups clipping what follows to ``clip`` (one per rectangle or clip
        path: nested, they intersect), closing those of the previous clip."""
        if clip_key(clip) == clip_key(self.clip):
            return
        self.body.extend(["</g>"] * self.open)
        self.clip, self.open = clip, 0
        for kind, shape in clip_layers(clip):
            if kind == "rect":
                x, y, w, h = shape
                key, inner = ("clip", shape), (f'<rect x="{num(x)}" y="{num(y)}" '
                                               f'width="{num(w)}" height="{num(h)}"/>')
            else:
                verts, codes = shape
                d = path_data(verts, codes) if len(verts) else ""
                key, inner = ("clip", d), f'<path d="{d}"/>'
            cid = self._id(key, "c", lambda i, inner=inner: (
                f'<clipPath id="{i}">{inner}</clipPath>'))
            self.body.append(f'<g clip-path="url(#{cid})">')
            self.open += 1

    # -- primitives ---------------------------------------------------------------
    def path(self, p: Path) -> None:
        verts, codes = segments(p)
        if not len(verts):
            return
        d = path_data(verts, codes)
        rule = ";fill-rule:evenodd" if p.fill_rule == "evenodd" else ""
        fill = "fill:none" if p.fill is None or p.fill[3] <= 0 else _paint("fill", p.fill)
        if p.hatch:
            self.body.append(f'<path d="{d}" style="{fill}{rule};stroke:none"/>')
            hid = self._hatch(p)
            self.body.append(f'<path d="{d}" style="fill:url(#{hid}){rule};stroke:none"/>')
            fill = "fill:none"
        self.body.append(f'<path d="{d}" style="{fill}{rule};{_stroke_style(p.stroke)}"/>')

    def _hatch(self, p: Path) -> str:
        color = p.hatch_color or (p.stroke.color if p.stroke else (0.0, 0.0, 0.0, 1.0))
        key = ("hatch", p.hatch, tuple(color), p.hatch_width)
        cell = self.inch

        def make(i: str) -> str:
            shapes = []
            for verts, codes, filled, width in hatch_tile(p.hatch, cell, p.hatch_width):
                fill = _paint("fill", color) if filled else "fill:none"
                stroke = _stroke_style(Stroke(color, width))
                shapes.append(f'<path d="{path_data(verts, codes)}" style="{fill};{stroke}"/>')
            return (f'<pattern id="{i}" patternUnits="userSpaceOnUse" x="0" y="0" '
                    f'width="{num(cell)}" height="{num(cell)}">{"".join(shapes)}</pattern>')

        return self._id(key, "h", make)

    def markers(self, m: MarkerSet) -> None:
        n = len(m.offsets)
        if n == 0:
            return
        face = np.broadcast_to(m.facecolors, (n, 4))
        edge = None if m.edgecolors is None or m.edge_width <= 0 else \
            np.broadcast_to(m.edgecolors, (n, 4))
        verts, codes = segments(m.symbol)
        sizes = np.round(m.sizes, 2)
        same_face = bool((face == face[:1]).all())
        same_edge = edge is None or bool((edge == edge[:1]).all())
        group = [] if not same_face else [
            "fill:none" if face[0, 3] <= 0 else _paint("fill", face[0])]
        if same_edge:
            group.append("stroke:none" if edge is None else _stroke_style(
                Stroke(tuple(edge[0]), m.edge_width, join=m.join, cap=m.cap)))
        self.body.append(f'<g style="{";".join(group)}">')
        xy = nums(m.offsets)
        # a symbol per size, drawn at x, y; with many sizes one unit symbol, scaled
        scaled = len(np.unique(sizes)) > MARKER_SIZES
        for k in range(n):
            s = float(sizes[k])
            if s <= 0:
                continue
            unit = 1.0 if scaled else s
            mid = self._id(("marker", m.name, id(m.symbol), unit), "m", lambda i, u=unit: (
                f'<path id="{i}" d="{path_data(verts * u, codes, 3 if u > 1 else 5)}"/>'))
            style = []
            if not same_face:
                style.append("fill:none" if face[k, 3] <= 0 else _paint("fill", face[k]))
            if not same_edge:
                style.append(_stroke_style(Stroke(tuple(edge[k]), m.edge_width, join=m.join,
                                                  cap=m.cap)))
            if scaled and edge is not None:
                style.append(f"stroke-width:{num(m.edge_width / s, 5)}")
            attr = f' style="{";".join(style)}"' if style else ""
            place = f'transform="translate({xy[2 * k]} {xy[2 * k + 1]}) scale({num(s, 3)})"' \
                if scaled else f'x="{xy[2 * k]}" y="{xy[2 * k + 1]}"'
            self.body.append(f'<use xlink:href="#{mid}" {place}{attr}/>')
        self.body.append("</g>")

    def triangles(self, t: Triangles) -> None:
        if len(t.faces) == 0:
            return
        if t.per_vertex:
            r = gouraud_raster(t.vertices, t.faces, np.broadcast_to(
                t.colors, (len(t.vertices), 4)), t.clip, self.pixel_ratio)
            if r is not None:
                self.raster(r)
            return
        for rgba, verts, codes, seams in color_groups(t):
            if len(verts):
                self.body.append(f'<path d="{path_data(verts, codes)}" '
                                 f'style="{_paint("fill", rgba)};stroke:none"/>')
            if len(seams):
                xy = np.asarray(nums(seams.reshape(-1, 2))).reshape(-1, 4)
                d = "".join(f"M{a} {b}L{c} {e}" for a, b, c, e in xy)
                stroke = _stroke_style(Stroke(tuple(rgba), SEAM_STROKE))
                self.body.append(f'<path d="{d}" style="fill:none;{stroke}"/>')

    def polygons(self, p: Polygons) -> None:
        """One ``<path>`` per polygon, in order (runs of one opaque style: one path of
        their rings); outlines share their width and joins through the group around
        them."""
        rows, face, edge = polygon_rows(p)
        if not rows:
            return
        fills = color_hexes(face)
        fa = face[:, 3].tolist()
        strokes = None if edge is None else color_hexes(edge)
        ea = None if edge is None else edge[:, 3].tolist()
        if edge is not None:
            self.body.append(f'<g style="stroke-width:{num(p.edge_width, 4)};'
                             'stroke-linejoin:round">')
        rings = [f"M{xy[0]} {xy[1]}L" + "L".join(
            f"{xy[j]} {xy[j + 1]}" for j in range(2, len(xy), 2)) + "Z" for xy in rows]
        for start, stop in polygon_runs(face, edge):
            i = start
            style = f"fill:{fills[i]}" if fa[i] > 0 else "fill:none"
            if 0 < fa[i] < 1:
                style += f";fill-opacity:{num(fa[i], 4)}"
            if strokes is not None and ea[i] > 0:
                style += f";stroke:{strokes[i]}"
                if ea[i] < 1:
                    style += f";stroke-opacity:{num(ea[i], 4)}"
            self.body.append(f'<path d="{"".join(rings[start:stop])}" style="{style}"/>')
        if edge is not None:
            self.body.append("</g>")

    def raster(self, r: Raster) -> None:
        h, w = r.rgba.shape[:2]
        if h == 0 or w == 0:
            return
        data = base64.b64encode(encode_png(r.rgba)).decode("ascii")
        style = "image-rendering:pixelated" if r.interpolation == "nearest" else \
            "image-rendering:auto"
        if r.transform is not None:
            t = r.transform
            m = " ".join(nums([t[0, 0], t[1, 0], t[0, 1], t[1, 1], t[0, 2], t[1, 2]], 6))
            place = f'width="{w}" height="{h}" transform="matrix({m})"'
        else:
            x, y, rw, rh = r.rect
            place = f'x="{num(x, 3)}" y="{num(y, 3)}" width="{num(rw, 3)}" height="{num(rh, 3)}"'
        self.body.append(f'<image {place} preserveAspectRatio="none" style="{style}" '
                         f'xlink:href="data:image/png;base64,{data}"/>')

    # -- text ---------------------------------------------------------------------
    def glyphs(self, run: GlyphRun) -> None:
        n = len(run.glyph_ids)
        if n == 0:
            return
        chars = run.chars if len(run.chars) == n else None
        if self.fonttype == "none" and chars is not None:
            run = _letters(run)
            n, chars = len(run.glyph_ids), run.chars
        fill = _paint("fill", run.color)
        if run.rotation:
            ax, ay = run.anchor
            self.body.append(f'<g transform="rotate({num(-run.rotation, 4)} {num(ax, 3)} '
                             f'{num(ay, 3)})">')
        as_text = np.zeros(n, bool)
        if self.fonttype == "none" and chars is not None:
            as_text = np.array([g != 0 and _plain(c) for g, c in zip(
                run.glyph_ids.tolist(), chars, strict=True)])
        if (~as_text).any():
            self._outlines(run, ~as_text, fill)
        if chars is not None and self.fonttype == "none":
            self._text(run, as_text, chars, fill)
        if run.rotation:
            self.body.append("</g>")

    def _text(self, run: GlyphRun, drawn: np.ndarray, chars: str, fill: str) -> None:
        """<text> per line of glyphs; glyphs drawn as outlines keep their characters
        as invisible text, so that the label still reads back whole."""
        self.fonts.add(run.font, run.glyph_ids[drawn], "".join(
            c for c, d in zip(chars, drawn, strict=True) if d))
        family = self.families.setdefault(FilePath(run.font), f"lumos{len(self.families)}")
        pos = run.positions
        lines = np.r_[0, np.nonzero(np.abs(np.diff(pos[:, 1])) > 1e-6)[0] + 1, len(pos)]
        for a, b in zip(lines[:-1], lines[1:], strict=True):
            xs = nums(pos[a:b, 0], 3)
            spans = []
            for k in range(a, b):
                c = escape(chars[k], quote=False)
                spans.append(c if drawn[k] else f'<tspan style="fill:none">{c}</tspan>')
            self.body.append(
                f'<text xml:space="preserve" x="{" ".join(xs)}" y="{num(pos[a, 1], 3)}" '
                f'style="font-family:\'{family}\';font-size:{num(run.size, 4)}px;{fill};'
                f'font-kerning:none;font-variant-ligatures:none">{"".join(spans)}</text>')

    def _outlines(self, run: GlyphRun, which: np.ndarray, fill: str) -> None:
        from ..visuals.fonts import get_font

        font = get_font(path=run.font)
        k = run.size / _GLYPH_UNITS
        uses = []
        for gid, (x, y) in zip(run.glyph_ids[which].tolist(), run.positions[which].tolist(),
                               strict=True):
            verts, codes = font.outline(gid)
            if not len(verts):
                continue
            gdef = self._id(("glyph", str(run.font), gid), "g", lambda i, v=verts, c=codes: (
                f'<path id="{i}" d="{path_data(v * (_GLYPH_UNITS, -_GLYPH_UNITS), c, 1)}"/>'))
            uses.append(f'<use xlink:href="#{gdef}" transform="translate({num(x, 3)} '
                        f'{num(y, 3)}) scale({num(k, 6)})"/>')
        if uses:
            self.body.append(f'<g style="{fill};stroke:none">' + "".join(uses) + "</g>")

    # -- the document -------------------------------------------------------------
    def document(self, size, points_per_pixel: float, metadata: dict) -> str:
        self._set_clip(None)
        w, h = size
        defs = list(self.defs)
        if self.families:
            faces = []
            for font, family in self.families.items():
                data = base64.b64encode(self.fonts.subset(font)[0]).decode("ascii")
                faces.append(f'@font-face {{ font-family: "{family}"; src: '
                             f'url(data:font/ttf;base64,{data}) format("truetype"); }}')
            defs.insert(0, '<style type="text/css">' + "\n".join(faces) + "</style>")
        title = metadata.get("Title")
        head = [
            '<?xml version="1.0" encoding="utf-8" standalone="no"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" '
            f'width="{num(w * points_per_pixel, 3)}pt" height="{num(h * points_per_pixel, 3)}pt" '
            f'viewBox="0 0 {num(w, 3)} {num(h, 3)}">',
        ]
        if title:
            head.append(f"<title>{escape(str(title), quote=False)}</title>")
        creator = metadata.get("Creator", "lumos")
        head.append(f"<desc>{escape(str(creator), quote=False)}</desc>")
        if defs:
            head.append("<defs>\n" + "\n".join(defs) + "\n</defs>")
        return "\n".join(head + self.body + ["</svg>", ""])


def _letters(run: GlyphRun) -> GlyphRun:
    """``run`` with each ligature (U+FB00..U+FB04, as shaping made them) back in its
    letters, each placed at its own advance: text written as text reads as the user wrote
    it, as matplotlib's ``svg.fonttype='none'`` writes it."""
    from dataclasses import replace

    from ..visuals.fonts import LIGATURES, get_font

    font = get_font(path=run.font)
    letters = {lig: seq for seq, lig in LIGATURES.get(font.path.name, ())}
    if not letters or not letters.keys() & set(run.chars):
        return run
    ids, pos, chars = [], [], []
    for gid, (x, y), c in zip(run.glyph_ids.tolist(), run.positions.tolist(), run.chars,
                              strict=True):
        for letter in letters.get(c, c):
            g = gid if letter == c else font.index(letter)
            ids.append(g)
            pos.append((x, y))
            chars.append(letter)
            x += font.advance(g) * run.size
    return replace(run, glyph_ids=np.array(ids, np.int64), positions=np.array(pos),
                   chars="".join(chars))


def _plain(c: str) -> bool:
    """Whether a character can stand in an SVG <text> as itself."""
    o = ord(c)
    return o >= 0x20 and not 0x7F <= o < 0xA0 and not 0xD800 <= o <= 0xDFFF \
        and o not in (0xFFFE, 0xFFFF)


def _save_canvas(canvas, path, dpi: float | None = None) -> FilePath:
    """``Canvas.save`` of a ``.svg`` file: a logical pixel is a CSS pixel (0.75 pt);
    ``dpi`` (default 96 × the canvas's pixel ratio) is the resolution of the parts drawn
    as images."""
    ratio = canvas.pixel_ratio if dpi is None else check_dpi(dpi) / 96.0
    return write_svg(path, canvas.primitives(ratio), canvas.size, CSS_POINTS, ratio)


register_writer(".svg", _save_canvas)
