"""Headless Chromium for tests: screenshots of HTML exports and mouse interaction.

Chromium is driven through the DevTools protocol over ``--remote-debugging-pipe``
(file descriptors 3 and 4), so no websocket package is needed. The plain
``--screenshot`` switch is not used: in new headless mode ``--window-size`` includes
invisible browser chrome and is at least 500 px wide, so the page did not get the
asked-for size; ``Emulation.setDeviceMetricsOverride`` gives it exactly. The window
itself is at least 800 x 600: in a smaller one, Page.captureScreenshot never answers
once a WebGL canvas has changed after the first paint (pages that inflate their data
draw after it).
"""

from __future__ import annotations

import base64
import io
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

OUTPUT = Path(__file__).parent / "output"

# DESIGN.md "Environment facts": WebGL2 on SwiftShader, nothing reaches the network.
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader", "--no-first-run", "--disable-quic",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# Resolves once the standalone page drew its first frame (or failed), two animation
# frames later so that the compositor has the picture.
_WAIT_DRAWN = """
new Promise((resolve) => {
  const t0 = performance.now();
  const poll = () => {
    const l = window.lumos;
    if (l && l.error) return resolve("error: " + l.error);
    if (l && l.standalone && l.standalone.frameCount > 0) {
      return requestAnimationFrame(() => requestAnimationFrame(() => resolve("ok")));
    }
    if (performance.now() - t0 > 20000) return resolve("error: no frame drawn in 20 s");
    setTimeout(poll, 10);
  };
  poll();
})
"""

_WAIT_IDLE = "new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r('ok'))))"


class BrowserError(RuntimeError):
    """Chromium is missing, failed, or the page reported an error."""


def find_chromium() -> str:
    """The Chromium executable; fails (never skips) with what to install."""
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    if os.path.exists("/usr/bin/chromium"):
        return "/usr/bin/chromium"
    raise BrowserError(
        "headless Chromium is needed for the browser tests but was not found "
        "(`make test` installs it: Debian packages chromium and chromium-driver)"
    )


