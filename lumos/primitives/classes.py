"""The primitives' classes (see :mod:`lumos.primitives`, which hands them out): loaded
when a device first asks for one, so that a figure drawn only to pixels does not build
their dataclasses (19 M instructions of every cold start, callgrind)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path as FilePath

import numpy as np

from . import CAPS, JOINS, RGBA, Rect


def _rgba(value, name: str) -> RGBA | None:
    if value is None:
        return None
    c = tuple(float(v) for v in value)
    if len(c) != 4:
        raise ValueError(f"{name}: got {value!r}, expected an RGBA tuple of 4 floats")
    return c


def _points(value, name: str, dims: int = 2) -> np.ndarray:
    arr = np.asarray(value, dtype=np.float64)
    if arr.ndim != 2 or arr.shape[1] != dims:
        raise ValueError(f"{name}: got shape {arr.shape}, expected (N, {dims})")
    return arr


@dataclass(eq=False)
class Clip:
    """Where a primitive may draw: inside ``rect`` (or anywhere, None) and inside each of
    ``regions``. A region is the union of its closed polygons (rings, (N, 2) canvas
    pixels, y down); several regions intersect (clip paths nested).

    Primitives clipped alike share one Clip, so a device opens the clip once for all of
    them; ``key`` (the rectangle and the rings' bytes) is equal for clips of equal
    contents, so a file defines each clip once.
    """

    rect: Rect | None
    regions: tuple[tuple[np.ndarray, ...], ...]

    def __post_init__(self) -> None:
        if self.rect is not None:
            self.rect = tuple(float(v) for v in self.rect)
        self.regions = tuple(tuple(_ring(r) for r in region) for region in self.regions)
        self.key = (self.rect, tuple(tuple(r.tobytes() for r in region)
                                     for region in self.regions))

    def within(self, rings) -> Clip:
        """This clip further limited to the union of ``rings`` (an outer clip path)."""
        return Clip(self.rect, (tuple(rings), *self.regions))

    @staticmethod
    def of(clip: Rect | Clip | None, rings) -> Clip:
        """A primitive's ``clip`` (rectangle, Clip or None) limited to the union of
        ``rings``."""
        if isinstance(clip, Clip):
            return clip.within(rings)
        return Clip(clip, (tuple(rings),))


def clip_within(clip: Rect | Clip | None, rect: Rect) -> Rect | Clip:
    """A primitive's ``clip`` (rectangle, Clip or None) further limited to ``rect``
    (an empty overlap: a rectangle of no size, which shows nothing)."""
    if isinstance(clip, Clip):
        return Clip(rect if clip.rect is None else _overlap(clip.rect, rect), clip.regions)
    return tuple(map(float, rect)) if clip is None else _overlap(clip, rect)


def _overlap(a: Rect, b: Rect) -> Rect:
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    return (float(x0), float(y0), float(max(x1 - x0, 0.0)), float(max(y1 - y0, 0.0)))


def clip_key(clip: Rect | Clip | None):
    """What tells two primitives' ``clip`` apart (equal for equal contents)."""
    return clip.key if isinstance(clip, Clip) else clip


def _ring(value) -> np.ndarray:
    """A clip ring: its finite (N, 2) points, every ring turned the same way, so that a
    nonzero fill of several paints their union (as a GPU's coverage of each does)."""
    r = _points(value, "rings")
    r = r[np.isfinite(r).all(axis=1)]
    x, y = r[:, 0], r[:, 1]
    area = float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))
    return np.ascontiguousarray(r[::-1] if area < 0 else r)


@dataclass
class Stroke:
    """How the outline of a path is drawn: width and dashes in pixels."""

    color: RGBA
    width: float = 1.0
    dashes: tuple[float, ...] | None = None  # on, off, on, off... lengths
    dash_offset: float = 0.0
    join: str = "round"
    cap: str = "butt"

    def __post_init__(self) -> None:
        self.color = _rgba(self.color, "color")
        if self.join not in JOINS:
            raise ValueError(f"join: got {self.join!r}, expected one of {JOINS}")
        if self.cap not in CAPS:
            raise ValueError(f"cap: got {self.cap!r}, expected one of {CAPS}")


