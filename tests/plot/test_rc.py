"""rcParams as matplotlib's: known keys only, checked values, rc/rc_context/rcdefaults,
style sheets, and a warning for keys lumos does not use."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

import lumos.pyplot as plt
from lumos.plot import style
from lumos.plot.style import HONOURED, rcParams

LUMOS = Path(__file__).resolve().parents[2] / "lumos"


@pytest.fixture(autouse=True)
def _restore():
    with plt.rc_context():
        yield


def test_known_keys_checked_values():
    with pytest.raises(KeyError, match="not a valid rc parameter"):
        rcParams["lines.linewidht"] = 2
    with pytest.raises(KeyError):
        plt.rc("lines", thickness=2)
    with pytest.raises(ValueError, match="lines.linewidth"):
        rcParams["lines.linewidth"] = "thick"
    rcParams["lines.linewidth"] = "2.5"  # strings from style files are read
    assert rcParams["lines.linewidth"] == 2.5
    rcParams["axes.grid"] = "True"
    assert rcParams["axes.grid"] is True
    rcParams["figure.figsize"] = "5, 3"
    assert rcParams["figure.figsize"] == [5.0, 3.0]
    with pytest.raises(ValueError, match="image.origin"):
        rcParams["image.origin"] = "middle"
    with pytest.raises(TypeError):
        del rcParams["lines.linewidth"]
    assert len(rcParams) > 300 and "axes.prop_cycle" in rcParams


def test_rc_aliases_and_context_restore():
    plt.rc("lines", lw=3, c="r")
    assert rcParams["lines.linewidth"] == 3 and rcParams["lines.color"] == "r"
    with plt.rc_context({"font.size": 20}):
        assert rcParams["font.size"] == 20
        with plt.rc_context(rc={"font.size": 5}):
            assert rcParams["font.size"] == 5
        assert rcParams["font.size"] == 20
    assert rcParams["font.size"] == 10
    plt.rcdefaults()
    assert rcParams["lines.linewidth"] == 1.5


def test_unused_keys_warn_once_and_honoured_ones_do_not():
    rcParams._warned.discard("mathtext.fontset")
    with pytest.warns(UserWarning, match="mathtext.fontset"):
        rcParams["mathtext.fontset"] = "stix"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rcParams["mathtext.fontset"] = "cm"  # once is enough
        rcParams["lines.linewidth"] = 4
        rcParams["backend"] = "agg"  # about the session: nothing to say
        rcParams["font.family"] = "serif"  # a bundled family (DejaVu Serif)
        rcParams["font.family"] = "sans-serif"


def test_rc_values_reach_the_picture():
    with plt.rc_context({"lines.linewidth": 4, "lines.linestyle": "--", "font.size": 14,
                         "axes.titlesize": "large", "axes.spines.top": False,
                         "axes.prop_cycle": plt.cycler(color=["r", "g"]),
                         "figure.figsize": (3, 2), "figure.dpi": 50,
                         "axes.facecolor": "0.9", "legend.frameon": False}):
        fig, ax = plt.subplots()
        a, b = ax.plot([0, 1]), ax.plot([1, 0])
        ax.set_title("t")
        leg = ax.legend(["a", "b"])
    assert fig.canvas.size == (150, 100)
    assert a[0].get_linewidth() == 4 and a[0].get_linestyle() == "--"
    assert a[0].get_color() == "r" and b[0].get_color() == "g"  # as the cycle holds them
    assert ax.title.get_fontsize() == pytest.approx(14 * 1.2)
    assert not ax.spines["top"].get_visible() and ax.spines["left"].get_visible()
    assert ax.get_facecolor()[0] == pytest.approx(0.9)
    assert leg.frameon is False


def test_style_sheets_from_matplotlib_files_and_dicts(tmp_path):
    pytest.importorskip("matplotlib")
    assert "ggplot" in plt.style.available and "classic" in plt.style.available
    with plt.style.context("ggplot"):
        assert rcParams["axes.facecolor"] == "#E5E5E5"
        assert style.color_cycle()[0] == "#E24A33"
    assert rcParams["axes.facecolor"] == "white"
    sheet = tmp_path / "mine.mplstyle"
    sheet.write_text("# my style\nlines.linewidth : 3  # thick\naxes.edgecolor: '#123456'\n"
                     "axes.prop_cycle: cycler('color', ['1f77b4', 'ff7f0e'])\n")
    plt.style.use([sheet, {"font.size": 12}])
    assert rcParams["lines.linewidth"] == 3 and rcParams["axes.edgecolor"] == "#123456"
    assert rcParams["font.size"] == 12 and style.color_cycle() == ["#1f77b4", "#ff7f0e"]
    plt.style.use("default")
    assert rcParams["lines.linewidth"] == 1.5
    with pytest.raises(OSError, match="no-such-style"):
        plt.style.use("no-such-style")
    with pytest.warns(UserWarning, match="backend"):
        plt.style.use({"backend": "agg"})


def _keys_read_in_source() -> set[str]:
    """The rc keys lumos's code reads by name."""
    keys = set()
    for path in LUMOS.rglob("*.py"):
        if path.parent.name == "mpl_backend":  # matplotlib's backend: matplotlib's rcParams
            continue
        text = path.read_text()
        keys |= set(re.findall(r'rcParams(?:\.get\(|\[)"([a-z0-9_.-]+)"', text))
        keys |= set(re.findall(r'\brc\("([a-z0-9_.-]+\.[a-z0-9_.-]+)"', text))
    return keys