class Chromium:
    """One headless Chromium with one page, talked to over the DevTools pipe."""

    def __init__(self, size: tuple[int, int], scale: float = 1.0, timeout: float = 120.0):
        exe = find_chromium()
        self.deadline = time.monotonic() + timeout
        self.size = (int(size[0]), int(size[1]))
        self.profile = tempfile.mkdtemp(prefix="lumos-chromium-")
        self._log = open(os.path.join(self.profile, "chromium.log"), "wb")  # noqa: SIM115
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        # The child finds the pipe on fds 3 (commands in) and 4 (replies out).
        hi_r, hi_w = os.dup(to_child_r), os.dup(from_child_w)

        def remap():
            os.dup2(hi_r, 3)
            os.dup2(hi_w, 4)

        args = [
            exe, *FLAGS, f"--user-data-dir={self.profile}",
            f"--window-size={max(self.size[0], 800)},{max(self.size[1], 600)}",
            "--hide-scrollbars",
            f"--force-device-scale-factor={scale:g}", "--remote-debugging-pipe",
            "about:blank",
        ]
        self.proc = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log,
            # close_fds would run after remap() and close 3 and 4; the other fds of this
            # process are not inheritable anyway (PEP 446).
            preexec_fn=remap, close_fds=False,
        )
        for fd in (to_child_r, from_child_w, hi_r, hi_w):
            os.close(fd)
        self._next_id = 0
        self._replies: queue.Queue = queue.Queue()
        self.events: list[dict] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        try:
            self._attach(scale)
        except BaseException:
            self.close()
            raise

    # -- protocol --------------------------------------------------------------------
    def _read(self) -> None:
        buf = b""
        while True:
            try:
                chunk = os.read(self._from_child, 1 << 20)
            except OSError:
                chunk = b""
            if not chunk:
                self._replies.put(None)
                return
            buf += chunk
            *messages, buf = buf.split(b"\0")
            for m in messages:
                self._replies.put(json.loads(m))

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """Send one command and wait for its reply (events are kept in ``events``)."""
        self._next_id += 1
        msg = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to_child, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._get()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def _get(self) -> dict:
        left = self.deadline - time.monotonic()
        try:
            reply = self._replies.get(timeout=max(left, 0.01))
        except queue.Empty:
            raise BrowserError(f"Chromium did not answer in time\n{self.log_tail()}") from None
        if reply is None:
            raise BrowserError(f"Chromium exited\n{self.log_tail()}")
        return reply

    def page(self, method: str, params: dict | None = None) -> dict:
        return self.send(method, params, self.session)

    def log_tail(self, n: int = 4000) -> str:
        try:
            text = Path(self.profile, "chromium.log").read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(line for line in text.splitlines() if "dbus" not in line)[-n:]

    def _attach(self, scale: float) -> None:
        targets = self.send("Target.getTargets")["targetInfos"]
        pages = [t for t in targets if t["type"] == "page"]
        target = pages[0]["targetId"] if pages else self.send(
            "Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send(
            "Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.page("Page.enable")
        self.page("Runtime.enable")
        w, h = self.size
        self.page("Emulation.setDeviceMetricsOverride", {
            "width": w, "height": h, "deviceScaleFactor": scale, "mobile": False})

    # -- page ------------------------------------------------------------------------
    def open(self, html_path) -> None:
        """Load a standalone lumos page and wait until it has drawn."""
        url = Path(html_path).resolve().as_uri()
        self.events.clear()
        self.page("Page.navigate", {"url": url})
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self._get())
        status = self.evaluate(_WAIT_DRAWN)
        if status != "ok":
            raise BrowserError(f"{html_path}: {status}\n{self.errors()}")
        self.check_errors()

    def load(self, path) -> None:
        """Load any local document (an SVG, a page) and wait for its load event."""
        url = Path(path).resolve().as_uri()
        self.events.clear()
        self.page("Page.navigate", {"url": url})
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self._get())

    def evaluate(self, expression: str):
        """Evaluate JavaScript in the page (promises are awaited); return its value."""
        r = self.page("Runtime.evaluate", {
            "expression": expression, "awaitPromise": True, "returnByValue": True})
        if "exceptionDetails" in r:
            raise BrowserError(f"JavaScript error: {r['exceptionDetails']}")
        return r["result"].get("value")

    def errors(self) -> str:
        """Uncaught exceptions and console.error output seen so far."""
        out = []
        for e in self.events:
            p = e.get("params", {})
            if e.get("method") == "Runtime.exceptionThrown":
                out.append(json.dumps(p.get("exceptionDetails", {}))[:2000])
            elif e.get("method") == "Runtime.consoleAPICalled" and p.get("type") == "error":
                out.append(" ".join(str(a.get("value", a.get("description", "")))
                                    for a in p.get("args", [])))
        return "\n".join(out)

    def check_errors(self) -> None:
        errors = self.errors()
        if errors:
            raise BrowserError(f"the page reported errors:\n{errors}")

    def mouse(self, kind: str, x: float, y: float, **extra) -> None:
        self.page("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, **extra})

    def drag(self, x0, y0, x1, y1, steps: int = 8, shift: bool = False) -> None:
        """Left-button drag in CSS pixels, in ``steps`` moves."""
        mods = 8 if shift else 0
        self.mouse("mouseMoved", x0, y0, modifiers=mods)
        self.mouse("mousePressed", x0, y0, button="left", buttons=1, clickCount=1,
                   modifiers=mods)
        for i in range(1, steps + 1):
            t = i / steps
            self.mouse("mouseMoved", x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, button="left",
                       buttons=1, modifiers=mods)
        self.mouse("mouseReleased", x1, y1, button="left", buttons=0, clickCount=1,
                   modifiers=mods)

    def wheel(self, x, y, delta_y, modifiers: int = 0) -> None:
        """One wheel event; Chromium sends 100 pixels per notch (negative: zoom in).
        ``modifiers``: 2 holds Ctrl (x only in lumos), 8 Shift (y only)."""
        self.mouse("mouseWheel", x, y, deltaX=0, deltaY=delta_y, modifiers=modifiers)

    def dblclick(self, x, y) -> None:
        for count in (1, 2):
            self.mouse("mousePressed", x, y, button="left", buttons=1, clickCount=count)
            self.mouse("mouseReleased", x, y, button="left", buttons=0, clickCount=count)

    def capture(self) -> np.ndarray:
        """The page as an (h, w, 4) uint8 array, after two animation frames."""
        from PIL import Image

        self.evaluate(_WAIT_IDLE)
        self.check_errors()
        data = self.page("Page.captureScreenshot", {"format": "png"})["data"]
        img = Image.open(io.BytesIO(base64.b64decode(data))).convert("RGBA")
        return np.asarray(img).copy()

    def close(self) -> None:
        try:
            if self.proc.poll() is None:
                try:
                    os.write(self._to_child, json.dumps(
                        {"id": 10**9, "method": "Browser.close"}).encode() + b"\0")
                except OSError:
                    pass
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(timeout=10)
        finally:
            for fd in (self._to_child, self._from_child):
                try:
                    os.close(fd)
                except OSError:
                    pass
            self._log.close()
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _save_png(path, rgba: np.ndarray) -> None:
    from PIL import Image

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(np.ascontiguousarray(rgba)).save(path)


def screenshot(html_path, size, out_png=None, scale: float = 1.0,
               timeout: float = 120.0) -> np.ndarray:
    """Open ``html_path`` in headless Chromium with a ``size`` (CSS pixels) viewport;
    return the page as RGBA (and write it to ``out_png`` when given)."""
    return interact(html_path, size, [], out_png, scale=scale, timeout=timeout)


def interact(html_path, size, events, out_png=None, scale: float = 1.0,
             timeout: float = 120.0) -> np.ndarray:
    """Like ``screenshot`` after replaying mouse ``events`` (CSS pixels):
    ``("drag", x0, y0, x1, y1)``, ``("shift-drag", x0, y0, x1, y1)``,
    ``("wheel", x, y, delta_y)``, ``("dblclick", x, y)`` or ``("eval", javascript)``."""
    with Chromium(size, scale=scale, timeout=timeout) as browser:
        browser.open(html_path)
        for ev in events:
            kind, *args = ev
            if kind == "drag":
                browser.drag(*args)
            elif kind == "shift-drag":
                browser.drag(*args, shift=True)
            elif kind == "wheel":
                browser.wheel(*args)
            elif kind == "dblclick":
                browser.dblclick(*args)
            elif kind == "eval":
                browser.evaluate(args[0])
            else:
                raise ValueError(f"events: unknown event {kind!r}")
        img = browser.capture()
    if out_png is not None:
        _save_png(out_png, img)
    return img


def svg_size(svg_path) -> tuple[float, float]:
    """The width and height of an SVG file in CSS pixels (96 per inch)."""
    import re

    head = Path(svg_path).read_text(encoding="utf-8")[:2000]
    m = re.search(r'<svg[^>]*\bwidth="([\d.]+)(pt|px)?"[^>]*\bheight="([\d.]+)(pt|px)?"', head)
    if m is None:
        raise ValueError(f"{svg_path}: no width and height on the <svg> element")
    k = 96 / 72 if m.group(2) == "pt" else 1.0
    return float(m.group(1)) * k, float(m.group(3)) * k


def rasterize_svg(browser: Chromium, svg_path, width_px: int) -> np.ndarray:
    """The SVG drawn by Chromium (opened as a document) at ``width_px`` pixels wide:
    an (h, w, 4) array. ``browser`` must have been made with the SVG's CSS size and the
    scale ``width_px / css_width`` (see :func:`svg_browser`)."""
    browser.load(svg_path)
    return browser.capture()


def svg_browser(svg_path, width_px: int, timeout: float = 120.0) -> Chromium:
    """A Chromium whose page is the size of the SVG and whose pixels are
    ``width_px / css_width`` CSS pixels: screenshots are ``width_px`` wide."""
    w, h = svg_size(svg_path)
    return Chromium((round(w), round(h)), scale=width_px / w, timeout=timeout)


def image_difference(a: np.ndarray, b: np.ndarray) -> dict:
    """Mean absolute difference per channel (0..255, RGB) and the fraction of pixels
    with any channel off by more than 32."""
    if a.shape != b.shape:
        return {"shape": (a.shape, b.shape), "mean": float("inf"), "bad_fraction": 1.0}
    d = np.abs(a[..., :3].astype(np.int16) - b[..., :3].astype(np.int16))
    return {"mean": float(d.mean()), "max_channel_mean": float(d.mean(axis=(0, 1)).max()),
            "bad_fraction": float((d.max(axis=2) > 32).mean())}


def write_comparison(name: str, actual: np.ndarray, expected: np.ndarray) -> Path:
    """Write both images and a diff image (4x amplified, red) to tests/output/."""
    _save_png(OUTPUT / f"{name}.browser.png", actual)
    _save_png(OUTPUT / f"{name}.python.png", expected)
    if actual.shape == expected.shape:
        d = np.abs(actual[..., :3].astype(np.int16) - expected[..., :3].astype(np.int16))
        diff = np.zeros(actual.shape[:2] + (4,), np.uint8)
        diff[..., 0] = np.clip(d.max(axis=2) * 4, 0, 255)
        diff[..., 3] = 255
        _save_png(OUTPUT / f"{name}.diff.png", diff)
    return OUTPUT


def page_as_python(fig, tmp_path, name: str, mean: float = 1.0,
                   bad: float = 0.005) -> np.ndarray:
    """The page of ``fig`` saved as HTML and captured in Chromium, checked against
    Python's render of it (``mean`` difference and fraction of ``bad`` pixels below the
    bounds; both pictures go to tests/output/ when not): the page's RGBA pixels."""
    python = fig.render()
    html = fig.savefig(tmp_path / f"{name}.html")
    with Chromium(tuple(int(v) for v in fig.canvas.size)) as b:
        b.open(html)
        page = b.capture()
    diff = image_difference(page, python)
    if not (diff["mean"] < mean and diff["bad_fraction"] < bad):
        write_comparison(name, page, python)
    assert diff["mean"] < mean and diff["bad_fraction"] < bad, \
        f"page and Python pictures of {name} differ: {diff}"
    return page
