"""lumos's gallery scripts run on matplotlib (lumos's imports swapped for matplotlib's, as
tests/test_gallery.py does) with this backend, against the same scripts on Agg: the
pictures must agree within RMS_TOL."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from mpl_compare import RMS_TOL, rms, save_pair
from test_gallery import as_matplotlib  # tests/test_gallery.py

GALLERY = Path(__file__).resolve().parents[2] / "examples" / "gallery"
SCRIPTS = sorted(p for p in GALLERY.glob("*.py") if not p.name.startswith("_"))


def _run(source: str, script: Path, backend: str, out: Path) -> np.ndarray:
    import matplotlib.pyplot as plt
    from PIL import Image

    plt.switch_backend(backend)
    argv = sys.argv
    sys.argv = [str(script), str(out)]
    try:
        exec(compile(source, str(script), "exec"), {"__name__": "__main__"})
    finally:
        sys.argv = argv
        plt.close("all")
    return np.asarray(Image.open(out).convert("RGB"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_gallery_on_matplotlib_with_lumos(script, tmp_path):
    import matplotlib.pyplot as plt

    source = as_matplotlib(script.read_text())
    old = plt.get_backend()
    try:
        agg = _run(source, script, "agg", tmp_path / "agg.png")
        lumos = _run(source, script, "module://lumos.mpl_backend", tmp_path / "lumos.png")
    finally:
        plt.switch_backend(old)
    d = rms(agg, lumos)
    if d > RMS_TOL:
        save_pair(f"gallery_{script.stem}", agg, lumos)
    assert d <= RMS_TOL, f"{script.stem}: RMS {d:.2f} against Agg (tests/output/mpl_backend)"
