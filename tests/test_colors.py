"""lumos.colors: color specs, colormaps and norms, checked against matplotlib's values."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from lumos import colors as lc
from lumos.colors import (
    TAB10,
    CenteredNorm,
    Colormap,
    LogNorm,
    Normalize,
    PowerNorm,
    SymLogNorm,
    TwoSlopeNorm,
    get_cmap,
    get_norm,
    to_hex,
    to_rgba,
    to_rgba_array,
)

# matplotlib's tab10 palette, spelled out so the test does not depend on lumos's copy.
MPL_TAB10 = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
]  # fmt: skip

REQUIRED_CMAPS = [
    "viridis", "plasma", "inferno", "magma", "cividis", "twilight", "turbo", "gray", "grey",
    "Greys", "Blues", "Reds", "Greens", "Oranges", "Purples", "hot", "jet", "RdBu", "RdBu_r",
    "coolwarm", "bwr", "seismic", "Spectral", "PiYG", "tab10", "tab20", "Set1", "Pastel1",
    "terrain", "rainbow",
]  # fmt: skip


def close(a, b, tol=1e-9):
    return np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), atol=tol)


# ------------------------------------------------------------------------------- to_rgba


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("red", (1, 0, 0, 1)),
        ("RED", (1, 0, 0, 1)),
        ("DarkGrey", (169 / 255, 169 / 255, 169 / 255, 1)),
        ("rebeccapurple", (0x66 / 255, 0x33 / 255, 0x99 / 255, 1)),
        ("g", (0, 0.5, 0, 1)),  # matplotlib's 'g', not CSS green
        ("c", (0, 0.75, 0.75, 1)),
        ("k", (0, 0, 0, 1)),
        ("tab:blue", (0x1F / 255, 0x77 / 255, 0xB4 / 255, 1)),
        ("tab:grey", (0x7F / 255,) * 3 + (1,)),
        ("#f00", (1, 0, 0, 1)),
        ("#f008", (1, 0, 0, 0x88 / 255)),
        ("#00FF00", (0, 1, 0, 1)),
        ("#0000ff80", (0, 0, 1, 0x80 / 255)),
        ("0.5", (0.5, 0.5, 0.5, 1)),
        ("1", (1, 1, 1, 1)),
        ("none", (0, 0, 0, 0)),
        ("transparent", (0, 0, 0, 0)),
        ("None", (0, 0, 0, 0)),
        ((0.1, 0.2, 0.3), (0.1, 0.2, 0.3, 1)),
        ([0.1, 0.2, 0.3, 0.4], (0.1, 0.2, 0.3, 0.4)),
        (np.array([0.1, 0.2, 0.3]), (0.1, 0.2, 0.3, 1)),
        (np.array([255, 0, 51], np.uint8), (1, 0, 0.2, 1)),
        (("red", 0.25), (1, 0, 0, 0.25)),  # matplotlib's (color, alpha) form
    ],
)
def test_to_rgba_specs(spec, expected):
    rgba = to_rgba(spec)
    assert isinstance(rgba, tuple) and len(rgba) == 4
    assert all(isinstance(v, float) for v in rgba)
    assert close(rgba, expected)


def test_color_cycle_is_tab10():
    assert list(TAB10) == MPL_TAB10
    for i, h in enumerate(MPL_TAB10):
        assert to_hex(f"C{i}") == h
    assert to_rgba("C10") == to_rgba("C0")  # wraps like matplotlib's cycle


def test_alpha_override():
    assert to_rgba("red", alpha=0.5) == (1.0, 0.0, 0.0, 0.5)
    assert to_rgba("#ff000080", alpha=1)[3] == 1.0
    assert to_rgba((0, 0, 1, 0.2), alpha=0.7)[3] == 0.7
    assert to_rgba(("red", 0.3), alpha=0.9)[3] == 0.9  # the argument wins, as in matplotlib
    with pytest.raises(ValueError, match="alpha"):
        to_rgba("red", alpha=1.5)


def test_to_hex():
    assert to_hex("red") == "#ff0000"
    assert to_hex((0, 0, 1, 0.5), keep_alpha=True) == "#0000ff80"


def test_unknown_name_suggests_close_matches():
    with pytest.raises(ValueError) as err:
        to_rgba("redd")
    assert str(err.value) == (
        "color: got 'redd', expected a color name, hex string or RGB(A) tuple; did you mean 'red'?"
    )
    with pytest.raises(ValueError, match="did you mean 'lightblue'"):
        to_rgba("lightbleu")
    with pytest.raises(ValueError, match="^facecolor: got 'bluee'"):
        to_rgba("bluee", argname="facecolor")


@pytest.mark.parametrize(
    "spec, error, pattern",
    [
        ((1.0, 0.0), ValueError, "length 2, expected 3 \\(RGB\\) or 4"),
        ((1, 0, 0, 1, 0), ValueError, "length 5"),
        ((255, 0, 0), ValueError, "must be in 0..1"),
        ((float("nan"), 0, 0), ValueError, "must be in 0..1"),
        ("#ff00zz", ValueError, "hex"),
        ("#ff00f", ValueError, "hex"),
        ("1.5", ValueError, "grayscale"),
        ("nan", ValueError, "grayscale"),
        (["red", "blue"], ValueError, "to_rgba_array"),
        (np.zeros((2, 3)), ValueError, "shape \\(2, 3\\)"),
        (5, TypeError, "got int 5"),
        (None, TypeError, "got NoneType"),
        (object(), TypeError, "expected a color"),
    ],
)
def test_to_rgba_errors(spec, error, pattern):
    with pytest.raises(error, match=pattern):
        to_rgba(spec)


# ------------------------------------------------------------------------- to_rgba_array


def test_array_broadcast_single_color():
    out = to_rgba_array("red", 3)
    assert out.shape == (3, 4) and out.dtype == np.float32 and out.flags.c_contiguous
    assert close(out, [[1, 0, 0, 1]] * 3)
    assert to_rgba_array((0, 0, 1)).shape == (1, 4)
    assert close(to_rgba_array(["red"], 2), [[1, 0, 0, 1]] * 2)


def test_array_from_sequences_and_arrays():
    mixed = to_rgba_array(["red", (0, 1, 0), "#0000ff80", ("k", 0.5), "C1"])
    assert mixed.shape == (5, 4)
    expected = [[1, 0, 0, 1], [0, 1, 0, 1], [0, 0, 1, 0x80 / 255], [0, 0, 0, 0.5]]
    assert close(mixed[:4], expected, 1e-6)
    rgb = np.array([[0, 0.5, 1], [1, 1, 1]])
    assert close(to_rgba_array(rgb), [[0, 0.5, 1, 1], [1, 1, 1, 1]])
    assert close(to_rgba_array([[0, 0.5, 1, 0.2]], 2), [[0, 0.5, 1, 0.2]] * 2, 1e-6)
    u8 = np.array([[255, 0, 0, 255], [0, 0, 255, 51]], np.uint8)
    assert close(to_rgba_array(u8), [[1, 0, 0, 1], [0, 0, 1, 0.2]], 1e-6)
    assert to_rgba_array([]).shape == (0, 4)
    assert to_rgba_array(np.array(["red", "blue"])).shape == (2, 4)
    assert to_rgba_array("red", 2, dtype=np.float64).dtype == np.float64


def test_array_alpha():
    out = to_rgba_array(["red", "blue"], alpha=[0.1, 0.9])
    assert close(out[:, 3], [0.1, 0.9], 1e-6)
    assert close(to_rgba_array("red", 4, alpha=0.5)[:, 3], [0.5] * 4)
    with pytest.raises(ValueError, match="alpha has shape"):
        to_rgba_array(["red", "blue"], alpha=[0.1, 0.2, 0.3])


def test_array_errors():
    with pytest.raises(ValueError, match="got 3 colors, expected 1 or 5"):
        to_rgba_array(["red", "green", "blue"], 5)
    with pytest.raises(ValueError, match="shape \\(4, 5\\)"):
        to_rgba_array(np.zeros((4, 5)))
    with pytest.raises(ValueError, match="must be in 0..1"):
        to_rgba_array(np.array([[0, 128, 255]]))  # ints other than uint8 are 0..1 floats
    with pytest.raises(ValueError, match=r"color\[1\]: got 'bleu'.*'blue'"):
        to_rgba_array(["red", "bleu"])
    with pytest.raises(TypeError):
        to_rgba_array(3.0)


def test_array_input_not_modified():
    f32 = np.array([[0.1, 0.2, 0.3, 0.4], [0.5, 0.6, 0.7, 0.8]], np.float32)
    u8 = np.array([[10, 20, 30, 40]], np.uint8)
    lst = [[0.1, 0.2, 0.3], "red"]
    f32_copy, u8_copy = f32.copy(), u8.copy()
    out = to_rgba_array(f32, alpha=1.0)
    out[:] = 0
    to_rgba_array(u8, 3, alpha=0.5)
    to_rgba_array(lst)
    assert np.array_equal(f32, f32_copy) and np.array_equal(u8, u8_copy)
    assert lst == [[0.1, 0.2, 0.3], "red"]
    assert not np.shares_memory(to_rgba_array(f32), f32)


# ----------------------------------------------------------------------------- colormaps


def test_required_colormaps_exist():
    for name in REQUIRED_CMAPS:
        cmap = get_cmap(name)
        assert isinstance(cmap, Colormap)
        assert cmap.lut().shape == (256, 4)


def test_viridis_endpoints_and_lut():
    v = get_cmap("viridis")
    assert v.name == "viridis" and v.N == 256
    assert to_hex(v(0.0)) == "#440154"
    assert to_hex(v(1.0)) == "#fde725"
    lut = v.lut()
    assert lut.shape == (256, 4) and lut.dtype == np.uint8
    assert lut[0].tolist() == [0x44, 0x01, 0x54, 255]
    assert lut[-1].tolist() == [0xFD, 0xE7, 0x25, 255]
    for n in (2, 16, 1000):
        small = v.lut(n)
        assert small.shape == (n, 4) and small.dtype == np.uint8
        assert small[0].tolist() == lut[0].tolist() and small[-1].tolist() == lut[-1].tolist()
    with pytest.raises(ValueError):
        v.lut(0)


def test_call_semantics():
    v = get_cmap("viridis")
    out = v(np.array([[0.0, 0.5], [1.0, np.nan]]))
    assert out.shape == (2, 2, 4) and out.dtype == np.float64
    assert close(out[1, 1], (0, 0, 0, 0))  # bad: transparent
    assert close(v(-0.1), v(0.0)) and close(v(1.5), v(1.0))  # default under/over: ends
    assert close(v(np.inf), v(1.0)) and close(v(-np.inf), v(0.0))
    assert isinstance(v(0.3), tuple)  # a scalar gives a tuple, as in matplotlib
    assert v([0.0, 1.0], bytes=True).dtype == np.uint8
    assert close(v(0.5, alpha=0.25)[3], 0.25)
    masked = np.ma.masked_array([0.2, 0.4], mask=[True, False])
    assert close(v(masked)[0], (0, 0, 0, 0)) and close(v(masked)[1], v(0.4))
    values = np.array([0.2, 0.7])
    v(values)
    assert values.tolist() == [0.2, 0.7]


def test_extremes():
    v = get_cmap("viridis").with_extremes(under="red", over="blue", bad="white")
    assert close(v(-1.0), (1, 0, 0, 1)) and close(v(2.0), (0, 0, 1, 1))
    assert close(v(np.nan), (1, 1, 1, 1))
    assert close(v(-1), (1, 0, 0, 1)) and close(v(300), (0, 0, 1, 1))  # integer indices
    r = v.reversed()
    assert close(r(-1.0), (0, 0, 1, 1)) and close(r(2.0), (1, 0, 0, 1))  # swapped, as matplotlib
    # A name lookup is a new object: changing it leaves the next lookup alone.
    a = get_cmap("magma")
    a.bad = "red"
    assert close(get_cmap("magma").bad, (0, 0, 0, 0))
    assert close(get_cmap("magma").get_bad(), (0, 0, 0, 0))


def test_reversed_and_r_names():
    v = get_cmap("viridis")
    r = v.reversed()
    assert r.name == "viridis_r" and r.reversed().name == "viridis"
    assert np.array_equal(r.lut(), v.lut()[::-1])
    assert np.array_equal(get_cmap("viridis_r").lut(), r.lut())
    rdbu_r = get_cmap("RdBu_r")
    assert rdbu_r.name == "RdBu_r"
    assert np.array_equal(rdbu_r.lut(), get_cmap("RdBu").lut()[::-1])
    assert np.array_equal(get_cmap("viridis_r_r").lut(), v.lut())


def test_name_lookup_aliases_and_case():
    assert np.array_equal(get_cmap("grey").lut(), get_cmap("gray").lut())
    assert get_cmap("blues").name == "Blues"  # case-insensitive when unambiguous
    assert get_cmap("rdbu_R").name == "RdBu_r"
    assert get_cmap(None).name == "viridis"
    v = get_cmap("viridis")
    assert get_cmap(v) is v
    assert "viridis" in lc.colormap_names() and "tab10" in lc.colormap_names()


def test_unknown_colormap_suggests_close_matches():
    with pytest.raises(ValueError, match="got 'virdis'.*did you mean 'viridis'"):
        get_cmap("virdis")
    with pytest.raises(ValueError, match="did you mean 'Blues'"):
        get_cmap("blus")
    with pytest.raises(ValueError, match="did you mean 'jet_r'"):
        get_cmap("jett_r")
    with pytest.raises(TypeError, match="cmap: got int"):
        get_cmap(3)


def test_qualitative_tab10():
    tab = get_cmap("tab10")
    assert tab.N == 10 and not tab.interpolate
    assert [to_hex(c) for c in tab.colors] == MPL_TAB10
    assert to_hex(tab(3)) == MPL_TAB10[3]  # integers index the table, as in matplotlib
    assert to_hex(tab(0.35)) == MPL_TAB10[3]  # floor(0.35 * 10)
    lut = tab.lut(20)  # resampling a palette repeats entries, never blends them
    assert {to_hex(c / 255) for c in lut} == set(MPL_TAB10)
    assert get_cmap("tab20").N == 20 and get_cmap("Set1").N == 9


def test_from_list_resampled_and_register():
    bw = Colormap.from_list("bw", ["black", "white"])
    assert bw.N == 256 and bw.interpolate
    assert close(bw.colors[128], (128 / 255,) * 3 + (1,))
    ramp = Colormap.from_list("ramp", [(0.0, "red"), (0.25, "lime"), (1.0, "blue")], n=5)
    assert close(ramp.colors[1], (0, 1, 0, 1))
    assert get_cmap("viridis").resampled(8).N == 8
    palette = Colormap("pal", ["red", "green", "blue"])
    assert palette.N == 3 and not palette.interpolate
    name = "lumos_test_palette"
    try:
        lc.register_colormap(palette, name=name)
        assert get_cmap(name).N == 3 and get_cmap(name + "_r").name == name + "_r"
        assert name in lc.colormap_names()
        with pytest.raises(ValueError, match="already registered"):
            lc.register_colormap(palette, name=name)
        lc.register_colormap(bw, name=name, force=True)
        assert get_cmap(name).N == 256
        with pytest.raises(ValueError, match="built-in"):
            lc.register_colormap(palette, name="viridis")
    finally:
        lc.colormaps.unregister(name)  # leave the registry as other tests expect it


class FakeMplColormap:
    """Just what get_cmap duck-types on: callable, ``N`` and ``name`` (like matplotlib)."""

    def __init__(self):
        self.name = "fake"
        self.N = 4
        self._table = np.array(
            [[1, 0, 0, 1], [0, 1, 0, 1], [0, 0, 1, 1], [1, 1, 1, 1]], dtype=float
        )

    def __call__(self, x):
        idx = np.clip((np.asarray(x, dtype=float) * self.N).astype(int), 0, self.N - 1)
        return self._table[idx]

    def get_over(self):
        return np.array([1.0, 0.0, 1.0, 1.0])


def test_duck_typed_matplotlib_colormap():
    cmap = get_cmap(FakeMplColormap())
    assert isinstance(cmap, Colormap)
    assert cmap.name == "fake" and cmap.N == 4
    assert close(cmap.colors, FakeMplColormap()._table)
    assert close(cmap(2.0), (1, 0, 1, 1))  # its over color came along
    assert close(cmap(np.nan), (0, 0, 0, 0))  # it has no get_bad: lumos's default
    assert cmap.lut(4).tolist() == (FakeMplColormap()._table * 255).astype(int).tolist()


# --------------------------------------------------------------------------------- norms


def test_normalize():
    data = np.array([1.0, 2.0, np.nan, np.inf, 5.0])
    kept = data.copy()
    n = Normalize()
    out = n(data)
    assert np.array_equal(data, kept, equal_nan=True)
    assert (n.vmin, n.vmax) == (1.0, 5.0)  # NaN and inf are ignored when scaling
    assert out.dtype == np.float64
    assert close(out[[0, 1, 4]], [0, 0.25, 1]) and np.isnan(out[2]) and out[3] == np.inf
    assert isinstance(n(3.0), float) and n(3.0) == 0.5
    assert close(Normalize(0, 10, clip=True)([-5, 5, 15]), [0, 0.5, 1])
    assert close(Normalize(0, 10)([-5, 15]), [-0.5, 1.5])  # → under/over colors
    assert close(Normalize(2, 2)([1, 2, 3]), [0, 0, 0])
    assert close(Normalize(0, 4).inverse([0, 0.25, 1]), [0, 1, 4])
    with pytest.raises(ValueError, match="vmin"):
        Normalize(3, 1)([1, 2])
    masked = np.ma.masked_array([1.0, 2.0, 3.0], mask=[False, True, False])
    assert np.isnan(Normalize()(masked)[1])
    assert np.isnan(Normalize()([np.nan, np.nan])).all()  # nothing finite: no crash


@pytest.mark.parametrize("data, linear, log", [
    ([3.0, 1.0, 2.0], (1.0, 3.0), (1.0, 3.0)),  # all finite and positive
    ([3, -1, 0, 2], (-1.0, 3.0), (2.0, 3.0)),  # integers, some not positive
    ([np.nan, 2.0, 4.0], (2.0, 4.0), (2.0, 4.0)),
    ([-np.inf, 2.0, np.inf, 0.5], (0.5, 2.0), (0.5, 2.0)),
    (np.ma.masked_array([9.0, 2.0, 4.0], mask=[True, False, False]), (2.0, 4.0), (2.0, 4.0)),
    ([np.nan, -np.inf], (None, None), (None, None)),
    ([-2.0, 0.0], (-2.0, 0.0), (None, None)),
    (np.zeros(0), (None, None), (None, None)),
    (5.0, (5.0, 5.0), (5.0, 5.0)),
])
def test_autoscale_takes_the_range_of_the_finite_values(data, linear, log):
    n, g = Normalize(), LogNorm()
    n.autoscale(data)
    g.autoscale(data)
    assert (n.vmin, n.vmax) == linear
    assert (g.vmin, g.vmax) == log


def test_lognorm_nonpositive_is_nan():
    n = LogNorm()
    out = n([-1.0, 0.0, 1.0, 10.0, 100.0, np.nan])
    assert (n.vmin, n.vmax) == (1.0, 100.0)  # scaled by the positive values only
    assert np.isnan(out[[0, 1, 5]]).all()
    assert close(out[2:5], [0, 0.5, 1])
    assert close(LogNorm(1, 100).inverse([0, 0.5, 1]), [1, 10, 100])
    assert close(LogNorm(1, 100, clip=True)([1000.0]), [1])
    with pytest.raises(ValueError, match="invalid vmin"):
        LogNorm(-1, 10)([1.0])


def test_symlog_power_centered_twoslope():
    s = SymLogNorm(linthresh=1.0, vmin=-100, vmax=100)
    out = s([-100, -1, 0, 1, 100])
    assert close(out[[0, 2, 4]], [0, 0.5, 1])
    assert close(out[1] + out[3], 1.0)  # symmetric
    assert close(s.inverse(out), [-100, -1, 0, 1, 100])
    p = PowerNorm(2, 0, 2)
    assert close(p([0, 1, 2, -1]), [0, 0.25, 1, -0.5])  # below vmin stays linear
    assert close(p.inverse([0, 0.25, 1]), [0, 1, 2])
    c = CenteredNorm()
    assert close(c([-1.0, 0.0, 4.0]), [0.375, 0.5, 1])
    assert (c.vmin, c.vmax) == (-4.0, 4.0)
    t = TwoSlopeNorm(vcenter=0, vmin=-1, vmax=4)
    assert close(t([-1, -0.5, 0, 2, 4]), [0, 0.25, 0.5, 0.75, 1])
    assert close(t.inverse([0, 0.25, 0.5, 0.75, 1]), [-1, -0.5, 0, 2, 4])
    with pytest.raises(ValueError, match="linthresh"):
        SymLogNorm(0)


class FakeMplNorm:
    """A matplotlib-like norm: vmin/vmax, callable, returns a masked array."""

    def __init__(self):
        self.vmin, self.vmax = 0.0, 10.0

    def __call__(self, value, clip=None):
        v = np.ma.asarray(value, dtype=float)
        return np.ma.masked_less((v - self.vmin) / (self.vmax - self.vmin), 0)


def test_get_norm():
    assert isinstance(get_norm(), Normalize)
    assert isinstance(get_norm("log", vmin=1, vmax=10), LogNorm)
    assert get_norm("log", 1, 10).vmax == 10.0
    assert isinstance(get_norm("symlog"), SymLogNorm)
    n = LogNorm()
    assert get_norm(n) is n
    foreign = get_norm(FakeMplNorm())
    assert isinstance(foreign, Normalize) and foreign.vmax == 10.0
    out = foreign(np.array([-5.0, 5.0, np.nan]))
    assert out.dtype == np.float64
    assert np.isnan(out[0]) and out[1] == 0.5 and np.isnan(out[2])  # masks became NaN
    assert foreign(5.0) == 0.5
    with pytest.raises(ValueError, match="vmin/vmax"):
        get_norm(n, vmin=1)
    with pytest.raises(ValueError, match="did you mean 'log'"):
        get_norm("logg")
    with pytest.raises(TypeError):
        get_norm(42)


# ------------------------------------------------------------------ data file, import cost


def test_import_does_not_load_colormaps_or_matplotlib():
    code = (
        "import sys, numpy\n"
        "loads = []\n"
        "real = numpy.load\n"
        "numpy.load = lambda *a, **k: loads.append(a) or real(*a, **k)\n"
        "import lumos.colors as c\n"
        "c.to_rgba('red'); c.to_rgba_array(['C0', 'C1']); c.Normalize()([1, 2])\n"
        "assert c.maps._tables is None and not loads, 'colormaps loaded too early'\n"
        "assert 'matplotlib' not in sys.modules\n"
        "c.get_cmap('viridis')\n"
        "assert c.maps._tables is not None and len(loads) == 1\n"
        "assert set(c.maps._tables) == {'viridis'}, 'tables decoded before their use'\n"
        "c.get_cmap('magma')\n"
        "assert len(loads) == 1, 'loaded twice'\n"
        "assert set(c.maps._tables) == {'viridis', 'magma'}\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_data_file_tables():
    tables = lc.maps._builtin_tables()
    for name, table in tables.items():
        assert table.dtype == np.uint8 and table.ndim == 2 and table.shape[1] == 4, name
        assert table.shape[0] in (8, 9, 10, 12, 20, 256, 510), name
        assert not table.flags.writeable


# ------------------------------------------------------- cross-check against matplotlib


def test_name_tables_match_matplotlib():
    mc = pytest.importorskip("matplotlib.colors")
    for table in ("BASE_COLORS", "TABLEAU_COLORS", "CSS4_COLORS", "XKCD_COLORS"):
        assert getattr(lc, table) == dict(getattr(mc, table)), table
    lc.CSS4_COLORS["red"] = "#000000"  # a copy, as matplotlib's: lookups do not change
    try:
        assert to_rgba("red") == (1.0, 0.0, 0.0, 1.0)
    finally:
        lc.CSS4_COLORS["red"] = "#FF0000"
    for name in lc.XKCD_COLORS:
        assert to_rgba(name) == mc.to_rgba(name), name


def test_matches_matplotlib_when_installed():
    mpl = pytest.importorskip("matplotlib")
    mc = pytest.importorskip("matplotlib.colors")
    for name in [*mc.CSS4_COLORS, *mc.BASE_COLORS, *mc.TABLEAU_COLORS, "C3", "#abc8", "0.3"]:
        assert close(to_rgba(name), mc.to_rgba(name)), name
    x = np.concatenate([np.linspace(-0.1, 1.1, 601), [np.nan, np.inf, -np.inf]])
    for name in [*lc.maps._builtin_tables(), "grey", "Grays"]:
        for full in (name, name + "_r"):
            # uint8 storage; matplotlib re-samples '_r' maps where lumos flips the table.
            assert np.abs(get_cmap(full)(x) - mpl.colormaps[full](x)).max() <= 1 / 255, full
    data = np.ma.masked_invalid([-3.0, 0.0, 0.01, 1.0, 7.0, 40.0, np.nan])
    for make in (
        lambda m: m.Normalize(),
        lambda m: m.LogNorm(),
        lambda m: m.SymLogNorm(0.5, linscale=0.7, base=2),
        lambda m: m.PowerNorm(0.5),
        lambda m: m.CenteredNorm(1.0),
        lambda m: m.TwoSlopeNorm(2.0),
    ):
        ours = make(lc)(data.filled(np.nan))
        theirs = np.ma.filled(np.ma.asarray(make(mc)(data), dtype=float), np.nan)
        assert np.allclose(ours, theirs, equal_nan=True), type(make(lc)).__name__
        assert np.allclose(get_norm(make(mc))(data.filled(np.nan)), theirs, equal_nan=True)


# ----------------------------------------------- matplotlib's color API (issue 11, family 4)


def test_every_matplotlib_colormap_name_and_xkcd():
    mpl = pytest.importorskip("matplotlib")
    mc = pytest.importorskip("matplotlib.colors")
    x = np.linspace(0, 1, 300)
    for name in mpl.colormaps:
        ours = get_cmap(name)
        assert ours.name == name
        assert np.abs(ours(x) - mpl.colormaps[name](x)).max() <= 1 / 255, name
    for name in ["xkcd:sky blue", "xkcd:Crimson", "tab:orange", "#abc", "0.5"]:
        assert close(to_rgba(name), mc.to_rgba(name)), name
    with pytest.raises(ValueError, match="xkcd"):
        to_rgba("xkcd:not a color")
    assert lc.is_color_like("xkcd:sky blue") and not lc.is_color_like("skyy")
    for name in mpl.color_sequences:
        assert np.allclose(lc.color_sequences[name], mpl.color_sequences[name]), name


def test_colormap_registry_and_sequences_registry():
    assert "viridis" in lc.colormaps and "viridis_r" in lc.colormaps
    assert lc.colormaps["magma"] is not lc.colormaps["magma"]  # copies
    assert len(lc.colormaps()) == len(lc.colormaps) >= 170
    mine = lc.ListedColormap(["red", "green", "blue"], name="lumos_test_rgb")
    lc.colormaps.register(mine)
    try:
        assert get_cmap("lumos_test_rgb").N == 3
        assert "lumos_test_rgb" in list(lc.colormaps)
    finally:
        lc.colormaps.unregister("lumos_test_rgb")
    with pytest.raises(KeyError, match="did you mean"):
        lc.colormaps["viridiss"]
    lc.color_sequences.register("lumos_seq", ["red", "b"])
    try:
        assert lc.color_sequences["lumos_seq"] == ["red", "b"]
    finally:
        lc.color_sequences.unregister("lumos_seq")
    with pytest.raises(ValueError, match="built-in"):
        lc.color_sequences.register("tab10", ["red"])


def test_colormap_classes_match_matplotlib():
    mc = pytest.importorskip("matplotlib.colors")
    x = np.concatenate([np.linspace(-0.2, 1.2, 141), [np.nan]])
    seg = {"red": [(0, 0, 0), (0.5, 1, 1), (1, 1, 1)], "green": [(0, 0, 0), (1, 1, 1)],
           "blue": [(0, 0, 0.3), (0.4, 0.8, 0.2), (1, 0, 0)]}
    pairs = [
        (lc.LinearSegmentedColormap("s", seg), mc.LinearSegmentedColormap("s", seg)),
        (lc.LinearSegmentedColormap("s", seg, N=17, gamma=2.0),
         mc.LinearSegmentedColormap("s", seg, N=17, gamma=2.0)),
        (lc.LinearSegmentedColormap.from_list("f", ["red", "white", "blue"], N=9),
         mc.LinearSegmentedColormap.from_list("f", ["red", "white", "blue"], N=9)),
        (lc.ListedColormap(["r", "g", "b"]).with_extremes(under="k", over="w", bad="0.5"),
         mc.ListedColormap(["r", "g", "b"]).with_extremes(under="k", over="w", bad="0.5")),
        (lc.ListedColormap(["r", "g", "b"]).resampled(7), mc.ListedColormap(["r", "g", "b"])
         .resampled(7)),
    ]
    for ours, theirs in pairs:
        assert ours.N == theirs.N
        assert np.allclose(ours(x), theirs(x), atol=1e-6), ours.name
    cm = lc.ListedColormap(["r", "g"])
    cm.set_under("k")
    cm.set_over("w", alpha=0.5)
    assert close(cm(-1.0), (0, 0, 0, 1)) and close(cm(2.0), (1, 1, 1, 0.5))
    assert not cm.has_default_extremes() and get_cmap("viridis").has_default_extremes()
    # a matplotlib colormap registered with matplotlib is found by name
    import matplotlib

    name = "lumos_test_mpl_registered"
    matplotlib.colormaps.register(mc.ListedColormap(["c", "m"], name=name))
    try:
        assert close(get_cmap(name)(0.9), mc.to_rgba("m"))
    finally:
        matplotlib.colormaps.unregister(name)


def test_new_norms_match_matplotlib():
    mc = pytest.importorskip("matplotlib.colors")
    data = np.array([-3.0, -0.5, 0.0, 0.01, 1.0, 2.5, 7.0, 40.0])
    for make in (
        lambda m: m.AsinhNorm(linear_width=0.5),
        lambda m: m.FuncNorm((lambda x: np.sqrt(np.abs(x)), lambda y: y**2), 0, 40),
        lambda m: m.BoundaryNorm([-1, 0, 1, 5, 10], 256, extend="both"),
        lambda m: m.BoundaryNorm([-1, 0, 1, 5, 10], 4),
        lambda m: m.BoundaryNorm([0, 10], 8),
        lambda m: m.NoNorm(),
    ):
        ours, theirs = make(lc)(data), make(mc)(data)
        assert np.allclose(np.ma.filled(np.ma.asarray(ours, float), np.nan),
                           np.ma.filled(np.ma.asarray(theirs, float), np.nan),
                           equal_nan=True), type(make(lc)).__name__
    cmap = get_cmap("viridis")
    bn = lc.BoundaryNorm([0, 1, 2, 3], cmap.N)
    assert close(cmap(bn(2.5)), mc.to_rgba(cmap(255)))
    assert np.ma.is_masked(bn(np.array([np.nan, 1.0])))


def test_norms_declare_their_axis_scale():
    mc = pytest.importorskip("matplotlib.colors")
    assert lc.Normalize().linear and lc.CenteredNorm().linear
    assert not lc.LogNorm().linear and lc.LogNorm().axis_scale() == ("log", {"base": 10.0})
    assert lc.SymLogNorm(1.0, base=2).axis_scale()[0] == "symlog"
    assert lc.AsinhNorm(2).axis_scale() == ("asinh", {"linear_width": 2.0})
    assert lc.PowerNorm(0.5).axis_scale()[0] == "function"
    assert list(lc.BoundaryNorm([0, 1, 4], 3).discrete_boundaries()) == [0, 1, 4]
    assert lc.Normalize().discrete_boundaries() is None
    # matplotlib's norms, wrapped, declare the same
    assert get_norm(mc.LogNorm()).axis_scale()[0] == "log"
    assert not get_norm(mc.LogNorm()).linear and get_norm(mc.Normalize()).linear
    assert get_norm(mc.SymLogNorm(0.3)).axis_scale() == ("symlog", {"linthresh": 0.3,
                                                                    "base": 10.0})
    assert list(get_norm(mc.BoundaryNorm([0, 1, 4], 3)).discrete_boundaries()) == [0, 1, 4]


def test_hsv_round_trip_matches_matplotlib():
    mc = pytest.importorskip("matplotlib.colors")
    rgb = np.random.default_rng(0).random((50, 3))
    assert np.allclose(lc.rgb_to_hsv(rgb), mc.rgb_to_hsv(rgb))
    assert np.allclose(lc.hsv_to_rgb(lc.rgb_to_hsv(rgb)), rgb)


def test_rgba_bytes_round_as_float32_colors_do():
    """to_rgba_bytes skips the float32 copy of an (n, 4) float array and must still give
    the bytes of that copy: values on a rounding edge (k / 510) included, NaN too."""
    rng = np.random.default_rng(0)
    a = rng.random((70_001, 4))
    a[:20_000] = np.round(a[:20_000] * 510) / 510
    a[5, 2] = np.nan
    expected = np.empty(a.shape, np.uint8)
    with np.errstate(invalid="ignore"):
        f32 = a.astype(np.float32)
        expected[:] = np.clip(f32, 0, 1) * np.float32(255) + np.float32(0.5)
    with np.errstate(invalid="ignore"):
        got = lc.to_rgba_bytes(a, len(a))
        assert np.array_equal(got[:5], expected[:5]) and np.array_equal(got[6:], expected[6:])
        assert np.array_equal(lc.rgba_to_bytes(f32)[6:], expected[6:])
    before = a.copy()
    with np.errstate(invalid="ignore"):
        lc.to_rgba_bytes(a, len(a))
    assert np.array_equal(a, before, equal_nan=True)  # the caller's array is not written
    # every other spec goes through to_rgba_array
    assert lc.to_rgba_bytes("red", 3).tolist() == [[255, 0, 0, 255]] * 3
    assert lc.to_rgba_bytes(np.array([[0, 128, 255, 255]] * 2, np.uint8), 2).tolist() == \
        [[0, 128, 255, 255]] * 2
    with pytest.raises(ValueError, match="edgecolor: RGB\\(A\\) values must be in 0..1"):
        lc.to_rgba_bytes(np.full((4, 4), 2.0), 4, argname="edgecolor")
    with pytest.raises(ValueError, match="color: got 3 colors, expected 1 or 4"):
        lc.to_rgba_bytes(np.zeros((3, 4)), 4)


def test_none_stays_transparent_under_alpha_as_in_matplotlib():
    # matplotlib: to_rgba("none", alpha) and 'none' rows of to_rgba_array(c, alpha)
    # stay (0, 0, 0, 0); lumos gave black at that alpha (hollow legend markers drew
    # filled, 'none' polygons drew black)
    assert lc.to_rgba("None", 1.0) == (0.0, 0.0, 0.0, 0.0)
    assert lc.to_rgba("red", 0.5) == (1.0, 0.0, 0.0, 0.5)
    rows = lc.to_rgba_array(["red", "none", (0, 0, 1, 0)], alpha=0.5)
    np.testing.assert_array_equal(rows[:, 3], [0.5, 0.0, 0.5])
    np.testing.assert_array_equal(lc.to_rgba_array("none", 3, alpha=1)[:, 3], 0)


def test_to_rgba_bytes_of_one_plain_color_are_its_float32_rows_bytes():
    """One color tuple for n labels takes a cached path: the bytes of to_rgba_array's
    float32 rows, for floats on rounding edges, ints, -0.0 and n = 0; bad values still
    raise."""
    rng = np.random.default_rng(2)
    colors = [tuple(float(v) for v in np.round(rng.random(4) * 510) / 510) for _ in range(200)]
    colors += [(1, 0, 0), (0.0, -0.0, 1.0), (0.5, 0.25, 0.125, 0.0)]
    for i, c in enumerate(colors):
        n = i % 5
        got = lc.to_rgba_bytes(c, n)
        assert got.dtype == np.uint8 and got.shape == (n, 4)
        assert np.array_equal(got, lc.rgba_to_bytes(lc.to_rgba_array(c, n)))
    with pytest.raises(ValueError, match="color"):
        lc.to_rgba_bytes((1.5, 0.0, 0.0), 2)


def test_to_rgba_bytes_copies_uint8_rows():
    rows = np.array([[0, 128, 255, 255], [1, 2, 3, 4]], np.uint8)
    got = lc.to_rgba_bytes(rows, 2)
    assert got.tolist() == rows.tolist() and got is not rows
    got[0, 0] = 9
    assert rows[0, 0] == 0  # a copy: the buffer that keeps it never writes the caller's


@pytest.mark.parametrize("name", ["viridis", "tab10", "RdBu_r"])
def test_colormap_bytes_are_the_bytes_of_its_float_rows(name):
    """rgba_bytes looks values up in the table converted once; it must give exactly
    to_rgba_bytes of the float rows: every entry, edges between entries, 1.0, under,
    over, NaN, masked values, integers, extremes set, one value and a 2-D array."""
    cmap = lc.get_cmap(name)
    n = cmap.N
    x = np.concatenate([np.linspace(0, 1, 4 * n + 1), np.arange(n + 1) / n,
                        [-0.5, 1.5, np.nan, np.inf, -np.inf, 1.0, 0.0]])
    for c in (cmap, cmap.with_extremes(under="red", over=(0, 0, 1, 0.5), bad="0.3")):
        for values in (x, x.reshape(-1, 1)[:40].reshape(5, 8), x[:1],
                       np.ma.masked_array(x, mask=np.arange(len(x)) % 7 == 0),
                       np.arange(-2, n + 3)):
            expected = lc.to_rgba_bytes(np.asarray(c(values)).reshape(-1, 4), np.size(values))
            assert np.array_equal(c.rgba_bytes(values), expected)
    with pytest.raises(ValueError, match="X: got a scalar"):
        cmap.rgba_bytes(0.5)


@pytest.mark.parametrize("n", [3, 7, 100, 300])
def test_resampled_matches_matplotlib_for_every_builtin(n):
    """ListedColormaps (viridis, tab10) pick their nearest entries; maps matplotlib
    defines by segment rows evaluate them anew (gist_stern's jumps stay sharp). Only the
    maps matplotlib defines by functions of x (flag, gnuplot, ...) interpolate the table."""
    matplotlib = pytest.importorskip("matplotlib")
    mc = pytest.importorskip("matplotlib.colors")
    x = np.arange(n)
    for name in lc.colormap_names():
        if name.startswith("lumos_test"):
            continue
        theirs = matplotlib.colormaps[name]
        functions = not isinstance(theirs, mc.ListedColormap) and any(
            callable(rows) for rows in theirs._segmentdata.values())
        for suffix in ("", "_r"):
            ours = get_cmap(name + suffix).resampled(n)
            want = matplotlib.colormaps[name + suffix].resampled(n)(x)
            tol = 0.1 if functions else 1 / 255  # the tables are stored as bytes
            assert np.abs(ours(x) - want).max() <= tol, name + suffix


def test_resampled_segments_of_user_maps_match_matplotlib():
    mc = pytest.importorskip("matplotlib.colors")
    seg = {"red": [(0, 0, 0), (0.3, 1, 0.2), (1, 1, 1)], "green": [(0, 0, 0), (1, 1, 1)],
           "blue": [(0, 0, 0.3), (0.4, 0.8, 0.2), (1, 0, 0)]}
    x = np.arange(11)
    for ours, theirs in [
        (lc.LinearSegmentedColormap("s", seg, N=256, gamma=2.0),
         mc.LinearSegmentedColormap("s", seg, N=256, gamma=2.0)),
        (Colormap.from_list("f", ["red", (0.2, 0.9, 0.1, 0.5), "blue"]),
         mc.LinearSegmentedColormap.from_list("f", ["red", (0.2, 0.9, 0.1, 0.5), "blue"])),
        (Colormap.from_list("p", [(0, "k"), (0.33, "w"), (1, "r")], gamma=0.5),
         mc.LinearSegmentedColormap.from_list("p", [(0, "k"), (0.33, "w"), (1, "r")],
                                              gamma=0.5)),
    ]:
        for a, b in ((ours, theirs), (ours.reversed(), theirs.reversed())):
            assert np.allclose(a.resampled(11)(x), b.resampled(11)(x), atol=1e-9), a.name
