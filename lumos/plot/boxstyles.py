"""matplotlib's box styles for FancyBboxPatch: round, round4, square, sawtooth,
roundtooth, larrow, rarrow, darrow, circle, ellipse (geometry as matplotlib's BoxStyle)."""

from __future__ import annotations

import math
import sys

import numpy as np

from ..path import Affine2D, Path


class BoxStyle:
    """matplotlib's box styles for :class:`FancyBboxPatch`: ``BoxStyle("round", pad=0.2)``
    or ``BoxStyle("round, pad=0.2")``; calling one gives the box's path.

    ``BoxStyle._style_list`` maps each name to its class, as matplotlib's does; a user
    class registered there (``_style_list["angled"] = MyStyle``; or in matplotlib's
    ``BoxStyle._style_list`` when matplotlib is imported) is made with the name's
    ``key=value`` numbers and called as lumos's are."""

    _params = {"square": ("pad",), "circle": ("pad",), "ellipse": ("pad",),
               "larrow": ("pad", "head_width", "head_angle"),
               "rarrow": ("pad", "head_width", "head_angle"),
               "darrow": ("pad", "head_width", "head_angle"),
               "round": ("pad", "rounding_size"), "round4": ("pad", "rounding_size"),
               "sawtooth": ("pad", "tooth_size"), "roundtooth": ("pad", "tooth_size")}
    _style_list: dict[str, type] = {}  # filled below: every built-in name -> BoxStyle

    def __new__(cls, stylename: str, **kwargs):
        name, args = _parse(stylename)
        registered = _registered(name)
        if registered is not None:
            return registered(**args, **kwargs)
        return super().__new__(cls)

    def __init__(self, stylename: str, **kwargs) -> None:
        name, args = _parse(stylename)
        if name not in self._params:
            raise ValueError(f"boxstyle: got {stylename!r}, expected one of "
                             f"{', '.join(style_names())}")
        args.update(kwargs)
        unknown = set(args) - set(self._params[name])
        if unknown:
            raise TypeError(f"boxstyle {name!r}: unexpected attributes {sorted(unknown)}, "
                            f"expected {', '.join(self._params[name])}")
        self.name = name
        self.pad = float(args.get("pad", 0.3))
        self.rounding_size = args.get("rounding_size")
        self.tooth_size = args.get("tooth_size")
        self.head_width = float(args.get("head_width", 1.5))
        self.head_angle = float(args.get("head_angle", 90))
        if self.head_width < 0:
            raise ValueError(f"head_width: got {self.head_width}, expected >= 0")
        if self.head_angle % 360 == 0:
            raise ValueError(f"head_angle: got {self.head_angle}, expected nonzero (mod 360)")

    @classmethod
    def get_styles(cls) -> dict[str, type]:
        """Every style name and its class (matplotlib's ``BoxStyle.get_styles``)."""
        return dict(cls._style_list)

    def __repr__(self) -> str:
        return f"BoxStyle({self.name!r}, pad={self.pad:g})"

    def __call__(self, x0, y0, width, height, mutation_size) -> Path:
        return getattr(self, f"_{self.name}")(x0, y0, width, height, mutation_size)

    @staticmethod
    def _closed(points) -> Path:
        v = np.asarray(points, dtype=float)
        return Path(np.concatenate([v, v[:1]]), closed=True)

    def _padded(self, x0, y0, width, height, m):
        pad = m * self.pad
        return x0 - pad, y0 - pad, width + 2 * pad, height + 2 * pad

    def _square(self, x0, y0, width, height, m) -> Path:
        x0, y0, w, h = self._padded(x0, y0, width, height, m)
        return self._closed([(x0, y0), (x0 + w, y0), (x0 + w, y0 + h), (x0, y0 + h)])

    def _circle(self, x0, y0, width, height, m) -> Path:
        x0, y0, w, h = self._padded(x0, y0, width, height, m)
        return Path.circle((x0 + w / 2, y0 + h / 2), max(w, h) / 2)

    def _ellipse(self, x0, y0, width, height, m) -> Path:
        x0, y0, w, h = self._padded(x0, y0, width, height, m)
        return Path.unit_circle().transformed(
            Affine2D().scale(w / math.sqrt(2), h / math.sqrt(2)).translate(x0 + w / 2,
                                                                            y0 + h / 2))

    def _rarrow(self, x0, y0, width, height, m) -> Path:
        x0, y0, dx, dy = self._padded(x0, y0, width, height, m)
        x1, y1 = x0 + dx, y0 + dy
        head_dy = self.head_width * dy
        mid_y = (y0 + y1) / 2
        shaft_y0, shaft_y1 = mid_y - head_dy / 2, mid_y + head_dy / 2
        cot = 1 / math.tan(math.radians(self.head_angle / 2))
        if cot > 0:
            tip_x = x1 + cot * min(dy, head_dy) / 2
            shaft_x = tip_x - cot * head_dy / 2
            return self._closed([(x0, y0), (shaft_x, y0), (shaft_x, shaft_y0), (tip_x, mid_y),
                                 (shaft_x, shaft_y1), (shaft_x, y1), (x0, y1)])
        dx = min(-cot * max(head_dy - dy, 0) / 2, dx)
        mid_y0 = min(shaft_y0, y0) - dx / cot
        mid_y1 = max(shaft_y1, y1) + dx / cot
        return self._closed([(x0, y0), (x1 - dx, mid_y0), (x1, shaft_y0), (x1, shaft_y1),
                             (x1 - dx, mid_y1), (x0, y1)])

    def _larrow(self, x0, y0, width, height, m) -> Path:
        p = self._rarrow(x0, y0, width, height, m)
        v = p.vertices.copy()
        v[:, 0] = 2 * x0 + width - v[:, 0]
        return Path(v, p.codes)

    def _darrow(self, x0, y0, width, height, m) -> Path:
        x0, y0, dx, dy = self._padded(x0, y0, width, height, m)
        x1, y1 = x0 + dx, y0 + dy
        head_dy = self.head_width * dy
        mid_y = (y0 + y1) / 2
        shaft_y0, shaft_y1 = mid_y - head_dy / 2, mid_y + head_dy / 2
        cot = 1 / math.tan(math.radians(self.head_angle / 2))
        if cot > 0:
            tip_x0 = x0 - cot * min(dy, head_dy) / 2
            shaft_x0 = tip_x0 + cot * head_dy / 2
            tip_x1 = x1 + cot * min(dy, head_dy) / 2
            shaft_x1 = tip_x1 - cot * head_dy / 2
            return self._closed([
                (shaft_x0, y1), (shaft_x0, shaft_y1), (tip_x0, mid_y), (shaft_x0, shaft_y0),
                (shaft_x0, y0), (shaft_x1, y0), (shaft_x1, shaft_y0), (tip_x1, mid_y),
                (shaft_x1, shaft_y1), (shaft_x1, y1)])
        dx = min(-cot * max(head_dy - dy, 0) / 2, dx / 2)
        mid_y0 = min(shaft_y0, y0) - dx / cot
        mid_y1 = max(shaft_y1, y1) + dx / cot
        return self._closed([(x0, shaft_y0), (x0 + dx, mid_y0), (x1 - dx, mid_y0),
                             (x1, shaft_y0), (x1, shaft_y1), (x1 - dx, mid_y1),
                             (x0 + dx, mid_y1), (x0, shaft_y1)])

    def _round(self, x0, y0, width, height, m) -> Path:
        pad = m * self.pad
        dr = m * self.rounding_size if self.rounding_size else pad
        x0, y0, w, h = self._padded(x0, y0, width, height, m)
        x1, y1 = x0 + w, y0 + h
        cp = [(x0 + dr, y0), (x1 - dr, y0), (x1, y0), (x1, y0 + dr), (x1, y1 - dr), (x1, y1),
              (x1 - dr, y1), (x0 + dr, y1), (x0, y1), (x0, y1 - dr), (x0, y0 + dr), (x0, y0),
              (x0 + dr, y0), (x0 + dr, y0)]
        L, C3 = Path.LINETO, Path.CURVE3  # noqa: N806
        codes = [Path.MOVETO, L, C3, C3, L, C3, C3, L, C3, C3, L, C3, C3, Path.CLOSEPOLY]
        return Path(cp, codes)

    def _round4(self, x0, y0, width, height, m) -> Path:
        pad = m * self.pad
        dr = m * self.rounding_size if self.rounding_size else pad / 2
        w, h = width + 2 * pad - 2 * dr, height + 2 * pad - 2 * dr
        x0, y0 = x0 - pad + dr, y0 - pad + dr
        x1, y1 = x0 + w, y0 + h
        cp = [(x0, y0), (x0 + dr, y0 - dr), (x1 - dr, y0 - dr), (x1, y0), (x1 + dr, y0 + dr),
              (x1 + dr, y1 - dr), (x1, y1), (x1 - dr, y1 + dr), (x0 + dr, y1 + dr), (x0, y1),
              (x0 - dr, y1 - dr), (x0 - dr, y0 + dr), (x0, y0), (x0, y0)]
        codes = [Path.MOVETO] + [Path.CURVE4] * 12 + [Path.CLOSEPOLY]
        return Path(cp, codes)

    def _saw_vertices(self, x0, y0, width, height, m) -> list:
        pad = m * self.pad
        tooth = self.pad * 0.5 * m if self.tooth_size is None else self.tooth_size * m
        hsz = tooth / 2
        width = width + 2 * pad - tooth
        height = height + 2 * pad - tooth
        nx = round((width - tooth) / (tooth * 2)) * 2
        ny = round((height - tooth) / (tooth * 2)) * 2
        x0, y0 = x0 - pad + hsz, y0 - pad + hsz
        x1, y1 = x0 + width, y0 + height
        xs = [x0, *np.linspace(x0 + hsz, x1 - hsz, 2 * nx + 1),
              *([x1, x1 + hsz, x1, x1 - hsz] * ny)[:2 * ny + 2],
              x1, *np.linspace(x1 - hsz, x0 + hsz, 2 * nx + 1),
              *([x0, x0 - hsz, x0, x0 + hsz] * ny)[:2 * ny + 2]]
        ys = [*([y0, y0 - hsz, y0, y0 + hsz] * nx)[:2 * nx + 2],
              y0, *np.linspace(y0 + hsz, y1 - hsz, 2 * ny + 1),
              *([y1, y1 + hsz, y1, y1 - hsz] * nx)[:2 * nx + 2],
              y1, *np.linspace(y1 - hsz, y0 + hsz, 2 * ny + 1)]
        return [*zip(xs, ys, strict=True), (xs[0], ys[0])]

    def _sawtooth(self, x0, y0, width, height, m) -> Path:
        return Path(self._saw_vertices(x0, y0, width, height, m), closed=True)

    def _roundtooth(self, x0, y0, width, height, m) -> Path:
        v = self._saw_vertices(x0, y0, width, height, m)
        v = np.concatenate([v, [v[0]]])
        codes = [Path.MOVETO] + [Path.CURVE3, Path.CURVE3] * ((len(v) - 1) // 2) + \
            [Path.CLOSEPOLY]
        return Path(v, codes)


BoxStyle._style_list.update(dict.fromkeys(BoxStyle._params, BoxStyle))


def _parse(stylename) -> tuple[str, dict]:
    """``("round", {"pad": 0.2})`` from ``"round, pad=0.2"`` (matplotlib's grammar)."""
    if not isinstance(stylename, str):
        raise TypeError(f"boxstyle: got {type(stylename).__name__}, expected a style name")
    name, *parts = stylename.replace(" ", "").split(",")
    args = {}
    for part in parts:
        key, sep, value = part.partition("=")
        try:
            args[key] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise ValueError(f"boxstyle: got {stylename!r}, expected name=number "
                             "attributes")
    return name.lower(), args


def _registered(name: str):
    """The user class registered for ``name`` in lumos's ``BoxStyle._style_list`` or,
    when matplotlib is imported and lumos has no such name, in matplotlib's; None for
    lumos's own styles and unknown names."""
    style = BoxStyle._style_list.get(name)
    if style is None and name not in BoxStyle._params:
        mpatches = sys.modules.get("matplotlib.patches")
        style = getattr(getattr(mpatches, "BoxStyle", None), "_style_list", {}).get(name)
    return None if style is BoxStyle else style


def style_names() -> list[str]:
    """Every name a box style may be given by (lumos's, and matplotlib's registered ones
    when matplotlib is imported)."""
    names = dict.fromkeys(BoxStyle._style_list)
    mpatches = sys.modules.get("matplotlib.patches")
    names.update(dict.fromkeys(getattr(getattr(mpatches, "BoxStyle", None), "_style_list", {})))
    return list(names)
