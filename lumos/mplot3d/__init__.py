"""mplot3d's names for lumos's 3D axes: change ``mpl_toolkits.mplot3d`` to
``lumos.mplot3d`` in a script and it runs on lumos.

>>> from lumos.mplot3d import Axes3D, axes3d, art3d
>>> X, Y, Z = axes3d.get_test_data(0.05)
>>> ax = plt.figure().add_subplot(projection="3d")
>>> ax.plot_surface(X, Y, Z, cmap="coolwarm")
"""

from .axes3d import Axes3D

__all__ = ["Axes3D"]
