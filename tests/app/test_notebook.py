"""The notebook widget in headless Chromium with a stub kernel.

The page imports the widget's ES module and renders two widgets with fake models
(get/set/on/off/send/save_changes). Messages from the page go to the Python widgets'
handlers; what the Python widgets send is delivered to the page, binary buffer and
all, as a kernel would.
"""

from __future__ import annotations

import base64
import json
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from lumos.app import notebook
from lumos.plot.figure import Figure

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import browser  # noqa: E402

pytestmark = pytest.mark.browser

_SETUP = """
(async () => {
  window.__msgs = [];
  window.__models = [];
  const src = %s;
  const url = URL.createObjectURL(new Blob([src], { type: "text/javascript" }));
  const mod = await import(url);
  document.body.style.margin = "0";
  for (let k = 0; k < %d; k++) {
    const handlers = new Set();
    const model = {
      get() { return undefined; }, set() {}, save_changes() {},
      on(name, cb) { if (name === "msg:custom") handlers.add(cb); },
      off(name, cb) { handlers.delete(cb); },
      send(content) { window.__msgs.push([k, JSON.parse(JSON.stringify(content))]); },
      deliver(msg, buffers) { for (const h of handlers) h(msg, buffers); },
    };
    const el = document.createElement("div");
    document.body.appendChild(el);
    mod.default.render({ model, el });
    window.__models.push(model);
  }
  return "ok";
})()
"""

# one more widget view, as a reloaded page makes (model 2 stands for widget 1's model)
_SETUP_ONE = """
(async () => {
  const src = %s;
  const url = URL.createObjectURL(new Blob([src], { type: "text/javascript" }));
  const mod = await import(url);
  const handlers = new Set();
  const model = {
    get() { return undefined; }, set() {}, save_changes() {},
    on(name, cb) { if (name === "msg:custom") handlers.add(cb); },
    off(name, cb) { handlers.delete(cb); },
    send(content) {},
    deliver(msg, buffers) { for (const h of handlers) h(msg, buffers); },
  };
  const el = document.createElement("div");
  document.body.appendChild(el);
  mod.default.render({ model, el });
  window.__models.push(model);
  return "ok";
})()
"""

# delivers one kernel message; resolves once every widget view has drawn what it got
# (kernel messages are deflated: the views inflate them asynchronously, in order)
_DELIVER = """
(async () => {
  const bin = atob(%s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  window.__models[%d].deliver(%s, [new DataView(bytes.buffer)]);
  for (const el of document.querySelectorAll("div")) if (el.lumosPending) await el.lumosPending();
  return "ok";
})()
"""


def make_figure(shift: float = 0.0) -> Figure:
    fig = Figure(figsize=(3, 2), dpi=100)
    ax = fig.subplot(0, 0)
    x = np.linspace(0, 6, 200)
    ax.plot(x, np.sin(x + shift), lw=2)
    return fig


class Page:
    """Chromium with the widgets' page, and the Python widgets as its kernel."""

    def __init__(self, b: browser.Chromium, widgets) -> None:
        self.b, self.widgets = b, widgets
        self.outbox: list[tuple[int, dict, bytes]] = []
        for k, w in enumerate(widgets):
            w.send = self._sender(k)
        b.evaluate(_SETUP % (json.dumps(notebook.esm_source()), len(widgets)))
        self.pump()

    def _sender(self, k: int):
        def send(content, buffers=None):
            self.outbox.append((k, content, bytes(buffers[0]) if buffers else b""))

        return send

    def pump(self, rounds: int = 3) -> None:
        """Carry messages both ways until nothing moves."""
        for _ in range(rounds):
            msgs = self.b.evaluate("window.__msgs.splice(0)")
            for k, content in msgs:
                self.widgets[k]._on_message(self.widgets[k], content, [])
            out, self.outbox = self.outbox, []
            for k, content, blob in out:
                self.b.evaluate(_DELIVER % (json.dumps(base64.b64encode(blob).decode()), k,
                                            json.dumps(content)))
            if not msgs and not out:
                break
        self.b.check_errors()

    def shot(self, k: int) -> np.ndarray:
        img = self.b.capture()
        return img[200 * k: 200 * (k + 1), :300]


@pytest.fixture
def page():
    figs = [make_figure(0.0), make_figure(1.0)]
    widgets = [notebook.widget_class()(f) for f in figs]
    with browser.Chromium((300, 400)) as b:
        p = Page(b, widgets)
        yield p, figs, widgets


def diff(a, b) -> float:
    return float(np.abs(a[..., :3].astype(int) - b[..., :3].astype(int)).mean())


