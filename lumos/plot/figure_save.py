"""Saving a figure: ``savefig`` to PNG, SVG, PDF, PS/EPS, HTML or bare pixels (formats, transparent
backgrounds, cropping to ``bbox_inches``) and ``get_tightbbox``. A mixin of
:class:`lumos.plot.figure.Figure`.
"""

from __future__ import annotations

import contextlib
import io
import math
from pathlib import Path

import numpy as np

from ..visuals.fonts import hinted
from .bbox import Bbox, as_bbox
from .snapping import drawing_exact, exact_vertices
from .style import rcParams

_RASTER = ("png", "rgba", "raw")


class FigureSaving:
    """``savefig`` and what it needs, of :class:`~lumos.plot.figure.Figure` (a mixin)."""

    # -- saving ----------------------------------------------------------------------
    def savefig(self, fname, *, dpi=None, format: str | None = None, transparent=None,
                facecolor=None, edgecolor=None, metadata: dict | None = None,
                bbox_inches=None, pad_inches=None, **kwargs) -> Path | None:
        """Write the figure as PNG (figsize × dpi pixels), SVG, PDF, PS or EPS (vector
        files of figsize inches), standalone HTML, or 'rgba'/'raw' (the bare pixels), by
        ``format`` or else the file's suffix, to a path (written whole or not at all) or
        a binary file object.

        ``dpi`` also sets the resolution of a vector file's rasterized parts;
        ``transparent`` leaves the figure and axes backgrounds out; ``facecolor`` and
        ``edgecolor`` replace the figure's for this file; ``bbox_inches="tight"`` crops
        (or grows) the picture to what is drawn, ``pad_inches`` around it; a Bbox in
        inches picks a region; ``metadata`` ({"Title": ..., "Creator": ...}) goes into
        PNG (text chunks; ``Software`` lumos's unless given, None leaves it out), SVG,
        PDF and PostScript files. PS and EPS files take matplotlib's ``papertype``
        (default ``rcParams["ps.papersize"]``; an EPS file's page is the figure) and
        ``orientation`` ("portrait" or "landscape"), and write text
        as ``rcParams["ps.fonttype"]`` fonts (see :mod:`lumos.io.ps`). Defaults come
        from ``rcParams["savefig.*"]``."""
        is_file = hasattr(fname, "write")
        kind = _file_format(None if is_file else Path(fname), format)
        options = {}
        if kind in ("ps", "eps"):
            from ..io.ps import check_options

            papertype = kwargs.pop("papertype", None)
            orientation = kwargs.pop("orientation", None)
            options = dict(zip(("papertype", "orientation", "fonttype"), check_options(
                rcParams["ps.papersize"] if papertype is None else papertype,
                "portrait" if orientation is None else orientation,  # matplotlib's default
                rcParams["ps.fonttype"]), strict=True), eps=kind == "eps")
        if kwargs:
            raise TypeError(f"savefig: unexpected keyword arguments {sorted(kwargs)}")
        if metadata is not None and not isinstance(metadata, dict):
            raise TypeError(f"metadata: got {type(metadata).__name__}, expected a dict")
        dpi = rcParams["savefig.dpi"] if dpi is None else dpi
        dpi = self.dpi if dpi == "figure" else float(dpi)
        if not np.isfinite(dpi) or dpi <= 0:
            raise ValueError(f"dpi: got {dpi!r}, expected a positive number")
        if metadata is not None and kind not in ("svg", "pdf", "png", "ps", "eps"):
            raise TypeError(f"metadata: not supported for {kind.upper()} files (only PNG, "
                            "SVG, PDF and PostScript)")
        transparent = rcParams["savefig.transparent"] if transparent is None else transparent
        facecolor = rcParams["savefig.facecolor"] if facecolor is None else facecolor
        edgecolor = rcParams["savefig.edgecolor"] if edgecolor is None else edgecolor
        bbox_inches = rcParams["savefig.bbox"] if bbox_inches is None else bbox_inches
        if bbox_inches not in (None, "tight", "standard") and not isinstance(bbox_inches, Bbox):
            bbox_inches = as_bbox(bbox_inches, "bbox_inches")
        pad = rcParams["savefig.pad_inches"] if pad_inches is None else pad_inches
        if kind in ("html", "htm") and (transparent or bbox_inches not in (None, "standard")):
            raise TypeError("savefig: transparent and bbox_inches are not supported for "
                            "HTML pages")
        patch = self.patch
        saved = (patch._face, patch._edge, patch._visible, patch._alpha)
        try:
            if not _is_auto(facecolor):
                patch.set_facecolor(facecolor)
                patch.set_alpha(None)
            elif transparent:
                patch.set_facecolor("none")
            if not _is_auto(edgecolor):
                patch.set_edgecolor(edgecolor)
            # one thread at a time lays out and draws this figure; its draw_event starts
            # no animation (as matplotlib's print_figure)
            # text is laid out as matplotlib's renderer of the kind does: hinted
            # advances at the saved pixel size for rasters (Agg), the outlines' for
            # vector files (SVG, PDF)
            raster = kind in _RASTER or kind in ("html", "htm")
            # and nothing snaps to the pixel grid in a vector file, as in matplotlib's
            # (nor in a raster one saved inside exact_vertices(): the vector geometry)
            exact = not raster or drawing_exact()
            with self.canvas.lock, self.canvas.saving(), \
                    hinted(dpi / self.dpi if raster else None), exact_vertices(exact):
                self.canvas.pixel_ratio = dpi / self.dpi
                self.draw()
                if kind in ("html", "htm"):
                    if is_file:
                        raise TypeError("savefig: HTML pages are written to a path")
                    return self.canvas.save(fname)
                with self._saved_view(bbox_inches, pad, transparent):
                    data = self._encode(kind, dpi, metadata, options)
        finally:
            patch._face, patch._edge, patch._visible, patch._alpha = saved
            self.canvas.bgcolor = self._background()
        if is_file:
            # matplotlib writes SVG and PostScript into text files too (a StringIO); PNG
            # and PDF are bytes
            if kind in ("svg", "ps", "eps") and isinstance(fname, io.TextIOBase):
                data = data.decode("utf-8" if kind == "svg" else "latin-1")
            fname.write(data)
            return None
        from ..io.atomic import atomic_write

        with atomic_write(fname, "wb") as f:
            f.write(data)
        return Path(fname)

    def _encode(self, kind: str, dpi: float, metadata: dict | None, options: dict) -> bytes:
        """The drawn figure in ``kind``'s bytes (``options``: the PostScript writer's)."""
        if kind in _RASTER:
            image = self.canvas.render()
            if kind != "png":
                return np.ascontiguousarray(image).tobytes()
            from ..io.png import encode_png, file_metadata

            return encode_png(image, dpi=dpi, metadata=file_metadata(metadata))
        # vector: a pixel is 72 / dpi points; rasterized parts at the save's dpi
        ratio, points = dpi / self.dpi, 72.0 / self.dpi
        primitives = self.canvas.primitives(ratio)
        if kind == "svg":
            from ..io.svg import svg_document

            return svg_document(primitives, self.canvas.size, points, ratio,
                                rcParams["svg.fonttype"], metadata).encode("utf-8")
        if kind in ("ps", "eps"):
            from ..io.ps import ps_document

            return ps_document(primitives, self.canvas.size, points, metadata=metadata,
                               **options)
        from ..io.pdf import pdf_document

        return pdf_document(primitives, self.canvas.size, points, metadata)

    @contextlib.contextmanager
    def _saved_view(self, bbox_inches, pad, transparent):
        """The drawn figure as a file shows it: transparent backgrounds, cropping."""
        views = self.canvas.views
        backgrounds = [v.bgcolor for v in views]
        sizes = self.canvas.size, [v.fixed_rect for v in views]
        cameras = [(v.camera, v.camera.rect) for v in views if v.whole_canvas]
        try:
            if transparent:
                for v in views:
                    v.bgcolor = None
            region = self._saved_region(bbox_inches, pad)
            if region is not None:
                self._shift_views(region)
            yield
        finally:
            for v, c in zip(views, backgrounds, strict=True):
                v.bgcolor = c
            self.canvas.size = sizes[0]
            for v, r in zip(views, sizes[1], strict=True):
                v.fixed_rect = r
            for camera, rect in cameras:
                camera.rect = rect

    def _saved_region(self, bbox_inches, pad) -> tuple[float, float, float, float] | None:
        """(x0, y0, x1, y1) in figure pixels to save, or None for the whole figure."""
        if bbox_inches in (None, "standard"):
            return None
        if bbox_inches == "tight":
            box = self.get_tightbbox()
            if box is None:
                return None
            if pad == "layout":
                engine = self._layout_engine
                params = engine.get() if engine is not None else {}
                pad_px = (params.get("w_pad", 0.0) * self.dpi, params.get("h_pad", 0.0) * self.dpi)
            else:
                pad_px = (float(pad) * self.dpi,) * 2
            box = box.padded(*pad_px)
        else:
            box = Bbox.from_extents(*(np.asarray(bbox_inches.extents) * self.dpi))
        return box.extents

    def _shift_views(self, region) -> None:
        """Resize the canvas to ``region`` and move every view with it; a view over the
        whole canvas (decorations: an offset text below the figure) covers the new one,
        its camera showing what lies there (``region`` may reach past the figure)."""
        x0, y0, x1, y1 = region
        w, h = self.canvas.size
        nw, nh = max(1, math.ceil(x1 - x0)), max(1, math.ceil(y1 - y0))
        dx, dy = -x0, -(h - y1)  # from the bottom-left origin to the new top-left one
        for v in self.canvas.views:
            if v.whole_canvas:
                cx, cy, cw, ch = v.camera.rect
                ux, uy = cw / w, ch / h  # camera units per canvas pixel
                v.camera.rect = (cx + x0 * ux, cy + (y1 - nh) * uy, nw * ux, nh * uy)
                v.fixed_rect = (0, 0, nw, nh)
                continue
            vx, vy, vw, vh = v.fixed_rect if v.fixed_rect is not None else v.rect
            v.fixed_rect = (vx + dx, vy + dy, vw, vh)
        self.canvas.size = (nw, nh)

    def get_tightbbox(self) -> Bbox | None:
        """The box (figure pixels) of everything drawn: axes with their decorations,
        texts, figure texts and legends."""
        # insets too; titles and axis labels whole (a long label overflows sideways)
        boxes = [ax.get_tightbbox() for ax in self.axes_list if ax.role != "twin"]
        for ax in self.axes_list:
            for t in ax.plain_texts:
                if t.get_visible() and t.get_text() and hasattr(t, "window_extent"):
                    boxes.append(t.window_extent())
        for fig in self._all_figures():
            for t in [*fig.texts, *(v for v in fig._labels.values() if v is not None)]:
                if t.get_visible() and t.get_text():
                    boxes.append(t.window_extent())
            for legend in fig.legends:
                extent = getattr(legend, "window_extent", None)
                if extent is not None:
                    boxes.append(extent())
        return Bbox.union(boxes) if boxes else None

    save = savefig


def _is_auto(color) -> bool:
    return isinstance(color, str) and color == "auto"


# What Figure.savefig writes, by format or file suffix
FORMATS = ("png", "svg", "pdf", "ps", "eps", "html", "htm", "rgba", "raw")


def _file_format(path: Path | None, format: str | None) -> str:
    """The output format: ``format`` (with or without a dot), else the file's suffix,
    else ``rcParams["savefig.format"]``."""
    known = FORMATS
    if format is not None:
        if not isinstance(format, str):
            raise TypeError(f"format: got {type(format).__name__}, expected a str such as "
                            "'png'")
        kind = format.lower().lstrip(".")
        if kind not in known:
            raise ValueError(f"format: got {format!r}, expected one of {', '.join(known)}")
        return kind
    if path is None or not path.suffix:
        kind = str(rcParams["savefig.format"]).lower()
        if kind not in known:
            raise ValueError(f"savefig.format: got {kind!r}, expected one of "
                             f"{', '.join(known)}")
        return kind
    kind = path.suffix.lower().lstrip(".")
    if kind not in known:
        raise ValueError(f"fname: got suffix {path.suffix!r}, expected one of "
                         f"{', '.join('.' + k for k in known)} (or format=)")
    return kind
