"""The frame description: resources plus an ordered list of draws, as plain data.

See ``docs/frame.md`` for the JSON form both executors read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .resources import Buffer, Program, Texture, _new_id

TARGET_FORMATS = ("rgba32f", "rgba16f", "rgba8")
BLENDS = ("alpha", "add", "max", None)
CULLS = ("back", "front", None)
# polygon offset moves triangles only: WebGL2 has POLYGON_OFFSET_FILL alone
TRIANGLE_MODES = ("triangles", "triangle_strip")


@dataclass(eq=False)
class Attribute:
    """One vertex attribute read from ``buffer``."""

    buffer: Buffer
    size: int
    type: str = "f4"  # "f4", "u1" (bytes read as floats 0..255), "u4"
    offset: int = 0
    stride: int = 0
    divisor: int = 0

    def to_json(self) -> dict:
        """The attribute as the frame's JSON (docs/frame.md): buffer id, size, type, offset, stride,
        divisor."""
        return {
            "buffer": self.buffer.id, "size": self.size, "type": self.type,
            "offset": self.offset, "stride": self.stride, "divisor": self.divisor,
        }


class RenderTarget:
    """An offscreen color target a frame draws into and later samples as a texture.

    ``size`` is ``(w, h)`` in pixels or ``"view"``: the physical pixel size of the view
    of the draws that render into it. Float formats hold values beyond 0..1 (counts
    accumulated with ``blend="add"``). ``clear`` is applied at the start of each frame
    (``None`` keeps the content across frames). It has no depth attachment and is never
    multisampled. ``depth=True`` adds a depth attachment (cleared to 1.0 with the color):
    draws into the target depth-test against each other, and later draws sample it
    through :attr:`depth_texture` (the volume ray marcher reads the scene depth so).
    ``key`` (an int or None), for a target kept across frames: an executor whose target
    already holds what the draws into it made under the same key skips those draws (an
    image's colormapped texels are drawn again only when the data or colors change, and
    again by an executor that never drew them).

    >>> counts = RenderTarget(size="view", format="rgba32f")
    >>> Draw(..., target=counts, state=State(blend="add"))     # accumulate
    >>> Draw(..., textures={"u_counts": counts})               # then sample
    """

    def __init__(self, size: tuple[int, int] | str = "view", format: str = "rgba32f",
                 clear: tuple[float, float, float, float] | None = (0.0, 0.0, 0.0, 0.0),
                 filter: str = "nearest", depth: bool = False, key: int | None = None) -> None:
        self.id = _new_id("rt")
        if key is not None and (isinstance(key, bool) or not isinstance(key, int)):
            raise TypeError(f"key: got {key!r}, expected an int or None")
        self.key = key
        if isinstance(size, str):
            if size != "view":
                raise ValueError(f"size: got {size!r}, expected (w, h) or 'view'")
        else:
            try:
                w, h = (int(v) for v in size)
            except (TypeError, ValueError):
                raise TypeError(f"size: got {size!r}, expected (w, h) integers or "
                                "'view'") from None
            if w <= 0 or h <= 0:
                raise ValueError(f"size: got {size!r}, expected positive (w, h)")
            size = (w, h)
        if format not in TARGET_FORMATS:
            raise ValueError(f"format: got {format!r}, expected one of "
                             f"{', '.join(TARGET_FORMATS)}")
        if filter not in ("linear", "nearest"):
            raise ValueError(f"filter: got {filter!r}, expected 'linear' or 'nearest'")
        self.size = size
        self.format = format
        self.clear = None if clear is None else tuple(float(c) for c in clear)
        self.filter = filter
        if not isinstance(depth, bool):
            raise TypeError(f"depth: got {depth!r}, expected True or False")
        self.depth = depth
        self._depth_texture = None

    @property
    def depth_texture(self) -> DepthTexture:
        """The depth attachment as a texture a later draw samples (``.r``: the depth
        buffer value 0..1, nearest filtering); only for targets made with ``depth=True``."""
        if not self.depth:
            raise ValueError(f"render target {self.id} has no depth attachment (make it with "
                             "depth=True)")
        if self._depth_texture is None:
            self._depth_texture = DepthTexture(self)
        return self._depth_texture

    def to_json(self) -> dict:
        """The render target as the frame's JSON (docs/frame.md)."""
        return {
            "size": self.size if isinstance(self.size, str) else list(self.size),
            "format": self.format,
            "clear": None if self.clear is None else list(self.clear),
            "filter": self.filter,
            "depth": self.depth,
            **({} if self.key is None else {"key": int(self.key)}),
        }


class DepthTexture:
    """The depth attachment of a :class:`RenderTarget` as a sampled texture. Its id in
    a frame is ``"<target id>.depth"``."""

    def __init__(self, target: RenderTarget) -> None:
        self.target = target
        self.id = f"{target.id}.depth"


