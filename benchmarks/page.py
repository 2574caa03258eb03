"""Standalone pages and the notebook widget: bytes and time to first frame.

    python benchmarks/page.py [--loads 3] [--json]

- Each gallery figure (examples/gallery/*.py) saved as standalone HTML: the file size,
  and the time to its first frame in headless Chromium (WebGL2 on SwiftShader, the
  flags of DESIGN.md): ``performance.now()`` when the first ``draw()`` returned, from
  navigation start (inflating the data, parsing, compiling shaders, uploading,
  drawing); the median of ``--loads`` loads in one browser.
- What follows the camera in the page (docs/frame.md, "Followers"): per gallery page
  the bytes its followers add (``follow_bytes``: the page minus the same page made
  without them: axes records with their glyph tables, the data and min/max pyramids of
  long lines); for a 10^6-point line, the page with and without them, and the time of a
  frame in the page (the runtime's followers plus the draw, ``gl.finish``-ed) per pan
  (10 % of the view) and per wheel zoom (one notch, toward 950x), median of 20 each,
  and the first run (decoding the pyramid).
- The notebook widget of the line gallery figure (``examples/gallery/lines.py``): the
  bytes the kernel sends for its first frame, and per pan (10 % of the view) and per
  wheel zoom (one notch, 1.1×) answered with new ticks, averaged over 10 of each
  (JSON plus binary buffers, what goes over the websocket before framing).
"""

from __future__ import annotations

import argparse
import json
import runpy
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GALLERY = ROOT / "examples" / "gallery"

_FIRST_FRAME = """
new Promise((resolve) => {
  const poll = () => {
    const l = window.lumos;
    if (l && l.error) return resolve(-1);
    if (l && l.firstFrameMs !== null && l.standalone) return resolve(l.firstFrameMs);
    setTimeout(poll, 5);
  };
  poll();
})
"""


def figure_of(script: Path, out: Path):
    """Run a gallery script (it saves ``out``); returns its current figure."""
    import lumos.pyplot as plt

    argv = sys.argv
    sys.argv = [str(script), str(out)]
    try:
        runpy.run_path(str(script), run_name="__main__")
    finally:
        sys.argv = argv
    return plt.gcf()


def pages(loads: int) -> list[dict]:
    sys.path.insert(0, str(ROOT / "tests"))
    import browser

    import lumos.pyplot as plt
    from lumos.io.html import frame_to_html

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for script in sorted(GALLERY.glob("*.py")):
            html = Path(tmp) / f"{script.stem}.html"
            fig = figure_of(script, html)
            try:
                plain = len(frame_to_html(fig.canvas.frame(follow=False)).encode("utf-8"))
            finally:
                plt.close("all")
            size = html.stat().st_size
            rows.append({"name": script.stem, "path": html, "bytes": size,
                         "follow_bytes": size - plain})
        with browser.Chromium((800, 600), timeout=600) as b:
            for row in rows:
                times = []
                for _ in range(loads):
                    b.events.clear()
                    b.page("Page.navigate", {"url": row["path"].resolve().as_uri()})
                    times.append(b.evaluate(_FIRST_FRAME))
                if min(times) < 0:
                    raise RuntimeError(f"{row['name']}: the page failed\n{b.errors()}")
                row["first_frame_ms"] = statistics.median(times)
                del row["path"]
    return rows


_FRAME_TIMES = """
(() => {
  const r = lumos.standalone;
  const d = r.desc.draws.find((d) => d.follow && d.follow.kind === "minmax");
  const cam = r.desc.views[d.view].camera;
  const frame = () => {
    const t0 = performance.now();
    r.draw();
    r.gl.finish();
    return performance.now() - t0;
  };
  const first = (() => { cam.rect = cam.rect.slice(); cam.rect[0] += 1e-9; return frame(); })();
  const pans = [], zooms = [];
  for (let i = 0; i < 20; i++) {  // back and forth: the data stays in view
    const step = (i % 2 ? -0.1 : 0.1) * cam.rect[2];
    cam.rect = [cam.rect[0] + step, cam.rect[1], cam.rect[2], cam.rect[3]];
    pans.push(frame());
  }
  for (let i = 0; i < 20; i++) {  // one notch about the middle, 1.1x in x
    const [x0, y0, w, h] = cam.rect;
    cam.rect = [x0 + w * (1 - 1 / 1.1) / 2, y0, w / 1.1, h];
    zooms.push(frame());
  }
  const median = (a) => a.slice().sort((p, q) => p - q)[a.length >> 1];
  return { first_ms: first, pan_ms: median(pans), zoom_ms: median(zooms),
           vertices: d.instances + 1 };
})()
"""


def big_line(points: int = 1_000_000) -> dict:
    """The page of a 10^6-point line: its size with and without followers (the data and
    the pyramid for the page's level of detail) and its frame times in the browser."""
    sys.path.insert(0, str(ROOT / "tests"))
    import browser
    import numpy as np

    import lumos
    from lumos.io.html import frame_to_html

    rng = np.random.default_rng(0)
    fig, ax = lumos.subplots(figsize=(8, 5), dpi=100)
    ax.plot(np.linspace(0, 1000, points), np.cumsum(rng.standard_normal(points)), lw=1)
    with tempfile.TemporaryDirectory() as tmp:
        html = fig.savefig(Path(tmp) / "big.html")
        plain = len(frame_to_html(fig.canvas.frame(follow=False)).encode("utf-8"))
        out = {"points": points, "bytes": html.stat().st_size, "bytes_without_followers": plain}
        with browser.Chromium((800, 500), timeout=600) as b:
            b.open(html)
            out.update(b.evaluate(_FRAME_TIMES))
    fig.close()
    return out


def notebook_traffic(moves: int = 10) -> dict:
    """Bytes the widget sends for the frame, per pan and per zoom (no browser: the
    page's view messages are fed to the widget as the kernel gets them)."""
    import lumos.pyplot as plt
    from lumos.app import notebook

    with tempfile.TemporaryDirectory() as tmp:
        fig = figure_of(GALLERY / "lines.py", Path(tmp) / "lines.png")
    widget = notebook.widget_class()(fig)
    sent: list[int] = []

    def send(content, buffers=None):
        sent.append(len(notebook.message_json(content)) + sum(len(b) for b in buffers or ()))

    widget.send = send
    widget._on_message(widget, {"type": "ready", "pixel_ratio": 1}, [])
    frame_bytes = sent[-1]
    vid = next(k for k, v in widget.sync_state.page["views"].items()
               if v["camera"].get("type") == "panzoom" and v["camera"].get("interactive", True))

    def move(change) -> int:
        camera = dict(widget.sync_state.page["views"][vid]["camera"])
        camera["rect"] = change(list(camera["rect"]))
        before = len(sent)
        widget._on_message(widget, {"type": "view", "views": {vid: camera}}, [])
        return sum(sent[before:])

    pan = [move(lambda r: [r[0] + 0.1 * r[2], r[1], r[2], r[3]]) for _ in range(moves)]
    zoom = [move(lambda r: [r[0] + 0.05 * r[2] / 1.1, r[1] + 0.05 * r[3] / 1.1,
                            r[2] / 1.1, r[3] / 1.1]) for _ in range(moves)]
    plt.close("all")
    return {"frame_bytes": frame_bytes, "pan_bytes": statistics.mean(pan),
            "zoom_bytes": statistics.mean(zoom), "moves": moves}


def run(loads: int = 3) -> dict:
    return {"pages": pages(loads), "big_line": big_line(), "notebook": notebook_traffic()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.loads)
    print(json.dumps(result) if args.json else json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