def test_honoured_keys_are_the_ones_the_code_reads():
    read = _keys_read_in_source()
    # keys read through f-strings: figure.subplot.*, figure.constrained_layout.*,
    # axes.spines.*, [xy]tick.labelsize/color, figure's title and label sizes/weights,
    # the legend's sizes (legend._param), boxplot's props and flags (stats_plots._props);
    # text.usetex and text.hinting the store follows as they are set (style.RcParams._set)
    patterns = ("figure.subplot.", "figure.constrained_layout.", "axes.spines.",
                "xtick.", "ytick.", "figure.title", "figure.label", "font.family", "axes3d.",
                "text.usetex", "text.hinting", "legend.", "boxplot.")
    unread = {k for k in HONOURED - read if not k.startswith(patterns)}
    assert not unread, f"HONOURED lists keys no code reads: {sorted(unread)}"
    unlisted = {k for k in read - HONOURED if k in style.DEFAULTS}
    assert not unlisted, f"code reads keys HONOURED does not list: {sorted(unlisted)}"


def test_styles_without_ticks_draw():
    """seaborn's whitegrid sets xtick.major.size 0: figures still lay out and draw."""
    pytest.importorskip("matplotlib")
    with plt.style.context("seaborn-v0_8-whitegrid"):
        fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
        ax.plot([0, 1], [1, 0])
        ax.minorticks_on()
        fig.canvas.draw()
        image = fig.canvas.render()
    assert image.shape[:2] == (100, 150) and (image[..., :3] < 128).any()


def test_matplotlibs_own_rcparams_reach_lumos_figures():
    """A script that sets matplotlib's rcParams (mpl.rc, mpl.rcParams, mpl.style) and
    swapped only its pyplot import gets that styling; contexts restore."""
    mpl = pytest.importorskip("matplotlib")
    import matplotlib.style

    with mpl.rc_context():
        mpl.rc("lines", linewidth=4)
        mpl.rcParams["font.size"] = 7
        fig, ax = plt.subplots()
        assert ax.plot([0, 1])[0].get_linewidth() == 4 and rcParams["font.size"] == 7
        with mpl.rc_context({"lines.linewidth": 1}):
            assert plt.subplots()[1].plot([1])[0].get_linewidth() == 1
        assert plt.subplots()[1].plot([1])[0].get_linewidth() == 4
        with matplotlib.style.context("ggplot"):
            plt.figure()
            assert rcParams["axes.facecolor"] == "#E5E5E5"
    plt.figure()  # matplotlib's values are back: so are lumos's
    assert rcParams["lines.linewidth"] == 1.5 and rcParams["font.size"] == 10
    assert rcParams["axes.facecolor"] == "white"


def test_a_matplotlib_style_context_ended_gives_lumoss_own_defaults_back():
    """A script draws in a matplotlib style, then in the defaults: its lines take
    lumos's default cycle as lumos spells it ('#1f77b4'), not matplotlib 3.11's RGB
    tuples of the same colors, and every key the style set is lumos's default again."""
    pytest.importorskip("matplotlib")
    import matplotlib.style

    with matplotlib.style.context("ggplot"):
        assert plt.subplots()[1].plot([0, 1])[0].get_color() == "#E24A33"
    line = plt.subplots()[1].plot([0, 1])[0]
    assert line.get_color() == "#1f77b4"
    differ = [k for k in matplotlib.style.library["ggplot"]
              if k in style.DEFAULTS and rcParams[k] != style.DEFAULTS[k]]
    assert not differ, differ
    plt.close("all")


def test_matplotlibs_rcparams_set_between_two_pyplot_calls_on_one_figure():
    """matplotlib's customizing tutorial: mpl.rc(...) then plt.plot on the same
    (implicit) figure; the line takes the new values, a context's end restores them."""
    mpl = pytest.importorskip("matplotlib")
    plt.figure()
    with mpl.rc_context():
        mpl.rcParams["lines.linewidth"] = 2
        assert plt.plot([0, 1])[0].get_linewidth() == 2
        mpl.rc("lines", linewidth=4, linestyle="-.")
        line = plt.plot([0, 1])[0]
        assert line.get_linewidth() == 4 and line.get_linestyle() == "-."
        with mpl.rc_context({"lines.linewidth": 3}):
            assert plt.plot([0, 1])[0].get_linewidth() == 3
        assert plt.plot([0, 1])[0].get_linewidth() == 4
    plt.plot([0, 1])
    assert rcParams["lines.linewidth"] == 1.5
    plt.close("all")


