"""The notebook widget in a real JupyterLab, driven by headless Chromium, and the
static picture ``jupyter nbconvert --execute --to html`` shows.

JupyterLab (the test extra installs it) listens on 127.0.0.1 on a free port with a
random token; its kernel imports this checkout's lumos. Settings, workspaces and
runtime files go to a temporary folder. Adds about 40 s to the suite (Lab start,
Chromium, two kernels, nbconvert).
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import browser  # noqa: E402

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PLOT = ("import numpy as np\nimport lumos\n"
        "def make(k):\n"
        "    fig, ax = lumos.subplots(figsize=(3, 2), dpi=100)\n"
        "    x = np.linspace(0, 6, 200)\n"
        "    ax.plot(x, np.sin(x + k), lw=2)\n"
        "    return fig\n")


def make(k: float):
    namespace: dict = {}
    exec(PLOT, namespace)
    return namespace["make"](k)


def write_notebook(path: Path, cells: list[str]) -> None:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, str(path))


def jupyter_env(tmp: Path) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    for name in ("CONFIG", "DATA", "RUNTIME"):
        (tmp / name.lower()).mkdir(exist_ok=True)
        env[f"JUPYTER_{name}_DIR"] = str(tmp / name.lower())
    env["IPYTHONDIR"] = str(tmp / "ipython")
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lab")
    write_notebook(tmp / "two.ipynb", [PLOT + "make(0.0)", "make(1.0)"])
    port, token = free_port(), secrets.token_hex(16)
    log = open(tmp / "lab.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
         "--ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={tmp}",
         "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
         f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
         f"--LabApp.user_settings_dir={tmp / 'settings'}"],
        stdout=log, stderr=subprocess.STDOUT, env=jupyter_env(tmp), cwd=tmp)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("JupyterLab did not start:\n" +
                                       (tmp / "lab.log").read_text(errors="replace")[-3000:]) \
                        from None
                time.sleep(0.3)
        yield url, token, tmp
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


_PANEL_READY = """
new Promise((resolve) => {
  const t0 = performance.now();
  const poll = async () => {
    const app = window.jupyterapp;
    // dialogs this Lab may raise (a build it suggests) would hold the focus
    for (const b of document.querySelectorAll(".jp-Dialog .jp-mod-reject")) b.click();
    const panel = app && [...app.shell.widgets("main")].find((w) => w.sessionContext && w.content);
    if (panel) {
      app.shell.activateById(panel.id);
      await panel.sessionContext.ready;
      return resolve("ok");
    }
    if (performance.now() - t0 > 90000) return resolve("no notebook panel in 90 s");
    setTimeout(poll, 200);
  };
  poll();
})
"""

_WIDGETS_DRAWN = """
new Promise((resolve) => {
  const t0 = performance.now();
  const poll = () => {
    const els = [...document.querySelectorAll(".jp-OutputArea-output div")]
      .filter((e) => e.lumosRenderer && e.lumosRenderer.frameCount > 0);
    if (els.length >= %d) return resolve("ok");
    if (performance.now() - t0 > 90000) return resolve("widgets not drawn in 90 s");
    setTimeout(poll, 100);
  };
  poll();
})
"""

_STATS = ("[...document.querySelectorAll('.jp-OutputArea-output div')]"
          ".filter((e) => e.lumosStats).map((e) => Object.assign({}, e.lumosStats))")

_EXECUTE = """
(async () => {
  const panel = [...window.jupyterapp.shell.widgets("main")].find((w) => w.sessionContext);
  const kernel = panel.sessionContext.session.kernel;
  await kernel.requestExecute({ code: %s }).done;
  return "ok";
})()
"""


def pixels(b: browser.Chromium, k: int) -> np.ndarray:
    data = b.evaluate(f"""(() => {{
        const e = [...document.querySelectorAll('.jp-OutputArea-output div')]
          .filter((e) => e.lumosRenderer)[{k}];
        return Array.from(e.lumosRenderer.readPixels());
    }})()""")
    return np.asarray(data, np.uint8).reshape(200, 300, 4)


_IDLE = ("[...document.querySelectorAll('.jp-OutputArea-output div')]"
         ".filter((e) => e.lumosIdle).every((e) => e.lumosIdle())")

_HANDLED = """(async () => {
  for (const e of document.querySelectorAll('.jp-OutputArea-output div')) {
    if (e.lumosPending) await e.lumosPending();
  }
  return "ok";
})()"""

# each widget's count of messages received from its page and sent to it, once it has
# sent what is pending
_COUNT = ("import json, lumos.app.notebook as nb\n"
          "nb.sync_all()\n"
          "open(%r, 'w').write(json.dumps([[w.received, w.posts] for w in nb._widgets]))")


def settled(b: browser.Chromium, tmp: Path) -> list:
    """The pages' stats once the conversation is over: no camera change waits in a
    page, each widget in the kernel has every message its page sent (asked again until
    it has: the kernel may handle a cell before comm messages sent earlier) and each
    page has, and has handled, every message its widget sent."""
    deadline = time.monotonic() + 60
    path = tmp / "counts.json"
    while True:
        assert time.monotonic() < deadline, (b.evaluate(_STATS), path.exists() and
                                             path.read_text())
        if not b.evaluate(_IDLE):
            time.sleep(0.05)
            continue
        assert b.evaluate(_EXECUTE % json.dumps(_COUNT % str(path))) == "ok"
        counts = json.loads(path.read_text())
        stats = b.evaluate(_STATS)
        if [[s["sent"], s["messages"]] for s in stats] == counts:
            break
        time.sleep(0.1)
    assert b.evaluate(_HANDLED) == "ok"
    return b.evaluate(_STATS)


def diff(a, b) -> float:
    return float(np.abs(a[..., :3].astype(int) - b[..., :3].astype(int)).mean())


def open_notebook(b: browser.Chromium, url: str, token: str, name: str, widgets: int) -> None:
    b.events.clear()
    b.page("Page.navigate", {"url": f"{url}/lab/tree/{name}?token={token}"})
    assert b.evaluate(_PANEL_READY) == "ok", b.errors()
    if widgets:
        b.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        assert b.evaluate(_WIDGETS_DRAWN % widgets) == "ok", b.errors()


def test_lab_widgets_draw_pan_stay_quiet_and_survive_a_reload(lab):
    url, token, tmp = lab
    expected = [make(0.0).render(), make(1.0).render()]
    with browser.Chromium((900, 1000), timeout=300) as b:
        open_notebook(b, url, token, "two.ipynb", 2)
        for k in (0, 1):
            assert diff(pixels(b, k), expected[k]) < 1.5
        # the static pictures (for viewers without a kernel) are emptied: no <img> left
        imgs = b.evaluate("document.querySelectorAll('.jp-OutputArea-output img').length")
        assert imgs == 0
        before = settled(b, tmp)
        assert [s["messages"] for s in before] == [1, 1]  # the frame, nothing else

        # pan the first widget: it gets the new ticks; the other gets nothing
        box = b.evaluate("""(() => {
            const c = [...document.querySelectorAll('.jp-OutputArea-output canvas')][0];
            const r = c.getBoundingClientRect(); return [r.left, r.top];
        })()""")
        b.drag(box[0] + 150, box[1] + 100, box[0] + 110, box[1] + 100)
        after = settled(b, tmp)
        assert after[0]["updates"] >= 1 and after[1] == before[1]
        pan_bytes = after[0]["bytes"] - before[0]["bytes"]
        # new tick labels, not an 8.5 KB echo each (under load the page may send the
        # drag's cameras in more than one message: each gets its answer)
        assert pan_bytes / after[0]["updates"] < 20_000, pan_bytes

        # a cell that changes no figure: no widget hears of it
        assert b.evaluate(_EXECUTE % json.dumps("x = 1 + 1")) == "ok"
        assert settled(b, tmp) == after

        # save, reload the page: both views come back, with no error
        b.evaluate("window.jupyterapp.commands.execute('docmanager:save')")
        time.sleep(1.0)
        b.events.clear()
        b.page("Page.reload", {"ignoreCache": True})
        assert b.evaluate(_PANEL_READY) == "ok", b.errors()
        assert b.evaluate(_WIDGETS_DRAWN % 2) == "ok", b.errors()
        time.sleep(1.0)
        errors = b.errors()
        assert "Cannot set properties of null" not in errors
        assert "lumos" not in errors.lower(), errors
        assert diff(pixels(b, 1), expected[1]) < 1.5


def test_nbconvert_execute_html_shows_the_png(tmp_path):
    """``jupyter nbconvert --execute --to html`` saves the widget's state, so it picks
    the widget (an empty box offline); the static PNG output shows the figure."""
    write_notebook(tmp_path / "one.ipynb", [PLOT + "make(0.5)"])
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--execute", "--to", "html",
                    str(tmp_path / "one.ipynb")], check=True, env=jupyter_env(tmp_path),
                   capture_output=True, timeout=300)
    page = (tmp_path / "one.html").read_text()
    found = re.findall(r'<img[^>]*src="data:image/png;base64,([A-Za-z0-9+/=\n]+)"', page)
    assert found, "no PNG in the page"
    from PIL import Image

    img = np.asarray(Image.open(io.BytesIO(base64.b64decode(found[-1]))).convert("RGBA"))
    assert img.shape == (200, 300, 4)
    assert diff(img, make(0.5).render()) < 0.5
