"""matplotlib.animation drives the figure: FuncAnimation (blit=True) saved as a GIF
through matplotlib's writers, a draw_event callback, an axes limit callback; the PNG is
the animation's last frame."""

import sys
import tempfile
from pathlib import Path

import numpy as np
from matplotlib.animation import FuncAnimation

import lumos.pyplot as plt

fig, (ax, ax2) = plt.subplots(1, 2, figsize=(7, 3), dpi=100, width_ratios=[2, 1])
x = np.linspace(0, 2 * np.pi, 200)
(wave,) = ax.plot(x, np.sin(x), lw=2)
(dot,) = ax.plot([0], [0], "o", color="C3", ms=8)
ax.set_ylim(-1.2, 1.2)
ax.set_title("FuncAnimation(blit=True)")
draws = []
fig.canvas.mpl_connect("draw_event", lambda event: draws.append(event.name))
limits = []
ax2.callbacks.connect("xlim_changed", lambda a: limits.append(a.get_xlim()))
phases = np.linspace(0, 2 * np.pi, 12, endpoint=False)


def update(phase):
    wave.set_ydata(np.sin(x + phase))
    dot.set_data([np.pi], [np.sin(np.pi + phase)])
    return wave, dot


anim = FuncAnimation(fig, update, frames=phases, interval=50, blit=True)
with tempfile.TemporaryDirectory() as tmp:
    anim.save(Path(tmp) / "wave.gif", writer="pillow", fps=20)
    anim.pause()  # the movie is written: no timer keeps stepping it (on any backend)
    from PIL import Image

    with Image.open(Path(tmp) / "wave.gif") as gif:
        # the red dot's height in each frame of the movie
        heights = []
        for k in range(gif.n_frames):
            gif.seek(k)
            rgb = np.asarray(gif.convert("RGB")).astype(int)
            red = (rgb[..., 0] > 180) & (rgb[..., 1] < 90) & (rgb[..., 2] < 90)
            rows = np.nonzero(red.any(axis=1))[0]
            heights.append(-rows.mean() if len(rows) else np.nan)
ax2.plot(np.arange(len(heights)), heights, "o-", color="C3")
ax2.set_xlim(-1, len(heights))
ax2.set_yticks([])
ax2.set_title(f"the GIF: {len(heights)} frames, xlim told {len(limits)}x")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "animation_events.png")
