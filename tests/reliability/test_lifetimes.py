"""Figures free their GPU objects: close(), ``with lumos.figure()``, and figures that
are simply dropped (issue 9, finding 5)."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import weakref
from pathlib import Path

import numpy as np
from reliability_helpers import gl_objects

import lumos

ROOT = Path(lumos.__file__).resolve().parents[1]  # the lumos under test


def _draw_something(fig) -> None:
    ax = fig.subplot(0, 0)
    ax.plot(np.arange(50), np.sin(np.arange(50)))
    ax.scatter([1, 2, 3], [0, 1, 0])
    ax.imshow(np.random.default_rng(0).random((8, 8)), extent=(0, 10, -1, 1))
    fig.render()


def test_close_releases_the_gl_objects():
    baseline = gl_objects()
    fig = lumos.Figure(figsize=(2, 1.5), dpi=50)
    _draw_something(fig)
    assert sum(gl_objects().values()) > sum(baseline.values())
    fig.close()
    assert gl_objects() == baseline
    assert fig.render().shape == (75, 100, 4)  # a closed figure still draws
    fig.close()
    assert gl_objects() == baseline


def test_a_figure_as_a_context_manager_is_closed_at_the_end():
    baseline = gl_objects()
    with lumos.figure(figsize=(2, 1.5), dpi=50) as fig:
        assert isinstance(fig, lumos.Figure)
        _draw_something(fig)
        assert sum(gl_objects().values()) > sum(baseline.values())
    assert gl_objects() == baseline


def test_a_dropped_figure_frees_its_gl_objects_at_the_next_gl_use():
    baseline = gl_objects()

    def dropped():
        fig = lumos.Figure(figsize=(2, 1.5), dpi=50)
        _draw_something(fig)
        fig.pick(50, 40)
        fig.on("draw", lambda event: fig.suptitle("drawn"))  # a cycle through a callback
        return weakref.ref(fig)

    alive = dropped()
    gc.collect()
    assert alive() is None, "something keeps a dropped figure alive"
    assert gl_objects() == baseline


def test_pyplot_close_still_releases():
    import lumos.pyplot as plt

    baseline = gl_objects()
    plt.figure(figsize=(2, 1.5), dpi=50)
    plt.plot([1, 2, 3])
    plt.gcf().render()
    plt.close()
    assert gl_objects() == baseline


def test_200_dropped_figures_do_not_grow_memory():
    # a fresh process: memory measured without the other tests' figures around
    script = """
import gc, json, os, numpy as np, lumos

def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

def one():
    fig, ax = lumos.subplots(figsize=(2, 1.5), dpi=50)
    ax.plot(np.arange(1000), np.sin(np.arange(1000)))
    ax.scatter(np.arange(100), np.arange(100))
    ax.imshow(np.random.rand(30, 30))
    fig.render()

for _ in range(120):  # allocators and driver caches reach their working size
    one()
gc.collect(); one(); gc.collect()
before = rss_mb()
for i in range(200):
    one()
    if i % 20 == 19:  # figures hold reference cycles: the cyclic collector frees them
        gc.collect()
gc.collect(); one(); gc.collect()
print(json.dumps({"before": before, "after": rss_mb()}))
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    rss = json.loads(done.stdout.strip().splitlines()[-1])
    assert rss["after"] - rss["before"] < 30, rss
