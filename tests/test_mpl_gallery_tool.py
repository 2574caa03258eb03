"""tools/mpl_gallery.py: matplotlib's gallery scripts run through lumos and compared."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import mpl_gallery  # noqa: E402 - tools/ is not a package


def test_as_lumos_swaps_pyplot_and_the_toolkits_lumos_has():
    source = ("import matplotlib.pyplot as plt\n"
              "    from matplotlib import pyplot as plt\n"
              "import matplotlib.patches as mpatches\n"
              "from mpl_toolkits.axes_grid1 import ImageGrid\n"
              "from mpl_toolkits.axes_grid1.inset_locator import inset_axes\n"
              "import mpl_toolkits.axisartist.axisline_style as axisline_style\n"
              "from mpl_toolkits import axisartist\n"
              "x = 'import matplotlib.pyplot as plt'\n")
    assert mpl_gallery.as_lumos(source).splitlines() == [
        "import lumos.pyplot as plt",
        "    from lumos import pyplot as plt",
        "import matplotlib.patches as mpatches",  # the rest stays matplotlib's
        "from lumos.axes_grid1 import ImageGrid",
        "from lumos.axes_grid1.inset_locator import inset_axes",
        "import mpl_toolkits.axisartist.axisline_style as axisline_style",  # lumos has none
        "from lumos import axisartist",
        "x = 'import matplotlib.pyplot as plt'",
    ]


def test_skips_sgskip_and_missing_packages(tmp_path):
    gallery = tmp_path / "misc"
    gallery.mkdir()
    (gallery / "a.py").write_text("import numpy\nimport helper\n")
    (gallery / "helper.py").write_text("")  # a module beside the script is no package
    (gallery / "b_sgskip.py").write_text("")
    (gallery / "c.py").write_text("import no_such_package_here\n")
    scripts, skipped = mpl_gallery.find_scripts(tmp_path, ["misc"], skip={"helper"})
    assert scripts == ["misc/a.py"]
    assert skipped == {"misc/b_sgskip.py": "sphinx-gallery does not run it (_sgskip)",
                       "misc/c.py": "needs no_such_package_here",
                       "misc/helper.py": "skipped (--skip)"}


@pytest.mark.filterwarnings("ignore")
def test_runs_both_engines_and_compares(tmp_path):
    gallery = tmp_path / "examples" / "misc"
    gallery.mkdir(parents=True)
    (gallery / "two.py").write_text(
        "import matplotlib.pyplot as plt\n"
        "plt.figure(figsize=(2, 1.5)); plt.plot([0, 1], [0, 1])\n"
        "plt.show()\n"
        "fig, ax = plt.subplots(figsize=(2, 1.5)); ax.bar([1, 2], [3, 1])\n")
    (gallery / "bad.py").write_text("import matplotlib.pyplot as plt\n"
                                    "plt.plot([1, 2])\n"
                                    "raise RuntimeError('first line\\nsecond')\n")
    out = tmp_path / "out"
    assert mpl_gallery.main([str(tmp_path / "examples"), str(out), "--subgalleries",
                             "misc", "--jobs", "2"]) == 0
    results = json.loads((out / "results.json").read_text())
    two, bad = results["scripts"]["misc/two.py"], results["scripts"]["misc/bad.py"]
    assert [f["file"] for f in two["lumos"]["figures"]] == ["two-1.png", "two-2.png"]
    assert [f["size_mpl"] for f in two["compared"]] == [[200, 150]] * 2
    assert all(f["size_lumos"] == f["size_mpl"] for f in two["compared"])
    # a line and bars drawn alike: small differences, not a blank page (> 0)
    assert all(0 < f["diff"] < 10 for f in two["compared"]), two["compared"]
    assert bad["lumos"]["error"] == bad["mpl"]["error"] == "RuntimeError: first line"
    assert bad["lumos"]["where"] == "bad.py:3 -> bad.py:3"
    assert (out / "lumos" / "misc" / "bad.err.txt").exists()
    totals = results["totals"]
    assert (totals["scripts"], totals["ok_both"], totals["figures_ok_both"]) == (2, 1, 2)
    (out / "results.md").unlink()
    assert mpl_gallery.main([str(tmp_path / "examples"), str(out), "--report"]) == 0
    report = (out / "results.md").read_text()
    assert "| misc/bad.py | 1 | RuntimeError: first line |" in report
    assert "| misc | 2 | 3 | 1 | 1 | 1 |" in report  # by gallery: bad.py's figure counts
