"""The backend as matplotlib loads it: MPLBACKEND, matplotlib.use, savefig to every
format lumos writes, print_figure's arguments, Agg-exact layout."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from mpl_compare import RMS_TOL, rms

from lumos.mpl_backend import FigureCanvasLumos, LumosFallbackWarning

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "plot"))  # test_winding_fill's shapes


def _figure() -> Figure:
    fig = Figure(figsize=(3, 2), dpi=100)
    ax = fig.add_subplot()
    ax.plot([0, 1, 2], [1, 0, 1], "o-")
    ax.set_title("title")
    FigureCanvasLumos(fig)
    return fig


@pytest.mark.parametrize("how", ["env", "use"])
def test_matplotlib_loads_the_backend(how, tmp_path):
    """``MPLBACKEND=module://lumos.mpl_backend`` and ``matplotlib.use(...)`` both give
    pyplot figures on lumos's canvas; savefig writes the PNG."""
    out = tmp_path / "f.png"
    use = "" if how == "env" else "import matplotlib; matplotlib.use('module://lumos.mpl_backend')\n"
    code = (use + "import matplotlib.pyplot as plt\n"
            "fig, ax = plt.subplots(figsize=(2, 1), dpi=50)\n"
            "ax.plot([0, 1], [0, 1])\n"
            "print(type(fig.canvas).__name__, plt.get_backend())\n"
            f"fig.savefig({str(out)!r})\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("DISPLAY", None)
    if how == "env":
        env["MPLBACKEND"] = "module://lumos.mpl_backend"
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["FigureCanvasLumos", "module://lumos.mpl_backend"]
    from PIL import Image

    assert Image.open(out).size == (100, 50)


def test_layout_is_agg_s(agg_and_lumos):
    """Text extents are Agg's, so matplotlib lays the figure out identically."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    def extents(canvas_class):
        fig = Figure(figsize=(3, 2), dpi=100)
        ax = fig.add_subplot()
        ax.set_xlabel("a label $x^2$")
        ax.set_title("Title")
        canvas_class(fig)
        fig.tight_layout()
        fig.canvas.draw()
        return [t.get_window_extent().bounds for t in (ax.title, ax.xaxis.label)] + \
            [ax.get_position().bounds]

    assert extents(FigureCanvasLumos) == extents(FigureCanvasAgg)


@pytest.mark.parametrize("fmt", ["png", "jpg", "tif", "webp", "raw", "svg", "pdf", "html"])
def test_savefig_formats(fmt):
    fig = _figure()
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt)
    data = buf.getvalue()
    head = {"png": b"\x89PNG", "jpg": b"\xff\xd8", "tif": b"II", "webp": b"RIFF",
            "svg": b"<?xml", "pdf": b"%PDF", "html": b"<!DOCTYPE html>"}
    if fmt == "raw":
        assert len(data) == 300 * 200 * 4
    else:
        assert data.startswith(head[fmt])


def test_savefig_to_paths_is_atomic_and_by_suffix(tmp_path):
    fig = _figure()
    for suffix in ("png", "svg", "pdf", "html"):
        p = tmp_path / f"f.{suffix}"
        fig.savefig(p)
        assert p.stat().st_size > 100
    assert sorted(x.name for x in tmp_path.iterdir()) == ["f.html", "f.pdf", "f.png",
                                                          "f.svg"]


def test_svg_and_pdf_come_from_lumos_writers():
    import matplotlib as mpl

    fig = _figure()
    svg = io.BytesIO()
    fig.savefig(svg, format="svg")  # svg.fonttype "path" (matplotlib's default): outlines
    text = svg.getvalue().decode()
    assert "<desc>lumos</desc>" in text and "<text" not in text
    with mpl.rc_context({"svg.fonttype": "none"}):  # real text, searchable
        svg = io.BytesIO()
        fig.savefig(svg, format="svg")
    assert "<text" in svg.getvalue().decode() and ">title<" in svg.getvalue().decode()
    pdf = io.BytesIO()
    fig.savefig(pdf, format="pdf")
    assert b"lumos" in pdf.getvalue()[:2000] or b"/Producer" in pdf.getvalue()


def test_unknown_savefig_keyword_raises():
    fig = _figure()
    with pytest.raises(TypeError):
        fig.savefig(io.BytesIO(), format="png", no_such_option=1)


def test_transparent_and_facecolor():
    from PIL import Image

    fig = _figure()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", transparent=True)
    a = np.asarray(Image.open(buf))
    assert a[0, 0, 3] == 0  # the corner shows nothing
    buf = io.BytesIO()
    fig.savefig(buf, format="png", facecolor="red")
    a = np.asarray(Image.open(buf).convert("RGB"))
    assert tuple(a[0, 0]) == (255, 0, 0)


def test_bbox_inches_tight_matches_agg(agg_and_lumos):
    from mpl_figures import text

    agg, lumos = agg_and_lumos(text, bbox_inches="tight")
    assert agg.shape == lumos.shape
    assert rms(agg, lumos) <= RMS_TOL


def test_nan_and_inf_data_do_not_crash(agg_and_lumos):
    def make():
        fig = Figure(figsize=(3, 2), dpi=80)
        ax = fig.add_subplot()
        y = np.array([0, 1, np.nan, 2, np.inf, 1, -np.inf, 0.5])
        ax.plot(y, "o-")
        ax.scatter(np.arange(8), y[::-1])
        ax.fill_between(np.arange(8), y, alpha=0.3)
        ax.imshow(np.array([[np.nan, 1], [2, 3]]), extent=(0, 7, 0, 2))
        return fig

    agg, lumos = agg_and_lumos(make)
    assert rms(agg, lumos) <= RMS_TOL


def test_the_caller_s_arrays_are_not_modified():
    x = np.linspace(0, 1, 10000)
    y = np.sin(x)
    keep = (x.copy(), y.copy())
    fig = Figure()
    ax = fig.add_subplot()
    ax.plot(x, y)
    ax.scatter(x[:100], y[:100], c=y[:100])
    FigureCanvasLumos(fig)
    fig.savefig(io.BytesIO(), format="png")
    assert np.array_equal(x, keep[0]) and np.array_equal(y, keep[1])


def test_empty_figure():
    fig = Figure(figsize=(1, 1), dpi=50)
    FigureCanvasLumos(fig)
    fig.savefig(io.BytesIO(), format="png")


def test_agg_filter_falls_back_with_one_warning(agg_and_lumos):
    """What lumos cannot draw (an agg filter) is drawn by Agg, said once, not dropped."""
    def make():
        fig = Figure(figsize=(3, 2), dpi=80)
        ax = fig.add_subplot()
        ln, = ax.plot([0, 1, 2], [0, 1, 0], lw=4)
        ln.set_agg_filter(lambda im, dpi: (im[::-1, ::-1].copy(), 0, 0))
        ax.plot([0, 2], [1, 0])
        return fig

    from lumos.mpl_backend import renderer

    renderer._warned.clear()
    with pytest.warns(LumosFallbackWarning, match="agg_filter"):
        agg, lumos = agg_and_lumos(make)
    assert rms(agg, lumos) <= RMS_TOL
    with warnings.catch_warnings():
        warnings.simplefilter("error", LumosFallbackWarning)
        agg_and_lumos(make)  # once: the second figure says nothing


def test_a_new_artist_type_is_drawn_by_lumos(agg_and_lumos):
    """An artist of a kind lumos never saw draws through the renderer interface, so
    lumos draws it (no fallback)."""
    from matplotlib.artist import Artist
    from matplotlib.font_manager import FontProperties
    from matplotlib.path import Path as MplPath
    from matplotlib.transforms import Affine2D

    class Star(Artist):
        def draw(self, renderer):
            gc = renderer.new_gc()
            gc.set_foreground("navy")
            gc.set_linewidth(2)
            star = MplPath.unit_regular_star(5)
            renderer.draw_path(gc, star, Affine2D().scale(30).translate(60, 40),
                               (1.0, 0.8, 0.0))
            renderer.draw_text(gc, 100, 70, "star", FontProperties(size=12), 0)
            gc.restore()

    def make():
        fig = Figure(figsize=(2, 1), dpi=80)
        fig.add_artist(Star())
        return fig

    with warnings.catch_warnings():
        warnings.simplefilter("error", LumosFallbackWarning)
        agg, lumos = agg_and_lumos(make)
    assert rms(agg, lumos) <= RMS_TOL
    assert (np.abs(lumos.astype(int) - 255).sum(axis=2) > 100).sum() > 500  # it drew


def test_dashes_with_offsets_and_three_pairs_match_without_fallback(agg_and_lumos):
    def make():
        fig = Figure(figsize=(3, 2), dpi=80)
        ax = fig.add_subplot()
        ax.plot([0, 1], [0, 1], dashes=(5, 2, 1, 2, 1, 2), lw=2)
        ax.plot([0, 1], [1, 0], ls=(3, (4, 2)), lw=2)
        ax.add_patch(Rectangle((0.2, 0.2), 0.6, 0.6, fill=False, ls=(-0.5, (2, 2)), lw=2))
        return fig

    with warnings.catch_warnings():
        warnings.simplefilter("error", LumosFallbackWarning)
        agg, lumos = agg_and_lumos(make)
    assert rms(agg, lumos) <= RMS_TOL


def test_dash_patterns_of_five_pairs_fall_back_and_match(agg_and_lumos):
    def make():
        fig = Figure(figsize=(3, 2), dpi=80)
        fig.add_subplot().plot([0, 1], [0, 1], dashes=(3, 1) * 5, lw=2)
        return fig

    with pytest.warns(LumosFallbackWarning, match="10 lengths"):
        agg, lumos = agg_and_lumos(make)
    assert rms(agg, lumos) <= RMS_TOL


def test_xkcd_sketch_matches_agg(agg_and_lumos):
    """matplotlib's sketch (plt.xkcd) comes from its own path cleanup, as Agg's."""
    import matplotlib as mpl

    def make():
        with mpl.rc_context({"path.sketch": (1, 100, 2)}):
            fig = Figure(figsize=(3, 2), dpi=80)
            ax = fig.add_subplot()
            ax.plot([0, 1, 2], [0, 1, 0], lw=2)
            ax.bar([0.5, 1.5], [0.5, 0.8], alpha=0.5)
        return fig

    agg, lumos = agg_and_lumos(make)
    assert rms(agg, lumos) <= RMS_TOL


def test_rasterized_artist_is_an_image_in_svg():
    """set_rasterized(True): the artist becomes an image in vector files."""
    fig = Figure(figsize=(3, 2), dpi=100)
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1], rasterized=True)
    ax.plot([0, 1], [1, 0])
    FigureCanvasLumos(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", dpi=100)
    text = buf.getvalue().decode()
    assert text.count("<image") == 1


@pytest.mark.parametrize("name", ["pentagram", "figure_eight_patch", "random_polygon",
                                  "pentagram_patch_translucent", "donut_opposite_turn"])
def test_self_crossing_fills_are_agg_s(agg_and_lumos, name):
    # Agg fills by the nonzero rule; mean differences before (cut into loops): 4.71,
    # 20.82, 5.44, 2.44, 0.13
    import matplotlib.pyplot as mplt
    from test_winding_fill import draw

    agg, ours = agg_and_lumos(lambda: draw(mplt, name))
    mplt.close("all")
    assert np.abs(agg.astype(int) - ours.astype(int)).mean() < 0.5