def _target_of(t) -> RenderTarget | None:
    """The render target a texture binding reads (its color or depth), or None."""
    if isinstance(t, RenderTarget):
        return t
    if isinstance(t, DepthTexture):
        return t.target
    return None


@dataclass
class State:
    """Render state of a draw.

    ``polygon_offset = (factor, units)`` moves the depth of triangles (positive: away
    from the eye) so lines drawn over a surface win the depth test; it applies to
    triangle modes only. ``alpha_to_coverage`` turns fragment alpha into multisample
    coverage (order-independent antialiased edges of impostors; no effect without
    multisampling).
    """

    depth_test: bool = False
    depth_write: bool = True
    # "alpha", "add" (ONE, ONE), "max" (each channel the larger of source and
    # destination: a translucent line's own layer) or None
    blend: str | None = "alpha"
    cull: str | None = None  # "back", "front" or None (counter-clockwise faces are front)
    polygon_offset: tuple[float, float] | None = None
    alpha_to_coverage: bool = False

    def __post_init__(self) -> None:
        if self.blend not in BLENDS:
            raise ValueError(f"blend: got {self.blend!r}, expected 'alpha', 'add', 'max' or "
                             "None")
        if self.cull not in CULLS:
            raise ValueError(f"cull: got {self.cull!r}, expected 'back', 'front' or None")
        if self.polygon_offset is not None:
            try:
                factor, units = (float(v) for v in self.polygon_offset)
            except (TypeError, ValueError):
                raise TypeError(f"polygon_offset: got {self.polygon_offset!r}, expected "
                                "(factor, units) numbers or None") from None
            if not (np.isfinite(factor) and np.isfinite(units)):
                raise ValueError(f"polygon_offset: got {self.polygon_offset!r}, expected "
                                 "finite numbers")
            self.polygon_offset = (factor, units)

    def to_json(self) -> dict:
        """The render state as the frame's JSON (docs/frame.md)."""
        return {
            "depth_test": self.depth_test, "depth_write": self.depth_write,
            "blend": self.blend, "cull": self.cull,
            "polygon_offset": None if self.polygon_offset is None else list(self.polygon_offset),
            "alpha_to_coverage": self.alpha_to_coverage,
        }


@dataclass(eq=False)
class Draw:
    """One draw call: a program, its inputs and render state, in a view."""

    program: Program
    view: str
    mode: str
    count: int
    attributes: dict[str, Attribute] = field(default_factory=dict)
    indices: Buffer | None = None
    first: int = 0
    instances: int | None = None
    uniforms: dict[str, object] = field(default_factory=dict)
    int_uniforms: dict[str, int] = field(default_factory=dict)
    textures: dict[str, Texture | RenderTarget | DepthTexture] = field(default_factory=dict)
    state: State = field(default_factory=State)
    origin: tuple[float, float, float] = (0.0, 0.0, 0.0)
    model: np.ndarray | None = None  # 4x4 float64 node transform
    target: RenderTarget | None = None  # None: the frame's framebuffer
    # What follows the camera in a runtime that moves it alone (docs/frame.md,
    # "Followers"): JSON naming a follower kind and its parameters; ``data`` holds the
    # buffers it reads (uploaded to no GPU: CPU data for the runtime) and the programs
    # it may switch the draw to.
    follow: dict | None = None
    data: dict[str, Buffer | Program] = field(default_factory=dict)
    # Physical pixels the viewport grows by on every side, the scissor staying at the
    # view: point sprites whose centre lies just outside the view (which GL clips
    # whole) still draw the part that reaches in. u_mvp and u_viewport describe the
    # grown viewport, so window positions do not change.
    margin: int = 0
    # Physical pixels (x, y, w, h from the top left, as View.rect) the draw is further
    # clipped to: the scissor is the view's rect intersected with it (a 3D axes' data
    # inside the axes' rectangle while its labels use the whole view). Draws into the
    # frame's framebuffer only.
    clip: tuple[int, int, int, int] | None = None

    def __post_init__(self) -> None:
        if self.state.polygon_offset is not None and self.mode not in TRIANGLE_MODES:
            raise ValueError(f"state: polygon_offset applies to triangles only, got mode "
                             f"{self.mode!r} (WebGL2 offsets filled polygons alone)")

    def key(self) -> tuple:
        """What the draw puts into pixels, as comparable values (resources by id and
        version, arrays by their bytes): two draws with equal keys draw the same."""
        return (self.program.id, self.view, self.mode, self.count, self.first,
                self.instances,
                tuple((k, _version(a.buffer), a.size, a.type, a.offset, a.stride, a.divisor)
                      for k, a in self.attributes.items()),
                _version(self.indices), _comparable(self.uniforms),
                tuple(self.int_uniforms.items()),
                tuple((k, _version(t)) for k, t in self.textures.items()),
                self.state, self.origin, _comparable(self.model), _version(self.target),
                self.margin, self.clip)

    def resources(self):
        """The program, buffers and textures this draw uses."""
        yield self.program
        for a in self.attributes.values():
            yield a.buffer
        if self.indices is not None:
            yield self.indices
        for t in self.textures.values():
            yield _target_of(t) or t
        if self.target is not None:
            yield self.target
        yield from self.data.values()

    def to_json(self) -> dict:
        """The draw as the frame's JSON (docs/frame.md): ids of its program and resources, uniforms,
        state."""
        return {
            "program": self.program.id, "view": self.view, "mode": self.mode,
            "attributes": {k: a.to_json() for k, a in self.attributes.items()},
            "indices": None if self.indices is None else self.indices.id,
            "first": self.first, "count": self.count, "instances": self.instances,
            "uniforms": {k: _plain(v) for k, v in self.uniforms.items()},
            "int_uniforms": {k: int(v) for k, v in self.int_uniforms.items()},
            "textures": {k: t.id for k, t in self.textures.items()},
            "state": self.state.to_json(),
            "origin": [float(v) for v in self.origin],
            "model": None if self.model is None else _column_major(self.model),
            "target": None if self.target is None else self.target.id,
            **({} if self.follow is None else {"follow": _plain(self.follow)}),
            **({"data": {k: b.id for k, b in self.data.items()}} if self.data else {}),
            "margin": int(self.margin),
            **({} if self.clip is None else {"clip": [int(v) for v in self.clip]}),
        }


