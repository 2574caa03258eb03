"""
Publication output
==================

One figure, every format a paper, a talk or a web page needs: PNG at any dpi, SVG and
PDF with real text, movies, and standalone interactive pages. Every file appears only
once it is complete (written to a temporary file, then renamed).
"""

# %%
# PNG at any dpi
# --------------
# A PNG is exactly figsize × dpi pixels; lines, markers and text scale with the dpi, so
# a 600 dpi version is the same picture, sharper. Large posters render in tiles.

import tempfile
from pathlib import Path

import numpy as np

import lumos.pyplot as plt

out = Path(tempfile.mkdtemp())
x = np.linspace(0, 4 * np.pi, 300)
fig, ax = plt.subplots(figsize=(5, 3), dpi=100)
(line,) = ax.plot(x, np.sin(x) * np.exp(-x / 8), label=r"$e^{-t/8}\sin t$")
ax.fill_between(x, -np.exp(-x / 8), np.exp(-x / 8), alpha=0.15, label="envelope")
ax.set_xlabel("t (s)")
ax.legend()
for dpi in (100, 300):
    path = fig.savefig(out / f"decay_{dpi}.png", dpi=dpi)
    print(f"{path.name}: {dpi} dpi, {path.stat().st_size / 1024:.0f} KiB")

# %%
# SVG and PDF
# -----------
# Vector files carry paths and real text: fonts are embedded as subsets, so the text is
# searchable and selectable, and the file stays small.

for suffix in ("svg", "pdf"):
    path = fig.savefig(out / f"decay.{suffix}")
    print(f"{path.name}: {path.stat().st_size / 1024:.0f} KiB")

# %%
# A standalone page
# -----------------
# ``.html`` writes one file that draws the figure with WebGL2 in any browser and pans and
# zooms there, without Python or a server: a figure to attach to an e-mail or a lab
# notebook.

path = fig.savefig(out / "decay.html")
print(f"{path.name}: {path.stat().st_size / 1024:.0f} KiB")

# %%
# Movies
# ------
# ``FuncAnimation`` (matplotlib's API) or ``fig.record`` around a loop of your own write
# MP4 (H.264), WebM, GIF or APNG through PyAV; frames encode on a thread while the next
# one renders.

from lumos.plot.animation import FuncAnimation  # noqa: E402

anim = FuncAnimation(fig, lambda i: line.set_ydata(np.sin(x + i / 4) * np.exp(-x / 8)),
                     frames=20, interval=50)
movie = anim.save(out / "wave.mp4", dpi=80, progress=False)
with fig.record(out / "decay.gif", fps=10, dpi=60, progress=False) as rec:
    for tau in (2, 4, 8, 16):
        line.set_ydata(np.sin(x) * np.exp(-x / tau))
        rec.frame()
for f in sorted(out.iterdir()):
    print(f"{f.name:>16}  {f.stat().st_size / 1024:7.1f} KiB")
