"""A Jupyter widget (anywidget) that runs ``lumos/web/runtime.js`` in the page.

The kernel sends the frame once (JSON plus one binary buffer); pan, zoom and rotate
run in the browser with the shared controllers. The page tells the kernel about view
changes (debounced); the kernel updates the figure (axes limits, level of detail,
tick labels) and answers with a partial update holding only what changed
(``Renderer.update``). ``sync()`` sends Python-side changes (``set_data``, streams);
in IPython it runs after every cell, and sends nothing when nothing changed.

Shown in IPython (``Figure._ipython_display_``), a figure is two outputs: the widget
(its bundle carries a PNG too) and a static PNG that viewers without a kernel show
(``jupyter nbconvert --execute``, which saves the widget's state and would otherwise
pick the widget and show an empty box offline). Once a live page has drawn the widget,
the kernel empties the static output, so a live notebook shows the figure once.

>>> fig._repr_mimebundle_()   # the widget when anywidget is installed, else a PNG
"""

from __future__ import annotations

import json
import sys

import numpy as np

from ..gpu.frame import Frame
from ..gpu.resources import Buffer, Program, Texture
from ..io.html import pack_payload, runtime_source
from ..plot.callbacks import front_end_loop
from ..plot.frontends import FrontEnd, register_frontend

