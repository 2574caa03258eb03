"""The display list: what the renderer records of matplotlib's calls, for the scene.

An item keeps its data in the coordinates matplotlib gave it (a line in data
coordinates, with the affine that maps them to display pixels) or in display pixels
(small paths, after Agg's snapping). The scene expresses every item in the coordinates
of the camera of the view it lands in: ``to_camera = inverse(camera) @ affine``, the
identity for data drawn with the axes' own transform, so that panning moves a camera
and leaves the buffers alone.

Display pixels here are matplotlib's: x right, y up, origin at the bottom-left corner.
``fingerprint`` identifies an item's content (arrays by checksum), so the scene can
tell that nothing changed between two draws and keep the visual it built.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

import numpy as np

from .. import primitives as prim

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in display pixels (y up)


def checksum(arr) -> tuple:
    """A content fingerprint of an array: shape, dtype and CRC-32 of its bytes (computed
    when first compared, for large arrays: a kept long line never needs it)."""
    if arr is None:
        return (None,)
    a = np.ascontiguousarray(arr)
    if a.nbytes > 1 << 16:
        return (a.shape, a.dtype.str, _LazyCRC(a))
    return (a.shape, a.dtype.str, zlib.crc32(a.view(np.uint8).reshape(-1)))


class _LazyCRC:
    """The CRC-32 of an array, computed on the first comparison."""

    __slots__ = ("_a", "_crc")

    def __init__(self, a: np.ndarray) -> None:
        self._a, self._crc = a, None

    @property
    def value(self) -> int:
        if self._crc is None:
            self._crc = zlib.crc32(self._a.view(np.uint8).reshape(-1))
            self._a = None  # the checksum is all a fingerprint keeps
        return self._crc

    def __eq__(self, other) -> bool:
        return isinstance(other, _LazyCRC) and self.value == other.value

    def __hash__(self) -> int:
        return self.value


def apply(m: np.ndarray, xy: np.ndarray) -> np.ndarray:
    """Points (N, 2) through a 3x3 affine (float64)."""
    if m is None:
        return xy
    return xy @ m[:2, :2].T + m[:2, 2]


def is_identity(m: np.ndarray | None) -> bool:
    return m is None or np.array_equal(m, np.eye(3))


SMALL = 4096  # paths with more vertices keep their coordinates (and skip Agg's snapping)
_POLYLINE = (prim.MOVETO, prim.LINETO)


def matrix_of(transform) -> np.ndarray:
    """The 3x3 float64 matrix of a matplotlib affine transform."""
    return np.array(transform.get_matrix(), dtype=np.float64)


def polyline(codes) -> bool:
    """Whether path codes draw straight segments only (no curve, no closing)."""
    return codes is None or bool(np.isin(codes, _POLYLINE).all())


def drawn(verts: np.ndarray, codes) -> np.ndarray:
    """The vertices that are drawn (finite, not the ignored vertex of a CLOSEPOLY)."""
    keep = np.isfinite(verts).all(axis=1)
    if codes is not None:
        keep &= (codes != prim.CLOSEPOLY) & (codes != prim.STOP)
    return verts[keep]


def style_key(p: prim.Path) -> tuple:
    """What a path looks like besides its geometry (for fingerprints)."""
    s = p.stroke
    return (p.fill, None if s is None else (s.color, s.width, s.dashes, s.join, s.cap),
            p.hatch, p.hatch_color, p.hatch_width, p.fill_rule)


def axis_aligned(m: np.ndarray) -> bool:
    """Whether an affine only scales and translates (a panzoom camera can show it)."""
    return m[0, 1] == 0 and m[1, 0] == 0 and m[0, 0] != 0 and m[1, 1] != 0 and \
        np.isfinite(m).all()


@dataclass
class Item:
    """One drawing operation of the display list.

    ``kind`` names the visual family that draws it ("paths", "line", "markers", "mesh",
    "image", "text"); ``clip`` is the integer clip rectangle (x0, y0, x1, y1) or None;
    ``bbox`` what the item may cover (for draw-order layering); ``affine`` maps the
    item's coordinates to display pixels (None: they are display pixels already).
    """

    kind: str
    clip: tuple[int, int, int, int] | None
    bbox: Box
    affine: np.ndarray | None
    fingerprint: tuple
    style: tuple = ()  # what must be equal for items to share one visual
    rasterized: bool = False
    clip_path: tuple | None = None  # (rings in display pixels, fingerprint)
    clipped: bool = True  # whether the clip box cuts anything off the item

    def batch_key(self) -> tuple:
        return (self.kind, self.rasterized, *self.style)


@dataclass
class PathItem(Item):
    """Paths: fills (nonzero or even-odd), strokes, hatches (``paths`` y up)."""

    paths: list = field(default_factory=list)  # lumos.primitives.Path in item coordinates

    def in_camera(self, m: np.ndarray | None) -> list:
        if is_identity(m):
            return self.paths
        out = []
        for p in self.paths:
            out.append(prim.Path(apply(m, p.vertices), p.codes, fill=p.fill, stroke=p.stroke,
                                 fill_rule=p.fill_rule, hatch=p.hatch,
                                 hatch_color=p.hatch_color, hatch_width=p.hatch_width))
        return out


@dataclass
class LineItem(Item):
    """A long stroked polyline (NaN rows break it), drawn with level of detail."""

    vertices: np.ndarray = None
    color: tuple = (0.0, 0.0, 0.0, 1.0)
    width: float = 1.0
    dashes: tuple | None = None
    dash_offset: float = 0.0
    cap: str = "butt"
    join: str = "round"

    def batch_key(self) -> tuple:
        # a translucent line in a batch of its own: its layer blends its overlaps with
        # itself once, as Agg fills one path, not those with other lines
        # (lumos.visuals.line_layer)
        if np.min(np.asarray(self.color, dtype=float)[..., 3]) < 1.0:
            return (*super().batch_key(), id(self))
        return super().batch_key()

    def in_camera(self, m: np.ndarray | None) -> np.ndarray:
        return self.vertices if is_identity(m) else apply(m, self.vertices)


@dataclass
class MarkerItem(Item):
    """One marker sprite (or several) stamped at many offsets.

    ``sprites`` are :class:`~.sprites.Sprite`; ``index`` picks one per offset (None:
    all use the first); ``face``/``edge`` are (1, 4) or (N, 4) float RGBA. ``snap``
    stamps at whole pixels as Agg's ``draw_markers`` does (collections are not).
    """

    offsets: np.ndarray = None
    sprites: list = field(default_factory=list)
    index: np.ndarray | None = None
    face: np.ndarray = None
    edge: np.ndarray = None
    snap: bool = True

    def in_camera(self, m: np.ndarray | None) -> np.ndarray:
        return self.offsets if is_identity(m) else apply(m, self.offsets)


@dataclass
class MeshItem(Item):
    """Triangles with a color per vertex (Gouraud, or flat with repeated vertices)."""

    vertices: np.ndarray = None
    faces: np.ndarray = None
    colors: np.ndarray = None  # (N, 4) float per vertex
    edges: list = field(default_factory=list)  # lumos.primitives.Path outlines (quad meshes)

    def in_camera(self, m: np.ndarray | None) -> np.ndarray:
        return self.vertices if is_identity(m) else apply(m, self.vertices)


@dataclass
class ImageItem(Item):
    """RGBA pixels (row 0 on top) on the parallelogram ``corners``: the display positions
    of the image's top-left, top-right and bottom-left corners (item coordinates)."""

    rgba: np.ndarray = None
    corners: np.ndarray = None  # (3, 2)
    interpolation: str = "nearest"

    def in_camera(self, m: np.ndarray | None) -> np.ndarray:
        return self.corners if is_identity(m) else apply(m, self.corners)


@dataclass
class TextItem(MarkerItem):
    """Text: every glyph a bitmap stamped at whole pixels (``offsets`` are the bitmaps'
    top-left corners, ``sprites`` the bitmaps as FreeType renders them for Agg), and the
    glyph runs for vector devices: ``runs`` of (font file, glyph ids, pens in display
    pixels before rotation, y up, relative to ``anchor``, sizes in pixels per em),
    rotated by ``rotation`` degrees counter-clockwise about ``anchor``."""

    runs: list = field(default_factory=list)
    anchor: np.ndarray = None  # (1, 2) item coordinates
    rotation: float = 0.0
    color: tuple = (0.0, 0.0, 0.0, 1.0)
    chars: str = ""
    text: str = ""

    def anchor_in_camera(self, m: np.ndarray | None) -> np.ndarray:
        return self.anchor if is_identity(m) else apply(m, self.anchor)
