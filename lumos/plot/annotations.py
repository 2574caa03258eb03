"""Annotations: :class:`Annotation` (``annotate``: a text at a point given in any of
matplotlib's coordinates, with an optional arrow to another; the arrow cut at the text's
box and at ``patchA``/``patchB``) and the arrow's path (:func:`arrow_path`).
"""

from __future__ import annotations

import numpy as np

from .. import colors
from .annotation_arrow import ArrowPatch
from .arrowstyles import connect, cut_at_patches, draw_arrow, parse_connectionstyle, shrink_path
from .bbox import Bbox
from .effects import Normal, Stroke
from .style import rcParams
from .text_artists import Text, follows_box

# what annotate's arrowprops take (matplotlib's FancyArrowPatch takes every patch
# property too: those lumos does not draw are a TypeError)
_COMMON_KEYS = frozenset({"patchA", "patchB", "relpos", "color", "edgecolor", "ec",
                          "facecolor", "fc", "linewidth", "lw"})
_STYLED_KEYS = _COMMON_KEYS | {"arrowstyle", "connectionstyle", "shrinkA", "shrinkB",
                               "mutation_scale"}
_PLAIN_KEYS = _COMMON_KEYS | {"width", "headwidth", "headlength", "shrink"}

_COORDS = ("data", "polar", "axes fraction", "axes pixels", "axes points",
           "figure fraction", "figure pixels", "figure points", "offset points",
           "offset pixels", "offset fontsize")


def _is_box_owner(coords) -> bool:
    """Whether annotation coordinates are fractions of a box: an artist's window
    extent (a lumos artist with ``get_window_extent``) or a Bbox, not a transform."""
    if isinstance(coords, str) or hasattr(coords, "forward") or \
            hasattr(coords, "transform"):
        return False
    return hasattr(coords, "get_window_extent") or (hasattr(coords, "get_points")
                                                    and hasattr(coords, "bounds"))


def _offset_from_origin(coords, fig) -> np.ndarray | None:
    """The origin (figure pixels) of matplotlib's ``OffsetFrom`` when its artist is
    lumos's (matplotlib's ``__call__`` accepts only its own artists), as matplotlib
    finds it: the point at ``ref_coord`` fractions of the artist's window extent; None
    for other coordinates."""
    if type(coords).__name__ != "OffsetFrom" or not type(coords).__module__.startswith(
            "matplotlib"):
        return None
    from .figure_artists import kept_for
    from .mpl_objects import is_matplotlib

    artist = coords._artist
    if not _is_box_owner(artist) or is_matplotlib(artist):
        return None

    owner = kept_for(fig.figure, artist) or artist
    box = owner.get_window_extent() if hasattr(owner, "get_window_extent") else owner
    fx, fy = coords._ref_coord
    return np.array([box.x0 + fx * box.width, box.y0 + fy * box.height], dtype=float)


def _is_coords_callable(coords) -> bool:
    """Whether annotation coordinates are matplotlib's callable ones (``OffsetFrom``:
    called with the renderer, it gives a transform or a box)."""
    return callable(coords) and not _is_box_owner(coords) and \
        not hasattr(coords, "forward") and not hasattr(coords, "transform")


