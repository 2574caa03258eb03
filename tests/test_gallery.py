"""Every gallery script is an image test, and runs unchanged on matplotlib.pyplot.

The scripts import ``lumos.pyplot as plt`` (and lumos.patches, lumos.collections,
lumos.path); swapping those imports for matplotlib's must give a script matplotlib runs
too (the promise to matplotlib users), producing a picture of the same pixel size with
the axes framed alike: every axes box within a pixel of matplotlib's.
"""

from __future__ import annotations

import re
import runpy
import sys
from pathlib import Path

import numpy as np
import pytest

GALLERY = Path(__file__).resolve().parents[1] / "examples" / "gallery"
SCRIPTS = sorted(p for p in GALLERY.glob("*.py") if not p.name.startswith("_"))
LUMOS_IMPORT = "import lumos.pyplot as plt"
#: the stated tolerance against matplotlib's Agg picture of the same script: mean absolute
#: difference (0..255) of the pictures averaged over 6-pixel blocks
MPL_MEAN_TOL = 5.0


def as_matplotlib(source: str) -> str:
    """The script with every ``lumos.X`` import (pyplot, patches, collections, path) taken
    from ``matplotlib.X`` instead, and ``lumos.mplot3d`` from ``mpl_toolkits.mplot3d``."""
    source = re.sub(r"^(from|import) lumos\.mplot3d", r"\1 mpl_toolkits.mplot3d", source,
                    flags=re.M)
    return re.sub(r"^(from|import) lumos\.", r"\1 matplotlib.", source, flags=re.M)


def _run(script: Path, out: Path, source: str | None = None) -> None:
    """Run a script (its rc changes, style sheets included, end with it)."""
    import matplotlib

    import lumos.pyplot as plt

    argv = sys.argv
    sys.argv = [str(script), str(out)]
    try:
        with plt.rc_context(), matplotlib.rc_context():
            if source is None:
                runpy.run_path(str(script), run_name="__main__")
            else:
                exec(compile(source, str(script), "exec"), {"__name__": "__main__"})
    finally:
        sys.argv = argv


def _png(path: Path) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(path).convert("RGBA"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_gallery_image(script, tmp_path, compare_image):
    import lumos.pyplot as plt

    out = tmp_path / f"{script.stem}.png"
    try:
        _run(script, out)
    finally:
        plt.close("all")
    compare_image(f"gallery_{script.stem}", _png(out), mean_tol=1.0, bad_tol=0.005)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_gallery_runs_on_matplotlib(script, tmp_path):
    import matplotlib  # the test extra installs it: missing means a broken set-up

    matplotlib.use("Agg")
    import matplotlib.pyplot as mplt

    source = script.read_text()
    assert LUMOS_IMPORT in source, "gallery scripts import lumos.pyplot as plt"
    out_lumos = tmp_path / "lumos.png"
    out_mpl = tmp_path / "mpl.png"
    import lumos.pyplot as plt

    plt.close("all")  # the figures counted below are the script's only
    mplt.close("all")
    try:
        _run(script, out_lumos)
        ours = _axes_boxes([plt.figure(n) for n in plt.get_fignums()])
        _run(script, out_mpl, as_matplotlib(source))
        theirs = _axes_boxes([mplt.figure(n) for n in mplt.get_fignums()])
    finally:
        plt.close("all")
        mplt.close("all")
    assert _png(out_mpl).shape == _png(out_lumos).shape
    assert [len(f) for f in ours] == [len(f) for f in theirs]
    for a, b in zip(ours, theirs, strict=True):
        np.testing.assert_allclose(a, b, atol=1.0)
    # the picture too, against matplotlib's Agg output: averaged over 6-pixel blocks
    # (antialiasing and glyph rasterization differ pixel by pixel), the mean absolute
    # difference stays under MPL_MEAN_TOL and under half of what the page draws at all
    # (its mean difference from its background): a blank or misplaced picture fails.
    # The gallery measured 0.9 to 3.6, and 0.04 to 0.41 of the content.
    ours_px, theirs_px = _blocks(_png(out_lumos)), _blocks(_png(out_mpl))
    content = np.abs(theirs_px - np.median(theirs_px.reshape(-1, 3), axis=0)).mean()
    diff = np.abs(ours_px - theirs_px).mean()
    assert diff <= MPL_MEAN_TOL and diff <= 0.5 * content, \
        f"{script.stem}: {diff:.2f} from Agg's picture (content {content:.2f})"


def _blocks(img: np.ndarray, k: int = 6) -> np.ndarray:
    """RGB averaged over k x k blocks."""
    h, w = img.shape[0] // k * k, img.shape[1] // k * k
    return img[:h, :w, :3].astype(float).reshape(h // k, k, w // k, k, 3).mean(axis=(1, 3))


def _axes_boxes(figures) -> list[np.ndarray]:
    """Each figure's axes boxes (left, bottom, width, height) in pixels, as drawn."""
    out = []
    for fig in figures:
        fig.canvas.draw()
        w, h = fig.canvas.get_width_height()
        out.append(np.array([np.array(ax.get_position().bounds) * (w, h, w, h)
                             for ax in fig.axes]).reshape(-1, 4))
    return out
