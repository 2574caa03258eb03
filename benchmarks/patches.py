"""Patches and collections: 10^4 overlapping circles with edges (PatchCollection) and a
10^5-segment LineCollection colored by an array, saved to PNG; the same script for
lumos.pyplot and matplotlib.pyplot (``python patches.py lumos|matplotlib out.png``).

``python patches.py --json`` measures lumos in one process instead: building, the first
and a redrawn frame, a 4x zoom (curves flattened again for the new resolution) and the
number of draws.
"""

import json
import sys
import time

import numpy as np

N_CIRCLES, N_SEGMENTS = 10_000, 100_000


def scene(plt, patches, collections):
    rng = np.random.default_rng(0)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 5), dpi=100)
    circles = [patches.Circle((x, y), r) for x, y, r in
               zip(rng.uniform(0, 100, N_CIRCLES), rng.uniform(0, 100, N_CIRCLES),
                   rng.uniform(0.2, 1.5, N_CIRCLES), strict=True)]
    pc = collections.PatchCollection(circles, cmap="viridis", edgecolor="black",
                                     linewidths=0.5)
    pc.set_array(rng.uniform(0, 1, N_CIRCLES))
    ax1.add_collection(pc)
    ax1.set_xlim(0, 100)
    ax1.set_ylim(0, 100)
    x = np.linspace(0, 100, N_SEGMENTS + 1)
    pts = np.c_[x, np.sin(x)].reshape(-1, 1, 2)
    lc = collections.LineCollection(np.concatenate([pts[:-1], pts[1:]], axis=1),
                                    cmap="plasma", linewidths=2)
    lc.set_array(np.cos(x[:-1]))
    ax2.add_collection(lc)
    ax2.set_xlim(0, 100)
    ax2.set_ylim(-1.2, 1.2)
    return fig, ax1


def measure() -> dict:
    import lumos.pyplot as plt
    from lumos import collections, patches

    t0 = time.perf_counter()
    fig, ax = scene(plt, patches, collections)
    t1 = time.perf_counter()
    fig.render()
    t2 = time.perf_counter()
    fig.render()
    t3 = time.perf_counter()
    ax.set_xlim(40, 65)
    ax.set_ylim(40, 65)
    fig.render()
    t4 = time.perf_counter()
    draws = len(fig.frame().draws)
    return {"build_s": t1 - t0, "first_frame_s": t2 - t1, "redraw_s": t3 - t2,
            "zoom_4x_s": t4 - t3, "draws": draws}


if __name__ == "__main__":
    if sys.argv[1] == "--json":
        print(json.dumps(measure()))
    elif sys.argv[1] == "lumos":
        import lumos.pyplot as plt
        from lumos import collections, patches

        scene(plt, patches, collections)[0].savefig(sys.argv[2])
    else:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib import collections, patches

        scene(plt, patches, collections)[0].savefig(sys.argv[2])
