"""Vector fields and matrices: streamlines (density, colour and width from the field),
wind barbs with a quiver key, a matrix and a sparsity pattern."""

import sys

import numpy as np

import lumos.pyplot as plt

w = 3
Y, X = np.mgrid[-w:w:80j, -w:w:80j]
U = -1 - X**2 + Y
V = 1 + X - Y**2
speed = np.sqrt(U**2 + V**2)

fig, axs = plt.subplots(2, 3, figsize=(13, 8), dpi=100, gridspec_kw={"hspace": 0.35})
axs[0, 0].streamplot(X, Y, U, V, density=[0.5, 1])
axs[0, 0].set_title("streamplot")
strm = axs[0, 1].streamplot(X, Y, U, V, color=U, linewidth=2, cmap="autumn")
fig.colorbar(strm.lines, ax=axs[0, 1])
axs[0, 1].set_title("color from U")
axs[0, 2].streamplot(X, Y, U, V, density=0.6, color="k", linewidth=5 * speed / speed.max())
axs[0, 2].set_title("width from speed")

x = np.linspace(-5, 5, 5)
X2, Y2 = np.meshgrid(x, x)
axs[1, 0].barbs(X2, Y2, 12 * X2, 12 * Y2, length=7, barbcolor="b", flagcolor="r")
q = axs[1, 0].quiver(X2[::2, ::2] + 0.6, Y2[::2, ::2], X2[::2, ::2], Y2[::2, ::2],
                     color="g")
axs[1, 0].quiverkey(q, 0.75, 0.92, 5, "5 m/s", labelpos="E")
axs[1, 0].set_title("barbs, quiver, quiverkey")

a = np.outer(np.arange(1, 9), np.arange(1, 11)) % 7
axs[1, 1].matshow(a, cmap="viridis")
axs[1, 1].set_title("matshow")
rng = np.random.default_rng(5)
sparse = rng.random((24, 24))
sparse[sparse < 0.85] = 0
axs[1, 2].spy(sparse, markersize=4)
axs[1, 2].set_title("spy")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "fields.png")
