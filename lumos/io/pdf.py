"""PDF files from :mod:`lumos.primitives`, written by a compact writer of our own.

Why our own: lumos needs a small, fixed part of PDF (paths, clips, form XObjects,
images with soft masks, Gouraud triangle shadings, CID fonts) and full control of how
text is embedded; the libraries that write PDF either bring a renderer of their own
(cairo, reportlab's canvas model, matplotlib's backend) or do not embed subset
TrueType fonts with a ToUnicode map (fpdf2 needs its own text layout). fontTools,
already the field's standard, does the subsetting; everything else is ~400 lines here.

The page is ``size`` pixels of ``points_per_pixel`` points; the content stream works
in pixels, y down, through one initial ``cm``.

- Paths: ``m l c h`` with fills (nonzero / even-odd), strokes (width, caps, joins,
  dashes) and hatches (tiling patterns); alpha through ExtGState.
- Clips: ``re W n`` around every run of primitives sharing a view, then ``W n`` of each
  clip path (a polar sector's wedge, ``set_clip_path``).
- Markers: one Form XObject per symbol and size, drawn with ``Do`` at each point.
- Images: Flate-compressed RGB with an SMask for alpha (lossless).
- Gouraud triangles: type 4 shadings.
- Text: each font as a TrueType subset (CIDFontType2, Identity-H) with a ToUnicode
  CMap, so text is selectable and searchable; glyphs are placed exactly (TJ offsets);
  glyphs the font lacks carry their characters as ActualText. Metadata strings are
  UTF-16 hex strings: no user text can close a string or an object.
"""

from __future__ import annotations

import math
import zlib
from pathlib import Path as FilePath

import numpy as np

from ..primitives import GlyphRun, MarkerSet, Path, Polygons, Raster, Stroke, Triangles, clip_key
from ..scene.writers import register_writer
from .atomic import write_bytes
from .vector import (
    CSS_POINTS,
    MARKER_SIZES,
    SEAM_STROKE,
    FontSubsets,
    check_dpi,
    clip_layers,
    color_groups,
    font_metrics,
    hatch_tile,
    is_polyline,
    iter_commands,
    num,
    nums,
    polygon_rows,
    polygon_runs,
    segments,
)

_CAPS = {"butt": 0, "round": 1, "projecting": 2}
_JOINS = {"miter": 0, "round": 1, "bevel": 2}


def write_pdf(path, primitives: list, size: tuple[float, float],
              points_per_pixel: float = 0.75, metadata: dict | None = None) -> FilePath:
    """Write primitives (canvas pixels, y down) as a one-page PDF of ``size`` pixels,
    each ``points_per_pixel`` points big. Written whole or not at all."""
    return write_bytes(path, pdf_document(primitives, size, points_per_pixel, metadata))


def pdf_document(primitives: list, size: tuple[float, float], points_per_pixel: float = 0.75,
                 metadata: dict | None = None) -> bytes:
    """The bytes of :func:`write_pdf`."""
    w = ContentWriter(size, points_per_pixel)
    for p in primitives:
        w.add(p)
    return w.document(metadata or {})


def text_string(text: str) -> bytes:
    """A PDF text string of any characters: UTF-16BE hex with a byte order mark."""
    return b"<FEFF" + text.encode("utf-16-be", "replace").hex().upper().encode() + b">"


def _color(rgba, op: str) -> str:
    return " ".join(num(c, 4) for c in rgba[:3]) + " " + op


def _path_ops(vertices: np.ndarray, codes: np.ndarray, decimals: int = 2) -> str:
    """``m l c h`` operators (quadratic curves raised to cubic)."""
    if is_polyline(codes):
        xy = nums(vertices, decimals)
        return "\n".join(f"{xy[2 * i]} {xy[2 * i + 1]} {'m' if c == 1 else 'l'}"
                         for i, c in enumerate(codes.tolist()))
    out, last = [], np.zeros(2)
    for op, pts in iter_commands(vertices, codes):
        if op == "Z":
            out.append("h")
            continue
        if op == "Q":  # p0 + 2/3 (p1 - p0), p2 + 2/3 (p1 - p2)
            p1, p2 = pts
            pts = np.array([last + 2 / 3 * (p1 - last), p2 + 2 / 3 * (p1 - p2), p2])
        out.append(" ".join(nums(pts, decimals)) + " "
                   + {"M": "m", "L": "l", "Q": "c", "C": "c"}[op])
        last = pts[-1]
    return "\n".join(out)


