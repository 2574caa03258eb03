"""Every gallery script is an image test, and runs unchanged on matplotlib.pyplot.

The scripts import ``lumos.pyplot as plt`` (and lumos.patches, lumos.collections,
lumos.path); swapping those imports for matplotlib's must give a script matplotlib runs
too (the promise to matplotlib users), producing a picture of the same pixel size.
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


def as_matplotlib(source: str) -> str:
    """The script with every ``lumos.X`` import (pyplot, patches, collections, path) taken
    from ``matplotlib.X`` instead, and ``lumos.mplot3d`` from ``mpl_toolkits.mplot3d``."""
    source = re.sub(r"^(from|import) lumos\.mplot3d", r"\1 mpl_toolkits.mplot3d", source,
                    flags=re.M)
    return re.sub(r"^(from|import) lumos\.", r"\1 matplotlib.", source, flags=re.M)


def _run(script: Path, out: Path, source: str | None = None) -> None:
    argv = sys.argv
    sys.argv = [str(script), str(out)]
    try:
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

    try:
        _run(script, out_lumos)
        _run(script, out_mpl, as_matplotlib(source))
    finally:
        plt.close("all")
        mplt.close("all")
    assert _png(out_mpl).shape == _png(out_lumos).shape
