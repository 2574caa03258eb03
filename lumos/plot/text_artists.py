"""Text: the text artist that ``ax.text`` and ``fig.text`` return, with matplotlib's
Text properties and setters, and :class:`PixelBox`, the box ``get_window_extent`` gives.
"""

from __future__ import annotations

import numpy as np

from .artists import Artist


class Text(Artist):
    """A text label at a data position, or a position in the coordinates of any
    transform to figure pixels (``transform=ax.transAxes``: axes fraction), with
    matplotlib's Text properties (:class:`lumos.plot.textstyle.TextStyle`: font family,
    style, weight, size, color, alpha, alignment, rotation and rotation_mode, wrap,
    bbox, path_effects, ...)."""

    zorder = 3.0
    rasterizable = False

    def __init__(self, axes, x, y, text, transform=None, label=None, zorder=None,
                 figure=None, **props) -> None:
        from .textstyle import TextStyle

        super().__init__(axes, label, zorder)
        self.figure = axes.figure if axes is not None else figure  # figure texts: no axes
        self.style = TextStyle()
        self._x, self._y = float(x), float(y)
        self._text = "" if text is None else str(text)
        self._transform = None
        self.set_transform(transform)
        visible = props.pop("visible", True)
        self.style.update(props, "text")
        self._visible = bool(visible)

    def set(self, **kwargs) -> Text:
        from .textstyle import normalize

        for key, value in normalize(kwargs).items():
            setter = getattr(self, f"set_{key}", None)
            if setter is None:
                raise AttributeError(f"Text has no property {key!r}")
            setter(value)
        return self

    def update(self, props: dict) -> None:
        """Set the properties of a dict (matplotlib's ``Text.update``)."""
        self.set(**props)

    def get_text(self) -> str:
        """The string."""
        return self._text

    def set_text(self, text) -> None:
        """A new string."""
        self._text = "" if text is None else str(text)
        self._changed()

    def set_position(self, xy) -> None:
        """A new anchor (x, y) in the text's coordinates."""
        self._x, self._y = (float(v) for v in xy)
        self._changed()

    def get_position(self) -> tuple[float, float]:
        """The anchor (x, y) in the text's coordinates."""
        return self._x, self._y

    def set_x(self, x) -> None:
        """A new x of the anchor, in the text's coordinates."""
        self._x = float(x)
        self._changed()

    def set_y(self, y) -> None:
        """A new y of the anchor, in the text's coordinates."""
        self._y = float(y)
        self._changed()

    def get_fontsize(self) -> float:
        """The font size in points."""
        return self.style.fontsize

    get_size = get_fontsize

    def get_color(self):
        """The text color."""
        return self.style.color

    def get_rotation(self) -> float:
        """The rotation in degrees, counter-clockwise."""
        return self.style.rotation

    def get_horizontalalignment(self) -> str:
        """'left', 'center' or 'right' of the anchor."""
        return self.style.ha

    def get_verticalalignment(self) -> str:
        """'top', 'center', 'bottom' or 'baseline' at the anchor."""
        return self.style.va

    def get_fontweight(self):
        """The font weight (a number or a name)."""
        return self.style.weight or 400

    def get_fontfamily(self):
        """The font families, first preferred."""
        return list(self.style.family or ("sans-serif",))

    def get_fontstyle(self) -> str:
        """'normal', 'italic' or 'oblique'."""
        return self.style.fontstyle or "normal"

    def get_bbox_patch(self):
        """The box drawn behind the text (None without ``bbox``)."""
        return self.style.bbox

    def get_alpha(self):
        """The text's opacity (None: its color's)."""
        return self.style.alpha

    def set_transform(self, transform) -> None:
        """Any transform to figure pixels: lumos's (``ax.transAxes``, ``fig.transFigure``,
        ...) or matplotlib's."""
        from .transforms_compat import as_transform

        self._transform = None if transform is None else as_transform(transform,
                                                                     "transform")
        self._changed()

    def get_transform(self):
        """The transform of the position (``ax.transData`` unless given)."""
        return self.axes.transData if self._transform is None else self._transform

    def pixel_position(self) -> tuple[float, float]:
        """Where the anchor lands, in figure pixels from the bottom left."""
        x, y = self.get_transform().forward(np.array([self._x, self._y]))
        return float(x), float(y)

    def get_window_extent(self, renderer=None):
        """The text's box in figure pixels (x0, y0, x1, y1 as a Bbox-like object)."""
        from .textstyle import extent

        fig = self.figure
        x, y = self.pixel_position()
        w, h, d = extent(fig, self._text, self.style)
        from . import text as textmod

        size = fig.points_to_pixels(self.style.fontsize)
        tx, ty, ha, _ = textmod.place(self._text, x, y, size, self.style.ha, self.style.va,
                                      0.0, face=self.style.face())
        x0 = tx - {"left": 0.0, "center": 0.5, "right": 1.0}[ha] * w
        return PixelBox(x0, ty - d, x0 + w, ty - d + h)

    def get_clip_on(self) -> bool:
        """Whether the text hides when its anchor leaves the axes (``clip_on``)."""
        return self.style.clip_on

    def set_clip_on(self, clip_on) -> None:
        """Hide the text when its anchor leaves the axes (True) or not (False)."""
        self.style.set_clip_on(clip_on)
        self._changed()
    def page_anchor(self) -> dict | None:
        """What a page moving the axes' view needs to move the text with it: ``xy`` the
        data point it is anchored at (None: fixed), ``clip`` the data point that hides
        it when out of the axes (None: never hidden), ``arrow`` the data point an arrow
        ends at (None: no arrow); None when it is not anchored to data at all."""
        if self.axes is None or self.get_transform() is not self.axes.transData:
            return None
        xy = (self._x, self._y)
        return {"xy": xy, "clip": xy if self.style.clip_on else None, "arrow": None}

    def _clipped(self) -> bool:
        """``clip_on``: hidden when its anchor leaves the axes (drawn whole otherwise)."""
        if not self.style.clip_on or self.axes is None:
            return False
        x, y = self.pixel_position()
        bx, by, bw, bh = self.axes.box
        return not (bx <= x <= bx + bw and by <= y <= by + bh)

    def draw_overlay(self, ov) -> None:
        """The text (its box and effects) in figure pixels."""
        from .textstyle import draw_text

        if not self._text or self._clipped():
            return
        x, y = self.pixel_position()
        draw_text(ov, self.figure, self._text, x, y, self.style)


class PixelBox:
    """A box in figure pixels (what ``get_window_extent`` gives)."""

    def __init__(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1

    @property
    def width(self) -> float:
        """The width in pixels."""
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        """The height in pixels."""
        return self.y1 - self.y0

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(x0, y0, width, height) in figure pixels."""
        return self.x0, self.y0, self.width, self.height

    def __repr__(self) -> str:
        return f"Bbox([[{self.x0:g}, {self.y0:g}], [{self.x1:g}, {self.y1:g}]])"


def _style_setter(name: str):
    def setter(self, value) -> None:
        getattr(self.style, name)(value)
        self._changed()

    setter.__name__ = name
    setter.__doc__ = f"matplotlib's ``Text.{name}``."
    return setter


def _install_style_setters() -> None:
    from .textstyle import ALIASES, TextStyle

    for name in dir(TextStyle):
        if name.startswith("set_") and not hasattr(Text, name):
            setattr(Text, name, _style_setter(name))
    for alias, key in ALIASES.items():
        if not hasattr(Text, f"set_{alias}") and hasattr(Text, f"set_{key}"):
            setattr(Text, f"set_{alias}", getattr(Text, f"set_{key}"))


_install_style_setters()
