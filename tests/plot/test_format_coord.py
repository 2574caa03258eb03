"""Axes.format_coord: the coordinate read-out as matplotlib's (same figure, same view:
the same string) on linear, log, date, categorical and twinned axes, fmt_xdata and
fmt_ydata honoured."""

from __future__ import annotations

import datetime as dt

import matplotlib
import matplotlib.pyplot as mplt
import numpy as np
import pytest

import lumos.pyplot as plt

matplotlib.use("agg")


def _linear(p):
    fig, ax = p.subplots(figsize=(6, 4), dpi=100)
    ax.plot([0, 10], [-3, 250])
    return ax, [(1.2345678, -2.3456789), (7.0, 123.456789), (0.0, 0.0), (5, 7)]


def _log(p):
    fig, ax = p.subplots(figsize=(6, 4), dpi=100)
    ax.loglog([1e-3, 1e5], [1, 1e9])
    return ax, [(0.0123456, 3.456e7), (45678.9, 1.0)]


def _semilogy(p):
    fig, ax = p.subplots(figsize=(6, 4), dpi=100)
    ax.semilogy([0, 1000], [1, 1e3])
    return ax, [(512.3456, 33.3)]


def _tiny(p):  # a view 1e-6 wide at 1e9: digits from the pixel size, not the ticks
    fig, ax = p.subplots(figsize=(6, 4), dpi=100)
    ax.plot([0, 1e-6], [1e9, 1e9 + 5])
    return ax, [(3.21e-7, 1e9 + 2.345)]


def _days(p):
    fig, ax = p.subplots(figsize=(6, 4), dpi=100)
    ax.plot([dt.datetime(2024, 1, 1) + dt.timedelta(days=i) for i in range(40)],
            np.arange(40))
    return ax, [(matplotlib.dates.date2num(dt.datetime(2024, 1, 13, 7, 30)), 12.5)]


def _minutes(p):
    fig, ax = p.subplots(figsize=(6, 4), dpi=100)
    ax.plot([dt.datetime(2024, 1, 1, 10) + dt.timedelta(minutes=i) for i in range(90)],
            np.arange(90))
    return ax, [(matplotlib.dates.date2num(dt.datetime(2024, 1, 1, 10, 42, 17)), 12.5)]


def _categorical(p):
    fig, ax = p.subplots(figsize=(6, 4), dpi=100)
    ax.bar(["apple", "pear", "plum"], [3, 5, 2])
    return ax, [(1.2, 4.4), (0.0, 1.0), (5.0, 1.0)]


def _twins(p, which):
    fig, ax = p.subplots(figsize=(6, 4), dpi=100)
    ax.plot([0, 10], [0, 1])
    ax2 = ax.twinx()
    ax2.plot([0, 10], [100, -5000])
    return (ax, ax2)[which], [(3.3333, 0.5), (8.1, -1000.123)]


def _fmt(p):
    fig, ax = p.subplots(figsize=(6, 4), dpi=100)
    ax.plot([0, 10], [0, 1])
    ax.fmt_xdata = lambda x: f"<{x:.1f}>"
    ax.fmt_ydata = "{:.3e}".format
    return ax, [(3.14159, 0.25)]


SCENES = {"linear": _linear, "log": _log, "semilogy": _semilogy, "tiny": _tiny,
          "days": _days, "minutes": _minutes, "categorical": _categorical,
          "twin_first": lambda p: _twins(p, 0), "twin_second": lambda p: _twins(p, 1),
          "fmt_data": _fmt}


@pytest.mark.parametrize("name", list(SCENES))
def test_format_coord_reads_as_matplotlib(tmp_path, name):
    mine, points = SCENES[name](plt)
    theirs, _ = SCENES[name](mplt)
    mine.figure.savefig(tmp_path / "x.png")  # both laid out and autoscaled
    theirs.figure.canvas.draw()
    try:
        for x, y in points:
            assert mine.format_coord(x, y) == theirs.format_coord(x, y), (x, y)
    finally:
        mplt.close(theirs.figure)
        plt.close(mine.figure)


def test_format_coord_of_missing_values_and_twins_listed():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    assert ax.format_coord(None, 0.5).startswith("(x, y) = (???, ")
    ax.twinx()
    assert ax.format_coord(0.5, 0.5).count(" | ") == 1
    plt.close(fig)