# The glue: one canvas per widget (no element ids, so widgets never collide), the
# runtime's shared mouse/keyboard bindings, and the messages of FigureWidget.
_GLUE = r"""
const lumos = globalThis.lumos;
const DEBOUNCE_MS = 120;

function render({ model, el }) {
  const canvas = document.createElement("canvas");
  canvas.tabIndex = 0;
  canvas.style.display = "block";
  canvas.style.outline = "none";
  el.appendChild(canvas);
  const r = new lumos.Renderer(canvas, { interactive: false });
  r.kernel = true;  // what the page cannot recompute (Python's tickers), the kernel sends
  el.lumosRenderer = r;  // tests and debugging
  // what the kernel sent this view (tests and benchmarks count the bytes of a pan)
  // (and how many messages this view sent it: tests wait for the kernel to have them)
  const stats = el.lumosStats = { messages: 0, bytes: 0, updates: 0, skipped: 0, sent: 0 };
  const tell = (content) => {
    stats.sent++;
    model.send(content);
  };
  let timer = null, dirty = new Set(), sentPending = false, hasFrame = false;
  const send = () => {
    timer = null;
    const views = {};
    for (const id of dirty) views[id] = r.desc.views[id].camera;
    dirty = new Set();
    sentPending = false;
    tell({ type: "view", views });
  };
  // where a press belongs to the kernel (a draggable legend's box: CSS pixels from
  // the top left), the page starts no pan
  let grabs = [];
  const takes = (e) => {
    const b = canvas.getBoundingClientRect();
    const x = e.clientX - b.left, y = e.clientY - b.top;
    return grabs.some(([gx, gy, gw, gh]) => x >= gx && x < gx + gw && y >= gy && y < gy + gh);
  };
  // the same bindings as the standalone page; camera changes reach the kernel debounced
  const controls = lumos.attachControls(r, {
    takes,
    onChange: (ids) => {
      for (const id of ids) dirty.add(id);
      sentPending = true;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(send, DEBOUNCE_MS);
    },
  });

  const handle = (msg, blob) => {
    if (msg.type === "input") {
      wantsMoves = msg.moves;
      grabs = msg.grabs || [];
    } else if (msg.type === "frame") {
      hasFrame = true;
      const [w, h] = msg.frame.size;
      canvas.width = w; canvas.height = h;
      canvas.style.width = `${w / msg.frame.pixel_ratio}px`;
      canvas.style.height = `${h / msg.frame.pixel_ratio}px`;
      r.setFrame(msg.frame, blob);
      r.draw();
    } else if (msg.type === "update") {
      // A reloaded page's views get updates meant for the page before; the frame
      // their "ready" asks for follows and holds everything.
      if (!hasFrame) {
        stats.skipped++;
        return;
      }
      stats.updates++;
      const up = msg.update;
      // cameras moved here since the kernel's answer was made: keep them
      if (sentPending && up.views && r.desc) {
        for (const id of Object.keys(up.views)) {
          if (r.desc.views[id]) up.views[id].camera = r.desc.views[id].camera;
        }
      }
      if (up.size) {
        canvas.width = up.size[0]; canvas.height = up.size[1];
      }
      r.update(up, blob);
      r.draw();
    }
  };
  const report = (err) => {
    console.error(err);
    tell({ type: "error", error: String(err && err.stack ? err.stack : err) });
  };
  // Kernel messages come deflated ({packed: true} and a lumos.io.html.pack_payload
  // buffer); inflating is asynchronous, so a promise chain keeps them in order.
  let queue = Promise.resolve(), closed = false;
  el.lumosPending = () => queue;  // resolves once every message so far is drawn (tests)
  el.lumosIdle = () => timer === null;  // no camera change waits to be sent (tests)
  const onMsg = (content, buffers) => {
    const raw = buffers && buffers.length ? buffers[0] : new Uint8Array(0);
    stats.messages++;
    stats.bytes += JSON.stringify(content).length + (raw.byteLength || 0);
    queue = queue.then(async () => {
      const [msg, blob] = content.packed ? await lumos.unpackPayload(raw) : [content, raw];
      if (!closed) handle(msg, blob);
    }).catch(report);
  };
  // mouse and keys reach the kernel's mpl_connect callbacks (widgets); the page moves
  // the cameras itself. Moves go at most once an animation frame.
  const mods = (e) => ["shift", "ctrl", "alt", "meta"].filter((m) => e[`${m}Key`]);
  const pointer = (name, e) => {
    const b = canvas.getBoundingClientRect();
    tell({ type: "mouse", name, x: e.clientX - b.left, y: e.clientY - b.top,
                 button: e.button + 1, modifiers: mods(e) });
  };
  let lastMove = null, wantsMoves = false;
  const onDown = (e) => pointer("press", e), onUp = (e) => pointer("release", e);
  const onEnter = (e) => pointer("enter", e), onLeave = (e) => pointer("leave", e);
  const onMove = (e) => {
    if (!wantsMoves) return;
    if (lastMove === null) {
      requestAnimationFrame(() => { pointer("move", lastMove); lastMove = null; });
    }
    lastMove = e;
  };
  // matplotlib's names: "space", "left" (ArrowLeft), "super" (the Meta key alone)
  const keyName = (k) => k === " " ? "space" : k === "Meta" ? "super"
    : k.toLowerCase().replace(/^arrow/, "");
  const keyOf = (e, release) => tell({
    type: "key", key: keyName(e.key), release, modifiers: mods(e) });
  const onKey = (e) => keyOf(e, false), onKeyUp = (e) => keyOf(e, true);
  canvas.addEventListener("pointerdown", onDown);
  canvas.addEventListener("pointerup", onUp);
  canvas.addEventListener("pointermove", onMove);
  canvas.addEventListener("pointerenter", onEnter);
  canvas.addEventListener("pointerleave", onLeave);
  canvas.addEventListener("keydown", onKey);
  canvas.addEventListener("keyup", onKeyUp);
  model.on("msg:custom", onMsg);
  tell({ type: "ready", pixel_ratio: globalThis.devicePixelRatio || 1 });
  // the kernel draws at the screen's ratio: on another screen, a frame at the new one
  const unwatch = lumos.watchPixelRatio(
    (ratio) => tell({ type: "ready", pixel_ratio: ratio }));
  return () => {
    closed = true;
    unwatch();
    model.off("msg:custom", onMsg);
    canvas.removeEventListener("pointerdown", onDown);
    canvas.removeEventListener("pointerup", onUp);
    canvas.removeEventListener("pointermove", onMove);
    canvas.removeEventListener("pointerenter", onEnter);
    canvas.removeEventListener("pointerleave", onLeave);
    canvas.removeEventListener("keydown", onKey);
    canvas.removeEventListener("keyup", onKeyUp);
    controls.detach();
    if (timer !== null) clearTimeout(timer);
    const lose = r.gl.getExtension("WEBGL_lose_context");
    if (lose) lose.loseContext();
    canvas.remove();
  };
}

export default { render };
"""


