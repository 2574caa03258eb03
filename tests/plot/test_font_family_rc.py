"""Font families resolve as matplotlib's font manager resolves them, among the faces
lumos bundles (DejaVu Sans, Serif, Sans Mono): ``rcParams['font.family']`` and the
generic lists (``font.serif`` & co.) reach every text, a family not found warns as
``findfont`` does and is passed over, and ``axes.labelweight`` makes the axis labels."""

from __future__ import annotations

import io
import warnings

import numpy as np
import pytest
from PIL import Image

import lumos.pyplot as plt
from lumos.plot import compat


def _names(pyplot, rc: dict, family=None) -> dict:
    """The font names (``get_fontname``) of a figure's texts made under ``rc``."""
    with pyplot.rc_context(rc):
        fig, ax = pyplot.subplots()
        ax.plot([1, 2], label="line")
        ax.set_title("title")
        ax.set_xlabel("x label")
        kw = {} if family is None else {"family": family}
        text = ax.text(1, 1, "text", **kw)
        leg = ax.legend()
        fig.canvas.draw()
        out = {"title": ax.title.get_fontname(), "xlabel": ax.xaxis.label.get_fontname(),
               "tick": ax.get_xticklabels()[0].get_fontname(), "text": text.get_fontname(),
               "legend": leg.get_texts()[0].get_fontname()}
    pyplot.close(fig)
    return out


CASES = [
    ({"font.family": "serif"}, None),
    ({"font.family": "monospace"}, None),
    ({"font.family": ["Times New Roman", "serif"]}, None),  # not found: passed over
    ({"font.family": "serif", "font.serif": ["Times New Roman", "DejaVu Serif"]}, None),
    ({"font.sans-serif": ["DejaVu Sans Mono", "DejaVu Sans"]}, None),  # the default family
    ({"font.family": "cursive"}, None),  # none of font.cursive is found: DejaVu Sans
    ({}, "serif"),
    ({}, ["Arial", "monospace"]),
    ({"font.family": "serif"}, "sans-serif"),
]


@pytest.mark.parametrize(("rc", "family"), CASES)
def test_font_names_are_matplotlibs(rc, family):
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as mplt

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # findfont's warnings (matplotlib logs its own)
        theirs = _names(mplt, rc, family)
        ours = _names(plt, rc, family)
    assert ours == theirs


def test_a_family_not_found_warns_as_findfont():
    compat._warned.discard("findfont arial")
    with pytest.warns(UserWarning, match="findfont: Font family 'Arial' not found"):
        fig, ax = plt.subplots()
        t = ax.text(0, 0, "x", family=["Arial", "serif"])
        assert t.get_fontname() == "DejaVu Serif"
    plt.close(fig)


def test_setting_serif_does_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with plt.rc_context({"font.family": "serif", "font.serif": ["DejaVu Serif"]}):
            fig, ax = plt.subplots()
            ax.set_title("serif")
            fig.canvas.draw()
    plt.close(fig)


def _gray(pyplot, rc: dict) -> np.ndarray:
    with pyplot.rc_context(rc):
        fig = pyplot.figure(figsize=(3, 1), dpi=100)
        fig.text(0.05, 0.3, "Serif Rag", fontsize=28)
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
    pyplot.close(fig)
    return np.asarray(Image.open(buf).convert("L")).astype(float)


def test_serif_rc_draws_matplotlibs_serif_picture():
    """Drawn with ``font.family = 'serif'``, the text is DejaVu Serif's: much nearer
    matplotlib's picture than the sans face lumos drew before."""
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as mplt

    theirs = _gray(mplt, {"font.family": "serif"})
    serif = np.abs(_gray(plt, {"font.family": "serif"}) - theirs).mean()
    sans = np.abs(_gray(plt, {}) - theirs).mean()
    assert serif < 0.25 * sans, (serif, sans)


def test_labelweight_makes_bold_axis_labels():
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as mplt

    weights = []
    for pyplot in (mplt, plt):
        with pyplot.rc_context({"axes.labelweight": "bold"}):
            fig, ax = pyplot.subplots()
            ax.set_xlabel("x label")
            weights.append((ax.xaxis.label.get_fontweight(),
                            ax.get_xticklabels()[0].get_fontweight()))
        pyplot.close(fig)
    assert weights[1] == weights[0] == ("bold", "normal")


def _label_ink(rc: dict) -> int:
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_xlabel("WWWW", fontsize=20)
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
    plt.close(fig)
    img = np.asarray(Image.open(buf).convert("L"))
    return int((img[-40:] < 128).sum())  # the label's dark pixels, below the axes


def test_labelweight_bold_draws_more_ink():
    assert _label_ink({"axes.labelweight": "bold"}) > 1.15 * _label_ink({})
