"""matplotlib's ``cm`` names: ``import lumos.cm as cm``; ``cm.viridis``,
``cm.ScalarMappable`` (see :mod:`lumos.plot.cm`)."""

from .plot.cm import ScalarMappable, colormaps, get_cmap  # noqa: F401


def __getattr__(name: str):
    from .plot import cm

    return getattr(cm, name)
