"""A property-based fuzz of the plotting entry points (issue 9): NaN, inf, huge, empty,
mismatched, odd dtypes and layouts, bad keyword values. Every call either raises a
ValueError/TypeError that names one of the arguments it was given, or makes a figure
that renders; the caller's arrays are never modified.

``make test`` runs a small derandomized budget (the same examples every run);
``make fuzz`` (``LUMOS_FUZZ=1``) runs many random examples with a per-example deadline.
"""

from __future__ import annotations

import os
import re
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import lumos.pyplot as plt

LONG = bool(os.environ.get("LUMOS_FUZZ"))
FUZZ = settings(
    max_examples=400 if LONG else 12,
    derandomize=not LONG,
    deadline=20_000 if LONG else None,  # no wall-clock limits in the unit tests
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture],
    database=None,
    print_blob=True,
)

SPECIAL = [np.nan, np.inf, -np.inf, 0.0, -0.0, 1e308, -1e308, 1e-308, 3.5e38, -3.5e38]
_floats = st.one_of(st.floats(-1e6, 1e6), st.sampled_from(SPECIAL))
_dtypes = st.sampled_from([np.float64, np.float32, np.int64, np.int8, np.uint8, np.bool_,
                           np.float16])


@st.composite
def arrays(draw, max_dims: int = 1, min_side: int = 0, max_side: int = 12):
    """Numbers of a random dtype and shape, with NaN/inf/extremes where they fit, as an
    array (sometimes a non-contiguous or broadcast view) or a list."""
    dims = draw(st.integers(1, max_dims))
    shape = draw(hnp.array_shapes(min_dims=dims, max_dims=dims, min_side=min_side,
                                  max_side=max_side))
    dtype = np.dtype(draw(_dtypes))
    if dtype.kind == "f":
        elements = _floats.map(lambda v: float(np.clip(v, -np.finfo(dtype).max,
                                                       np.finfo(dtype).max))
                               if np.isfinite(v) else v)
        arr = draw(hnp.arrays(dtype, shape, elements=elements))
    else:
        arr = draw(hnp.arrays(dtype, shape))
    layout = draw(st.sampled_from(["array", "list", "reversed", "broadcast"]))
    if layout == "list":
        return arr.tolist()
    if layout == "reversed":
        return arr[::-1]
    if layout == "broadcast" and arr.size:
        return np.broadcast_to(arr.flat[0], arr.shape)
    return arr


# keyword values, good and bad, by the user's spelling
_KEYWORDS = {
    "lw": st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.just("x")),
    "alpha": st.one_of(st.floats(-1, 2), st.just(np.nan)),
    "c": st.sampled_from(["r", "C3", "#00ff00", "nocolor", (1, 0, 0), (2, 0, 0), "none"]),
    "zorder": st.one_of(st.floats(-10, 10), st.just(np.inf)),
    "ms": st.one_of(st.floats(0, 20), st.just(-1.0), st.just(np.nan)),
}


@st.composite
def keywords(draw, names=("lw", "alpha", "c", "zorder")):
    chosen = draw(st.lists(st.sampled_from(names), unique=True, max_size=2))
    return {k: draw(_KEYWORDS[k]) for k in chosen}


def _copies(values):
    return [np.array(v, copy=True) if isinstance(v, np.ndarray) else v for v in values]


def _unchanged(before, after) -> bool:
    return all(not isinstance(a, np.ndarray) or np.array_equal(a, b, equal_nan=True)
               for a, b in zip(before, after, strict=True))


def _check(call, names, *arrays_):
    """Run ``call(ax)``: a refusal names one of ``names``; otherwise the figure renders.
    The arrays passed are unchanged either way."""
    before = _copies(arrays_)
    fig, ax = plt.subplots(figsize=(1.6, 1.2), dpi=50)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                call(ax)
            except (ValueError, TypeError) as e:
                message = str(e)
                named = any(re.search(rf"(^|\W){re.escape(n)}(\W|$)", message) for n in names)
                assert named, f"{type(e).__name__} names none of {names}: {message}"
            else:
                assert fig.render().shape == (60, 80, 4)
    finally:
        plt.close(fig)
    assert _unchanged(before, arrays_), "the caller's array was modified"