def _clip_ops(clip) -> list[str]:
    """The clip's rectangle and paths, each ``W n`` (they intersect; a path's rings
    fill nonzero: their union)."""
    out = []
    for kind, shape in clip_layers(clip):
        if kind == "rect":
            out.append(" ".join(nums(shape)) + " re W n")
        elif len(shape[0]):
            out.append(_path_ops(*shape) + "\nW n")
        else:  # a clip path with nothing inside
            out.append("0 0 0 0 re W n")
    return out


def hatch_color(p: Path) -> tuple:
    """The color of ``p``'s hatch: its own, else its edge's, else black."""
    return p.hatch_color or (p.stroke.color if p.stroke else (0.0, 0.0, 0.0, 1.0))


def _stroke_ops(stroke: Stroke) -> str:
    ops = [_color(stroke.color, "RG"), f"{num(stroke.width, 4)} w",
           f"{_CAPS[stroke.cap]} J", f"{_JOINS[stroke.join]} j"]
    if stroke.dashes is not None:
        ops.append(f"[{' '.join(num(d, 3) for d in stroke.dashes)}] "
                   f"{num(stroke.dash_offset, 3)} d")
    else:
        ops.append("[] 0 d")
    return " ".join(ops)


class ContentWriter:
    """A PDF page of primitives: its content stream (operators on pixels, y down) and
    the objects it draws with. The PostScript writer (:mod:`lumos.io.ps`) is one of these
    too: its prolog defines the content stream's operators, so that both files share
    how every primitive is walked, clipped and painted, and only resources differ
    (``alpha``, ``form``, ``_hatch``, ``raster``, ``_gouraud``, ``glyphs``)."""

    def __init__(self, size, points_per_pixel: float) -> None:
        self.size = size
        self.k = float(points_per_pixel)
        self.objects: list[bytes | None] = [None]  # object 0 is the free head
        self.content: list[str] = []
        self.resources = {"ExtGState": {}, "XObject": {}, "Pattern": {}, "Shading": {},
                          "Font": {}}
        self.keys: dict[tuple, str] = {}
        self.clip = None
        self.hatch_cell = 72.0 / self.k  # one inch of pixels, as matplotlib's hatch unit
        self.fonts = FontSubsets()
        self.font_names: dict[FilePath, str] = {}
        self.text_runs: list = []  # (font, content index, line data) filled in at the end
        self._widths: dict[FilePath, dict] = {}  # advance widths of the used glyphs
        self._mappings: dict[FilePath, dict] = {}  # old glyph id -> the subset's
        self._handlers = {Path: self.path, MarkerSet: self.markers, Triangles: self.triangles,
                          Polygons: self.polygons, GlyphRun: self.glyphs,
                          Raster: self.raster}

    # -- objects ------------------------------------------------------------------
    def reserve(self) -> int:
        self.objects.append(None)
        return len(self.objects) - 1

    def put(self, body: bytes, number: int | None = None) -> int:
        if number is None:
            number = self.reserve()
        self.objects[number] = body
        return number

    def stream(self, head: str, data: bytes, compress: bool = True,
               number: int | None = None) -> int:
        if compress:
            data = zlib.compress(data, 6)
            head += " /Filter /FlateDecode"
        return self.put(f"<< {head} /Length {len(data)} >>\nstream\n".encode() + data
                        + b"\nendstream", number)

    def resource(self, kind: str, key: tuple, make) -> str:
        """The resource name of ``key`` (``make()`` gives its object number once)."""
        name = self.keys.get((kind, key))
        if name is None:
            name = f"{kind[0]}{len(self.resources[kind])}"
            self.resources[kind][name] = make()
            self.keys[(kind, key)] = name
        return name

    def alpha(self, fill: float = 1.0, stroke: float = 1.0) -> str:
        """``/Gn gs`` for fill and stroke alpha (empty when both are opaque)."""
        fill, stroke = round(float(fill), 4), round(float(stroke), 4)
        if fill >= 1 and stroke >= 1:
            return ""
        name = self.resource("ExtGState", (fill, stroke), lambda: self.put(
            f"<< /Type /ExtGState /ca {num(fill, 4)} /CA {num(stroke, 4)} >>".encode()))
        return f"/{name} gs "

    # -- primitives ---------------------------------------------------------------
    def add(self, p) -> None:
        handler = self._handlers.get(type(p))
        if handler is None:
            raise TypeError(f"primitive: got {type(p).__name__}, expected a 2D primitive of "
                            "lumos.primitives (3D primitives are drawn as rasters)")
        if clip_key(p.clip) != clip_key(self.clip):
            if self.clip is not None:
                self.content.append("Q")
            self.clip = p.clip
            if p.clip is not None:
                self.content.append("q " + "\n".join(_clip_ops(p.clip)))
        handler(p)

    def path(self, p: Path) -> None:
        verts, codes = segments(p)
        if not len(verts):
            return
        ops = _path_ops(verts, codes)
        even = p.fill_rule == "evenodd"
        fill = p.fill is not None and p.fill[3] > 0
        stroke = p.stroke is not None and p.stroke.width > 0 and p.stroke.color[3] > 0
        if p.hatch:
            if fill:
                self.content.append(f"q {self.alpha(p.fill[3])}{_color(p.fill, 'rg')}\n{ops}\n"
                                    f"{'f*' if even else 'f'} Q")
            name = self._hatch(p)
            self.content.append(f"q /Pattern cs /{name} scn\n{ops}\n{'f*' if even else 'f'} Q")
            fill = False
        if not (fill or stroke):
            return
        state = [self.alpha(p.fill[3] if fill else 1, p.stroke.color[3] if stroke else 1)]
        if fill:
            state.append(_color(p.fill, "rg") + " ")
        if stroke:
            state.append(_stroke_ops(p.stroke))
        paint = ("B*" if even else "B") if fill and stroke else (
            ("f*" if even else "f") if fill else "S")
        self.content.append(f"q {''.join(state)}\n{ops}\n{paint} Q")

    def _hatch_tile(self, p: Path, color) -> list[str]:
        """What paints one tile of ``p``'s hatch (``hatch_cell`` pixels) in ``color``."""
        body = [_color(color, "rg"), _color(color, "RG")]
        for verts, codes, filled, width in hatch_tile(p.hatch, self.hatch_cell, p.hatch_width):
            body.append(f"{num(width, 4)} w 0 J 1 j\n{_path_ops(verts, codes)}\n"
                        f"{'B' if filled else 'S'}")
        return body

    def _hatch(self, p: Path) -> str:
        color = hatch_color(p)
        cell = self.hatch_cell

        def make() -> int:
            body = self._hatch_tile(p, color)
            resources = "<< >>"
            if color[3] < 1:  # the pattern's own graphics state carries the alpha
                gs = self.put(f"<< /Type /ExtGState /ca {num(color[3], 4)} "
                              f"/CA {num(color[3], 4)} >>".encode())
                resources = f"<< /ExtGState << /GA {gs} 0 R >> >>"
                body.insert(0, "/GA gs")
            h = self.size[1] * self.k
            # pattern space is the page's: map it to pixels, y down, as the content
            return self.stream(
                f"/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 "
                f"/BBox [0 0 {num(cell)} {num(cell)}] /XStep {num(cell)} /YStep {num(cell)} "
                f"/Matrix [{num(self.k, 6)} 0 0 {num(-self.k, 6)} 0 {num(h, 4)}] "
                f"/Resources {resources}", "\n".join(body).encode())

        return self.resource("Pattern", (p.hatch, tuple(color), p.hatch_width), make)

    def markers(self, m: MarkerSet) -> None:
        n = len(m.offsets)
        if n == 0:
            return
        face = np.broadcast_to(m.facecolors, (n, 4))
        edge = None if m.edgecolors is None or m.edge_width <= 0 else \
            np.broadcast_to(m.edgecolors, (n, 4))
        verts, codes = segments(m.symbol)
        # the symbol's reach in sizes (a tick is as long as the size, a scaled outline
        # longer)
        span = max(1.0, 2.0 * float(np.abs(verts).max(initial=0.0)))
        has_fill = bool((face[:, 3] > 0).any())
        paint = ("B" if edge is not None else "f") if has_fill else ("S" if edge is not None
                                                                    else None)
        if paint is None:
            return
        same = bool((face == face[:1]).all()) and (edge is None or bool((edge == edge[:1]).all()))
        head = [] if edge is None else [f"{num(m.edge_width, 4)} w {_JOINS[m.join]} j "
                                       f"{_CAPS[m.cap]} J"]
        if same:
            head.append(self._marker_colors(face[0], None if edge is None else edge[0]))
        self.content.append("q " + " ".join(head))
        xy = nums(m.offsets)
        sizes = np.round(m.sizes, 2)
        # a form per size; with many sizes one form of size 1, scaled (and its edge
        # width divided by the scale)
        scaled = len(np.unique(sizes)) > MARKER_SIZES
        for k in range(n):
            s = float(sizes[k])
            if s <= 0:
                continue
            unit = 1.0 if scaled else s
            reach = span * unit + (0 if scaled else m.edge_width) + 1
            name = self.form(("marker", m.name, id(m.symbol), unit, paint), reach,
                             lambda u=unit: f"{_path_ops(verts * u, codes, 3 if u > 1 else 5)}\n"
                                            f"{paint}")
            ops = "" if same else self._marker_colors(
                face[k], None if edge is None else edge[k]) + " "
            if scaled:
                width = "" if edge is None else f"{num(m.edge_width / s, 5)} w "
                ops += f"{width}{num(s, 3)} 0 0 {num(s, 3)} {xy[2 * k]} {xy[2 * k + 1]} cm"
            else:
                ops += f"1 0 0 1 {xy[2 * k]} {xy[2 * k + 1]} cm"
            self.content.append(f"q {ops} /{name} Do Q")
        self.content.append("Q")

    def form(self, key: tuple, reach: float, body) -> str:
        """The name of a Form XObject drawing ``body()`` (content operators) within
        ``reach`` pixels of its origin, made once per ``key``; ``/name Do`` draws it."""
        return self.resource("XObject", key, lambda: self.stream(
            f"/Type /XObject /Subtype /Form /BBox [{num(-reach, 4)} {num(-reach, 4)} "
            f"{num(reach, 4)} {num(reach, 4)}]", body().encode()))

    def _marker_colors(self, face, edge) -> str:
        ops = [self.alpha(face[3], 1 if edge is None else edge[3]).strip(), _color(face, "rg")]
        if edge is not None:
            ops.append(_color(edge, "RG"))
        return " ".join(o for o in ops if o)

    def triangles(self, t: Triangles) -> None:
        if len(t.faces) == 0:
            return
        if t.per_vertex:
            self._gouraud(t)
            return
        for rgba, verts, codes, seams in color_groups(t):
            if len(verts):
                self.content.append(f"q {self.alpha(rgba[3])}{_color(rgba, 'rg')}\n"
                                    f"{_path_ops(verts, codes)}\nf Q")
            if len(seams):
                xy = np.asarray(nums(seams.reshape(-1, 2))).reshape(-1, 4)
                ops = "\n".join(f"{a} {b} m {c} {d} l" for a, b, c, d in xy)
                seam = _stroke_ops(Stroke(tuple(rgba), SEAM_STROKE))
                self.content.append(f"q {seam}\n{ops}\nS Q")

    def polygons(self, p: Polygons) -> None:
        """Each polygon filled (and outlined) in order, runs of one opaque style as
        one path; colors set inline, a translucent polygon inside its own ``q``/``Q``
        with its alpha."""
        rows, face, edge = polygon_rows(p)
        if not rows:
            return
        fill = np.asarray(nums(face[:, :3].ravel(), 4)).reshape(-1, 3).tolist()
        stroke = None if edge is None else \
            np.asarray(nums(edge[:, :3].ravel(), 4)).reshape(-1, 3).tolist()
        fa = face[:, 3].tolist()
        ea = None if edge is None else edge[:, 3].tolist()
        rings = [f"{xy[0]} {xy[1]} m " + " ".join(
            f"{xy[j]} {xy[j + 1]} l" for j in range(2, len(xy), 2)) + " h" for xy in rows]
        out = [f"q {num(p.edge_width, 4)} w 1 j"]
        for start, stop in polygon_runs(face, edge):
            i = start
            a_f, a_e = fa[i], (0.0 if ea is None else ea[i])
            paint = "B" if a_f > 0 and a_e > 0 else ("f" if a_f > 0 else "S")
            color = (" ".join(fill[i]) + " rg " if a_f > 0 else "") + (
                " ".join(stroke[i]) + " RG " if a_e > 0 else "")
            ops = "\n".join(rings[start:stop])
            gs = self.alpha(a_f if a_f > 0 else 1, a_e if a_e > 0 else 1)
            out.append(f"q {gs}{color}{ops} {paint} Q" if gs else f"{color}{ops} {paint}")
        out.append("Q")
        self.content.append("\n".join(out))

    def _gouraud(self, t: Triangles) -> None:
        """A type 4 shading (free-form triangles); PDF shadings have no per-vertex alpha,
        so a varying alpha is averaged."""
        data, head, alpha = shading(t)
        number = self.stream(head, data)
        name = f"S{len(self.resources['Shading'])}"
        self.resources["Shading"][name] = number
        self.content.append(f"q {self.alpha(alpha)}/{name} sh Q")

    def raster(self, r: Raster) -> None:
        h, w = r.rgba.shape[:2]
        if h == 0 or w == 0:
            return
        rgba = np.ascontiguousarray(r.rgba)
        interp = "true" if r.interpolation == "linear" else "false"
        smask = ""
        if (rgba[..., 3] < 255).any():
            mask = self.stream(f"/Type /XObject /Subtype /Image /Width {w} /Height {h} "
                               f"/ColorSpace /DeviceGray /BitsPerComponent 8 "
                               f"/Interpolate {interp}", rgba[..., 3].tobytes())
            smask = f" /SMask {mask} 0 R"
        number = self.stream(f"/Type /XObject /Subtype /Image /Width {w} /Height {h} "
                             f"/ColorSpace /DeviceRGB /BitsPerComponent 8 "
                             f"/Interpolate {interp}{smask}", rgba[..., :3].tobytes())
        name = f"I{len(self.resources['XObject'])}"
        self.resources["XObject"][name] = number
        self.content.append(f"q {' '.join(nums(image_matrix(r), 4))} cm /{name} Do Q")

    # -- text ---------------------------------------------------------------------
    def glyphs(self, run: GlyphRun) -> None:
        n = len(run.glyph_ids)
        if n == 0:
            return
        font = FilePath(run.font)
        chars = run.chars if len(run.chars) == n else ""
        self.fonts.add(font, run.glyph_ids, chars)
        name = self.font_names.setdefault(font, f"F{len(self.font_names)}")
        pos = run.positions
        self.content.append(f"q {self.alpha(run.color[3])}{_color(run.color, 'rg')} BT "
                            f"/{name} {num(run.size, 4)} Tf")
        for a, b, matrix in text_lines(run):
            tm = " ".join(nums(matrix, 4))
            # the TJ array is written at the end, when the subset's glyph ids are known
            self.text_runs.append((font, len(self.content), run.glyph_ids[a:b].tolist(),
                                   pos[a:b, 0].tolist(), run.size, chars[a:b] if chars else ""))
            self.content.append(f"{tm} Tm")
        self.content.append("ET Q")

    def _tj(self, font, ids, xs, size, chars, mapping, widths) -> str:
        """Glyphs at their exact x (TJ offsets correct the advance widths); glyphs the
        font lacks (.notdef) carry their characters as ActualText."""
        out, items = [], []
        for i, gid in enumerate(ids):
            new = mapping.get(gid, 0)
            if i:
                step = (xs[i] - xs[i - 1]) * 1000.0 / size
                adj = widths.get(ids[i - 1], 0) - step
                if abs(adj) > 0.005:
                    items.append(num(adj, 2))
            if gid == 0 and chars:
                if items:
                    out.append(f"[{' '.join(items)}] TJ")
                    items = []
                out.append(f"/Span << /ActualText {text_string(chars[i]).decode()} >> BDC "
                           f"<{new:04X}> Tj EMC")
                continue
            items.append(f"<{new:04X}>")
        if items:
            out.append(f"[{' '.join(items)}] TJ")
        return " ".join(out)

    def _font_objects(self, font: FilePath) -> int:
        data, mapping = self.fonts.subset(font)
        used = self.fonts.glyphs[font]
        metrics = font_metrics(font, used)
        widths = metrics["widths"]
        self._widths[font] = widths
        self._mappings[font] = mapping
        # a subset's name starts with a tag of six capital letters (PDF 32000, 9.6.4)
        h = zlib.crc32(repr((str(font), sorted(used))).encode())
        tag = "".join(chr(65 + (h >> (5 * i)) % 26) for i in range(6))
        base = f"{tag}+{metrics['name']}"[:60]
        file_obj = self.stream(f"/Length1 {len(data)}", data)
        desc = self.put((
            f"<< /Type /FontDescriptor /FontName /{base} /Flags 32 "
            f"/FontBBox [{' '.join(map(str, metrics['bbox']))}] "
            f"/ItalicAngle {num(metrics['italic_angle'], 2)} /Ascent {metrics['ascent']} "
            f"/Descent {metrics['descent']} /CapHeight {metrics['cap_height']} /StemV 80 "
            f"/FontFile2 {file_obj} 0 R >>").encode())
        w = " ".join(f"{mapping[g]} [{widths.get(g, 0)}]" for g in sorted(used, key=mapping.get)
                     if g in mapping)
        cid = self.put((
            f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{base} "
            f"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            f"/FontDescriptor {desc} 0 R /W [{w}] /CIDToGIDMap /Identity >>").encode())
        cmap = self.stream("", _to_unicode({mapping[g]: c for g, c in used.items()
                                            if g in mapping and g != 0 and c}))
        return self.put((
            f"<< /Type /Font /Subtype /Type0 /BaseFont /{base} /Encoding /Identity-H "
            f"/DescendantFonts [{cid} 0 R] /ToUnicode {cmap} 0 R >>").encode())

    # -- the document -------------------------------------------------------------
    def document(self, metadata: dict) -> bytes:
        if self.clip is not None:
            self.content.append("Q")
            self.clip = None
        for font, name in self.font_names.items():
            self.resources["Font"][name] = self._font_objects(font)
        for font, index, ids, xs, size, chars in self.text_runs:
            self.content[index] += " " + self._tj(font, ids, xs, size, chars,
                                                  self._mappings[font], self._widths[font])
        w, h = self.size[0] * self.k, self.size[1] * self.k
        body = f"{num(self.k, 6)} 0 0 {num(-self.k, 6)} 0 {num(h, 4)} cm\n" + "\n".join(
            self.content)
        contents = self.stream("", body.encode("latin-1"))
        res = []
        for kind, entries in self.resources.items():
            if entries:
                res.append(f"/{kind} << " + " ".join(f"/{k} {v} 0 R" for k, v in entries.items())
                           + " >>")
        pages = self.reserve()
        page = self.put((f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {num(w, 4)} "
                         f"{num(h, 4)}] /Contents {contents} 0 R /Resources << "
                         f"/ProcSet [/PDF /Text /ImageB /ImageC] {' '.join(res)} >> "
                         f"/Group << /S /Transparency /CS /DeviceRGB >> >>").encode())
        self.put(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>".encode(), pages)
        catalog = self.put(f"<< /Type /Catalog /Pages {pages} 0 R >>".encode())
        info = {"Creator": "lumos", "Producer": "lumos", **metadata}
        info_obj = self.put(b"<< " + b" ".join(
            b"/" + _name(k) + b" " + text_string(str(v)) for k, v in info.items()
            if v is not None) + b" >>")
        return self._serialize(catalog, info_obj)

    def _serialize(self, root: int, info: int) -> bytes:
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = [0]
        for i, body in enumerate(self.objects[1:], start=1):
            offsets.append(len(out))
            out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(self.objects)}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets[1:])
        out += (f"trailer\n<< /Size {len(self.objects)} /Root {root} 0 R /Info {info} 0 R >>\n"
                f"startxref\n{xref}\n%%EOF\n").encode()
        return bytes(out)


def shading(t: Triangles) -> tuple[bytes, str, float]:
    """``t``'s Gouraud triangles as a type 4 shading (PDF and PostScript alike): its
    data (flag, x, y as 32-bit fractions of the extent, r, g, b bytes per corner), the
    dictionary's entries, and the mean alpha (shadings have none per vertex)."""
    colors = np.broadcast_to(t.colors, (len(t.vertices), 4))
    tri = t.vertices[t.faces].reshape(-1, 2)
    rgb = colors[t.faces].reshape(-1, 4)
    lo, hi = tri.min(axis=0), tri.max(axis=0)
    span = np.where(hi > lo, hi - lo, 1.0)
    q = np.round((tri - lo) / span * 0xFFFFFFFF).astype(">u4")
    rec = np.zeros(len(tri), dtype=[("f", "u1"), ("x", ">u4"), ("y", ">u4"), ("c", "u1", 3)])
    rec["x"], rec["y"] = q[:, 0], q[:, 1]
    rec["c"] = np.clip(np.round(rgb[:, :3] * 255), 0, 255).astype(np.uint8)
    decode = f"{num(lo[0], 4)} {num(lo[0] + span[0], 4)} {num(lo[1], 4)} " \
             f"{num(lo[1] + span[1], 4)} 0 1 0 1 0 1"
    head = (f"/ShadingType 4 /ColorSpace /DeviceRGB /BitsPerCoordinate 32 "
            f"/BitsPerComponent 8 /BitsPerFlag 8 /Decode [{decode}]")
    return rec.tobytes(), head, float(rgb[:, 3].mean())


def image_matrix(r: Raster) -> list[float]:
    """The matrix that maps the unit square onto ``r``'s place (pixels, y down), its
    first row on top: PDF's image space, and PostScript's with ImageMatrix
    ``[w 0 0 -h 0 h]``."""
    h, w = r.rgba.shape[:2]
    if r.transform is not None:
        t = r.transform
        return [t[0, 0] * w, t[1, 0] * w, -t[0, 1] * h, -t[1, 1] * h,
                t[0, 1] * h + t[0, 2], t[1, 1] * h + t[1, 2]]
    x, y, rw, rh = r.rect
    return [rw, 0, 0, -rh, x, y + rh]  # the unit square's top is the first row


def text_lines(run: GlyphRun):
    """``(start, stop, matrix)`` per line of ``run``'s glyphs (a line: one baseline):
    the text matrix (``[a b c d e f]``) that puts text space (y up, at the line's first
    glyph) on the page's pixels (y down), turned by the run's rotation about its anchor;
    glyph ``i`` stands ``positions[i, 0] - positions[start, 0]`` along it."""
    c, s = math.cos(math.radians(run.rotation)), math.sin(math.radians(run.rotation))
    ax, ay = run.anchor
    pos = run.positions
    cuts = np.r_[0, np.nonzero(np.abs(np.diff(pos[:, 1])) > 1e-6)[0] + 1, len(pos)]
    for a, b in zip(cuts[:-1].tolist(), cuts[1:].tolist(), strict=True):
        x, y = pos[a]
        px = ax + c * (x - ax) + s * (y - ay)
        py = ay - s * (x - ax) + c * (y - ay)
        yield a, b, [c, -s, -s, -c, px, py]


def _name(key: str) -> bytes:
    """A PDF name: only letters and digits of the key (metadata keys are plain words)."""
    clean = "".join(c for c in str(key) if c.isascii() and c.isalnum())
    if not clean:
        raise ValueError(f"metadata: got key {key!r}, expected a word such as 'Title'")
    return clean.encode()


def _to_unicode(mapping: dict[int, str]) -> bytes:
    """A ToUnicode CMap from glyph ids (CIDs) to characters (UTF-16BE, surrogate pairs
    for characters beyond the BMP)."""
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    items = sorted(mapping.items())
    for i in range(0, len(items), 100):
        chunk = items[i : i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{cid:04X}> <{c.encode('utf-16-be', 'replace').hex().upper()}>"
                  for cid, c in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def _save_canvas(canvas, path, dpi: float | None = None) -> FilePath:
    """``Canvas.save`` of a ``.pdf`` file: a logical pixel is a CSS pixel (0.75 pt);
    ``dpi`` (default 96 × the canvas's pixel ratio) is the resolution of the parts drawn
    as images."""
    ratio = canvas.pixel_ratio if dpi is None else check_dpi(dpi) / 96.0
    return write_pdf(path, canvas.primitives(ratio), canvas.size, CSS_POINTS)


register_writer(".pdf", _save_canvas)