def test_date_axes_label_as_matplotlibs_date_converter_says():
    import numpy as np

    d = np.array(["2024-03-01T00:00", "2024-03-01T06:00"], dtype="datetime64[m]")

    def labels():
        fig, ax = plt.subplots()
        ax.plot(d, [0, 1])
        fig.render()
        out = ax.xaxis.ticks()[1]
        plt.close(fig)
        return out

    # matplotlib's default (AutoDateFormatter, date.autoformatter.hour)
    assert labels() == [f"03-01 {h:02d}" for h in range(7)]
    with plt.rc_context({"date.converter": "concise"}):
        assert labels()[1:] == [f"{h:02d}:00" for h in range(1, 7)]


FORMATTER_RC = [  # (rc, x range, y range)
    ({"axes.formatter.limits": (-2, 3)}, (0, 5000), (0, 0.005)),
    ({"axes.formatter.limits": (0, 0)}, (0, 50), (1, 3)),
    ({"axes.formatter.use_mathtext": True}, (0, 5e7), (1e5, 1e5 + 3)),
    ({"axes.formatter.useoffset": False}, (1e5, 1e5 + 3), (2000, 2000.5)),
    ({"axes.formatter.offset_threshold": 2}, (100, 103), (2000, 2000.5)),
]


def _strip_math(s: str) -> str:
    """A label's text without what differs in spelling only: matplotlib's mathtext
    labels wrap numbers in ``\\mathdefault`` (lumos draws them plain)."""
    return re.sub(r"\\mathdefault\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}", r"\1", s) \
        .replace("$", "").replace("−", "-")


@pytest.mark.parametrize("rc,xr,yr", FORMATTER_RC, ids=lambda v: str(v)[:40])
def test_formatter_rc_keys_label_as_matplotlib(rc, xr, yr):
    """ScalarFormatter reads axes.formatter.* when made (with its axes), as matplotlib."""
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as mplt

    def labels(pyplot) -> list:
        with pyplot.rc_context(rc):
            fig, ax = pyplot.subplots()
        ax.plot(xr, yr)
        ax.set_xlim(*xr)
        ax.set_ylim(*yr)
        fig.canvas.draw()
        out = []
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = axis.get_view_interval()
            shown = [t.get_text() for t, v in zip(axis.get_ticklabels(), axis.get_ticklocs(),
                                                   strict=True) if lo <= v <= hi]
            out.append(([_strip_math(s) for s in shown],
                        _strip_math(axis.get_offset_text().get_text())))
        return out

    assert labels(plt) == labels(mplt)
    mplt.close("all")


def test_formatter_rc_keys_checked_and_locale_refused():
    from lumos.plot.ticker import ScalarFormatter

    with pytest.raises(ValueError, match=r"formatter.limits.*two integers"):
        with plt.rc_context({"axes.formatter.limits": (1, 2, 3)}):
            ScalarFormatter()
    with pytest.raises(ValueError, match="useLocale"):
        ScalarFormatter(useLocale=True)
    rcParams._warned.discard("axes.formatter.use_locale")
    with pytest.warns(UserWarning, match="axes.formatter.use_locale"):
        rcParams["axes.formatter.use_locale"] = True
    assert ScalarFormatter(useOffset=12.0).get_useOffset() is False  # the offset given


@pytest.mark.parametrize("where", ["in the context", "after it", "tick_params"])
def test_automatic_tick_count_counts_label_sizes_as_matplotlib(where):
    """matplotlib counts how many ticks fit with the size tick_params gave, else with
    rcParams["ytick.labelsize"] of the draw, whatever the labels' own size: a figure
    made in a style of big labels and drawn after it gets the default's count (gallery
    style_sheets_reference, fivethirtyeight: 0, 2.5, ... 12.5, not 0, 5, 10, 15)."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as mplt

    ticks = []
    for p in (mplt, plt):
        with p.rc_context({"ytick.labelsize": 20}):
            fig, ax = p.subplots(figsize=(3, 2.5), dpi=100)
            ax.set_ylim(0, 11.9)
            if where == "tick_params":
                ax.tick_params(axis="y", labelsize=20)
            if where != "after it":
                fig.savefig(io.BytesIO(), format="png")
                ticks.append(list(ax.get_yticks()))
        if where == "after it":
            fig.savefig(io.BytesIO(), format="png")
            ticks.append(list(ax.get_yticks()))
        p.close(fig)
    assert ticks[1] == pytest.approx(ticks[0])
    assert (len(ticks[0]) > 4) == (where == "after it")
