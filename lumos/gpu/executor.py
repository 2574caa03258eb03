"""Run a frame description with moderngl (offscreen EGL, or a window's context)."""

from __future__ import annotations

import struct
import sys

import moderngl
import numpy as np

from .camera_math import camera_parts, draw_matrices, normal_matrix, view_lens
from .context import limits_of
from .frame import DepthTexture, Draw, Frame, RenderTarget, _target_of
from .resources import Buffer, Program, Texture, texel_rects
from .tiles import crop, intersect, tile_program

# The browser executor prepends its own header (precision qualifiers); this is desktop GL.
GLSL_HEADER = "#version 330 core\n"

_MODES = {
    "triangles": 0x0004, "triangle_strip": 0x0005, "lines": 0x0001,
    "line_strip": 0x0003, "points": 0x0000,
}
# (attribute class, moderngl format); "u1" bytes arrive as floats 0..255 (not normalized)
_ATTRIBUTE_FORMATS = {"f4": ("f", "f"), "u1": ("f", "f1"), "u4": ("i", "u")}
# render target format -> moderngl texture dtype
_TARGET_DTYPES = {"rgba32f": "f4", "rgba16f": "f2", "rgba8": "f1"}
# texture dtype code -> moderngl texture dtype
_TEXTURE_DTYPES = {"f4": "f4", "f2": "f2", "u1": "f1"}
_SAMPLE_ALPHA_TO_COVERAGE = 0x809E  # not among moderngl's enable flags
# the matrix uniforms every program may read: their index in a draw's matrix entry
_MATRIX_UNIFORMS = {"u_mvp": 0, "u_modelview": 1, "u_normal_matrix": 2, "u_projection": 3}


def target_sizes(frame: Frame) -> dict[str, tuple[RenderTarget, tuple[int, int], str | None]]:
    """Each render target of the frame with its pixel size and, for a ``"view"`` size,
    the view it covers: the view of the first draw that names the target (its physical
    size is the target's)."""
    found: dict[str, tuple[RenderTarget, tuple[int, int], str | None]] = {}
    for d in frame.draws:
        named = [t for t in map(_target_of, d.textures.values()) if t is not None]
        if d.target is not None:
            named.insert(0, d.target)
        for t in named:
            if t.id in found:
                continue
            if t.size == "view":
                rect = frame.views[d.view].rect
                found[t.id] = (t, (max(int(rect[2]), 1), max(int(rect[3]), 1)), d.view)
            else:
                found[t.id] = (t, tuple(t.size), None)
    return found


def _target_origin(d, gl_rect, in_tile: dict) -> tuple[int, int]:
    """``u_target_origin``: the pixel of the framebuffer drawn into where texel (0, 0)
    of the "view"-sized targets ``d`` samples lies: the view's corner, or in a tile
    the corner of the view's part in the tile (what the target holds)."""
    for t in map(_target_of, d.textures.values()):
        if t is not None and t.id in in_tile:
            part = in_tile[t.id]
            into = in_tile.get(d.target.id, (0, 0)) if d.target is not None else (0, 0)
            return (part[0] - into[0], part[1] - into[1])
    return (gl_rect[0], gl_rect[1])


def grow(rect, margin: int) -> tuple[int, int, int, int]:
    """``rect`` (x, y, w, h) grown by ``margin`` pixels on every side."""
    x, y, w, h = rect
    return (x - margin, y - margin, w + 2 * margin, h + 2 * margin)


_GL_SAMPLES = 0x80A9
_gl_functions: dict[str, object] = {}  # GL entry points moderngl lacks, False: none here


def _gl_function(name: str, argtypes: list):
    """The GL library's function ``name`` through ctypes (found once), or False where
    there is no GL library or no such function."""
    fn = _gl_functions.get(name)
    if fn is None:
        import ctypes
        import ctypes.util

        try:
            lib = "libGL.so.1" if sys.platform.startswith("linux") else \
                ctypes.util.find_library("OpenGL") or ctypes.util.find_library("opengl32")
            fn = getattr(ctypes.CDLL(lib), name)
            fn.argtypes = argtypes
            fn.restype = None
        except (OSError, AttributeError, TypeError):
            fn = False
        _gl_functions[name] = fn
    return fn


