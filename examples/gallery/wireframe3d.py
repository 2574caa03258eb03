"""A wireframe of mplot3d's test surface, every 10th row and column."""

import sys

import lumos.pyplot as plt
from lumos.mplot3d import axes3d

fig = plt.figure()
ax = fig.add_subplot(projection="3d")
X, Y, Z = axes3d.get_test_data(0.05)
ax.plot_wireframe(X, Y, Z, rstride=10, cstride=10)
ax.set_title("plot_wireframe")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "wireframe3d.png")
