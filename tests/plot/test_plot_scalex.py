"""``plot(scalex=False)`` / ``scaley=False`` and ``autoscale_view(scalex=, scaley=)``
keep that axis's view, as matplotlib's."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import lumos.pyplot as lplt  # noqa: E402


def _limits(plt, script):
    fig, ax = plt.subplots()
    script(ax)
    fig.canvas.draw()
    out = ax.get_xlim(), ax.get_ylim()
    plt.close(fig)
    return out


def _scalex_false(ax):
    ax.plot([0, 1], [0, 1])
    ax.plot([-10, 10], [0.5, 0.5], scalex=False)


def _scaley_false(ax):
    ax.plot([0, 1], [0, 1])
    ax.plot([0.5, 0.5], [-10, 10], scaley=False)


def _later_fit_counts_it(ax):
    ax.plot([0, 1], [0, 1])
    ax.plot([-10, 10], [0.5, 0.5], scalex=False)
    ax.plot([0, 2], [0, 2])  # asks for x: every line counts now


def _autoscale_view_y_only(ax):
    ax.plot([0, 1], [0, 1])
    ax.set_xlim(0, 1)
    ax.set_autoscalex_on(True)
    ax.lines[0].set_data([0, 5], [0, 5])
    ax.relim()
    ax.autoscale_view(scalex=False)


@pytest.mark.parametrize("script", [_scalex_false, _scaley_false, _later_fit_counts_it,
                                    _autoscale_view_y_only])
def test_limits_as_matplotlib(script):
    got, want = _limits(lplt, script), _limits(mplt, script)
    np.testing.assert_allclose(np.ravel(got), np.ravel(want), rtol=1e-9, atol=1e-12)