def esm_source() -> str:
    """The widget's ES module: the page runtime inlined, then the glue."""
    return runtime_source() + "\n" + _GLUE


class FrameSync:
    """What the page holds (resource versions, program ids) and the partial update
    that brings it to a new frame."""

    _PLAIN = ("size", "pixel_ratio", "clear_color", "views", "draws", "records")

    def __init__(self) -> None:
        self.versions: dict[str, int] = {}
        self.programs: set[str] = set()
        self.targets: dict[str, dict] = {}  # the page's render targets, as it parsed them
        self.page: dict[str, object] = {}  # the page's size, views, draws, ...

    def full(self, frame: Frame) -> tuple[dict, bytes]:
        desc, blob = frame.to_json()
        self.versions = {rid: e["version"] for table in ("buffers", "textures")
                         for rid, e in desc[table].items()}
        self.programs = set(desc["programs"])
        self.targets = json.loads(json.dumps(desc.get("targets", {})))
        self.page = {k: json.loads(json.dumps(desc.get(k, {}))) for k in self._PLAIN}
        return desc, blob

    def note_cameras(self, cameras: dict) -> None:
        """The page moved these views' cameras ({view id: camera}): it has them."""
        views = self.page.get("views") or {}
        for vid, camera in cameras.items():
            if vid in views:
                views[vid]["camera"] = camera

    def update(self, frame: Frame) -> tuple[dict, bytes] | None:
        """What the page lacks: size, views and draws when they differ from the page's
        (only the draws that changed, as ``draw_changes``, when few did);
        buffers and textures whose version moved (only their changed ranges when the
        change log reaches back); programs when a new one appears. None when the page
        is up to date."""
        blob = bytearray()

        def put(raw: bytes) -> dict:
            blob.extend(b"\0" * ((-len(blob)) % 8))
            entry = {"offset": len(blob), "nbytes": len(raw)}
            blob.extend(raw)
            return entry

        now = json.loads(json.dumps({
            "size": [int(frame.size[0]), int(frame.size[1])],
            "pixel_ratio": float(frame.pixel_ratio),
            "clear_color": [float(c) for c in frame.clear_color],
            "views": {k: v.to_json() for k, v in frame.views.items()},
            "draws": [d.to_json() for d in frame.draws],
            "records": frame.to_json_records(),
        }))  # as the page parses it (tuples become lists)
        msg: dict = {k: v for k, v in now.items() if self.page.get(k) != v}
        old = self.page.get("draws")
        self.page.update(msg)
        if "draws" in msg and old is not None and len(old) == len(msg["draws"]):
            # a pan changes a few draws (tick counts and origins): send only those
            changed = {str(i): d for i, (a, d) in enumerate(zip(old, msg["draws"], strict=True))
                       if a != d}
            if len(changed) <= len(old) // 2:
                msg["draw_changes"] = changed
                del msg["draws"]
        buffers, textures, targets, programs = {}, {}, {}, {}
        for rid, r in frame.resources().items():
            if isinstance(r, Program):
                programs[rid] = {"vertex": r.vertex, "fragment": r.fragment}
            elif isinstance(r, (Buffer, Texture)):
                known = self.versions.get(rid)
                if known == r.version:
                    continue
                ranges = None if known is None else r.changes_since(known)
                if isinstance(r, Buffer):
                    if ranges is None:
                        buffers[rid] = {"version": r.version, "dtype": r.dtype,
                                        "nbytes": r.nbytes, "data": put(r.data.tobytes())}
                    else:
                        raw = r.data.reshape(-1).view(np.uint8)
                        buffers[rid] = {"version": r.version, "ranges": [
                            {"offset": a, "data": put(raw[a:b].tobytes())} for a, b in ranges]}
                else:
                    if ranges is None:
                        textures[rid] = {"version": r.version, "shape": list(r.shape),
                                         "components": r.components, "dtype": r.dtype,
                                         "filter": r.filter, "data": put(r.data.tobytes())}
                    else:
                        flat = r.data.reshape(-1, r.components)
                        textures[rid] = {"version": r.version, "ranges": [
                            {"texel": a, "data": put(flat[a:b].tobytes())} for a, b in ranges]}
                self.versions[rid] = r.version
            elif hasattr(r, "to_json"):  # render targets: small descriptions
                targets[rid] = json.loads(json.dumps(r.to_json()))
        if buffers:
            msg["buffers"] = buffers
        if textures:
            msg["textures"] = textures
        if targets != self.targets:  # replaces the page's table: send them all
            msg["targets"] = self.targets = targets
        if set(programs) - self.programs:
            msg["programs"] = programs  # replaces the page's table: send them all
            self.programs = set(programs)
        return (msg, bytes(blob)) if msg else None


