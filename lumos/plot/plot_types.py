"""The Axes plotting methods beyond plot, scatter and imshow, gathered by theme: fills,
lines and spans (:mod:`.plotting`), bars and histograms (:mod:`.bar_plots`), values on
grids (:mod:`.grid_plots`), statistics (:mod:`.stats_plots`), charts (:mod:`.charts`),
2-D binning (:mod:`.binned`), spectra (:mod:`.spectral`), triangular grids (:mod:`.tri`),
vector fields (:mod:`.flow`), matrices (:mod:`.matrix`) and tables (:mod:`.table`).
``Axes`` inherits :class:`PlotTypesMixin`, which holds each theme mixin's methods; a
theme's module loads at the first use of one of its methods (``ax.boxplot``), so
``import lumos.pyplot`` does not pay for every plot type."""

from __future__ import annotations

import importlib

from .._exports import lazy_exports

# theme module -> (its mixin, every attribute that mixin defines); in the order
# PlotTypesMixin had them as bases. tests/test_import_cost.py checks these
# lists against the mixins.
THEMES = {
    "plotting": ("PlottingMixin", ("fill_between", "fill_betweenx", "_fill_between", "hlines",
                                   "vlines", "_hvlines", "annotate", "axhline", "axvline",
                                   "_axline", "fill", "axhspan", "axvspan", "_axspan")),
    "bar_plots": ("BarPlotsMixin", ("bar", "barh", "grouped_bar", "hist", "_hist_patches",
                                    "errorbar", "stem")),
    "grid_plots": ("GridPlotsMixin", ("pcolormesh", "pcolor", "_pcolor", "contour",
                                      "contourf", "_contour", "_contour_hatches",
                                      "_contour_xy", "_contour_grid", "clabel", "quiver")),
    "stats_plots": ("StatsMixin", ("boxplot", "bxp", "_add_position_ticks", "violinplot",
                                   "violin", "ecdf")),
    "charts": ("ChartsMixin", ("update_datalim", "pie", "_pie_shadow", "pie_label",
                               "stackplot", "stairs", "eventplot", "broken_barh", "bar_label",
                               "axline")),
    "binned": ("BinnedMixin", ("hexbin", "hist2d")),
    "spectral": ("SpectralMixin", ("_db_ticks", "psd", "csd", "cohere", "_single",
                                   "magnitude_spectrum", "angle_spectrum", "phase_spectrum",
                                   "specgram", "xcorr", "acorr")),
    "tri": ("TriMixin", ("tricontour", "tricontourf", "_tricontour", "tripcolor", "triplot")),
    "flow": ("FlowMixin", ("streamplot", "barbs", "quiverkey")),
    "matrix": ("MatrixMixin", ("matshow", "spy", "pcolorfast")),
    "table": ("TableMixin", ("table",)),
}


class _Deferred:
    """One attribute of a theme mixin, held by ``owner`` until its first access: then
    the theme's module loads and the attribute itself replaces this placeholder
    (``Axes.boxplot`` is StatsMixin's function, with its docstring and signature)."""

    def __init__(self, owner: type, module: str, mixin: str, name: str) -> None:
        self.owner, self.module, self.mixin, self.name = owner, module, mixin, name

    def __get__(self, obj, objtype=None):
        mixin = getattr(importlib.import_module(f"{__package__}.{self.module}"), self.mixin)
        value = vars(mixin)[self.name]
        setattr(self.owner, self.name, value)
        return value.__get__(obj, objtype) if hasattr(value, "__get__") else value


def defer_themes(owner: type, themes: dict[str, tuple[str, tuple[str, ...]]]):
    """Give ``owner`` the attributes of theme mixins it no longer inherits, each loaded
    with its module (``themes``: module in lumos.plot -> (mixin, its attributes)) at the
    first access. The owner's own attributes win, as they did over its bases. Returns
    ``__getattr__`` and ``__dir__`` for the owner's module, where the mixins' names
    (imported there when it inherited them) load at first use too."""
    for module, (mixin, names) in themes.items():
        for name in names:
            if name not in vars(owner):
                setattr(owner, name, _Deferred(owner, module, mixin, name))
    return lazy_exports(owner.__module__,
                        {mixin: module for module, (mixin, _) in themes.items()}, __package__)


class PlotTypesMixin:
    """matplotlib's plot types, one theme module each (loaded at its first use)."""


__getattr__, __dir__ = defer_themes(PlotTypesMixin, THEMES)

__all__ = ["PlotTypesMixin", "defer_themes"]
