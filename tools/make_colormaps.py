"""Regenerate lumos's color data from matplotlib: ``lumos/data/colormaps.npz`` and
``lumos/data/named_colors.json``.

Run once by a maintainer (``pip install matplotlib`` first); lumos itself never imports
matplotlib. Each colormap is stored as its own lookup table, exactly as matplotlib
evaluates it: ``cmap(np.arange(cmap.N))`` (256 entries for continuous maps, 510 for
twilight, the palette size for qualitative maps such as tab10), rounded to uint8.
Every colormap matplotlib registers is stored except its aliases (``grey``, ``Grays``,
``gist_grey``, ``gist_yerg``: lumos.colors maps those names) and ``_r`` variants (lumos
flips the table). ``named_colors.json`` holds the xkcd color survey names (``xkcd:sky
blue``) and the color sequences that are not colormaps (``petroff10``, ...).

    python tools/make_colormaps.py [output-folder]

See ``lumos/data/README.md`` for where each table comes from and its license.
"""

from __future__ import annotations

import json
import os
import sys

import numpy as np

#: matplotlib names that are only other names for a stored map (lumos.colors knows them)
ALIASES = {"grey": "gray", "Grays": "Greys", "gist_grey": "gist_gray", "gist_yerg": "gist_yarg"}


def main(folder: str) -> None:
    import matplotlib
    from matplotlib import colors as mcolors

    tables = {}
    for name in sorted(matplotlib.colormaps):
        if name.endswith("_r") or name in ALIASES:
            continue
        cmap = matplotlib.colormaps[name]
        rgba = np.asarray(cmap(np.arange(cmap.N)), dtype=np.float64)
        # lumos assumes matplotlib's default extremes; fail loudly if a map ever differs.
        assert np.allclose(cmap.get_under(), rgba[0]), name
        assert np.allclose(cmap.get_over(), rgba[-1]), name
        assert np.allclose(cmap.get_bad(), 0), name
        tables[name] = np.round(rgba * 255).astype(np.uint8)
    for alias, name in ALIASES.items():
        assert np.array_equal(tables[name], np.round(
            matplotlib.colormaps[alias](np.arange(matplotlib.colormaps[alias].N)) * 255)), alias
    # lumos.colors resamples these by picking entries, the others through their segments
    from lumos.colors.maps import LISTED_NAMES

    listed = {name for name in tables
              if isinstance(matplotlib.colormaps[name], mcolors.ListedColormap)}
    assert listed == LISTED_NAMES, sorted(listed ^ LISTED_NAMES)
    segments = {f"{name}/{channel}": np.asarray(rows, dtype=np.float64)
                for name in sorted(set(tables) - listed)
                for channel, rows in matplotlib.colormaps[name]._segmentdata.items()
                if not any(callable(r) for r in matplotlib.colormaps[name]._segmentdata.values())}
    out = os.path.join(folder, "colormap_segments.npz")
    np.savez_compressed(out, **segments)
    print(f"wrote {len(segments)} segment tables to {out} ({os.path.getsize(out)} bytes)")
    out = os.path.join(folder, "colormaps.npz")
    np.savez_compressed(out, **tables)
    print(f"wrote {len(tables)} colormaps to {out} ({os.path.getsize(out)} bytes) "
          f"from matplotlib {matplotlib.__version__}")
    xkcd = {k[len("xkcd:"):]: v for k, v in mcolors.XKCD_COLORS.items()}
    sequences = {name: [mcolors.to_hex(c) for c in matplotlib.color_sequences[name]]
                 for name in matplotlib.color_sequences if name not in tables}
    out = os.path.join(folder, "named_colors.json")
    with open(out, "w") as f:
        json.dump({"xkcd": xkcd, "sequences": sequences}, f, indent=0, sort_keys=True)
    print(f"wrote {len(xkcd)} xkcd colors and sequences {sorted(sequences)} to {out}")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, os.pardir, "lumos", "data")
    main(os.path.normpath(sys.argv[1] if len(sys.argv) > 1 else default))