def test_both_widgets_draw_the_python_picture(page):
    p, figs, widgets = page
    assert all(w.ready for w in widgets)
    first = [c for c, _ in widgets[0].sent if c["type"] == "frame"]
    assert len(first) == 1  # the frame went once, with its binary buffer
    for k in (0, 1):
        assert diff(p.shot(k), figs[k].render()) < 1.5


def test_drag_moves_one_widget_and_the_kernel_refreshes_ticks(page):
    p, figs, widgets = page
    other_before = p.shot(1)
    ax = figs[0].axes[0]
    x_lim = ax.get_xlim()
    before = p.shot(0)
    p.b.drag(150, 100, 110, 100)  # 40 px to the left
    dragged = p.shot(0)
    assert diff(dragged, before) > 1
    assert diff(p.shot(1), other_before) == 0  # the other widget did not move
    time.sleep(0.3)  # the debounced view message
    p.pump()
    dx = 40 / ax.view.rect[2] * np.ptp(x_lim)
    # the browser works on whole physical pixels: within a pixel of the exact move
    np.testing.assert_allclose(ax.get_xlim(), np.add(x_lim, dx), atol=np.ptp(x_lim) / 300)
    update = widgets[0].sent[-1][0]
    assert update["type"] == "update" and update["update"].get("buffers")  # new ticks
    assert "views" not in update["update"]  # the page has the camera it reported
    # the page now shows what Python renders for the new limits (ticks included)
    assert diff(p.shot(0), figs[0].render()) < 1.5
    assert not widgets[0].errors


def test_python_set_data_reaches_the_page(page):
    p, figs, widgets = page
    line = figs[1].axes[0].get_lines()[0]
    before = p.shot(1)
    line.set_ydata(np.cos(np.linspace(0, 6, 200)) * 0.5)
    widgets[1].sync()
    msg, nbytes = widgets[1].sent[-1]
    assert msg["type"] == "update" and msg["update"].get("buffers")
    assert nbytes < 40_000  # the changed data, not the whole frame again
    p.pump()
    after = p.shot(1)
    assert diff(after, before) > 1
    assert diff(after, figs[1].render()) < 1.5



def test_a_few_changed_points_send_only_their_rows(page):
    """Ten points of a line change: the update holds their ten rows of the line's
    buffer only. A page's frame (follow=True) draws lines by instancing from that
    buffer, not from the row texture of joined runs: no texture is sent."""
    p, figs, widgets = page
    line = figs[1].axes[0].get_lines()[0]
    line.ydata[50:60] = 0.5
    widgets[1].sync()
    msg, _ = widgets[1].sent[-1]
    update = msg["update"]
    assert [r["data"]["nbytes"] for e in update["buffers"].values() for r in e["ranges"]] \
        == [10 * 16]
    assert "textures" not in update
    p.pump()
    assert diff(p.shot(1), figs[1].render()) < 1.5


def test_a_texel_run_is_sent_as_its_texels():
    """A texture's changed texels go to the page as a flat texel range (the page
    writes it as at most three rectangles: tests/web/test_web_executor.py)."""
    from lumos.gpu import Draw, Frame, Program, Texture

    tex = Texture(np.zeros((3, 1024, 4), np.float32), filter="nearest")
    frame = Frame(size=(10, 10))
    frame.draws.append(Draw(program=Program("void main() {}", "void main() {}"), view="v",
                            mode="triangles", count=0, textures={"u_points": tex}))
    sync = notebook.FrameSync()
    sync.update(frame)  # the page has the frame
    values = np.arange(12, dtype=np.float32).reshape(3, 4)
    tex.update_texels(1022, values)  # the end of row 0, the start of row 1
    msg, blob = sync.update(frame)
    (entry,) = msg["textures"].values()
    ((r,),) = [entry["ranges"]]
    assert r["texel"] == 1022 and r["data"]["nbytes"] == values.nbytes
    start = r["data"]["offset"]
    assert np.frombuffer(blob[start : start + values.nbytes], np.float32).tolist() \
        == values.ravel().tolist()


def test_a_new_device_pixel_ratio_gets_a_frame_at_that_ratio(page):
    """The window moves to a screen of ratio 2 (matchMedia's resolution query changes):
    each view asks its kernel again, which sends a frame drawn at ratio 2; the canvas
    keeps its CSS size with twice the pixels, and shows Python's picture at dpi 200."""
    p, figs, widgets = page
    p.b.page("Emulation.setDeviceMetricsOverride", {
        "width": 300, "height": 400, "deviceScaleFactor": 2, "mobile": False})
    p.b.capture()  # a rendering update: the query's change event comes with it
    p.pump()
    assert [w.pixel_ratio for w in widgets] == [2.0, 2.0]
    sizes = p.b.evaluate("Array.from(document.querySelectorAll('canvas'), "
                         "(c) => [c.width, c.height, c.clientWidth, c.clientHeight])")
    assert sizes == [[600, 400, 300, 200]] * 2
    img = p.b.capture()
    for k in (0, 1):
        assert diff(img[400 * k: 400 * (k + 1), :600], figs[k].render(dpi=200)) < 1.5
    assert not any(w.errors for w in widgets)

