"""What ``import lumos.pyplot`` loads: the modules a first 2D figure does not need load
on first use (3D visuals, the GL context code, FreeType, HTML's JSON), and loading them
later gives the same names as before."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

# Each is imported where it is first needed, not by ``import lumos.pyplot``.
DEFERRED = [
    "freetype", "ctypes.util", "json", "base64",  # fonts, GL libraries, HTML export
    "logging", "decimal",  # a callback's error, the cursor's number format
    "pkgutil",  # lumos._exports lists submodules only for dir()
    "string",  # StrMethodFormatter's labels
    "tempfile", "lumos.visuals.glyph_store",  # glyph cells read and written with the first text
    "lumos.gpu.context", "lumos.plot.polar",
    "lumos.plot.binned", "lumos.plot.charts", "lumos.plot.flow", "lumos.plot.matrix",
    "lumos.plot.spectral", "lumos.plot.stats_plots", "lumos.plot.table", "lumos.plot.tri",
    "lumos.plot.bar_plots", "lumos.plot.grid_plots", "lumos.plot.contour",
    "lumos.plot.quiver",
    "lumos.isosurface", "lumos.molecule",
    "lumos.visuals.density", "lumos.visuals.isosurface", "lumos.visuals.molecule",
    "lumos.visuals.stream", "lumos.visuals.surface", "lumos.visuals.volume",
    "lumos.visuals.waterfall",
]


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint(*sys.modules)"],
                         capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def _raises_for_missing(module: str) -> str:
    """Code checking that ``module`` (a lazy module's name in the script) still raises
    AttributeError naming an attribute it does not have."""
    return ("try:\n"
            f"    {module}.no_such_name\n"
            "except AttributeError as e:\n"
            "    assert 'no_such_name' in str(e)\n"
            "else:\n"
            "    raise AssertionError('no AttributeError')\n")


def test_import_pyplot_leaves_out_what_a_first_figure_does_not_use():
    loaded = _modules_after("import lumos.pyplot")
    assert "lumos.plot.axes" in loaded  # the check sees lumos's modules
    assert sorted(loaded.intersection(DEFERRED)) == []


def test_deferred_modules_load_when_used():
    loaded = _modules_after(
        "import lumos.pyplot, lumos.visuals, lumos.gpu\n"
        "from lumos.plot.projections import PolarAxes\n"
        "from lumos.plot.text import measure\n"
        "assert measure('Ag', 10.0)[0] > 0\n"  # text measured: its metrics load
        "lumos.visuals.Volume, lumos.gpu.current\n")
    # the font's metrics: from the cache folder, or FreeType when they are not stored
    # (tests/visuals/test_glyphs.py: a process with them stored loads no FreeType)
    assert {"lumos.visuals.glyph_store", "lumos.visuals.volume", "lumos.gpu.context",
            "lumos.plot.polar"} <= loaded


@pytest.mark.parametrize(("package", "submodule"), [("lumos.gpu", "frame"),
                                                   ("lumos.visuals", "markers"),
                                                   ("lumos.plot", "charts"),
                                                   ("lumos.transforms", "blended")])
def test_lazy_packages_keep_their_names(package, submodule):
    code = (f"import {package} as p\n"
            "names = set(dir(p))\n"
            "missing = [n for n in p.__all__ if n not in names]\n"
            "assert not missing, missing\n"
            "for n in p.__all__:\n"
            "    assert getattr(p, n).__name__ == n, n\n"
            f"assert p.{submodule}.__name__ == '{package}.{submodule}'\n"
            f"from {package} import *\n"
            + _raises_for_missing("p"))
    subprocess.run([sys.executable, "-c", code], check=True)


def test_import_lumos_as_mpl_reaches_matplotlibs_module_names():
    """``import matplotlib as mpl`` swapped for lumos: ``mpl.style.use``, ``mpl.cm``,
    ``mpl.ticker``, ``mpl.colormaps`` are there as after ``import matplotlib``, loaded
    only when first asked for."""
    code = ("import sys, lumos as mpl\n"
            "assert 'lumos.plot.stylesheets' not in sys.modules\n"
            "mpl.style.use('ggplot')\n"
            "assert mpl.rcParams['axes.facecolor'].upper() == '#E5E5E5'\n"
            "assert 'ggplot' in mpl.style.available\n"
            "assert mpl.cm.viridis.name == 'viridis'\n"
            "assert mpl.colormaps['magma'].name == 'magma'\n"
            "assert len(mpl.color_sequences['tab10']) == 10\n"
            "assert mpl.ticker.MaxNLocator.__name__ == 'MaxNLocator'\n"
            "for name in ('colors', 'dates', 'patheffects', 'transforms', 'tri', 'widgets'):\n"
            "    assert getattr(mpl, name).__name__ == 'lumos.' + name\n"
            "import lumos.style\n"
            "assert lumos.style.use is mpl.style.use\n"
            + _raises_for_missing("mpl"))
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("holder", ["plot_types"])
def test_deferred_themes_hold_every_attribute_of_their_mixins(holder):
    from lumos.plot.axes import Axes

    seen: set[str] = set()
    holder_module = importlib.import_module(f"lumos.plot.{holder}")
    for module, (mixin, names) in holder_module.THEMES.items():
        cls = getattr(importlib.import_module(f"lumos.plot.{module}"), mixin)
        assert getattr(holder_module, mixin) is cls  # still a name of the holder module
        defined = {n for n in vars(cls) if not (n.startswith("__") and n.endswith("__"))}
        assert defined == set(names), module
        assert not seen & defined, module  # one theme per name: base order cannot matter
        seen |= defined
        for name in names:
            assert getattr(Axes, name) is vars(cls)[name], name


def test_plain_data_is_plotted_without_lumos_lazy(tmp_path):
    code = (
        "import sys, numpy as np, lumos.pyplot as plt\n"
        "fig, ax = plt.subplots()\n"
        "ax.plot([1, 2, 3]); ax.plot(np.arange(3.0), (1, 2, 3), 'r-')\n"
        "ax.scatter(np.arange(3), [1, 2, 3]); ax.imshow(np.eye(3))\n"
        "s = ax.stream(2, 100); s.push(np.zeros((5, 2))); s.push([[1.0, 2.0]])\n"
        "assert 'lumos.lazy' not in sys.modules\n"
        f"mm = np.memmap({str(tmp_path / 'm.dat')!r}, dtype='f8', mode='w+', shape=(8,))\n"
        "from lumos.plot.bigdata import LazyLine2D\n"
        "assert isinstance(ax.plot(mm)[0], LazyLine2D)  # a memmap still goes lazy\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_figure_loads_logging_only_when_a_callback_raises():
    """The canvas's event dispatcher reports a raising callback through ``logging``
    (14.7 M instructions, ~3 ms of a cold start with its ``traceback`` and ``string``),
    which it imports then, not when the first figure is made."""
    code = (
        "import sys\n"
        "import lumos.pyplot as plt\n"
        "fig, ax = plt.subplots()\n"
        "ax.plot([1.0, 2.0, 3.0])\n"
        "from lumos.scene.events import Event, EventDispatcher\n"
        "assert 'lumos.scene.events' in sys.modules\n"
        "assert 'logging' not in sys.modules\n"
        "d = EventDispatcher()\n"
        "d.on('key_press', lambda event: 1 / 0)\n"
        "d.emit(Event('key_press'))\n"  # logged (to stderr: no handler set), not raised
        "assert 'logging' in sys.modules\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert "the 'key_press' callback" in out.stderr and "ZeroDivisionError" in out.stderr


def test_a_plain_figure_never_imports_numpy_ma(tmp_path):
    """numpy.ma costs about 0.1 s of a cold start; nothing masked, nothing imports it
    (lumos asks sys.modules before asking numpy.ma whether an input is masked)."""
    loaded = _modules_after(
        "import numpy as np\n"
        "import lumos.pyplot as plt\n"
        "rng = np.random.default_rng(0)\n"
        "fig, ax = plt.subplots()\n"
        "ax.plot(np.linspace(0, 1, 1000), rng.normal(size=1000))\n"
        "ax.scatter(rng.normal(size=500), rng.normal(size=500), c=rng.random(500), s=4)\n"
        f"fig.savefig({str(tmp_path / 'f.png')!r})\n")
    assert "lumos.gpu.context" in loaded  # it drew
    assert "numpy.ma" not in loaded


def test_a_long_line_saved_cold_loads_no_module_it_does_not_draw(tmp_path):
    """Scene (a) of benchmarks/peers.py, smaller: a line long enough for its min/max
    envelope (whose partial last bin once imported numpy.ma through np.unique), saved
    to PNG, loads no colormap, norm, patch, date, polar or asinh/logit ticker module,
    no marker, mesh or path visual (the figure overlay's), no clip path, text box,
    path effect or matplotlib transform adapter, no primitive class (those are for
    the vector devices), no lumos.path (patches' paths), constrained layout, arrow,
    canvas event or 'best' legend placement."""
    loaded = _modules_after(
        "import numpy as np\n"
        "import lumos.pyplot as plt\n"
        "y = np.cumsum(np.random.default_rng(0).normal(size=100_003))\n"
        "fig, ax = plt.subplots()\n"
        "ax.plot(np.linspace(0, 1, y.size), y, lw=0.72)\n"
        f"fig.savefig({str(tmp_path / 'a.png')!r})\n")
    assert "lumos.gpu.context" in loaded  # it drew
    assert sorted(loaded.intersection({
        "numpy.ma", "lumos.colors.maps", "lumos.colors.norms", "lumos.plot.cm",
        "lumos.plot.patch_shapes", "lumos.plot.dates", "lumos.plot.polar",
        "lumos.plot.ticker_scales", "lumos.visuals.marker_outline",
        "lumos.visuals.marker_shaders", "lumos.visuals.marker_shapes",
        "lumos.visuals.marker_symbols", "lumos.visuals.markers",
        "lumos.visuals.mesh",
        "lumos.visuals.path", "lumos.plot.clip_paths", "lumos.plot.textbox",
        "lumos.plot.boxstyles", "lumos.plot.effects",
        "lumos.plot.transforms_compat", "lumos.primitives.classes", "lumos.path",
        "lumos.plot.layout_constrained", "lumos.plot.arrowstyles",
        "lumos.plot.canvas_events", "lumos.plot.legend_best"})) == []


def test_primitive_classes_load_at_first_use():
    """``lumos.primitives`` hands out its classes (built in ``lumos.primitives.classes``)
    at their first look-up: the same objects, by attribute and by ``from`` import."""
    code = ("import sys\n"
            "import lumos.primitives as p\n"
            "assert p.MOVETO == 1 and p.CAPS == ('butt', 'round', 'projecting')\n"
            "assert 'lumos.primitives.classes' not in sys.modules\n"
            "from lumos.primitives import Path, WORLD, clip_key\n"
            "import lumos.primitives.classes as c\n"
            "assert Path is c.Path and p.Path is Path and WORLD == (p.Spheres, p.Cylinders, "
            "p.Mesh3D)\n"
            "assert clip_key((0, 0, 1, 1)) == (0, 0, 1, 1)\n"
            "assert {'Path', 'GlyphRun', 'Clip'} <= set(dir(p))\n"
            "public = {n for n, v in vars(c).items() if isinstance(v, type)\n"
            "          and v.__module__ == c.__name__}\n"
            "assert public <= set(dir(p)), public - set(dir(p))\n"
            + _raises_for_missing("p"))
    subprocess.run([sys.executable, "-c", code], check=True)


def test_marker_codes_load_at_first_use():
    """``lumos.plot.artists.MARKERS`` is built from the marker shapes at its first
    look-up, and a format string's marker still parses."""
    code = ("import sys\n"
            "import lumos.plot.artists as a\n"
            "from lumos.plot.axes_plotting import parse_fmt\n"
            "assert 'lumos.visuals.marker_shapes' not in sys.modules\n"
            "assert parse_fmt('r--') == {'color': 'r', 'linestyle': '--'}\n"
            "assert 'lumos.visuals.marker_shapes' not in sys.modules\n"
            "assert parse_fmt('r--o')['marker'] == 'o'\n"
            "from lumos.plot.artists import MARKERS\n"
            "assert MARKERS is a.MARKERS and MARKERS['o'] == MARKERS['.'] == 'disc'\n"
            "assert 'circle' not in MARKERS\n"
            + _raises_for_missing("a"))
    subprocess.run([sys.executable, "-c", code], check=True)


def test_masked_input_is_still_seen_as_masked():
    import numpy as np

    from lumos.colors.names import is_masked_array

    assert is_masked_array(np.ma.masked_invalid([1.0, np.nan]))
    assert not is_masked_array(np.array([1.0, np.nan]))
