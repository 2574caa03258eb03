"""Spines: the four lines framing an axes (``ax.spines["top"].set_visible(False)``)."""

from __future__ import annotations

from .. import colors
from .style import rcParams


class Spine:
    """One side of the axes frame: visibility, color and line width (points)."""

    def __init__(self, visible: bool = True) -> None:
        self._visible = bool(visible)
        self.color = colors.to_rgba(rcParams["axes.edgecolor"])
        self.linewidth = float(rcParams["axes.linewidth"])

    def get_visible(self) -> bool:
        return self._visible

    def set_visible(self, visible: bool) -> None:
        self._visible = bool(visible)

    def set_color(self, color) -> None:
        self.color = colors.to_rgba(color)

    set_edgecolor = set_color

    def set_linewidth(self, width: float) -> None:
        self.linewidth = float(width)


class Spines(dict):
    """``ax.spines``: the four spines by name; ``ax.spines[["top", "right"]]`` selects
    several (setters apply to each), as in matplotlib."""

    def __init__(self, names=("left", "right", "bottom", "top")) -> None:
        super().__init__((name, Spine(rcParams.get(f"axes.spines.{name}", True)))
                         for name in names)

    def __getitem__(self, key):
        if isinstance(key, (list, tuple)):
            return _Several([dict.__getitem__(self, k) for k in key])
        return super().__getitem__(key)

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class _Several:
    def __init__(self, spines: list[Spine]) -> None:
        self._spines = spines

    def __getattr__(self, name: str):
        def apply(*args, **kwargs):
            for s in self._spines:
                getattr(s, name)(*args, **kwargs)

        return apply
