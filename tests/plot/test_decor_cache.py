"""The decorations' cache (lumos/plot/decor_cache.py): a frame that changes nothing the
ticks, labels and spines read replays the last frame's; any change that does is drawn.

Each change is made between frames of a figure whose cache holds the frame before; the
picture must be the one the same steps draw with the cache off (and differ from the
picture before, so that the change is one the decorations show)."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.plot import decor_cache, page_axes, ticker
from lumos.plot.style import rcParams


def _figure():
    fig, ax = plt.subplots(figsize=(3.2, 2.4), dpi=60)
    fig.subplots_adjust(left=0.25, bottom=0.3)  # room for the axis labels
    ax.plot(np.linspace(0, 10, 50), np.sin(np.linspace(0, 10, 50)) * 300)
    ax.set_xlabel("time")
    return fig, ax


def _frames(change) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pictures before ``change`` (the third frame: replayed from the cache, the axes'
    decoration kept as the second frame committed it), after it, and the frame after
    that."""
    fig, ax = _figure()
    fig.render()
    fig.render()
    before = fig.render()
    change(ax)
    return before, fig.render(), fig.render()


def _hide_text(ax):
    ax.texts[0].set_visible(False)


def _formatter_powerlimits(ax):
    ax.yaxis.get_major_formatter().set_powerlimits((-1, 1))


def _locator_params(ax):
    ax.yaxis.get_major_locator().set_params(nbins=3)


