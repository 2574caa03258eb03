"""Shared fixtures: image comparison against reference PNGs in tests/images.

Set ``LUMOS_REGENERATE=1`` to (re)write reference images instead of comparing.
On a mismatch the rendered image and a diff image go to tests/output/.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest

# matplotlib's font cache and matplotlibrc in a folder of this run's own: tests compare
# lumos's pictures and layouts with matplotlib's, which a stale or half-written cache in
# the home directory (seen: one listing none of matplotlib's bundled fonts) or a user's
# matplotlibrc would change. Subprocesses inherit it, so the cache is built once a run.
if "MPLCONFIGDIR" not in os.environ:
    os.environ["MPLCONFIGDIR"] = tempfile.mkdtemp(prefix="lumos-tests-mpl-")
    atexit.register(shutil.rmtree, os.environ["MPLCONFIGDIR"], ignore_errors=True)

IMAGES = Path(__file__).parent / "images"


@pytest.fixture(autouse=True)
def _matplotlib_rc_restored():
    """Each test leaves matplotlib's rcParams as it found them and no pyplot figure
    open: lumos figures take up values scripts set there (style.sync_from_matplotlib), so
    a style one test's matplotlib script used must not reach the next test's lumos
    pictures, and tests that count matplotlib's figures see only their own."""
    mpl = sys.modules.get("matplotlib")
    saved = None if mpl is None else {k: v for k, v in dict.items(mpl.rcParams)
                                      if k != "backend"}  # as matplotlib's rc_context
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")
    mpl = sys.modules.get("matplotlib")
    if mpl is None:
        return
    if saved is None:  # imported during the test: back to its defaults
        saved = {k: v for k, v in dict.items(mpl.rcParamsDefault) if k != "backend"}
    dict.update(mpl.rcParams, saved)


@pytest.fixture(autouse=True)
def _lumos_front_ends_closed():
    """Each test leaves no lumos pyplot figure, window, Qt widget or started timer
    behind: a window left open would show a later test's pyplot figures (``plt.pause``
    runs every open window), and a timer left started (an animation's) would fire in a
    later test's event loop, or keep a loop that nothing else can end waiting."""
    yield
    # only what the test imported can hold anything
    pyplot = sys.modules.get("lumos.pyplot")
    if pyplot is not None:
        pyplot.close("all")  # their close events stop their animations
    window = sys.modules.get("lumos.app.window")
    for w in window.open_windows() if window is not None else ():
        w.close()
    qt = sys.modules.get("PySide6.QtWidgets")
    app = None if qt is None else qt.QApplication.instance()
    if app is not None:
        for w in app.topLevelWidgets():
            w.close()
            w.deleteLater()  # destroyed by Qt now, with its GL context current
        app.processEvents()
    timers = sys.modules.get("lumos.plot.timers")
    for t in timers.started() if timers is not None else ():
        t.stop()
    backend = sys.modules.get("lumos.mpl_backend.canvas")  # matplotlib's timers there
    for t in list(backend.TimerLumos.active) if backend is not None else ():
        t.stop()


OUTPUT = Path(__file__).parent / "output"


def _load_png(path: Path) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(path).convert("RGBA"))


def image_difference(a: np.ndarray, b: np.ndarray) -> dict:
    """Mean absolute difference (0..255) and the fraction of pixels off by > 32."""
    if a.shape != b.shape:
        return {"shape": (a.shape, b.shape), "mean": float("inf"), "bad_fraction": 1.0}
    d = np.abs(a.astype(np.int16) - b.astype(np.int16)).max(axis=2)
    return {"mean": float(d.mean()), "bad_fraction": float((d > 32).mean())}


def write_diff(name: str, actual: np.ndarray, expected: np.ndarray | None) -> None:
    from lumos.io.png import write_png

    OUTPUT.mkdir(exist_ok=True)
    write_png(OUTPUT / f"{name}.actual.png", actual)
    if expected is not None and expected.shape == actual.shape:
        write_png(OUTPUT / f"{name}.expected.png", expected)
        d = np.abs(actual.astype(np.int16) - expected.astype(np.int16)).max(axis=2)
        diff = np.zeros_like(actual)
        diff[..., 0] = np.clip(d * 4, 0, 255)
        diff[..., 3] = 255
        write_png(OUTPUT / f"{name}.diff.png", diff)


@pytest.fixture
def compare_image():
    """``compare_image(name, rgba, mean_tol=1.0, bad_tol=0.005)`` against
    tests/images/<name>.png; tolerances are per test (software rasterizers differ
    a little at antialiased edges)."""

    def check(name: str, rgba: np.ndarray, mean_tol: float = 1.0, bad_tol: float = 0.005):
        from lumos.io.png import write_png

        ref = IMAGES / f"{name}.png"
        if os.environ.get("LUMOS_REGENERATE") or not ref.exists():
            if not os.environ.get("LUMOS_REGENERATE") and os.environ.get("CI"):
                pytest.fail(f"reference image {ref} is missing (run with LUMOS_REGENERATE=1)")
            IMAGES.mkdir(exist_ok=True)
            write_png(ref, rgba)
            return
        expected = _load_png(ref)
        diff = image_difference(rgba, expected)
        if diff["mean"] > mean_tol or diff["bad_fraction"] > bad_tol:
            write_diff(name, rgba, expected)
            pytest.fail(f"{name}: image differs from {ref}: {diff} (tolerance mean "
                        f"{mean_tol}, bad fraction {bad_tol}); see {OUTPUT}")

    return check
