"""imshow: a scalar field with a colorbar, and the same field with bilinear smoothing."""

import sys

import numpy as np

import lumos.pyplot as plt

y, x = np.mgrid[-3:3:40j, -3:3:60j]
z = np.sin(x * 1.5) * np.cos(y) * np.exp(-(x**2 + y**2) / 8)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8, 3.2), dpi=100)
im = ax1.imshow(z, cmap="RdBu_r", vmin=-1, vmax=1, extent=(-3, 3, -3, 3), origin="lower")
ax1.set_title("nearest")
ax2.imshow(z, cmap="viridis", interpolation="bilinear")
ax2.set_title("bilinear, origin upper")
fig.colorbar(im, ax=ax1)
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "image.png")