@dataclass(eq=False)
class Path:
    """Straight and Bézier segments, filled and/or stroked.

    ``codes`` None means a polyline: the first vertex moves, the others draw lines, and
    a row with NaN breaks the line (it starts again at the next finite row). Otherwise
    ``codes`` holds matplotlib's codes (MOVETO, LINETO, CURVE3, CURVE4, CLOSEPOLY).

    >>> Path(np.array([[0, 0], [10, 0], [10, 10]]), fill=(1, 0, 0, 1))
    """

    vertices: np.ndarray
    codes: np.ndarray | None = None
    fill: RGBA | None = None
    stroke: Stroke | None = None
    fill_rule: str = "nonzero"  # or "evenodd"
    hatch: str | None = None  # matplotlib's hatch letters: "/", "\\", "|", "-", "+", "x", ...
    hatch_color: RGBA | None = None
    hatch_width: float = 1.0
    clip: Rect | Clip | None = None
    # a raster device puts the vertices on its pixel grid, as Agg's path.snap rounds
    # them (vector devices draw them as they are)
    snap: bool = False

    def __post_init__(self) -> None:
        self.vertices = _points(self.vertices, "vertices")
        if self.codes is not None:
            self.codes = np.asarray(self.codes, dtype=np.uint8)
            if self.codes.shape != (len(self.vertices),):
                raise ValueError(f"codes: got shape {self.codes.shape}, expected "
                                 f"({len(self.vertices)},)")
        self.fill = _rgba(self.fill, "fill")
        self.hatch_color = _rgba(self.hatch_color, "hatch_color")
        if self.fill_rule not in ("nonzero", "evenodd"):
            raise ValueError(f"fill_rule: got {self.fill_rule!r}, expected 'nonzero' or "
                             "'evenodd'")


@dataclass(eq=False)
class MarkerSet:
    """One symbol drawn at many offsets, with per-point size and colors.

    ``symbol`` is a :class:`Path` (its vertices/codes only) for a marker of size 1: a
    symbol of diameter 1 centred on 0, y down; the device scales it by ``sizes`` (pixels)
    and moves it to each offset. ``name`` is lumos's symbol name ("disc", "square", ...)
    for devices with a native form. The edge is stroked centred on the outline with
    ``join`` corners; open ends (line markers) end ``cap``.
    """

    symbol: Path
    offsets: np.ndarray
    sizes: np.ndarray
    facecolors: np.ndarray  # (N, 4) or (1, 4)
    edgecolors: np.ndarray | None = None  # (N, 4) or (1, 4)
    edge_width: float = 0.0
    name: str = ""
    clip: Rect | Clip | None = None
    join: str = "round"
    cap: str = "butt"

    def __post_init__(self) -> None:
        if self.join not in JOINS:
            raise ValueError(f"join: got {self.join!r}, expected one of {JOINS}")
        if self.cap not in CAPS:
            raise ValueError(f"cap: got {self.cap!r}, expected one of {CAPS}")
        self.offsets = _points(self.offsets, "offsets")
        n = len(self.offsets)
        self.sizes = np.broadcast_to(np.asarray(self.sizes, dtype=np.float64), (n,))
        self.facecolors = np.atleast_2d(np.asarray(self.facecolors, dtype=np.float64))
        if self.edgecolors is not None:
            self.edgecolors = np.atleast_2d(np.asarray(self.edgecolors, dtype=np.float64))


@dataclass(eq=False)
class Triangles:
    """Filled triangles with flat (one color per face) or Gouraud (per vertex) colors."""

    vertices: np.ndarray  # (N, 2)
    faces: np.ndarray  # (M, 3) indices
    colors: np.ndarray  # (N, 4) per vertex, (M, 4) per face or (1, 4)
    per_vertex: bool = True
    clip: Rect | Clip | None = None

    def __post_init__(self) -> None:
        self.vertices = _points(self.vertices, "vertices")
        self.faces = np.asarray(self.faces, dtype=np.int64).reshape(-1, 3)
        self.colors = np.atleast_2d(np.asarray(self.colors, dtype=np.float64))


@dataclass(eq=False)
class Polygons:
    """Closed polygons of ``k`` corners each, filled and drawn one after another in the
    order given (a painter's order: the projected faces of a 3D surface, farthest
    first), each with its own fill and, where ``edge_width`` > 0, its own outline
    (matplotlib's PolyCollection). Polygons with a non-finite corner are left out."""

    vertices: np.ndarray  # (N, k, 2)
    facecolors: np.ndarray  # (N, 4) or (1, 4)
    edgecolors: np.ndarray | None = None  # (N, 4) or (1, 4)
    edge_width: float = 0.0
    clip: Rect | Clip | None = None

    def __post_init__(self) -> None:
        v = np.asarray(self.vertices, dtype=np.float64)
        if v.ndim != 3 or v.shape[2] != 2 or v.shape[1] < 3:
            raise ValueError(f"vertices: got shape {v.shape}, expected (N, k, 2), k >= 3")
        self.vertices = v
        self.facecolors = np.atleast_2d(np.asarray(self.facecolors, dtype=np.float64))
        if self.edgecolors is not None:
            self.edgecolors = np.atleast_2d(np.asarray(self.edgecolors, dtype=np.float64))