@FUZZ
@given(arrays(max_dims=2), arrays(max_dims=2), st.sampled_from(["", "o", "--", "s:"]),
       keywords(("lw", "alpha", "c", "zorder", "ms")))
def test_plot(x, y, fmt, kw):
    _check(lambda ax: ax.plot(x, y, fmt, **kw), ["x", "y", *kw], x, y)


@FUZZ
@given(arrays(), arrays(), st.one_of(st.none(), arrays(), st.floats(allow_nan=True)),
       st.one_of(st.none(), arrays(), st.just("r")), keywords(("alpha", "zorder")))
def test_scatter(x, y, s, c, kw):
    _check(lambda ax: ax.scatter(x, y, s=s, c=c, **kw), ["x", "y", "s", "c", *kw], x, y, s,
           c)


@FUZZ
@given(arrays(max_dims=2), st.one_of(st.none(), st.integers(-2, 40),
                                    st.sampled_from(["auto", "fd", "nope"])),
       st.sampled_from(["bar", "step", "stepfilled"]))
def test_hist(x, bins, histtype):
    _check(lambda ax: ax.hist(x, bins=bins, histtype=histtype), ["x", "bins", "range"], x)


@FUZZ
@given(arrays(), arrays(), keywords(("lw", "alpha", "c")))
def test_bar(x, h, kw):
    _check(lambda ax: ax.bar(x, h, **kw), ["x", "height", *kw], x, h)


@FUZZ
@given(arrays(max_dims=2, max_side=8), st.one_of(st.none(), st.floats(allow_nan=True)),
       st.one_of(st.none(), st.floats(allow_nan=True)))
def test_imshow(z, vmin, vmax):
    def call(ax):
        im = ax.imshow(z, vmin=vmin, vmax=vmax)
        ax.figure.colorbar(im, ax=ax)

    _check(call, ["X", "vmin", "vmax"], z)


@FUZZ
@given(arrays(max_dims=2, max_side=8), st.one_of(st.none(), st.integers(-1, 30),
                                                arrays(max_side=6)))
def test_contour(z, levels):
    _check(lambda ax: ax.contourf(z, levels=levels), ["Z", "levels", "z"], z, levels)


@FUZZ
@given(arrays(), arrays(), st.one_of(st.none(), arrays(), st.floats(allow_nan=True)))
def test_errorbar(x, y, yerr):
    _check(lambda ax: ax.errorbar(x, y, yerr=yerr, capsize=2), ["x", "y", "yerr"], x, y,
           yerr)


@FUZZ
@given(arrays(), arrays(), st.sampled_from(["linear", "log", "symlog"]),
       st.tuples(_floats, _floats))
def test_scales_and_limits(x, y, scale, ylim):
    def call(ax):
        ax.plot(x, y)
        ax.set_yscale(scale)
        ax.set_ylim(*ylim)

    _check(call, ["x", "y", "ylim", "bottom", "top"], x, y)


@FUZZ
@given(st.tuples(_floats, _floats), st.one_of(_floats, st.sampled_from(["vertical", "up"])),
       st.one_of(st.none(), _floats))
def test_text(xy, rotation, fontsize):
    _check(lambda ax: ax.text(*xy, "a$^2$", rotation=rotation, fontsize=fontsize),
           ["x", "y", "rotation", "fontsize"])


@pytest.mark.parametrize("w, h", [(np.nan, 3), (0, 0), (-1, 1), (np.inf, 1)])
def test_figure_size_extremes(w, h):
    fig, ax = plt.subplots(figsize=(1.6, 1.2), dpi=50)
    with pytest.raises(ValueError, match="set_size_inches"):
        fig.set_size_inches(w, h)
    assert fig.render().shape == (60, 80, 4)
    plt.close(fig)