def test_repr_mimebundle_is_the_widget():
    fig = make_figure()
    bundle = fig._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "image/png" in bundle


def test_nothing_changed_sends_nothing(page):
    """Every widget used to get a do-nothing update of ~8.5 KB after every cell and
    comm message; now an up-to-date page gets no message at all."""
    p, figs, widgets = page
    counts = [len(w.sent) for w in widgets]
    notebook.sync_all()
    widgets[0].sync()
    assert [len(w.sent) for w in widgets] == counts
    figs[0].axes[0].set_title("changed")
    notebook.sync_all()
    assert [len(w.sent) for w in widgets] == [counts[0] + 1, counts[1]]
    p.pump()
    stats = p.b.evaluate("Array.from(document.querySelectorAll('div'), "
                         "(el) => el.lumosStats).filter(Boolean)")
    assert [s["updates"] for s in stats] == [1, 0]
    assert diff(p.shot(0), figs[0].render()) < 1.5


def test_update_before_frame_is_skipped_as_after_a_reload(page):
    """A reloaded page's fresh view gets updates meant for the old page before the
    frame its "ready" asked for: it skips them (it used to throw "Cannot set
    properties of null (setting 'size')") and draws the frame."""
    p, figs, widgets = page
    figs[1].axes[0].set_title("after reload")
    msg, blob = widgets[1].sync_state.update(widgets[1]._frame())
    p.b.evaluate(_SETUP_ONE % json.dumps(notebook.esm_source()))
    p.b.evaluate(_DELIVER % (json.dumps(base64.b64encode(blob).decode()), 2,
                             json.dumps({"type": "update", "update": msg})))
    widgets[1]._on_message(widgets[1], {"type": "ready", "pixel_ratio": 1}, [])
    content, blob = p.outbox[-1][1:]
    p.outbox.clear()
    p.b.evaluate(_DELIVER % (json.dumps(base64.b64encode(blob).decode()), 2,
                             json.dumps(content)))
    p.b.check_errors()
    stats = p.b.evaluate("document.body.lastChild.lumosStats")
    assert stats["skipped"] == 1 and stats["messages"] == 2
    pixels = p.b.evaluate("Array.from(document.body.lastChild.lumosRenderer.readPixels())")
    img = np.asarray(pixels, np.uint8).reshape(200, 300, 4)  # below the viewport: read GL
    assert diff(img, figs[1].render()) < 1.5


def test_static_picture_is_emptied_when_a_page_draws_the_widget():
    fig = make_figure()
    bundle, w = notebook._widget_bundle(fig)
    assert bundle["image/png"] == w.figure_png

    class Handle:
        updated = None

        def update(self, obj, raw=False):
            self.updated = (obj, raw)

    w.static_output = handle = Handle()
    w.send = lambda content, buffers=None: None
    w._on_message(w, {"type": "ready", "pixel_ratio": 1}, [])
    assert handle.updated == ({"text/plain": ""}, True) and w.static_output is None


def test_render_targets_are_sent_when_they_change_only():
    """A line with a clip path draws through a render target (its clip group): the
    target table goes with the first frame and again only when it changes, not with
    every sync."""
    fig = make_figure()
    line = fig.axes[0].get_lines()[0]
    sync = notebook.FrameSync()
    from lumos.app.interaction import as_scene

    scene = as_scene(fig)

    def frame():
        scene.resize(300, 200, 1.0)
        return scene.frame(follow=True)

    sync.full(frame())
    assert sync.update(frame()) is None
    from lumos.plot.patch_shapes import Circle

    line.set_clip_path(Circle((3, 0), 1.5, transform=fig.axes[0].transData))
    msg, _ = sync.update(frame())
    assert list(msg["targets"]) and all(t["size"] == "view" for t in msg["targets"].values())
    assert sync.update(frame()) is None
    line.set_clip_path(None)
    msg, _ = sync.update(frame())
    assert msg["targets"] == {}  # the page frees the target