class Annotation(Text):
    """Text with an optional arrow to a point (``annotate``). Drawn in figure pixels every
    frame, so text and arrow follow the data when zooming."""

    def __init__(self, axes, text, xy, xytext=None, xycoords="data", textcoords=None,
                 arrowprops=None, annotation_clip=None, zorder=None, label=None,
                 **props) -> None:
        from .transforms_compat import as_transform

        pairs = [(name, one) for name, c in (("xycoords", xycoords),
                                              ("textcoords", textcoords))
                 for one in (c if isinstance(c, tuple) and len(c) == 2 else (c,))]
        for name, c in pairs:  # a (x coords, y coords) pair: each as one
            if c is not None and not isinstance(c, str) and not _is_box_owner(c) and \
                    not _is_coords_callable(c):
                as_transform(c, name)  # a transform to figure pixels (lumos's, matplotlib's)
            elif isinstance(c, str) and c not in _COORDS:
                raise ValueError(f"{name}: got {c!r}, expected one of "
                                 f"{', '.join(repr(k) for k in _COORDS)} or a transform")
        if isinstance(xycoords, str) and xycoords.startswith("offset"):
            raise ValueError(f"xycoords: got {xycoords!r}, offsets apply to textcoords only")
        self.xy = self._convert(axes, xy, xycoords, "xy")
        self.xycoords = xycoords
        if xytext is None:
            xytext, textcoords = self.xy, xycoords
        textcoords = xycoords if textcoords is None else textcoords
        xt = self._convert(axes, xytext, textcoords, "xytext")
        super().__init__(axes, xt[0], xt[1], text, label=label, zorder=zorder, **props)
        self.textcoords = textcoords
        self.arrowprops = None if arrowprops is None else _check_arrowprops(dict(arrowprops))
        #: matplotlib's FancyArrowPatch of the arrow (None without arrowprops): its
        #: setters write ``arrowprops``
        self.arrow_patch = None if arrowprops is None else ArrowPatch(self)
        self.annotation_clip = annotation_clip
        # matplotlib makes the arrow's patch here, so its default edge, face and width
        # are the rc values of now (a style context may end before the figure is drawn)
        self._arrow_defaults = (colors.to_rgba(rcParams["patch.edgecolor"]),
                                colors.to_rgba(rcParams["patch.facecolor"]),
                                rcParams["patch.linewidth"])

    def update_arrowprops(self, props: dict) -> None:
        """Change some of ``arrowprops`` (what ``arrow_patch``'s setters do)."""
        if self.arrowprops is None:
            raise ValueError("arrowprops: this annotation has no arrow (made without "
                             "arrowprops)")
        self.arrowprops = _check_arrowprops({**self.arrowprops, **props})
        self._changed()

    @staticmethod
    def _convert(axes, xy, coords: str, argument: str) -> tuple[float, float]:
        if isinstance(xy, str) or np.size(xy) != 2:
            raise ValueError(f"{argument}: got {xy!r}, expected a pair (x, y)")
        x, y = (np.asarray(v) for v in xy)
        for v in (x, y):
            if v.dtype.kind in "US":
                raise TypeError(f"{argument}: got a string, expected numbers")
        if coords == "data":
            return (float(axes.xaxis.convert(x.reshape(1))[0]),
                    float(axes.yaxis.convert(y.reshape(1))[0]))
        return float(x), float(y)

    def _to_pixels(self, xy, coords) -> np.ndarray:
        ax = self.axes
        fig = ax.figure
        x, y = xy
        if isinstance(coords, tuple):  # x in the first coords, y in the second
            return np.array([self._to_pixels(xy, coords[0])[0],
                             self._to_pixels(xy, coords[1])[1]])
        origin = _offset_from_origin(coords, fig)
        if origin is not None:  # matplotlib's OffsetFrom of a lumos artist
            scale = fig.points_to_pixels(1.0) if coords.get_unit() == "points" else 1.0
            return origin + scale * np.array([x, y], dtype=float)
        if _is_coords_callable(coords):  # matplotlib's: renderer -> transform or box;
            # the figure answers what matplotlib's OffsetFrom asks (points_to_pixels)
            return self._to_pixels(xy, coords(fig))
        if _is_box_owner(coords):  # fractions of an artist's box or of a box
            from .figure_artists import kept_for

            # a matplotlib arrow lumos keeps: the box lumos draws it in
            owner = kept_for(fig.figure, coords) or coords
            b = owner.get_window_extent() if hasattr(owner, "get_window_extent") \
                else owner
            return np.array([b.x0 + x * b.width, b.y0 + y * b.height])
        if not isinstance(coords, str):
            from .transforms_compat import as_transform

            return as_transform(coords).forward(np.array([x, y], dtype=float))
        if coords == "data":
            return ax.transData.forward(np.array([x, y], dtype=float))
        if coords == "polar":  # (theta, r) on the axes' data (matplotlib's 'polar')
            return ax.transData.forward(np.array([y * np.cos(x), y * np.sin(x)]))
        if coords == "axes fraction":
            return ax.transAxes.forward(np.array([x, y], dtype=float))
        corner = ax.transAxes.forward(np.zeros(2))
        if coords == "axes pixels":
            return corner + np.array([x, y], dtype=float)
        if coords == "axes points":
            return corner + fig.points_to_pixels(np.array([x, y], dtype=float))
        if coords == "figure fraction":
            return fig.transFigure.forward(np.array([x, y], dtype=float))
        if coords == "figure pixels":
            return np.array([x, y], dtype=float)
        if coords == "figure points":
            return np.array([fig.points_to_pixels(x), fig.points_to_pixels(y)])
        anchor = self._to_pixels(self.xy, self.xycoords)
        if coords == "offset points":
            return anchor + np.array([fig.points_to_pixels(x), fig.points_to_pixels(y)])
        if coords == "offset fontsize":  # in multiples of the text's font size
            size = self.get_fontsize()
            return anchor + np.array([fig.points_to_pixels(x * size),
                                      fig.points_to_pixels(y * size)])
        return anchor + np.array([x, y], dtype=float)  # offset pixels

    def draggable(self, state: bool | None = None, use_blit: bool = False):
        """Let the mouse drag the annotation's text (``state`` None: toggle); returns
        the :class:`~lumos.plot.draggable.DraggableAnnotation`, or None when off."""
        from .draggable import DraggableAnnotation

        current = self.__dict__.get("_draggable")
        if state is None:
            state = current is None
        if state and current is None:
            current = DraggableAnnotation(self, use_blit)
        elif not state and current is not None:
            current.disconnect()
            current = None
        self.__dict__["_draggable"] = current
        return current

    def set_pixel_position(self, p) -> None:
        """Put the text's anchor at figure pixel ``p`` (its position in ``textcoords``
        solved for: Newton steps, exact in one for the linear coordinates)."""
        target = np.asarray(p, dtype=float)
        xy = np.array([self._x, self._y], dtype=float)
        for _ in range(8):
            at = self._to_pixels(xy, self.textcoords)
            miss = target - at
            if np.abs(miss).max() < 1e-6:
                break
            h = np.maximum(np.abs(xy), 1.0) * 1e-6
            jac = np.column_stack([(self._to_pixels(xy + [h[0], 0], self.textcoords) - at)
                                   / h[0],
                                   (self._to_pixels(xy + [0, h[1]], self.textcoords) - at)
                                   / h[1]])
            try:
                xy = xy + np.linalg.solve(jac, miss)
            except np.linalg.LinAlgError:
                return
        if np.isfinite(xy).all():
            self._x, self._y = float(xy[0]), float(xy[1])
            self._changed()

    def pixel_position(self) -> tuple[float, float]:
        p = self._to_pixels((self._x, self._y), self.textcoords)
        return float(p[0]), float(p[1])

    def set_position(self, xy) -> None:
        self._x, self._y = self._convert(self.axes, xy, self.textcoords, "xytext")
        self._changed()

    def get_position(self) -> tuple[float, float]:
        return self._x, self._y

    @property
    def xyann(self) -> tuple[float, float]:
        """The text's position in ``textcoords`` (matplotlib's name)."""
        return self.get_position()

    @xyann.setter
    def xyann(self, xy) -> None:
        self.set_position(xy)

    def _clipped(self, at: tuple[float, float] | None = None) -> bool:
        """Whether xy lies outside the axes and the annotation should hide (matplotlib:
        by default only for xycoords='data'); where the text is (``at``) does not
        matter."""
        clip = self.annotation_clip
        if clip is False or (clip is None and self.xycoords != "data"):
            return False
        p = self._to_pixels(self.xy, self.xycoords)
        bx, by, bw, bh = self.axes.box
        tol = 1e-6
        return not (np.isfinite(p).all() and bx - tol <= p[0] <= bx + bw + tol
                    and by - tol <= p[1] <= by + bh + tol)

    def counts_in_layout(self) -> bool:
        """Text.counts_in_layout, as matplotlib's tight box counts an annotation: shown,
        in the layout, not empty (an arrow alone counts for nothing), not clipped to
        the axes (``clip_on``), and not hidden by its point leaving the axes
        (``annotation_clip``)."""
        return (self._visible and self._in_layout and bool(self._text)
                and not self.get_clip_on() and not self._clipped())

    def layout_room(self, x: float, y: float) -> list:
        """Text.layout_room: the text, following its axes' box from the point it is
        placed from (itself in data or axes fraction, the box's corner in axes pixels
        or points, the annotated point for an offset), and the arrow's end; not what
        stays fixed in the figure (figure coordinates, or an offset from a point
        there)."""
        out = []
        base = self._follow_point(self.textcoords, (x, y))
        reach = None if base is None else self.layout_reach(x, y)
        if reach is not None:  # measured from the anchor, then from the base
            dx, dy = x - base[0], y - base[1]
            out.append((*base, (reach[0] - dx, reach[1] + dx, reach[2] - dy, reach[3] + dy)))
        if self.arrowprops is not None:  # the arrow runs from the text to its end
            end = tuple(float(v) for v in self._to_pixels(self.xy, self.xycoords))
            base = self._follow_point(self.xycoords, end)
            if base is not None and np.isfinite(end).all():
                dx, dy = end[0] - base[0], end[1] - base[1]
                out.append((*base, (-dx, dx, -dy, dy)))
        return out

    def _follow_point(self, coords, at: tuple[float, float]) -> tuple[float, float] | None:
        """The figure pixel a point placed in ``coords`` (now at figure pixel ``at``)
        keeps its distance to as the axes' box moves and resizes; None: fixed."""
        from .transforms_compat import as_transform

        ax = self.axes
        if isinstance(coords, tuple):
            both = [self._follow_point(c, at) for c in coords]
            return None if None in both else (both[0][0], both[1][1])
        if _is_box_owner(coords) or _is_coords_callable(coords):
            return None  # follows its artist, which the layout places on its own
        if not isinstance(coords, str):
            return at if follows_box(as_transform(coords), ax) else None
        if coords in ("data", "polar", "axes fraction"):
            return at
        if coords in ("axes pixels", "axes points"):
            x, y = ax.transAxes.forward(np.zeros(2))
            return float(x), float(y)
        if coords.startswith("offset"):
            xy = tuple(float(v) for v in self._to_pixels(self.xy, self.xycoords))
            return self._follow_point(self.xycoords, xy)
        return None  # figure coordinates

    def data_limits(self):
        return None  # like matplotlib, annotations do not autoscale

    def _text_box(self, x: float, y: float) -> tuple[float, float, float, float]:
        """The text's box in figure pixels with its anchor at (x, y) (with its bbox's
        pad, which arrows start outside of)."""
        from .textbox import box_extent

        if not self._text:
            return x, y, x, y
        b = self._extent_at(x, y)
        px, py = box_extent(self.axes.figure, self._text, self.style, self.style.face())
        return b.x0 - px, b.y0 - py, b.x1 + px, b.y1 + py

    def draw_overlay(self, ov, position: tuple[float, float] | None = None) -> None:
        """The text and the arrow, in figure pixels (``position``: Text.draw_overlay's)."""
        from .textstyle import draw_text

        if not self._visible or self._clipped():
            return
        fig = self.axes.figure
        x, y = self.pixel_position() if position is None else position
        if self.arrowprops is not None:
            self._draw_arrow(ov, x, y)
        if self._text and np.isfinite([x, y]).all():
            draw_text(ov, fig, self._text, x, y, self.drawn_style())

    def arrow_style(self) -> dict | None:
        """The arrow drawn with an ``arrowstyle`` (None: none, or matplotlib's filled
        default arrow): style (a string or matplotlib ArrowStyle), edge color (None:
        'none'), facecolor, lw, mutation size and shrinkA/shrinkB in pixels, and its
        connection style (name, parameters)."""
        if self.arrowprops is None or "arrowstyle" not in self.arrowprops:
            return None
        pts = self.axes.figure.points_to_pixels
        props = dict(self.arrowprops)
        style = props.pop("arrowstyle")
        color = props.pop("color", None)
        edge0, face0, lw0 = self._arrow_defaults
        edge = props.pop("edgecolor", props.pop("ec", edge0 if color is None else color))
        face = props.pop("facecolor", props.pop("fc", face0 if color is None else color))
        lw = pts(props.pop("linewidth", props.pop("lw", lw0)))
        none = isinstance(edge, str) and edge.lower() == "none"
        return {"style": style, "color": None if none else edge, "facecolor": face,
                "lw": float(lw),
                "mutation": float(pts(props.pop("mutation_scale", self.style.fontsize))),
                "shrinkA": float(pts(props.pop("shrinkA", 2.0))),
                "shrinkB": float(pts(props.pop("shrinkB", 2.0))),
                "connection": parse_connectionstyle(props.pop("connectionstyle", None))}

    def page_anchor(self) -> dict | None:
        """Text.page_anchor: the text at xytext (data, or an offset from the data xy;
        else fixed: ``xy`` None), hidden with xy out of the axes unless annotation_clip
        is False, and the point the arrow ends at (or ``why`` the page cannot move it)."""
        if self.xycoords != "data":
            return None if self.textcoords != "data" else {
                "why": "an annotation from data to a fixed point"}
        clips = self.annotation_clip is not False
        at = (self._x, self._y) if self.textcoords == "data" else \
            self.xy if self.textcoords in ("offset points", "offset pixels",
                                           "offset fontsize") else None
        return {"xy": at, "clip": self.xy if clips else None,
                "arrow": None if self.arrowprops is None else self.xy}

    def _patch_source(self, key: str):
        """(rings, their transform to figure pixels (None: in pixels), whether they move
        with the axes' data) of the patch ``arrowprops[key]`` (patchA, patchB): a lumos
        or matplotlib patch, a line (its pick area about its data) or the box of a text
        of these axes (its ``get_bbox_patch()``); None when not given."""
        from .mpl_objects import is_matplotlib
        from .patch_style import as_path
        from .transforms_compat import as_transform

        patch = self.arrowprops.get(key)
        if patch is None:  # not given: the text's box; None: no patch
            return None
        if _is_line(patch):
            return _line_rings(self.axes, patch), None, True
        if _is_text_box(patch) and patch.text in self.axes.texts:
            x0, y0, x1, y1 = patch.get_window_extent().extents
            return [np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]])], \
                None, patch.text.get_transform() is self.axes.transData
        if not _is_patch(patch):
            raise TypeError(f"arrowprops: {key} got the box of a text not in these axes; "
                            "expected a patch, a line or the box of a text of these axes")
        matrix = np.asarray(patch.get_patch_transform().get_matrix(), dtype=float)
        rings = as_path(patch.get_path(), key).to_polygons(matrix)
        if is_matplotlib(patch):  # matplotlib's own transform, or the axes' data
            coords = patch.get_data_transform() if patch.is_transform_set() else None
        else:
            coords = patch.get_transform()
        to = self.axes.transData if coords is None else as_transform(coords, key)
        return rings, to, to is self.axes.transData

    def _patch_rings(self, key: str) -> list[np.ndarray] | None:
        """The outline in figure pixels of the patch ``arrowprops[key]`` (patchA, patchB);
        None when not given."""
        source = self._patch_source(key)
        if source is None:
            return None
        rings, to, _ = source
        return rings if to is None else [np.asarray(to.forward(r), dtype=float) for r in rings]

    def arrow_patches_follow_data(self) -> bool | None:
        """Whether the patches cutting the arrow (patchA, patchB) move with the axes'
        data (lines, patches in data coordinates, boxes of texts placed in data): a page
        panning the view moves them as it moves the annotation; None when none is
        given."""
        sources = [s for s in (self._patch_source(k) for k in ("patchA", "patchB"))
                   if s is not None]
        if not sources:
            return None
        return all(follows for _, _, follows in sources)

    def arrow_line_width(self) -> float | None:
        """The width in pixels of the arrow's lines (None: no arrow, or a filled arrow
        without an edge)."""
        if self.arrowprops is None:
            return None
        styled = self.arrow_style()
        if styled is not None:
            return styled["lw"]
        props = self.arrowprops
        if props.get("edgecolor", props.get("ec")) is None:
            return None
        return float(self.axes.figure.points_to_pixels(
            props.get("linewidth", props.get("lw", 1.0))))

    def draw_arrow(self, ov, position: tuple[float, float] | None = None) -> None:
        """The arrow alone, in figure pixels, whether the annotation is hidden or not
        (a page shows it again when its point comes back into the axes)."""
        if self.arrowprops is not None:
            self._draw_arrow(ov, *(self.pixel_position() if position is None else position))

    def _draw_arrow(self, ov, x: float, y: float) -> None:
        draw = self._arrow_drawing(x, y)
        if draw is None:
            return
        pts = self.axes.figure.points_to_pixels
        effects = [] if self.arrow_patch is None else self.arrow_patch.get_path_effects()
        for e in effects or (Normal(),):
            if isinstance(e, Stroke):  # the outline wider, in the stroke's color, first
                draw(ov, colors.to_rgba(e.foreground, e.alpha), pts(e.linewidth),
                     np.array([pts(v) for v in e.offset]), 0)
            if e.draws_text:  # Normal, or withStroke's arrow: over the strokes
                draw(ov, None, None, np.zeros(2), 1 if effects else 0)

    def _arrow_drawing(self, x: float, y: float):
        """``draw(ov, edge, lw, offset, step)`` drawing the arrow (its own edge color and
        line width where None; shifted by ``offset`` pixels; ``step`` 1: its lines over
        others), or None: nothing to draw."""
        fig = self.axes.figure
        pts = fig.points_to_pixels
        props = dict(self.arrowprops)
        end = self._to_pixels(self.xy, self.xycoords)
        x0, y0, x1, y1 = self._text_box(x, y)
        if not np.isfinite(end).all():
            return None
        styled = self.arrow_style()
        if styled is not None:
            rx, ry = (float(v) for v in props.get("relpos", (0.5, 0.5)))
            b = self._extent_at(x, y) if self._text else Bbox.from_extents(x, y, x, y)
            start = np.array([b.x0 + rx * b.width, b.y0 + ry * b.height])
            # matplotlib starts at the text's box drawn, else at its extent padded by 4
            # points in all
            pad = 0.0 if self.get_bbox_patch() is not None else pts(2.0)
            path = arrow_path(start, end, styled["connection"], styled["shrinkA"],
                              styled["shrinkB"],
                              None if "patchA" in props or not self._text else
                              (x0 - pad, y0 - pad, x1 + pad, y1 + pad),
                              self._patch_rings("patchA"), self._patch_rings("patchB"))

            def draw_styled(ov, edge, lw, offset, step) -> None:
                draw_arrow(ov, path + offset, styled["style"],
                           styled["color"] if edge is None else edge,
                           styled["lw"] if lw is None else lw, styled["mutation"],
                           facecolor=styled["facecolor"], step=step)
            return draw_styled
        # no arrowstyle: matplotlib's "YAArrow", a filled arrow from the nearest corner
        color = props.get("facecolor", props.get("fc", props.get("color",
                                                                  self._arrow_defaults[1])))
        width = pts(props.get("width", 4.0))
        headwidth = pts(props.get("headwidth", 12.0))
        headlength = pts(props.get("headlength", 12.0))
        shrink = float(props.get("shrink", 0.0))
        sx = min((x0, (x0 + x1) / 2, x1), key=lambda v: abs(v - end[0]))
        sy = min((y0, (y0 + y1) / 2, y1), key=lambda v: abs(v - end[1]))
        start = np.array([sx, sy])
        r = float(np.hypot(*(end - start)))
        line = cut_at_patches(np.array([start, end]), self._patch_rings("patchA"),
                              self._patch_rings("patchB"))
        start, end = line[0], line[-1]
        start, end = shrink_ends(start, end, shrink * r, shrink * r)
        d = end - start
        length = float(np.hypot(*d))
        if length <= 0:
            return None
        u = d / length
        nrm = np.array([-u[1], u[0]])
        hl = min(headlength, length)
        neck = end - u * hl
        body = np.array([start + nrm * width / 2, neck + nrm * width / 2,
                         neck - nrm * width / 2, start - nrm * width / 2])
        head = np.array([end, neck + nrm * headwidth / 2, neck - nrm * headwidth / 2])
        outline = np.array([start + nrm * width / 2, neck + nrm * width / 2,
                            neck + nrm * headwidth / 2, end, neck - nrm * headwidth / 2,
                            neck - nrm * width / 2, start - nrm * width / 2,
                            start + nrm * width / 2])
        own_edge = props.get("edgecolor", props.get("ec"))

        def draw_plain(ov, edge, lw, offset, step) -> None:
            if edge is not None:  # a stroke: the outline under the fill
                ov.line(outline + offset, edge, lw)
            ov.polygon(body + offset, color)
            ov.polygon(head + offset, color)
            if edge is None and own_edge is not None:
                ov.line(outline + offset, own_edge, self.arrow_line_width(),
                        **({"step": step} if step else {}))
        return draw_plain


