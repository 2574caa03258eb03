"""The tutorials of the documentation (examples/tutorials) run, and each draws pictures.

``make docs`` executes them through sphinx-gallery; this runs the same scripts in the
test suite so that they cannot rot. A tutorial's pictures are what the docs' scraper
(docs/_ext/lumos_gallery.py) collects: the figures left open in lumos.pyplot and the
PNG files it wrote into its working directory.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest

TUTORIALS = sorted((Path(__file__).resolve().parents[1] / "examples" / "tutorials").glob("*.py"))


def test_every_tutorial_is_listed():
    assert len(TUTORIALS) >= 7


@pytest.mark.parametrize("script", TUTORIALS, ids=lambda p: p.stem)
def test_tutorial_runs_and_draws(script, tmp_path, monkeypatch):
    from PIL import Image

    import lumos.pyplot as plt

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.argv", [str(script)])
    plt.close("all")
    try:
        runpy.run_path(str(script), run_name="__main__")
        for num in plt.get_fignums():
            plt.figure(num).savefig(tmp_path / f"figure{num}.png")
    finally:
        plt.close("all")
    pictures = sorted(tmp_path.glob("*.png"))
    assert pictures, f"{script.name} drew nothing"
    for png in pictures:
        rgb = np.asarray(Image.open(png).convert("RGB"), float)
        assert rgb.std() > 5, f"{script.name}: {png.name} is blank"
