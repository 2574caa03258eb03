"""Regenerate ``lumos/data/colormaps.npz`` from matplotlib's built-in colormaps.

Run once by a maintainer (``pip install matplotlib`` first); lumos itself never imports
matplotlib. Each colormap is stored as its own lookup table, exactly as matplotlib
evaluates it: ``cmap(np.arange(cmap.N))`` (256 entries for continuous maps, 510 for
twilight, the palette size for qualitative maps such as tab10), rounded to uint8.

    python tools/make_colormaps.py [output.npz]

See ``lumos/data/README.md`` for where each table comes from and its license.
"""

from __future__ import annotations

import os
import sys

import numpy as np

# Grouped by origin so the licence notes in lumos/data/README.md stay true.
CC0 = ["viridis", "plasma", "inferno", "magma"]
COLORBREWER = [
    # sequential
    "Blues", "BuGn", "BuPu", "GnBu", "Greens", "Greys", "Oranges", "OrRd", "PuBu",
    "PuBuGn", "PuRd", "Purples", "RdPu", "Reds", "YlGn", "YlGnBu", "YlOrBr", "YlOrRd",
    # diverging
    "BrBG", "PiYG", "PRGn", "PuOr", "RdBu", "RdGy", "RdYlBu", "RdYlGn", "Spectral",
    # qualitative
    "Accent", "Dark2", "Paired", "Pastel1", "Pastel2", "Set1", "Set2", "Set3",
]  # fmt: skip
APACHE_TURBO = ["turbo"]
MATPLOTLIB = [
    "cividis", "twilight", "twilight_shifted",
    "tab10", "tab20", "tab20b", "tab20c",
    "gray", "binary", "bone", "pink", "hot", "afmhot", "copper", "cool",
    "spring", "summer", "autumn", "winter", "jet", "hsv", "rainbow", "terrain", "ocean",
    "gnuplot", "gnuplot2", "CMRmap", "cubehelix", "brg", "bwr", "seismic", "coolwarm",
    "flag", "prism",
]  # fmt: skip
NAMES = CC0 + COLORBREWER + APACHE_TURBO + MATPLOTLIB


def main(out: str) -> None:
    import matplotlib

    tables = {}
    for name in NAMES:
        cmap = matplotlib.colormaps[name]
        rgba = np.asarray(cmap(np.arange(cmap.N)), dtype=np.float64)
        # lumos assumes matplotlib's default extremes; fail loudly if a map ever differs.
        assert np.allclose(cmap.get_under(), rgba[0]), name
        assert np.allclose(cmap.get_over(), rgba[-1]), name
        assert np.allclose(cmap.get_bad(), 0), name
        tables[name] = np.round(rgba * 255).astype(np.uint8)
    np.savez_compressed(out, **tables)
    print(
        f"wrote {len(tables)} colormaps to {out} ({os.path.getsize(out)} bytes) "
        f"from matplotlib {matplotlib.__version__}"
    )


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, os.pardir, "lumos", "data", "colormaps.npz")
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(default))