def _check_arrowprops(props: dict) -> dict:
    """``props`` where lumos draws every key (TypeError naming those it does not)."""
    allowed = _STYLED_KEYS if "arrowstyle" in props else _PLAIN_KEYS
    unknown = sorted(set(props) - allowed)
    if unknown:
        raise TypeError(f"arrowprops: lumos does not support {', '.join(unknown)}; "
                        f"it takes {', '.join(sorted(allowed))}")
    for key in ("patchA", "patchB"):
        patch = props.get(key)
        if patch is not None and not _is_text_box(patch) and \
                not _is_line(patch) and not _is_patch(patch):
            raise TypeError(f"arrowprops: {key} got {type(patch).__name__}, expected a "
                            "patch (lumos's or matplotlib's), a line or a text's "
                            "get_bbox_patch()")
    return props


def _is_line(obj) -> bool:
    return callable(getattr(obj, "get_pickradius", None)) and hasattr(obj, "data_points")


def _is_text_box(obj) -> bool:
    from .textbox import TextBoxPatch

    return isinstance(obj, TextBoxPatch)


def _is_patch(obj) -> bool:
    return callable(getattr(obj, "get_path", None)) and \
        callable(getattr(obj, "get_patch_transform", None))


def _line_rings(ax, line) -> list[np.ndarray]:
    """A lumos line as matplotlib's Line2D.contains sees it, in figure pixels: the points
    within its pick radius (points) of its markers or of its segments."""
    r = float(ax.figure.points_to_pixels(line.get_pickradius()))
    xy = np.asarray(ax.transData.forward(np.asarray(line.data_points(), dtype=float)), float)
    xy = xy[np.isfinite(xy).all(axis=1)]
    t = np.linspace(0, 2 * np.pi, 33)
    circle = np.c_[np.cos(t), np.sin(t)] * r
    rings = [p + circle for p in xy]
    if line.connects_points:
        for a, b in zip(xy[:-1], xy[1:], strict=True):
            n = float(np.hypot(*(b - a)))
            if n > 0:
                side = np.array([a[1] - b[1], b[0] - a[0]]) / n * r
                rings.append(np.array([a + side, b + side, b - side, a - side, a + side]))
    return rings


