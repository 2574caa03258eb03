"""Property cycles (matplotlib's ``axes.prop_cycle``): what lines and patches take when a
plotting call does not say (color, and any other key the cycle has: linestyle, marker,
linewidth, ...).

A cycle is a ``cycler`` object (the ``cycler`` package matplotlib uses:
``cycler(color=['r', 'g']) + cycler(linestyle=['-', '--'])``) or, as lumos also
accepts, a plain list of colors. Each Axes keeps two counters, one for lines and one
for patches, as matplotlib does (``plot`` then ``bar`` both start at C0).
"""

from __future__ import annotations

from .. import colors
from .style import rcParams

#: matplotlib's short property names, as cycles may use them
_ALIASES = {"c": "color", "lw": "linewidth", "ls": "linestyle", "ms": "markersize",
            "mec": "markeredgecolor", "mfc": "markerfacecolor", "mew": "markeredgewidth",
            "fc": "facecolor", "ec": "edgecolor"}


def cycle_dicts(cycle) -> list[dict]:
    """The property dictionaries of a cycle (a cycler or a list of colors)."""
    if isinstance(cycle, (list, tuple)) and cycle and all(colors.is_color_like(c)
                                                          for c in cycle):
        return [{"color": c} for c in cycle]
    if not callable(getattr(cycle, "by_key", None)):
        raise TypeError(f"prop_cycle: got {type(cycle).__name__}, expected a cycler "
                        "(cycler(color=[...])) or a list of colors")
    dicts = [{_ALIASES.get(k, k): v for k, v in d.items()} for d in cycle]
    if not dicts:
        raise ValueError("prop_cycle: got an empty cycle")
    for d in dicts:
        if "color" in d:
            colors.to_rgba(d["color"], argname="prop_cycle color")
    return dicts


def make_cycler(*args, **kwargs):
    """A cycle from matplotlib's ``set_prop_cycle`` arguments: a cycler, ``(label,
    values)``, or keywords (``color=[...], linestyle=[...]``, zipped)."""
    from cycler import cycler

    if len(args) == 1 and not kwargs:
        return args[0]
    if len(args) == 2 and not kwargs:
        return cycler(_ALIASES.get(args[0], args[0]), list(args[1]))
    if args:
        raise TypeError(f"set_prop_cycle: got {len(args)} positional arguments, expected a "
                        "cycler, (label, values) or keywords")
    if not kwargs:
        raise TypeError("set_prop_cycle: got no arguments")
    out = None
    for k, v in kwargs.items():
        c = cycler(_ALIASES.get(k, k), list(v))
        out = c if out is None else out + c
    return out


class PropCycler:
    """One counter over a property cycle (the rc default unless ``set``)."""

    def __init__(self, cycle=None) -> None:
        self.set(cycle)

    def set(self, cycle=None) -> None:
        """Start over on ``cycle`` (None: ``rcParams['axes.prop_cycle']``)."""
        self.dicts = cycle_dicts(rcParams["axes.prop_cycle"] if cycle is None else cycle)
        self.index = 0

    def next(self, given: dict) -> dict:
        """The next entry's properties that ``given`` does not set; the cycle only moves
        when the call leaves some cycled property unset (matplotlib's rule)."""
        keys = set().union(*self.dicts)
        if keys <= set(given):
            return {}
        props = self.dicts[self.index % len(self.dicts)]
        self.index += 1
        return {k: v for k, v in props.items() if k not in given}

    def next_color(self):
        """The next color (black when the cycle has none), moving the cycle."""
        props = self.dicts[self.index % len(self.dicts)]
        self.index += 1
        return props.get("color", "k")

    get_next_color = next_color  # matplotlib's name (Sankey calls it)