@dataclass(eq=False)
class View:
    """A rectangle of the framebuffer with a camera (physical pixels, top-left origin)."""

    id: str
    rect: tuple[int, int, int, int]
    camera: dict
    bgcolor: tuple[float, float, float, float] | None = None
    # Where the figure puts the view exactly (physical pixels, top-left origin, not
    # rounded; None: at ``rect``): the camera shows its rectangle there, as matplotlib
    # maps data through an axes at a fractional position, while the viewport and the
    # scissor are ``rect`` (Agg clips to the rounded box too). ``camera_math.view_lens``.
    exact: tuple[float, float, float, float] | None = None

    def to_json(self) -> dict:
        """The view as the frame's JSON (docs/frame.md): rect, background, camera, the
        exact rect."""
        return {
            "rect": [int(v) for v in self.rect], "camera": _plain(self.camera),
            "bgcolor": None if self.bgcolor is None else [float(v) for v in self.bgcolor],
            **({} if self.exact is None else {"exact": [float(v) for v in self.exact]}),
        }


@dataclass(eq=False)
class Frame:
    """Everything needed to draw one picture."""

    size: tuple[int, int]
    clear_color: tuple[float, float, float, float] = (1.0, 1.0, 1.0, 1.0)
    pixel_ratio: float = 1.0
    views: dict[str, View] = field(default_factory=dict)
    draws: list[Draw] = field(default_factory=list)
    # Multisampling for edges no shader antialiases (triangles); lines, markers and text
    # antialias themselves, so frames without meshes skip its cost (1 = off).
    samples: int = 4
    # Descriptions several following draws share (an axes' ticks, labels and grid):
    # {id: JSON}, named by the draws' ``follow["record"]`` (docs/frame.md).
    records: dict[str, dict] = field(default_factory=dict)

    def part(self, start: int, stop: int | None = None) -> Frame:
        """The frame of views ``start:stop`` (in order) and their draws: a frame drawn
        in parts, the later ones with ``render(..., continued=True)``. Each part's render
        targets are sized and cleared by its own draws: a target drawn or read
        in two parts needs the frame drawn whole."""
        views = dict(list(self.views.items())[start:stop])
        return Frame(size=self.size, clear_color=self.clear_color,
                     pixel_ratio=self.pixel_ratio, views=views,
                     draws=[d for d in self.draws if d.view in views], samples=self.samples,
                     records=self.records)

    def key(self) -> tuple:
        """The views and draws as comparable values (:meth:`Draw.key`): two frames with
        equal keys draw the same picture."""
        return (self.size, self.clear_color, self.pixel_ratio,
                tuple((v.id, v.rect, _comparable(v.camera), v.bgcolor)
                      for v in self.views.values()),
                tuple(d.key() for d in self.draws))

    def drawn_apart(self, samples: int | None = None) -> bool:
        """Whether these views can be drawn before the rest of their frame, the rest
        then drawn over them (``render(..., continued=True)``): drawn single-sampled
        (``samples``: the samples per pixel they are drawn with, their own by default),
        2D pan-zoom views that draw something. Their render targets (an image's
        colormapped texels, a dashed line's scan) are no obstacle, as long as the rest
        draws and reads none of them (:class:`~lumos.gpu.early.EarlyViews`)."""
        samples = self.samples if samples is None else samples
        return samples <= 1 and self._draws() \
            and all(v.camera.get("type") == "panzoom" for v in self.views.values())

    def blank(self) -> bool:
        """Whether drawing these views over a picture (``render(..., continued=True)``)
        leaves every pixel as it was: no draw draws and no view clears its background."""
        return not self._draws() and all(v.bgcolor is None for v in self.views.values())

    def _draws(self) -> bool:
        return any(d.count > 0 and d.instances != 0 for d in self.draws)

    def opaque(self) -> bool:
        """Whether every pixel of the picture is opaque, known without reading it: the
        frame is cleared opaque, every view's background is opaque (or not cleared), and
        every draw into the frame's framebuffer blends (``"alpha"`` keeps alpha 1 over
        alpha 1, ``"add"`` and ``"max"`` never lower it); a draw that writes its own
        alpha (``blend=None``) makes it unknown. A reader of the picture then needs no
        pass over it to find translucent pixels."""
        return self.clear_color[3] >= 1.0 \
            and all(v.bgcolor is None or v.bgcolor[3] >= 1.0 for v in self.views.values()) \
            and all(d.state.blend is not None for d in self.draws if d.target is None)

    def depth_tested(self) -> bool:
        """Whether a draw into the frame's own framebuffer (not a render target) tests
        depth: only then does that framebuffer need a depth attachment (GL writes depth
        only where it tests it)."""
        return any(d.state.depth_test and d.target is None for d in self.draws)

    def resources(self) -> dict[str, object]:
        """Every resource the draws use, by id."""
        found: dict[str, object] = {}
        for d in self.draws:
            for r in d.resources():
                found[r.id] = r
        return found

    def to_json(self) -> tuple[dict, bytes]:
        """Return the JSON description and the binary blob its ``data`` fields index."""
        blob = bytearray()

        def put(arr: np.ndarray) -> dict:
            raw = np.ascontiguousarray(arr).tobytes()
            pad = (-len(blob)) % 8
            blob.extend(b"\0" * pad)
            entry = {"offset": len(blob), "nbytes": len(raw)}
            blob.extend(raw)
            return entry

        buffers, textures, programs, targets = {}, {}, {}, {}
        for rid, r in self.resources().items():
            if isinstance(r, RenderTarget):
                targets[rid] = r.to_json()
            elif isinstance(r, Buffer):
                buffers[rid] = {"version": r.version, "dtype": r.dtype, "nbytes": r.nbytes,
                                "data": put(r.data)}
            elif isinstance(r, Texture):
                textures[rid] = {"version": r.version, "shape": list(r.shape),
                                 "components": r.components, "dtype": r.dtype,
                                 "filter": r.filter, "data": put(r.data)}
            else:
                programs[rid] = {"vertex": r.vertex, "fragment": r.fragment}
        desc = {
            "size": [int(self.size[0]), int(self.size[1])],
            "pixel_ratio": float(self.pixel_ratio),
            "samples": int(self.samples),
            "clear_color": [float(c) for c in self.clear_color],
            "buffers": buffers, "textures": textures, "programs": programs,
            "targets": targets,
            "views": {k: v.to_json() for k, v in self.views.items()},
            "draws": [d.to_json() for d in self.draws],
        }
        if self.records:
            desc["records"] = self.to_json_records()
        return desc, bytes(blob)

    def to_json_records(self) -> dict:
        """The shared follower records as JSON values."""
        return _plain(self.records)

    def to_json_text(self) -> str:
        """One self-contained JSON text (blob as base64), for standalone HTML."""
        import base64  # only HTML export needs these: not a cost of every import
        import json

        desc, blob = self.to_json()
        desc["blob"] = base64.b64encode(blob).decode("ascii")
        return json.dumps(desc, separators=(",", ":"), allow_nan=False)


def _version(resource) -> tuple | None:
    """A resource as its id and version (a render target: its key), None for None."""
    if resource is None:
        return None
    return (resource.id, getattr(resource, "version", None), getattr(resource, "key", None))


def _comparable(v):
    """``v`` with arrays as their bytes and containers as tuples: ``==`` compares it
    whole (an array's ``==`` is elementwise)."""
    if isinstance(v, np.ndarray):
        return (v.dtype.str, v.shape, v.tobytes())
    if isinstance(v, dict):
        return tuple((k, _comparable(x)) for k, x in v.items())
    if isinstance(v, (list, tuple)):
        return tuple(_comparable(x) for x in v)
    return v


def _column_major(m) -> list[float]:
    return [float(v) for v in np.asarray(m, dtype=float).T.ravel()]


def _plain(v):
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, np.ndarray):
        if v.ndim == 2:
            return _column_major(v)
        return [float(x) for x in v.ravel()]
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, (np.floating, np.integer)):
        return float(v)
    return v