def test_a_slider_dragged_on_the_page_moves_in_the_kernel():
    """The page sends mouse events to the kernel's mpl_connect callbacks: a Slider
    dragged in the browser takes the value under the mouse and the page shows it."""
    from lumos.widgets import Slider

    fig = Figure(figsize=(3, 2), dpi=100)
    ax = fig.add_axes((0.2, 0.4, 0.6, 0.2))
    slider = Slider(ax, "f", 0, 10, valinit=2)
    seen = []
    slider.on_changed(seen.append)
    widget = notebook.widget_class()(fig)
    with browser.Chromium((300, 400)) as b:
        p = Page(b, [widget])
        x0, _ = ax.transData.transform((2, 0.5))
        x1, _ = ax.transData.transform((7, 0.5))
        y = 100  # the middle of the slider's axes, from the top
        before = p.shot(0)
        p.b.drag(float(x0), y, float(x1), y)
        time.sleep(0.2)  # moves go once an animation frame
        p.pump(6)
        assert seen and slider.val == pytest.approx(7, abs=0.1)
        assert ax.get_xlim() == (0, 10)  # the page did not pan the slider's axes
        assert diff(p.shot(0), before) > 0.1
        assert diff(p.shot(0), fig.render()) < 1.5
        assert not widget.errors
        told = [c["moves"] for c, _ in widget.sent if c["type"] == "input"]
        assert told == [True]  # the slider listens to moves: the page sends them


def test_page_keys_and_crossings_reach_the_kernel(page):
    """keydown and keyup on the widget's canvas become matplotlib's key_press_event
    and key_release_event in the kernel, pointerenter and pointerleave its
    figure_enter_event and figure_leave_event (the page's message path)."""
    p, figs, widgets = page
    got = []
    for name in ("key_press_event", "key_release_event"):
        figs[0].canvas.mpl_connect(name, lambda e: got.append((e.name, e.key)))
    p.b.evaluate("""(() => {
      const c = document.querySelectorAll("canvas")[0];
      for (const type of ["keydown", "keyup"])
        c.dispatchEvent(new KeyboardEvent(type, {key: "q", ctrlKey: true}));
      c.dispatchEvent(new KeyboardEvent("keydown", {key: "Control", ctrlKey: true}));
      c.dispatchEvent(new KeyboardEvent("keyup", {key: "Meta"}));
      const b = c.getBoundingClientRect();
      for (const type of ["pointerenter", "pointerleave"])
        c.dispatchEvent(new PointerEvent(type, {clientX: b.left + 150, clientY: b.top + 100}));
      return "ok"; })()""")
    for name in ("figure_enter_event", "figure_leave_event"):
        figs[0].canvas.mpl_connect(name, lambda e: got.append((e.name, e.inaxes is not None)))
    p.pump()
    assert got == [("key_press_event", "ctrl+q"), ("key_release_event", "ctrl+q"),
                   ("key_press_event", "control"), ("key_release_event", "super"),
                   ("figure_enter_event", True), ("figure_leave_event", False)]
    assert not widgets[0].errors


def test_legend_picking_example_and_a_legend_drag_in_the_page():
    """matplotlib's legend_picking.py in the page: a click on a legend line toggles
    the line in the kernel, and the page shows it; a drag that starts on the
    (draggable) legend moves the legend and pans nothing under it (the page, which
    pans by itself, was told the legend's box)."""
    import lumos.pyplot as plt
    from tests.clicks import legend_picking, middle, toggle_legend_lines

    fig, ax, leg, lines = legend_picking(plt)
    widget = notebook.widget_class()(fig)
    try:
        with browser.Chromium((400, 300)) as b:
            p = Page(b, [widget])
            h = fig.canvas.size[1]

            def click(x, y):
                b.mouse("mouseMoved", x, y)
                b.mouse("mousePressed", x, y, button="left", buttons=1, clickCount=1)
                b.mouse("mouseReleased", x, y, button="left", buttons=0, clickCount=1)
                p.pump()

            toggle_legend_lines(fig, ax, leg, lines, click)
            assert diff(b.capture()[:300, :400], fig.render()) < 1.5

            x_lim, box = ax.get_xlim(), leg.get_window_extent()
            x, y = middle(leg.get_texts()[0].get_window_extent(), h)
            b.drag(x, y, x - 60, y + 40)
            time.sleep(0.3)  # moves go once an animation frame; views debounced
            p.pump(6)
            moved = leg.get_window_extent()
            assert (moved.x0 - box.x0, moved.y0 - box.y0) == pytest.approx((-60, -40), abs=2)
            assert ax.get_xlim() == x_lim  # the page panned nothing
            assert [ln.get_visible() for ln in lines] == [False, True]
            assert diff(b.capture()[:300, :400], fig.render()) < 1.5
            assert not widget.errors
    finally:
        plt.close(fig)
