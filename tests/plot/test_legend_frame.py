"""The legend frame's alpha as matplotlib sets it: opaque under a shadow unless the
script gives framealpha (gallery text_labels_and_annotations/legend_demo.py)."""
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

import lumos.pyplot as plt  # noqa: E402

CASES = [{"shadow": True}, {"shadow": True, "framealpha": 0.5}, {}, {"framealpha": 0.3}]


@pytest.mark.parametrize("kw", CASES)
def test_frame_alpha_is_matplotlibs(kw):
    alphas = []
    for lib in (plt, mplt):
        fig, ax = lib.subplots()
        ax.plot([0, 1], label="a")
        alphas.append(ax.legend(**kw).get_frame().get_alpha())
        lib.close(fig)
    assert alphas[0] == pytest.approx(alphas[1])


def test_a_shadowed_frame_hides_its_shadow():
    fig, ax = plt.subplots()
    ax.plot([0, 1], label="a line with a long label")
    leg = ax.legend(loc="upper left", shadow=True)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    img = np.asarray(Image.open(buf).convert("RGB")).astype(int)
    box = leg.get_window_extent()
    h = img.shape[0]
    # inside the frame, right of the text, where the shadow lies 2 points down-right
    x, y = int(box.x1) - 3, int(h - box.y0) - 4
    assert tuple(img[y, x]) == (255, 255, 255)
    plt.close(fig)