def _samples(fbo) -> int:
    """Samples per pixel of the bound framebuffer ``fbo`` (for u_samples). A framebuffer
    lumos made knows; a window's (detected) does not (moderngl reports 0), so GL is
    asked; where it cannot be, multisampling is assumed, which only makes sprites and
    line quads half a pixel bigger, never changes a pixel."""
    if fbo.color_attachments is not None:
        return max(fbo.samples or 1, 1)
    import ctypes

    get_integer = _gl_function("glGetIntegerv", [ctypes.c_uint, ctypes.POINTER(ctypes.c_int)])
    if get_integer:
        value = ctypes.c_int(-1)
        get_integer(_GL_SAMPLES, ctypes.byref(value))
        if value.value >= 0:
            return max(value.value, 1)
    return 4


def grow_viewport(rect, mvp: np.ndarray, margin: int):
    """``rect`` grown by ``margin`` pixels on every side, and ``mvp`` followed by the
    scale that keeps every point at the same window position in it (``Draw.margin``)."""
    grown = grow(rect, margin)
    scale = np.diag([rect[2] / grown[2], rect[3] / grown[3], 1.0, 1.0])
    return grown, scale @ mvp


class ModernGLExecutor:
    """Draws frames into framebuffers of one moderngl context.

    GPU objects are kept per resource id with the version that was uploaded; a
    resource is uploaded again only when its version moved, and then only the ranges
    its change log names. ``uploaded_bytes`` counts what crossed to the GPU (tests
    and benchmarks read it).
    """

    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.limits = limits_of(ctx)
        self._programs: dict[str, object] = {}
        self._uniforms: dict[str, _Uniforms] = {}  # by program id, as _programs
        self._buffers: dict[str, list] = {}   # id -> [moderngl.Buffer, version, nbytes]
        self._textures: dict[str, list] = {}  # id -> [moderngl.Texture, version]
        self._vaos: dict[tuple, object] = {}
        # id -> [texture, framebuffer, (w, h), format, filter, depth texture or None]
        self._targets: dict[str, list] = {}
        # matrix entries of the last frame and this one (see _matrix_entry)
        self._matrices: dict[bytes, list] = {}
        self._matrices_before: dict[bytes, list] = {}
        self.uploaded_bytes = 0

    # -- resources ---------------------------------------------------------------
    def _program(self, p: Program):
        prog = self._programs.get(p.id)
        if prog is None:
            try:
                prog = self.ctx.program(
                    vertex_shader=GLSL_HEADER + p.vertex, fragment_shader=GLSL_HEADER + p.fragment
                )
            except Exception as exc:
                raise RuntimeError(f"shader compilation failed for program {p.id}: {exc}") from exc
            self._programs[p.id] = prog
        return prog

    def _buffer(self, b: Buffer):
        entry = self._buffers.get(b.id)
        if entry is not None and entry[1] == b.version:
            return entry[0]
        ranges = None if entry is None else b.changes_since(entry[1])
        raw = b.data
        if entry is not None and ranges is None and entry[2] == b.nbytes and b.nbytes:
            # same size, everything changed: overwrite in place (VAOs stay valid)
            entry[0].write(np.ascontiguousarray(raw))  # the array itself: no bytes copy
            self.uploaded_bytes += raw.nbytes
            entry[1] = b.version
            return entry[0]
        if entry is None or ranges is None or entry[2] != b.nbytes:
            if entry is not None:
                self._drop_vaos(entry[0])
                entry[0].release()
            # A zero-sized buffer is not allowed; 4 bytes stand in for empty data.
            glbuf = self.ctx.buffer(np.ascontiguousarray(raw) if raw.nbytes else b"\0\0\0\0",
                                    dynamic=True)
            self.uploaded_bytes += raw.nbytes
            self._buffers[b.id] = entry = [glbuf, b.version, b.nbytes]
        else:
            view = raw.reshape(-1).view(np.uint8)
            for start, stop in ranges:
                entry[0].write(view[start:stop], offset=start)
                self.uploaded_bytes += stop - start
            entry[1] = b.version
        return entry[0]

    def _target(self, t: RenderTarget, size: tuple[int, int]) -> list:
        """The texture and framebuffer of a render target, made (again) when its size,
        format or filter changed."""
        entry = self._targets.get(t.id)
        if entry is not None and (entry[2], entry[3], entry[4], entry[5] is not None) == (
                size, t.format, t.filter, t.depth):
            return entry
        if entry is not None:
            self._release_target(entry)
        _check_size(f"render target {t.id}", size, self.limits.max_target_size,
                    "maximum framebuffer size")
        tex = self.ctx.texture(size, 4, dtype=_TARGET_DTYPES[t.format])
        f = moderngl.LINEAR if t.filter == "linear" else moderngl.NEAREST
        tex.filter = (f, f)
        tex.repeat_x = tex.repeat_y = False
        depth = None
        if t.depth:
            # sampled as a plain value (no comparison), exactly as WebGL2 samples
            # DEPTH_COMPONENT24 textures: nearest only
            depth = self.ctx.depth_texture(size)
            depth.compare_func = ""
            depth.filter = (moderngl.NEAREST, moderngl.NEAREST)
            depth.repeat_x = depth.repeat_y = False
        fbo = self.ctx.framebuffer(color_attachments=[tex], depth_attachment=depth)
        if t.clear is None:
            fbo.clear(0.0, 0.0, 0.0, 0.0, depth=1.0)  # defined content on first use
        # the last: the key its content was drawn under (RenderTarget.key)
        self._targets[t.id] = entry = [tex, fbo, size, t.format, t.filter, depth, None]
        return entry

    @staticmethod
    def _release_target(entry: list) -> None:
        entry[1].release()
        entry[0].release()
        if entry[5] is not None:
            entry[5].release()

    def target_pixels(self, t: RenderTarget) -> np.ndarray:
        """The content of a render target as (h, w, 4) float32, first row at the top
        (for tests and for CPU-side statistics of a rendered target)."""
        _, fbo, (w, h) = self._targets[t.id][:3]
        raw = fbo.read(components=4, dtype="f4", alignment=1)  # any format, as float32
        return np.frombuffer(raw, np.float32).reshape(h, w, 4)[::-1].copy()

    def _texture(self, t: Texture | RenderTarget | DepthTexture):
        if isinstance(t, RenderTarget):
            return self._targets[t.id][0]
        if isinstance(t, DepthTexture):
            return self._targets[t.target.id][5]
        entry = self._textures.get(t.id)
        if entry is not None and entry[1] == t.version:
            return entry[0]
        ranges = None if entry is None else t.changes_since(entry[1])
        dtype = _TEXTURE_DTYPES[t.dtype]
        size = tuple(reversed(t.shape))  # (w, h) or (w, h, d)
        if entry is None or ranges is None or entry[0].size != size or entry[0].dtype != dtype:
            if entry is not None:
                entry[0].release()
            if t.dim == 2:
                _check_size(f"texture {t.id}", size, self.limits.max_texture_size,
                            "maximum texture size")
            else:
                _check_size(f"texture {t.id}", size, self.limits.max_3d_texture_size,
                            "maximum 3D texture size")
            make = self.ctx.texture if t.dim == 2 else self.ctx.texture3d
            # the array itself (no bytes copy); a tile's view is made contiguous
            tex = make(size, t.components, np.ascontiguousarray(t.data), dtype=dtype,
                       alignment=1)

            f = moderngl.LINEAR if t.filter == "linear" else moderngl.NEAREST
            tex.filter = (f, f)
            tex.repeat_x = tex.repeat_y = False
            if t.dim == 3:
                tex.repeat_z = False
            self.uploaded_bytes += t.data.nbytes
            self._textures[t.id] = entry = [tex, t.version]
        else:
            flat = t.data.reshape(-1, t.components)
            for start, stop in ranges:  # flat texels
                if t.dim == 2:
                    boxes = [((x, y, w, h), y * size[0] + x, w * h)
                             for x, y, w, h in texel_rects(size[0], start, stop)]
                else:  # whole slices (Texture.update)
                    per = size[0] * size[1]
                    boxes = [((0, 0, start // per, size[0], size[1], (stop - start) // per),
                              start, stop - start)]
                for viewport, first, n in boxes:
                    texels = flat[first : first + n]
                    entry[0].write(np.ascontiguousarray(texels), viewport=viewport, alignment=1)
                    self.uploaded_bytes += texels.nbytes
            entry[1] = t.version
        return entry[0]

    def _prepare(self, d: Draw) -> None:
        """Make the program and textures of a draw of nothing: the frame names them, so
        ``release_unused`` keeps them, and a visual that names them before it has
        anything to draw (a stream's rings, as large as its capacity) gets them made in
        that frame rather than in the first one with data."""
        self._program(d.program)
        for t in d.textures.values():
            if isinstance(t, Texture):
                self._texture(t)

    def _drop_vaos(self, glbuf) -> None:
        for key in [k for k in self._vaos if any(x is glbuf for x in k[1])]:
            self._vaos.pop(key).release()

    def _vao(self, d: Draw, prog):
        attributes = d.attributes.items()
        buffer = self._buffer
        bufs = tuple([buffer(a.buffer) for _, a in attributes])
        index = buffer(d.indices) if d.indices is not None else None
        layout = tuple([(name, a.size, a.type, a.offset, a.stride, a.divisor)
                        for name, a in attributes])
        key = (d.program.id, bufs + ((index,) if index is not None else ()), layout)
        vao = self._vaos.get(key)
        if vao is None:
            vao = self.ctx.vertex_array(prog, [], index_buffer=index, index_element_size=4)
            for (name, a), glbuf in zip(d.attributes.items(), bufs, strict=True):
                member = prog.get(name, None)
                if member is None:  # the compiler removed an unused input
                    continue
                cls, fmt = _ATTRIBUTE_FORMATS[a.type]
                vao.bind(member.location, cls, glbuf, f"{a.size}{fmt}", a.offset, a.stride,
                         a.divisor)
            self._vaos[key] = vao
        return vao

    # -- drawing -----------------------------------------------------------------
    def _matrix_entry(self, d: Draw, view, aspect: float, in_frame: dict) -> list:
        """``[mvp, modelview, normal matrix, projection, {index: float32 bytes}]`` of draw
        ``d`` in ``view`` (the normal matrix and the bytes made when a program reads
        them). Draws of a pan-zoom camera with no model keep their entry from one frame
        to the next, keyed by the exact bits of the camera's rect, the aspect, the
        origin and the view's rects: a frame whose view did not move makes no matrix
        (an interactive frame after ``set_data``); other entries live for one frame
        (``in_frame``), keyed by view, origin and model."""
        camera = view.camera
        if d.model is None and camera["type"] == "panzoom":
            values = (*camera["rect"], aspect, *d.origin, *view.rect, *(view.exact or ()))
            key = _packer(len(values), "d")(*values)
            entry = self._matrices.get(key)
            if entry is None:
                entry = self._matrices_before.get(key)
                if entry is None:
                    entry = self._new_matrix_entry(d, view, aspect, in_frame)
                self._matrices[key] = entry
            return entry
        key = (d.view, tuple(d.origin), None if d.model is None else id(d.model))
        entry = in_frame.get(key)
        if entry is None:
            entry = in_frame[key] = self._new_matrix_entry(d, view, aspect, in_frame)
        return entry

    @staticmethod
    def _new_matrix_entry(d: Draw, view, aspect: float, in_frame: dict) -> list:
        parts = in_frame.get(d.view)  # camera parts, shared by the draws of a view
        if parts is None:
            parts = in_frame[d.view] = camera_parts(view.camera, aspect)
        mvp, modelview, _ = draw_matrices(view.camera, aspect, d.origin, d.model, parts,
                                          normal=False)
        lens = view_lens(view.rect, view.exact)  # View.exact: the camera's exact place
        return [mvp if lens is None else lens @ mvp, modelview, None, parts[0], {}]

    def render(self, frame: Frame, fbo, tile: tuple[int, int, int, int] | None = None,
               continued: bool = False) -> None:
        """Draw ``frame`` into ``fbo`` (whose size must be ``frame.size``), or only the
        part ``tile = (x, y, w, h)`` (pixels from the top left) into an ``fbo`` of the
        tile's size: pictures beyond the framebuffer limit are drawn tile by tile.
        ``continued``: ``fbo`` holds the views drawn before ``frame``'s in this frame
        (``Frame.part``): not cleared, its views drawn over them."""
        if not continued:
            self._matrices_before, self._matrices = self._matrices, {}
        try:
            self._render(frame, fbo, tile, continued)
        finally:  # also after a draw raised: the next frame starts from the same state
            fbo.use()
            fbo.scissor = None
            fbo.depth_mask = True
            self.ctx.polygon_offset = (0.0, 0.0)
            self.ctx.disable_direct(_SAMPLE_ALPHA_TO_COVERAGE)

    def flush(self) -> None:
        """Hand the draws made so far to the GL without waiting for them: software GL
        (llvmpipe) rasterizes only when flushed, on threads of its own, which then work
        while Python makes the rest of the frame."""
        flush = _gl_function("glFlush", [])
        if flush:
            flush()

    def _render(self, frame: Frame, fbo, tile: tuple[int, int, int, int] | None,
                continued: bool = False) -> None:
        ctx = self.ctx
        ox, oy, w, h = (0, 0, *frame.size) if tile is None else tile
        bounds = (0, 0, w, h)
        targets = {}
        # In a tile, a "view" target holds only the part of its view inside the tile
        # (a view may exceed the framebuffer limit): its GL rect in the tile, by target.
        in_tile: dict[str, tuple[int, int, int, int]] = {}
        for tid, (t, size, view_id) in target_sizes(frame).items():
            if tile is not None and view_id is not None:
                x, y, vw, vh = frame.views[view_id].rect
                in_tile[tid] = intersect((x - ox, h - (y - oy) - vh, vw, vh), bounds) \
                    or (0, 0, 1, 1)
                size = in_tile[tid][2:]
            targets[tid] = entry = self._target(t, size)
            if t.clear is not None:
                entry[1].scissor = None
                entry[1].depth_mask = True  # a draw may have left it off
                entry[1].clear(*t.clear, depth=1.0)
        fbo.use()
        fbo.scissor = None
        fbo.viewport = bounds
        # A frame none of whose draws tests depth leaves the framebuffer's depth (a
        # window's has one) as it is: GL clears only what the depth mask lets through,
        # and software GL writes every pixel's depth to clear it.
        depth = frame.depth_tested()
        fbo.depth_mask = depth
        if not continued:
            fbo.clear(*frame.clear_color, depth=1.0)
        # Views draw in order, each background cleared just before the view's own draws:
        # a later view (an inset axes) covers what the views before it drew there.
        unclear = list(frame.views.values())  # views whose background is not cleared yet
        pending = {v.id for v in unclear}
        # Until something is drawn or cleared into ``fbo``, a view whose background is
        # the frame's clear color is already cleared: software GL clears part of a
        # framebuffer by drawing a quad (~1 M fragments for a figure's axes).
        touched = continued
        clear_color = tuple(map(float, frame.clear_color))

        def clear_through(view_id) -> None:
            """Clear the backgrounds of the views up to ``view_id`` (None: all left)."""
            nonlocal touched
            while unclear:
                view = unclear.pop(0)
                pending.discard(view.id)
                if view.bgcolor is not None and (
                        touched or tuple(map(float, view.bgcolor)) != clear_color):
                    touched = True
                    x, y, vw, vh = view.rect
                    part = intersect((x - ox, h - (y - oy) - vh, vw, vh), bounds)
                    if part is not None:
                        fbo.use()
                        fbo.scissor = None
                        fbo.depth_mask = depth  # a draw may have left it off
                        fbo.clear(*view.bgcolor, depth=1.0, viewport=part)
                if view.id == view_id:
                    return

        bound = None
        state = None  # the context state set by the last draw (any at the start of a frame)
        # float32 bytes of the uniforms every draw of the frame shares
        pixel_ratio = _float32_bytes(frame.pixel_ratio)
        samples = (_float32_bytes(float(_samples(fbo))), _float32_bytes(1.0))
        # what the bound framebuffer's viewport, scissor and depth mask were last set to
        # in this frame (None: not yet since it was bound): unchanged, not set again
        fb_state = None
        in_frame: dict = {}  # camera parts per view; matrices of this frame only
        keyed = []  # the targets drawn into
        for d in frame.draws:
            if d.count <= 0 or d.instances == 0:
                self._prepare(d)
                continue
            if d.view in pending:
                clear_through(d.view)
                bound = None  # the clears bound the frame's framebuffer
            view = frame.views[d.view]
            x, y, vw, vh = view.rect
            if vw <= 0 or vh <= 0:
                continue
            program = d.program
            tile_crop = None
            if d.target is not None:
                if any(_target_of(t) is d.target for t in d.textures.values()):
                    raise ValueError(f"draw: render target {d.target.id} is both drawn into "
                                     "and sampled by one draw")
                if d.clip is not None:
                    raise ValueError(f"draw: clip applies to draws into the frame's "
                                     f"framebuffer, got one into render target {d.target.id}")
                if d.target.key is not None and targets[d.target.id][6] == d.target.key:
                    continue  # it holds what this draw made under the same key
                keyed.append(d.target)
                dest = targets[d.target.id][1]
                part = in_tile.get(d.target.id)
                if part is None:
                    gl_rect = viewport = (0, 0, *targets[d.target.id][2])
                else:  # the view placed so that its part in the tile fills the target
                    gl_rect = (x - ox - part[0], h - (y - oy) - vh - part[1], vw, vh)
                    viewport = (0, 0, part[2], part[3])
                    if viewport != gl_rect:
                        program = tile_program(program)
                        tile_crop = crop(gl_rect, viewport)
            else:
                dest = fbo
                gl_rect = viewport = (x - ox, h - (y - oy) - vh, vw, vh)
                if tile is not None:
                    viewport = intersect(gl_rect, bounds)
                    if viewport is None:
                        continue
                    if viewport != gl_rect:  # the view reaches beyond the tile
                        program = tile_program(program)
                        tile_crop = crop(gl_rect, viewport)
            scissor = viewport
            if d.clip is not None:  # Draw.clip: the scissor further limited
                cx, cy, cw, ch = d.clip
                scissor = intersect(viewport, (cx - ox, h - (cy - oy) - ch, cw, ch))
                if scissor is None:
                    continue
            if dest is not bound:
                dest.use()
                bound = dest
                fb_state = None
            touched = touched or dest is fbo
            entry = self._matrix_entry(d, view, _aspect(view), in_frame)
            mvp = entry[0]
            origin = _target_origin(d, gl_rect, in_tile)
            if d.margin:  # Draw.margin: the view, and its part in a tile, both grown
                gl_rect, mvp = grow_viewport(gl_rect, mvp, d.margin)
                viewport = grow(viewport, d.margin)
                if tile_crop is not None:
                    tile_crop = crop(gl_rect, viewport)
            prog = self._program(program)
            uniforms = self._uniforms.get(program.id)
            if uniforms is None:
                uniforms = self._uniforms[program.id] = _Uniforms(prog)
            put = uniforms.put
            for slot, k in uniforms.matrices:
                raw = np.asarray(mvp.T, np.float32).tobytes() if k == 0 and d.margin \
                    else _matrix_bytes(entry, k)
                if raw != slot[1]:
                    slot[0].write(raw)
                    slot[1] = raw
            put("u_viewport", gl_rect)
            put("u_pixel_ratio", pixel_ratio)
            put("u_samples", samples[d.target is not None])
            put("u_target_origin", origin)
            if tile_crop is not None:
                put("u_tile_crop", tile_crop)
            for name, value in d.uniforms.items():
                put(name, value)
            put_int = uniforms.put_int
            for name, value in d.int_uniforms.items():
                put_int(name, value)
            for unit, (name, tex) in enumerate(d.textures.items()):
                self._texture(tex).use(location=unit)
                put_int(name, unit)
            s = d.state
            key = (s.depth_test, s.blend, s.cull, s.polygon_offset, s.alpha_to_coverage)
            if key != state:  # the context's state, as the draw before set it, is kept
                state = key
                _set_state(ctx, s)
            # the scissor stays at the view, the viewport may have grown (Draw.margin);
            # the depth mask is the framebuffer's (use() sets it)
            now = (scissor, viewport, bool(s.depth_write))
            if now != fb_state:
                if fb_state is None or fb_state[0] != scissor:
                    dest.scissor = scissor
                if fb_state is None or fb_state[1] != viewport:
                    dest.viewport = viewport
                if fb_state is None or fb_state[2] != now[2]:
                    dest.depth_mask = now[2]
                fb_state = now
            self._vao(d, prog).render(
                _MODES[d.mode], vertices=d.count, first=d.first, instances=d.instances or 1
            )
        clear_through(None)  # views after the last draw (an empty inset axes) cover too
        for t in keyed:
            targets[t.id][6] = t.key

    def release_unused(self, frame: Frame) -> None:
        """Free GPU objects of resources the frame no longer uses."""
        used = frame.resources()
        for table in (self._buffers, self._textures):
            for rid in [k for k in table if k not in used]:
                obj = table.pop(rid)[0]
                self._drop_vaos(obj)
                obj.release()
        for rid in [k for k in self._targets if k not in used]:
            self._release_target(self._targets.pop(rid))
        for rid in [k for k in self._programs if k not in used]:
            for key in [k for k in self._vaos if k[0] == rid]:
                self._vaos.pop(key).release()
            self._programs.pop(rid).release()
            self._uniforms.pop(rid, None)


def _set_state(ctx, s) -> None:
    """Set the context's enable flags, blending, culling, polygon offset and
    alpha-to-coverage for draws of State ``s``."""
    flags = moderngl.PROGRAM_POINT_SIZE  # WebGL always honours gl_PointSize
    if s.depth_test:
        flags |= moderngl.DEPTH_TEST
    if s.blend:
        flags |= moderngl.BLEND
        ctx.blend_equation = moderngl.MAX if s.blend == "max" else moderngl.FUNC_ADD
        if s.blend == "add":
            ctx.blend_func = moderngl.ONE, moderngl.ONE
        else:
            ctx.blend_func = (moderngl.SRC_ALPHA, moderngl.ONE_MINUS_SRC_ALPHA,
                              moderngl.ONE, moderngl.ONE_MINUS_SRC_ALPHA)
    if s.cull:
        flags |= moderngl.CULL_FACE
        ctx.cull_face = s.cull
    ctx.enable_only(flags)
    ctx.polygon_offset = s.polygon_offset or (0.0, 0.0)
    if s.alpha_to_coverage:
        ctx.enable_direct(_SAMPLE_ALPHA_TO_COVERAGE)
    else:
        ctx.disable_direct(_SAMPLE_ALPHA_TO_COVERAGE)


class _Uniforms:
    """The uniforms of one GL program by name, with what was last written to each: a
    program keeps its uniform values, so a value written again unchanged (a pan
    frame's widths, colors, viewport) is not sent. Values become float32 bytes as numpy
    makes them."""

    __slots__ = ("names", "matrices", "_slots")

    def __init__(self, prog) -> None:
        self.names = frozenset(prog)  # the active members' names
        # name -> [member, last bytes or int]: every active uniform, so a name the
        # program lacks is one failed look-up
        self._slots: dict[str, list] = {
            name: [member, None] for name in self.names
            if isinstance(member := prog[name], moderngl.Uniform)}
        # (slot, index in a matrix entry) of the matrix uniforms the program reads
        self.matrices = tuple((self._slots[name], k) for name, k in _MATRIX_UNIFORMS.items()
                              if name in self._slots)

    def put(self, name: str, value) -> None:
        """Write the float uniform ``name`` (bytes as they are, other values as float32,
        matrices column-major) when the program has it and the bytes changed."""
        slot = self._slots.get(name)
        if slot is not None:
            raw = value if type(value) is bytes else _float32_bytes(value)
            if raw != slot[1]:
                slot[0].write(raw)
                slot[1] = raw

    def put_int(self, name: str, value) -> None:
        """Set the int (or sampler unit) uniform ``name`` when the program has it and the
        value changed."""
        slot = self._slots.get(name)
        if slot is not None:
            value = int(value)
            if value != slot[1]:
                slot[0].value = value
                slot[1] = value


_PACK_FLOAT = struct.Struct("<f").pack
_PACKERS: dict[tuple[int, str], object] = {}


def _packer(n: int, code: str):
    """``struct.pack`` of ``n`` values of type ``code`` (little-endian), made once."""
    pack = _PACKERS.get((n, code))
    if pack is None:
        pack = _PACKERS[n, code] = struct.Struct(f"<{n}{code}").pack
    return pack


def _float32_bytes(value) -> bytes:
    """The float32 bytes numpy makes of a uniform value (2-D: column-major). A float, or
    a tuple of floats and ints below 2**53 in size (pixel rects), goes through struct:
    the same C cast of each double to float, at a tenth of numpy's cost; a value out
    of float32's range (numpy makes it inf) and anything else go through numpy."""
    kind = type(value)
    try:
        if kind is float:
            return _PACK_FLOAT(value)
        if kind is tuple:
            return _packer(len(value), "f")(*value)
    except (struct.error, OverflowError, TypeError):
        pass
    value = np.asarray(value, np.float32)
    return (value.T if value.ndim == 2 else value).tobytes()


def _aspect(view) -> float:
    """The width over the height of what a view's camera shows (its exact rect's)."""
    _, _, w, h = view.exact if view.exact is not None and view.exact[3] > 0 else view.rect
    return w / h


def _matrix_bytes(entry: list, k: int) -> bytes:
    """The float32 bytes (column-major) of matrix ``k`` of a matrix entry, made once."""
    raw = entry[4].get(k)
    if raw is None:
        if k == 2 and entry[2] is None:
            entry[2] = normal_matrix(entry[1])
        raw = entry[4][k] = np.asarray(entry[k].T, np.float32).tobytes()
    return raw


def _check_size(what: str, size, limit: int, name: str) -> None:
    """A ValueError naming the size and the context's limit (creating a larger object
    fails in the driver, silently or by aborting the process)."""
    if max(size) > limit:
        dims = " × ".join(str(int(v)) for v in size)
        raise ValueError(f"{what}: {dims} exceeds this OpenGL context's {name} of {limit}")


class OffscreenTarget:
    """A framebuffer read back as RGBA uint8: multisampled with a resolve target, or,
    with ``samples=1``, single-sampled and read directly (no resolve pass). ``depth``:
    whether it has a depth attachment (:meth:`Frame.depth_tested`); a 2D figure's frame
    needs none, and software GL zero-fills the buffer it would allocate."""

    def __init__(self, ctx, size: tuple[int, int], samples: int = 4, depth: bool = True) -> None:
        self.ctx = ctx
        self.size = size
        self.samples = samples
        self.depth = depth
        _check_size("offscreen target", size, limits_of(ctx).max_target_size,
                    "maximum framebuffer size")
        msaa = min(samples, ctx.max_samples) if samples > 1 else 0
        self.fbo = ctx.framebuffer(
            color_attachments=[ctx.renderbuffer(size, 4, samples=msaa)],
            depth_attachment=ctx.depth_renderbuffer(size, samples=msaa) if depth else None,
        )
        self.resolved = (ctx.framebuffer(color_attachments=[ctx.renderbuffer(size, 4)])
                         if msaa else self.fbo)

    def resolve(self):
        """The single-sampled framebuffer holding the picture (samples resolved)."""
        if self.resolved is not self.fbo:
            self.ctx.copy_framebuffer(self.resolved, self.fbo)
        return self.resolved

    def read(self) -> np.ndarray:
        """The picture as an (h, w, 4) uint8 array, first row at the top: GL's rows
        (bottom first) read into a new array and seen upside down, not copied again."""
        w, h = self.size
        raw = np.empty((h, w, 4), np.uint8)  # not zero-filled first, as bytearray(n) is
        self.resolve().read_into(raw, components=4, alignment=1)
        return raw[::-1]

    def release(self) -> None:
        for fb in {self.fbo, self.resolved}:
            for att in fb.color_attachments:
                att.release()
            if fb.depth_attachment is not None:
                fb.depth_attachment.release()
            fb.release()
