"""2D and 3D axes in one figure: a line plot, an image, a 3D surface and a 3D scatter."""

import sys

import numpy as np

import lumos.pyplot as plt

rng = np.random.default_rng(3)
fig = plt.figure(figsize=(10, 7.5))

ax = fig.add_subplot(2, 2, 1)
t = np.linspace(0, 10, 400)
ax.plot(t, np.sin(t) * np.exp(-t / 5), label="damped")
ax.plot(t, np.cos(t) * np.exp(-t / 5), "--", label="quadrature")
ax.set_xlabel("time (s)")
ax.set_title("signal")
ax.legend()
ax.grid(True)

ax = fig.add_subplot(2, 2, 2)
y, x = np.mgrid[-3:3:120j, -3:3:120j]
field = np.sin(x * 2) * np.cos(y * 1.5) + 0.3 * x
im = ax.imshow(field, extent=(-3, 3, -3, 3), origin="lower", cmap="magma")
fig.colorbar(im, ax=ax, shrink=0.8)
ax.set_title("field")

ax = fig.add_subplot(2, 2, 3, projection="3d")
X, Y = np.meshgrid(np.linspace(-3, 3, 60), np.linspace(-3, 3, 60))
Z = np.sin(X * 2) * np.cos(Y * 1.5) + 0.3 * X
surf = ax.plot_surface(X, Y, Z, cmap="magma", rstride=1, cstride=1)
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_zlabel("field")
ax.set_title("the field as a surface")

ax = fig.add_subplot(2, 2, 4, projection="3d")
pts = rng.normal(size=(3, 300)) * [[1.0], [0.6], [0.4]]
ax.scatter(*pts, c=pts[2], cmap="viridis", s=12)
ax.view_init(elev=20, azim=-35)
ax.set_title("a point cloud")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "dashboard_2d3d.png")
