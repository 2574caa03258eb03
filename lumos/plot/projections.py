"""Axes kinds by name: ``fig.add_subplot(projection="polar")`` looks them up here.

matplotlib's ``projection=`` registry: a projection is an :class:`~lumos.plot.Axes`
subclass named by its ``name`` attribute. ``docs/projections.md`` says what a subclass
provides (its transform chain, camera, decorations, limits and interaction).

>>> from lumos.plot import register_projection
>>> register_projection(MyAxes)            # under MyAxes.name
>>> register_projection("mine", MyAxes)    # under another name
"""

from __future__ import annotations

from .._exports import lazy_exports
from .axes import Axes

# PolarAxes was a name of this module; it loads with lumos.plot.polar at first use
__getattr__, __dir__ = lazy_exports(__name__, {"PolarAxes": "polar"}, __package__)
del lazy_exports

_registry: dict[str, type] = {}
# kinds whose module loads on first use (``import lumos`` stays fast)
_lazy = {"polar": ("lumos.plot.polar", "PolarAxes"), "3d": ("lumos.plot.axes3d", "Axes3D"),
         "aitoff": ("lumos.plot.geo", "AitoffAxes"), "hammer": ("lumos.plot.geo", "HammerAxes"),
         "mollweide": ("lumos.plot.geo", "MollweideAxes"),
         "lambert": ("lumos.plot.geo", "LambertAxes")}


def register_projection(name, cls: type | None = None) -> None:
    """Make ``cls`` (an Axes subclass) available as ``projection=name``; with one
    argument, ``name`` is the class and its ``name`` attribute names it (matplotlib's
    form). A name registered again is replaced."""
    if cls is None:
        name, cls = getattr(name, "name", None), name
    if not isinstance(name, str) or not name:
        raise TypeError(f"name: got {name!r}, expected a non-empty string")
    if not (isinstance(cls, type) and issubclass(cls, Axes)):
        raise TypeError(f"cls: got {cls!r}, expected a subclass of lumos.plot.Axes")
    _registry[name] = cls


def projection_names() -> list[str]:
    """The registered projection names, sorted."""
    return sorted(set(_registry) | set(_lazy))


def projection_class(projection=None, polar: bool = False) -> type:
    """The Axes class for ``projection`` (None: 'rectilinear'; ``polar=True``: 'polar'),
    or a ValueError listing the known names."""
    if polar:
        if projection not in (None, "polar"):
            raise ValueError(f"polar=True, yet projection={projection!r}: pass only one "
                             "of them")
        projection = "polar"
    if projection is None:
        projection = "rectilinear"
    if isinstance(projection, type) and issubclass(projection, Axes):
        return projection
    cls = _registry.get(projection) if isinstance(projection, str) else None
    if cls is None and isinstance(projection, str) and projection in _lazy:
        import importlib

        module, name = _lazy.pop(projection)
        register_projection(projection, getattr(importlib.import_module(module), name))
        cls = _registry[projection]
    if cls is None:
        raise ValueError(f"projection: got {projection!r}, expected one of "
                         f"{', '.join(repr(n) for n in projection_names())}")
    return cls


register_projection(Axes)


#: matplotlib's toolkits whose axes classes lumos draws with its own: a toolkit's package
#: -> the lumos module and its function naming the lumos class (loaded at first use; the
#: toolkits sit above this layer)
_toolkits = {"mpl_toolkits.axisartist": ("lumos.axisartist", "toolkit_axes_class"),
             "mpl_toolkits.axes_grid1": ("lumos.axisartist", "toolkit_axes_class")}


def toolkit_class(cls):
    """The lumos class for ``axes_class=cls`` when ``cls`` is a matplotlib toolkit's
    (``mpl_toolkits.axisartist.Axes`` -> ``lumos.axisartist.Axes``), else ``cls``."""
    module = getattr(cls, "__module__", "") or ""
    for package, (lumos_module, name) in _toolkits.items():
        if module == package or module.startswith(package + "."):
            import importlib

            return getattr(importlib.import_module(lumos_module), name)(cls)
    return cls