CHANGES = {
    "locator": lambda ax: ax.xaxis.set_major_locator(ticker.MultipleLocator(4)),
    "formatter": lambda ax: ax.xaxis.set_major_formatter(ticker.FormatStrFormatter("%.2f")),
    "formatter in place": _formatter_powerlimits,
    "locator in place": _locator_params,
    "func formatter": lambda ax: ax.xaxis.set_major_formatter(
        ticker.FuncFormatter(lambda v, p: f"<{v:g}>")),
    "tick params": lambda ax: ax.tick_params(axis="x", length=9, width=2, colors="red"),
    "tick label size": lambda ax: ax.tick_params(labelsize=14),
    "minor ticks": lambda ax: ax.minorticks_on(),
    "label text": lambda ax: ax.set_xlabel("distance"),
    "label font size": lambda ax: ax.xaxis.label.set_fontsize(16),
    "tick labels": lambda ax: ax.set_xticks([2, 5], ["two", "five"]),
    "one tick label": lambda ax: ax.get_yticklabels()[1].set_color("blue"),
    "limits": lambda ax: ax.set_xlim(2, 7),
    "inverted": lambda ax: ax.invert_yaxis(),
    "spine": lambda ax: ax.spines["left"].set_color("green"),
    "spine position": lambda ax: ax.spines["bottom"].set_position(("data", 0)),
    "ticks right": lambda ax: ax.yaxis.tick_right(),
    "axis off": lambda ax: ax.axis("off"),
    "figure size": lambda ax: ax.figure.set_size_inches(4, 2.4),
    "dpi": lambda ax: ax.figure.set_dpi(80),
    "log scale": lambda ax: ax.set_yscale("symlog"),
    # what the axes' decoration draws besides the frame the cache replays
    "text anchored to data": lambda ax: ax.text(5, 0, "here"),
    "annotation": lambda ax: ax.annotate("peak", (1.5, 300), (4, 100),
                                         arrowprops={"arrowstyle": "->"}),
    "grid": lambda ax: ax.grid(True),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_a_change_between_frames_is_drawn(name, monkeypatch):
    before, after, again = _frames(CHANGES[name])
    with monkeypatch.context() as m:  # the same steps, every frame drawn in full
        m.setattr(decor_cache, "lookup", lambda ax, targets, cheap: (None, None))
        expected = _frames(CHANGES[name])
    np.testing.assert_array_equal(before, expected[0])
    assert after.shape != before.shape or not np.array_equal(after, before)
    np.testing.assert_array_equal(after, expected[1])
    np.testing.assert_array_equal(again, expected[2])


def test_a_text_hidden_after_a_frame_goes(monkeypatch):
    def steps():
        fig, ax = _figure()
        ax.text(5, 0, "here")
        return [fig.render() for _ in range(3)], _hide_text(ax), fig.render(), fig.render()

    shown, _, hidden, again = steps()
    with monkeypatch.context() as m:  # the same steps, every frame drawn in full
        m.setattr(decor_cache, "lookup", lambda ax, targets, cheap: (None, None))
        expected = steps()
    for got, want in zip(shown + [hidden, again], expected[0] + list(expected[2:]),
                         strict=True):
        np.testing.assert_array_equal(got, want)
    assert not np.array_equal(hidden, shown[-1])


def test_an_unchanged_frame_replays_the_last_one(monkeypatch):
    fig, ax = _figure()
    first = fig.render()
    fig.render()  # the cheap key repeated: its state is frozen now
    calls, commits = [], []
    draw = decor_cache.Entry.replay
    commit = page_axes.AxesDecor.commit

    def counted(entry, targets, decor=True):
        calls.append(decor)
        return draw(entry, targets, decor)

    def committed(decor, *args):
        commits.append(decor)
        return commit(decor, *args)

    monkeypatch.setattr(decor_cache.Entry, "replay", counted)
    monkeypatch.setattr(page_axes.AxesDecor, "commit", committed)
    np.testing.assert_array_equal(fig.render(), first)
    # the overlay's calls made again; the axes' decoration kept as committed
    assert calls == [False] and commits == []
    ax.set_xlim(1, 8)  # a pan: drawn, not replayed
    fig.render()
    assert calls == [False] and len(commits) == 1


def test_an_rcparam_change_draws_the_next_frame(monkeypatch):
    fig, ax = _figure()
    fig.render()
    fig.render()
    generation = rcParams.generation
    drawn = []
    store = decor_cache.store
    monkeypatch.setattr(decor_cache, "store", lambda *args: drawn.append(args) or store(*args))
    with plt.rc_context({"lines.linewidth": 3}):
        assert rcParams.generation > generation
        fig.render()
    assert len(drawn) == 1


def test_freeze_compares_state_and_refuses_what_it_cannot_see():
    fmt = ticker.ScalarFormatter()
    a = decor_cache.freeze(fmt)
    assert decor_cache.freeze(fmt) == a
    fmt.set_powerlimits((-1, 1))
    assert decor_cache.freeze(fmt) != a
    with pytest.raises(decor_cache.Opaque):
        decor_cache.freeze(ticker.FuncFormatter(lambda v, p: str(v)))

    class Mine(ticker.ScalarFormatter):  # a user's subclass may read state of its own
        pass

    with pytest.raises(decor_cache.Opaque):
        decor_cache.freeze(Mine())
    with pytest.raises(decor_cache.Opaque):
        decor_cache.freeze(np.zeros(decor_cache._MAX_ARRAY + 1))
    arr = np.arange(4.0)
    key = decor_cache.freeze({"v": arr, "nested": [1, (2.0, "x")]})
    arr[0] = 9.0
    assert decor_cache.freeze({"v": arr, "nested": [1, (2.0, "x")]}) != key


def test_the_cache_keeps_no_figure_alive():
    import gc
    import weakref

    fig, ax = _figure()
    fig.render()
    fig.render()
    assert ax in decor_cache._entries
    gone = weakref.ref(ax)
    plt.close(fig)
    del fig, ax
    gc.collect()
    assert gone() is None


def test_freeze_tells_attributes_apart_by_name_and_count():
    # an object freezes as its class, its attribute names and their values: the same
    # values under other names, swapped, or with one attribute more are other states
    def frozen(**attrs):
        loc = ticker.NullLocator()
        vars(loc).update(attrs)
        return decor_cache.freeze(loc)

    assert frozen(a=1, b=(2.0, "x")) == frozen(a=1, b=(2.0, "x"))
    assert frozen(a=1, b=2) != frozen(a=2, b=1)
    assert frozen(a=1, b=2) != frozen(a=1, c=2)
    assert frozen(a=1) != frozen(a=1, b=None)
    assert frozen(a=(1, 2)) != frozen(a=[1, 2])
    assert frozen(a=np.arange(3.0)) != frozen(a=np.arange(1.0, 4.0))