@dataclass(eq=False)
class GlyphRun:
    """Text already laid out: glyphs of one font at one size and color.

    ``positions`` are the pen positions on the baseline of each glyph (pixels, y down),
    before ``rotation`` (degrees counter-clockwise about ``anchor``). ``chars`` are the
    characters the glyphs stand for (for searchable, selectable text); ``text`` the
    whole string as the user wrote it.
    """

    font: FilePath
    glyph_ids: np.ndarray
    positions: np.ndarray
    size: float  # pixels per em
    color: RGBA
    chars: str = ""
    text: str = ""
    rotation: float = 0.0
    anchor: tuple[float, float] = (0.0, 0.0)
    clip: Rect | Clip | None = None

    def __post_init__(self) -> None:
        self.glyph_ids = np.asarray(self.glyph_ids, dtype=np.int64).ravel()
        self.positions = _points(self.positions, "positions") if len(self.glyph_ids) \
            else np.zeros((0, 2))
        self.color = _rgba(self.color, "color")


@dataclass(eq=False)
class Raster:
    """An RGBA image (first row on top) placed on the rectangle ``rect``.

    ``interpolation`` is "nearest" or "linear" (how a device should scale it);
    ``transform`` an optional 2x3 affine from image pixels to canvas pixels for images
    that are not axis-aligned (it replaces ``rect``).
    """

    rgba: np.ndarray  # (h, w, 4) uint8
    rect: Rect
    interpolation: str = "nearest"
    transform: np.ndarray | None = None
    clip: Rect | Clip | None = None

    def __post_init__(self) -> None:
        arr = np.asarray(self.rgba)
        if arr.dtype != np.uint8 or arr.ndim != 3 or arr.shape[2] != 4:
            raise ValueError(f"rgba: got {arr.dtype} {arr.shape}, expected (h, w, 4) uint8")
        self.rgba = arr
        if self.interpolation not in ("nearest", "linear"):
            raise ValueError(f"interpolation: got {self.interpolation!r}, expected 'nearest' "
                             "or 'linear'")


# -- 3D, in world coordinates ---------------------------------------------------------

@dataclass(eq=False)
class Spheres:
    """Spheres in world coordinates (atoms)."""

    centers: np.ndarray  # (N, 3)
    radii: np.ndarray  # (N,)
    colors: np.ndarray  # (N, 4) or (1, 4)

    def __post_init__(self) -> None:
        self.centers = _points(self.centers, "centers", 3)
        self.radii = np.broadcast_to(np.asarray(self.radii, dtype=np.float64),
                                     (len(self.centers),))
        self.colors = np.atleast_2d(np.asarray(self.colors, dtype=np.float64))


@dataclass(eq=False)
class Cylinders:
    """Capped or open cylinders between two points in world coordinates (bonds)."""

    starts: np.ndarray  # (N, 3)
    ends: np.ndarray  # (N, 3)
    radii: np.ndarray  # (N,)
    colors: np.ndarray  # (N, 4) or (1, 4)

    def __post_init__(self) -> None:
        self.starts = _points(self.starts, "starts", 3)
        self.ends = _points(self.ends, "ends", 3)
        self.radii = np.broadcast_to(np.asarray(self.radii, dtype=np.float64),
                                     (len(self.starts),))
        self.colors = np.atleast_2d(np.asarray(self.colors, dtype=np.float64))


@dataclass(eq=False)
class Mesh3D:
    """Triangles in world coordinates with optional normals and per-vertex colors."""

    vertices: np.ndarray  # (N, 3)
    faces: np.ndarray  # (M, 3)
    colors: np.ndarray  # (N, 4) or (1, 4)
    normals: np.ndarray | None = None  # (N, 3)
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.vertices = _points(self.vertices, "vertices", 3)
        self.faces = np.asarray(self.faces, dtype=np.int64).reshape(-1, 3)
        self.colors = np.atleast_2d(np.asarray(self.colors, dtype=np.float64))
        if self.normals is not None:
            self.normals = _points(self.normals, "normals", 3)


Primitive = (Path | MarkerSet | Triangles | Polygons | GlyphRun | Raster | Spheres | Cylinders
             | Mesh3D)

#: the primitives in world coordinates (a device that cannot draw 3D rasterizes instead)
WORLD = (Spheres, Cylinders, Mesh3D)
