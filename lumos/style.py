"""matplotlib's ``style`` names: ``import lumos.style``; ``mpl.style.use('ggplot')``
(see :mod:`lumos.plot.stylesheets`)."""

from .plot.stylesheets import available_styles, context, library, reload_library, use  # noqa: F401


def __getattr__(name: str):
    from .plot import stylesheets  # ``available``: the sheets found when asked

    return getattr(stylesheets, name)
