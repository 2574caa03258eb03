"""A legend entry is matplotlib's ``HPacker(align='baseline')`` of the handle's box and
the label: the handle sits on the label's baseline (a line handle half of
``handleheight`` font sizes above the box's bottom), not centred on the row."""

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

matplotlib.use("agg")
import matplotlib.pyplot as mplt  # noqa: E402

import lumos.pyplot as plt  # noqa: E402

CASES = {
    "line, 14 pt": (dict(label="line one"), dict(fontsize=14)),
    "two-line label": (dict(label="line\none"), {}),
    "handleheight 2": (dict(label="tall"), dict(handleheight=2)),
    "patch, handleheight 2": (dict(label="bar", kind="bar"), dict(handleheight=2)),
}


def _handle_rows(pyplot, entry, kwargs):
    entry = dict(entry)
    fig, ax = pyplot.subplots(figsize=(4, 3), dpi=100)
    if entry.pop("kind", None) == "bar":
        ax.bar([5], [1], color="r", **entry)
        ax.set_xlim(0, 1)
    else:
        ax.plot([0, 1], [0, 1], "r-", lw=3, **entry)
    ax.legend(loc="center", frameon=False, **kwargs)
    ax.set_axis_off()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    pyplot.close(fig)
    a = np.asarray(Image.open(buf).convert("RGB")).astype(int)
    sub = a[:, 120:280]  # the legend's middle, the handle's columns
    red = (sub[..., 0] > 200) & (sub[..., 1] < 80) & (sub[..., 2] < 80)
    return np.nonzero(red.sum(1) > 15)[0].tolist()


@pytest.mark.parametrize("name", CASES)
def test_handle_rows_as_matplotlib(name):
    entry, kwargs = CASES[name]
    got, want = _handle_rows(plt, entry, kwargs), _handle_rows(mplt, entry, kwargs)
    assert want and got == want  # main: the line 2 px low at 14 pt, 4 px with handleheight=2