_widget_class = None
_widgets: list = []


def widget_class():
    """The anywidget class (made on first use: importing anywidget is slow)."""
    global _widget_class
    if _widget_class is not None:
        return _widget_class
    import anywidget
    import traitlets

    class FigureWidget(anywidget.AnyWidget):
        """An interactive lumos figure or canvas in a notebook."""

        _esm = traitlets.Unicode(esm_source()).tag(sync=True)

        def __init__(self, target, **kwargs) -> None:
            super().__init__(**kwargs)
            from .interaction import Interaction, as_scene

            self.scene = as_scene(target)
            # the page moves cameras itself: mouse and keys only become events here
            self.interaction = Interaction(self.scene, navigates=False)
            self.sync_state = FrameSync()
            self.pixel_ratio = 1.0
            self.ready = False
            self.errors: list[str] = []
            self.sent: list[tuple[dict, int]] = []  # (message, bytes sent), for tests
            # messages sent and received in all (tests wait for both sides to have them)
            self.posts = self.received = 0
            # what the page was told: whether to send mouse moves, where presses are
            # the kernel's (press_regions)
            self._told: tuple = (False, [])
            self.static_output = None  # the static PNG's display handle, emptied on ready
            self.figure_png = None  # base64 PNG of the figure as first shown
            self.on_msg(self._on_message)
            _widgets.append(self)

        def _frame(self) -> Frame:
            w, h = self.scene.preferred_size()
            self.scene.resize(w, h, self.pixel_ratio)
            return self.scene.frame(follow=True)

        def _post(self, content: dict, blob: bytes) -> None:
            # one deflated buffer (JSON and blob): a frame shrinks about 4x, a pan 2x
            payload = pack_payload(content, blob)
            self.sent.append((content, len(payload)))
            self.posts += 1
            del self.sent[:-50]
            self.send({"packed": True}, buffers=[payload])

        def _on_message(self, _widget, content, buffers) -> None:
            self.received += 1
            with front_end_loop():  # the kernel's loop dispatches: callback errors logged
                self._dispatch(content)

        def _dispatch(self, content: dict) -> None:
            kind = content.get("type")
            if kind == "ready":
                self.pixel_ratio = float(content.get("pixel_ratio") or 1.0)
                desc, blob = self.sync_state.full(self._frame())
                self.ready = True
                self._told = (False, [])  # a new page sends no moves until told
                self._tell_input()
                self._post({"type": "frame", "frame": desc}, blob)
                if self.static_output is not None:  # a live page shows the widget
                    self.static_output.update({"text/plain": ""}, raw=True)
                    self.static_output = None
            elif kind == "view":
                canvas = self.scene.canvas
                cameras = content.get("views", {})
                for vid, camera in cameras.items():
                    index = int(vid[4:]) if vid.startswith("view") else -1
                    if 0 <= index < len(canvas.views):
                        self.scene.camera_changed(canvas.views[index], camera)
                self.sync_state.note_cameras(cameras)
                self.sync()
            elif kind in ("mouse", "key"):
                self._input(content)
            elif kind == "error":
                self.errors.append(str(content.get("error")))

        def _input(self, content: dict) -> None:
            """The page's mouse and keys, to mpl_connect callbacks (widgets), then what
            they changed to the page."""
            mods = frozenset(str(m) for m in content.get("modifiers", ()))
            if content["type"] == "key" and content.get("release"):
                self.interaction.key_release(str(content.get("key", "")), mods)
            elif content["type"] == "key":
                self.interaction.key(str(content.get("key", "")), mods)
            else:
                x, y = float(content.get("x", 0.0)), float(content.get("y", 0.0))
                name, button = content.get("name"), int(content.get("button", 1))
                if name == "press":
                    self.interaction.press(x, y, button, mods)
                elif name == "release":
                    self.interaction.release(x, y, button, mods)
                elif name == "move":
                    self.interaction.move(x, y, mods)
                elif name == "enter":
                    self.interaction.enter(x, y)
                elif name == "leave":
                    self.interaction.leave()
            self.sync()

        def _tell_input(self) -> None:
            """Mouse moves cross to the kernel only while something listens to them
            (a widget, an mpl_connect callback), and the page pans nowhere a press
            is the kernel's (a draggable legend): the page is told when they change."""
            now = (self.scene.canvas.events.has("mouse_move"),
                   [[round(float(v), 2) for v in r] for r in self.scene.press_regions()])
            if now != self._told:
                self._told = now
                self._post({"type": "input", "moves": now[0], "grabs": now[1]}, b"")

        def sync(self) -> None:
            """Send what changed since the page's last frame (set_data, new limits);
            nothing when nothing did."""
            if not self.ready:
                return
            found = self.sync_state.update(self._frame())
            self._tell_input()  # after the frame: the boxes where it was laid out
            if found is not None:
                msg, blob = found
                self._post({"type": "update", "update": msg}, blob)

    _widget_class = FigureWidget
    _register_post_execute()
    return FigureWidget


