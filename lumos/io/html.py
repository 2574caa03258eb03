"""Standalone HTML export: one file with the WebGL2 runtime and the frame inlined.

The page makes no network request (a Content-Security-Policy forbids any), draws the
frame with ``lumos/web/runtime.js`` (and the modules it builds on and those that
recompute what follows the camera: :data:`RUNTIME_FILES`) and lets the mouse pan, zoom
and rotate each view.

The frame travels compressed: its JSON description and binary blob in one payload
(see :func:`pack_payload`), deflated (zlib) and base64-encoded once; the page inflates it
with the browser's ``DecompressionStream``. So does the runtime (deflated, it is a third
of its size): a small script inflates and runs it first. Vertex data is float32 already; text
carries only the glyphs each label uses (``lumos.visuals.text``).
"""

from __future__ import annotations

import base64
import html
import json
import struct
import zlib
from pathlib import Path

from lumos.gpu import Frame

from ..scene.writers import register_writer
from .atomic import write_text

_WEB = Path(__file__).resolve().parent.parent / "web"
#: The page runtime, in load order (each file uses what the ones before it attach to the
#: shared ``lumos`` object): the WebGL2 executor (cameras, mouse and keyboard, the frame's
#: bytes, the Renderer's GPU resources and render targets, the Renderer, the standalone
#: page), then what follows the camera in the page
#: (docs/frame.md, "Followers"): the followers, the tickers, text layout, data texts and
#: axes.
RUNTIME_FILES = (
    "camera.js", "controls.js", "payload.js", "resources.js", "targets.js", "runtime.js",
    "standalone.js", "follow.js", "pynumbers.js", "locators.js", "formatters.js", "dates.js",
    "ticker.js", "mathtext.js", "texts.js", "axes.js",
)


def runtime_source() -> str:
    """The page runtime's JavaScript: lumos/web's files, in load order, as one script."""
    return "\n".join((_WEB / name).read_text(encoding="utf-8") for name in RUNTIME_FILES)


_packed_runtime: tuple[str, str] | None = None


def _runtime_payload() -> str:
    """The runtime deflated and base64-encoded (a page inflates it before anything
    else: the runtime is most of a small page's bytes); made once per source."""
    global _packed_runtime
    source = runtime_source()
    if _packed_runtime is None or _packed_runtime[0] != source:
        packed = base64.b64encode(zlib.compress(source.encode("utf-8"), 9)).decode("ascii")
        _packed_runtime = (source, packed)
    return _packed_runtime[1]


# The one plain script of a page: inflate the runtime (base64 of deflate) with the
# browser's DecompressionStream, run it as an inline script, then draw.
_BOOT = """(async () => {
  try {
    const text = document.getElementById("lumos-runtime").textContent.trim();
    const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    const script = document.createElement("script");
    script.textContent = await new Response(stream).text();
    document.body.appendChild(script);
  } catch (err) {
    window.lumos = { error: String(err) };
    const pre = document.createElement("pre");
    pre.textContent = "lumos could not start this page (it needs Chrome 80, Firefox 113, " +
      "Safari 16.4 or later):\\n" + err;
    document.body.appendChild(pre);
    return;
  }
  lumos.mountStandalone();
})();"""


# Nothing may be fetched: inline script and style only, images only from data: URLs.
_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:"
)

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:,">
<style>
html,body{{margin:0;padding:0;overflow:hidden;background:{background}}}
canvas{{display:block}}
</style>
</head>
<body>
<canvas id="lumos-canvas" width="{w}" height="{h}" style="width:{css_w}px;height:{css_h}px">
</canvas>
<script type="application/json" id="lumos-options">{options}</script>
<script type="application/octet-stream" id="lumos-frame" data-encoding="deflate">{frame}</script>
<script type="application/octet-stream" id="lumos-runtime"
 data-encoding="deflate">{runtime}</script>
<script>
{boot}
</script>
</body>
</html>
"""


def _script_safe_json(text: str) -> str:
    # JSON allows \\u escapes in strings and has these characters nowhere else, so
    # "</script>" or "<!--" in a title or a shader comment cannot end the script tag.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _css_color(rgba) -> str:
    r, g, b, a = (min(max(float(c), 0.0), 1.0) for c in rgba)
    return f"rgba({round(r * 255)},{round(g * 255)},{round(b * 255)},{a:.4g})"


def _number(v: float) -> str:
    return f"{v:.6g}"


_HEADER = struct.Struct("<4sI")  # magic, JSON length in bytes
_MAGIC = b"LMF1"


def pack_payload(desc: dict, blob: bytes = b"", level: int = 6) -> bytes:
    """A JSON description and its binary blob as one deflated payload: an 8-byte
    header (b"LMF1", JSON length as uint32 LE), the JSON (UTF-8), zeros up to a
    multiple of 8, then the blob its ``{offset, nbytes}`` references index; all
    zlib-compressed at ``level``. The page and the notebook widget read it with
    ``lumos.unpackPayload`` (payload.js)."""
    text = json.dumps(desc, separators=(",", ":"), allow_nan=False).encode("utf-8")
    head = _HEADER.pack(_MAGIC, len(text)) + text
    head += b"\0" * (-len(head) % 8)
    return zlib.compress(head + bytes(blob), level)


def unpack_payload(payload: bytes) -> tuple[dict, bytes]:
    """(description, blob) from :func:`pack_payload`'s bytes."""
    raw = zlib.decompress(payload)
    magic, n = _HEADER.unpack_from(raw)
    if magic != _MAGIC:
        raise ValueError(f"payload: got magic {magic!r}, expected {_MAGIC!r}")
    start = _HEADER.size + n
    return json.loads(raw[_HEADER.size:start]), raw[start + (-start % 8):]


def pack_frame(frame: Frame, level: int = 9) -> bytes:
    """The frame (``Frame.to_json()``) as a :func:`pack_payload` payload."""
    desc, blob = frame.to_json()
    return pack_payload(desc, blob, level)


def frame_to_html(frame: Frame, title: str = "lumos") -> str:
    """The frame as one self-contained HTML page (runtime and data inlined)."""
    if not isinstance(frame, Frame):
        raise TypeError(f"frame: got {type(frame).__name__}, expected lumos.gpu.Frame")
    if not isinstance(title, str):
        raise TypeError(f"title: got {type(title).__name__}, expected str")
    w, h = (int(v) for v in frame.size)
    ratio = float(frame.pixel_ratio) or 1.0
    return _PAGE.format(
        csp=_CSP,
        title=html.escape(title, quote=True),
        background=_css_color(frame.clear_color),
        w=w, h=h, css_w=_number(w / ratio), css_h=_number(h / ratio),
        options=_script_safe_json(json.dumps({"title": title})),
        # base64 has no "<", ">" or "&": nothing in it can end or confuse the element
        frame=base64.b64encode(pack_frame(frame)).decode("ascii"),
        runtime=_runtime_payload(),  # base64 too: nothing in it can end the element
        boot=_BOOT,
    )


def save_html(frame: Frame, path, title: str = "lumos") -> Path:
    """Write ``frame_to_html(frame, title)`` to ``path`` (UTF-8) atomically: a page that
    cannot be written whole (a title that is not valid Unicode, a full disk, Ctrl-C)
    leaves the previous file. Returns the path."""
    return write_text(path, frame_to_html(frame, title=title), encoding="utf-8")


def _save_canvas(canvas, path, dpi: float | None = None) -> Path:
    return save_html(canvas.frame(follow=True), path, title=canvas.title)


register_writer((".html", ".htm"), _save_canvas)
