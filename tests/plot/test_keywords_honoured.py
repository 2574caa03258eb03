"""Keywords lumos used to accept and drop: each changes what matplotlib says it does."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import lumos.pyplot as lplt  # noqa: E402


def _both(script):
    out = []
    for plt in (lplt, mplt):
        with plt.rc_context({"axes.autolimit_mode": "round_numbers"}):
            fig, ax = plt.subplots()
            out.append(script(plt, fig, ax))
            plt.close(fig)
    return out


def _margins(plt, ax, tight):
    ax.plot([0.13, 9.71], [0.27, 3.33])
    plt.margins(0.05, tight=tight)


def _locator_params(plt, ax, tight):
    ax.locator_params(tight=tight, nbins=4)
    ax.plot([0.13, 9.71], [0.27, 3.33])


@pytest.mark.parametrize("tight", [True, False])
@pytest.mark.parametrize("call", [_margins, _locator_params])
def test_tight_is_kept_for_fits(call, tight):
    """``pyplot.margins(tight=)`` and ``locator_params(tight=)``: limits rounded out to
    ticks under 'round_numbers' only when not tight."""
    def script(plt, fig, ax):
        call(plt, ax, tight)
        fig.canvas.draw()
        return ax.get_xlim() + ax.get_ylim()

    got, want = _both(script)
    np.testing.assert_allclose(got, want, rtol=1e-9)


@pytest.mark.parametrize("share", [True, False])
def test_set_anchor_and_adjustable_share(share):
    def script(plt, fig, ax):
        other = fig.add_subplot(2, 1, 2, sharex=ax)
        ax.set_anchor("W", share=share)
        ax.set_adjustable("datalim", share=share)
        return other.get_anchor(), other.get_adjustable()

    got, want = _both(script)
    assert got == want


@pytest.mark.parametrize("which", ["major", "minor", "both"])
def test_autofmt_xdate_which(which):
    """matplotlib turns the labels of ``which`` only."""
    fig, ax = lplt.subplots()
    ax.plot([0, 10], [0, 1])
    fig.autofmt_xdate(which=which)
    turned = {w: ax.xaxis.get_tick_params(w)["labelrotation"] for w in ("major", "minor")}
    lplt.close(fig)
    assert turned == {w: 30.0 if which in (w, "both") else 0.0 for w in turned}