def sync_all(*_args) -> None:
    """Send every open widget's changes (IPython runs this after each cell and, in
    ipykernel, after each comm message too: widgets with no change send nothing)."""
    for w in list(_widgets):
        try:
            w.sync()
        except Exception:  # a closed comm: forget the widget
            _widgets.remove(w)


def _register_post_execute() -> None:
    """In IPython, run :func:`sync_all` after each cell."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    ip = get_ipython()
    if ip is None:
        return
    ip.events.register("post_execute", sync_all)


def has_anywidget() -> bool:
    import importlib.util

    return importlib.util.find_spec("anywidget") is not None


def mimebundle(fig, include=None, exclude=None) -> dict:
    """``Figure._repr_mimebundle_``: the widget's bundle with anywidget, else a PNG."""
    return _widget_bundle(fig, include, exclude)[0]


def _widget_bundle(fig, include=None, exclude=None) -> tuple[dict, object]:
    """(bundle, widget): the widget's bundle plus a PNG, or (a PNG, None) without
    anywidget or a kernel."""
    png = None
    if has_anywidget():
        try:
            w = widget_class()(fig)
            bundle = w._repr_mimebundle_(include=include, exclude=exclude)
            if isinstance(bundle, tuple):  # (data, metadata) from ipywidgets
                bundle = bundle[0]
            if bundle:
                bundle = dict(bundle)
                png = bundle.setdefault("image/png", _png_b64(fig))
                w.figure_png = png
                return bundle, w
        except Exception:  # no kernel / comm: fall back to a picture
            pass
    return {"image/png": png or _png_b64(fig)}, None


def ipython_display(fig) -> None:
    """``Figure._ipython_display_``: the widget (with a PNG in its bundle) and, for
    viewers without a kernel, a static PNG output that a live page empties."""
    from IPython.display import display

    bundle, widget = _widget_bundle(fig)
    display(bundle, raw=True)
    if widget is not None:
        static = {"image/png": widget.figure_png,
                  "text/plain": "<lumos figure: static picture>"}
        widget.static_output = display(static, raw=True, display_id=True)


def _png_b64(fig) -> str:
    import base64

    from ..io.png import encode_png

    return base64.b64encode(encode_png(fig.render())).decode("ascii")


def in_notebook() -> bool:
    """Whether Python runs in a Jupyter kernel (figures show inline there)."""
    ip = sys.modules.get("IPython")
    if ip is None or "ipykernel" not in sys.modules:
        return False
    shell = ip.get_ipython() if hasattr(ip, "get_ipython") else None
    return shell is not None and getattr(shell, "kernel", None) is not None


def _display(fig, block=None) -> None:
    from IPython.display import display

    display(fig)


def message_json(content: dict) -> str:
    """A message as the page receives it (tests replay kernel messages)."""
    return json.dumps(content, allow_nan=False)


register_frontend(FrontEnd("notebook", can_show=in_notebook, show=_display,
                           mimebundle=mimebundle, display=ipython_display))