def _clip_to_box(inside: np.ndarray, outside: np.ndarray, box) -> np.ndarray:
    """Where the segment from a point inside a box to a point outside leaves the box."""
    x0, y0, x1, y1 = box
    d = outside - inside
    t = 1.0
    for k, lo, hi in ((0, x0, x1), (1, y0, y1)):
        if d[k] > 0:
            t = min(t, (hi - inside[k]) / d[k])
        elif d[k] < 0:
            t = min(t, (lo - inside[k]) / d[k])
    return inside + max(t, 0.0) * d


def shrink_ends(a: np.ndarray, b: np.ndarray, da: float, db: float
                ) -> tuple[np.ndarray, np.ndarray]:
    """``a`` and ``b`` moved ``da`` and ``db`` pixels towards each other (unmoved when
    that would cross them)."""
    d = b - a
    n = float(np.hypot(*d))
    if n <= da + db or n == 0:
        return a, b
    u = d / n
    return a + u * da, b - u * db


def arrow_path(start: np.ndarray, end: np.ndarray, connection: tuple[str, dict],
               shrink_a: float, shrink_b: float, box=None,
               patch_a: list[np.ndarray] | None = None,
               patch_b: list[np.ndarray] | None = None) -> np.ndarray:
    """An arrow's path in figure pixels from ``start`` (inside ``box``, where the path
    starts when given) to ``end``: an ``arc3`` curve between the points shrunk along
    their line (what the page redraws, lumos/web/texts.js), another connection style
    (arrowstyles.connect) cut where it leaves the box and shrunk along itself, as
    matplotlib does. ``patch_a`` and ``patch_b`` (outlines in pixels) cut the path
    where it leaves the first (instead of the box) and where it enters the second,
    as matplotlib's patchA and patchB."""
    name, params = connection
    if name == "arc3" and patch_a is None and patch_b is None:
        if box is not None:
            start = _clip_to_box(start, end, box)
        start, end = shrink_ends(start, end, shrink_a, shrink_b)
        return connect(start, end, name, params)
    path = cut_at_patches(connect(start, end, name, params), patch_a, patch_b)
    if box is not None:
        x0, y0, x1, y1 = box
        out = ~((path[:, 0] >= x0) & (path[:, 0] <= x1) & (path[:, 1] >= y0) &
                (path[:, 1] <= y1))
        if out.any() and out.argmax() > 0:
            i = int(out.argmax())
            path = np.vstack([_clip_to_box(path[i - 1], path[i], box), path[i:]])
    return shrink_path(path, shrink_a, shrink_b)
