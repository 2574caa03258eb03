"""3D fills and error bars: fill_between under curves (one polygon each, on its plane),
errorbar with limit arrows, and contour ribbons (extend3d)."""

import math
import sys

import numpy as np

import lumos.pyplot as plt
from lumos.mplot3d import axes3d

fig = plt.figure(figsize=(12, 4))
ax1 = fig.add_subplot(131, projection="3d")
x = np.linspace(0.0, 10.0, 31)
gamma = np.vectorize(math.gamma)
lambdas = range(1, 9)
faces = plt.colormaps["viridis_r"](np.linspace(0, 1, len(lambdas)))
for i, lam in enumerate(lambdas):
    ax1.fill_between(x, lam, lam ** x * np.exp(-lam) / gamma(x + 1), x, lam, 0,
                     facecolors=faces[i], alpha=0.7)
ax1.set(xlim=(0, 10), ylim=(1, 9), zlim=(0, 0.35), xlabel="x", ylabel="lambda",
        title="fill_between")

ax2 = fig.add_subplot(132, projection="3d")
t = np.arange(0, 2 * np.pi + 0.1, 0.01)
i = np.arange(t.size)
ax2.errorbar(np.sin(t), np.cos(3 * t), np.sin(5 * t), 0.2,
             zuplims=(i % 15 == 0) & (i // 15 % 3 == 0),
             zlolims=(i % 15 == 0) & (i // 15 % 3 == 2), errorevery=15)
ax2.set_title("errorbar")

ax3 = fig.add_subplot(133, projection="3d")
X, Y, Z = axes3d.get_test_data(0.05)
ax3.contour(X, Y, Z, extend3d=True, cmap="coolwarm")
ax3.set_title("contour(extend3d=True)")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "fills_errorbars3d.png")
