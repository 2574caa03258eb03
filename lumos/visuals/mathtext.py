"""matplotlib's mathtext, laid out into the device-neutral :class:`.fonts.TextLayout`.

:func:`rich_layout` lays out text whose lines may hold math; :func:`layout_rich` is a
drop-in for :func:`.glyphs.layout` (the same arguments, the same ``(quads, uvs)`` arrays
of the SDF atlas), and the vector devices read the layout's glyphs and rules through
:func:`.text_outline.text_primitives`. Text between unescaped ``$`` pairs is typeset as math,
matplotlib-style: ``x^2``, ``x_{ij}``, ``\\frac{a}{b}``, ``\\sqrt{x}``, Greek letters,
common operators and symbols, ``\\mathrm{..}``/``\\text{..}``, ``\\, \\; \\quad``, ``\\$``,
and ``-`` as a real minus sign; matplotlib's other symbol names, font switches
(``{\\rm ..}``), ``\\binom``/``\\genfrac``, ``\\overset``/``\\underset``/``\\substack``,
and ``\\mathbb``/``\\mathfrak``/``\\mathscr``/``\\mathcal`` letters from matplotlib's STIX
fonts (where matplotlib is installed), as its default 'dejavusans' fontset draws them.

As in matplotlib, math is detected per line: a line is math only when it has an even,
non-zero number of unescaped ``$``; otherwise it is plain text, backslashes included
but for ``\\$``, which shows a dollar sign.
Text without any math is laid out as plain text (:func:`.fonts.plain_layout`).

Metrics (ink boxes, the math axis, the radical's rule thickness) come from the font's
outlines, so the layout does not depend on how glyphs are drawn. Fraction bars and
radical overbars are rules: solid rectangles of the layout. The parser (the commands
known, the node tuples laid out here) is :mod:`.mathtext_parser`; the fonts and their
metrics are :mod:`.mathtext_metrics`.
"""

from __future__ import annotations

import functools

import numpy as np

from .fonts import (
    Font,
    TextLayout,
    anchor_offsets,
    block_box,
    check_anchors,
    check_positive,
    check_spacing,
    check_text,
    get_font,
    hint_for,
    line_ink,
    plain_layout,
)
from .glyphs import GlyphAtlas, atlas_quads, get_atlas, text_extent
from .mathtext_metrics import (
    BIG_OPS,
    BIG_SCALE,
    CLOSE,
    OPEN,
    OVERUNDER,
    PUNCT,
    SCALES,
    SCRIPT_SPACE,
    UNDERLINE,
    Metrics,
    glyph_ink,
    math_metrics,
    metrics,
    pick,
    spacing_class,
    stix,
)
from .mathtext_parser import EMPTY, parse, shown_dollars, warn_once

__all__ = ["extent_rich", "layout_rich", "rich_layout", "glyph_ink", "math_metrics",
           "spacing_class"]


# ---------------------------------------------------------------------- boxes
# A box holds glyphs (index, char, pen x, pen y, sx, sy, font) and rules (x0, y0, x1, y1),
# in em of the label's font size, y up.
class _Box:
    __slots__ = ("width", "height", "depth", "glyphs", "rules")

    def __init__(self, width=0.0, height=0.0, depth=0.0) -> None:
        self.width, self.height, self.depth = width, height, depth
        self.glyphs: list[tuple] = []
        self.rules: list[tuple] = []

    def put(self, box: _Box, x: float = 0.0, y: float = 0.0) -> None:
        """Add ``box`` with its origin at (x, y), growing height and depth to fit."""
        self.glyphs.extend((i, c, px + x, py + y, sx, sy, f)
                           for i, c, px, py, sx, sy, f in box.glyphs)
        self.rules.extend((a + x, b + y, c + x, d + y) for a, b, c, d in box.rules)
        self.height = max(self.height, box.height + y)
        self.depth = max(self.depth, box.depth - y)


def _glyph_box(m: Metrics, ch: str, k: float, font: Font | None = None) -> _Box:
    font = m.font if font is None else font
    index = font.index(ch)
    box = _Box(font.advance(index) * k)
    box.glyphs.append((index, ch, 0.0, 0.0, k, k, font))
    ink = font.ink(index)
    if ink is not None:
        box.height, box.depth = max(0.0, ink[3] * k), max(0.0, -ink[1] * k)
    return box


def _text_box(m: Metrics, text: str, k: float, font: Font | None = None) -> _Box:
    """A run of upright text (in ``font``, default math's upright), kerned exactly like
    plain text is."""
    font = m.font if font is None else font
    out, pen, prev = _Box(), 0.0, None
    for c in text:
        if ord(c) < 32:
            continue
        if prev is not None:
            pen += font.kerning(prev, font.index(c)) * k
        g = _glyph_box(m, c, k, font)
        out.put(g, pen)
        pen += g.width
        prev = font.index(c)
    out.width = pen
    return out


def _rule_box(x0: float, y0: float, x1: float, y1: float) -> _Box:
    """A solid rectangle (em); the box's width is ``x1``."""
    box = _Box(x1, max(0.0, y1), max(0.0, -y0))
    if x1 > x0 and y1 > y0:
        box.rules.append((x0, y0, x1, y1))
    return box


# ---------------------------------------------------------------------- math layout
def _atom_class(node: tuple) -> str | None:
    kind = node[0]
    if kind == "scripts":
        base = _atom_class(node[1]) or "ord"
        return "funcsub" if base == "func" else base
    if kind == "space":
        return None
    if kind == "func":
        return "func"
    if kind == "sym":
        c = node[1]
        spacing = spacing_class(c)
        if spacing is not None:
            return spacing
        if c in OPEN:
            return "open"
        if c in CLOSE:
            return "close"
        if c in PUNCT:
            return "punct"
        if c in BIG_OPS:
            return "op"
    return "ord"


def _glue(m: Metrics, a: str, b: str | None) -> float:
    """The space (em) between atoms of classes ``a`` and ``b`` (None: ``a`` ends the
    list): matplotlib's 0.2 of an italic m's advance around binary operators and
    relations and after punctuation; after a function name its thin space (1/6 of that
    m's advance) unless a delimiter follows, and always after one with scripts
    (matplotlib's ``Parser.operatorname``), even at the end; nothing around big
    operators, nothing before a function."""
    if a in ("func", "funcsub"):
        thin = m.space / 0.2 * _THIN if a == "funcsub" or b not in ("open", "close") else 0.0
        return thin + (_glue(m, "ord", b) if b is not None else 0.0)
    if b is None:
        return 0.0
    if b in ("func", "funcsub"):
        b = "ord"
    if a == "bin" or b == "bin":
        return m.space
    if (a == "rel") != (b == "rel") and a not in ("open", "punct") and b not in ("close", "punct"):
        return m.space
    if a == "punct":
        return m.space
    return 0.0


_THIN = 0.16667  # matplotlib's \, in italic m advances (_space_widths)


def _math_list(m: Metrics, nodes: tuple, style: int, fs: str = "it") -> _Box:
    classes = [_atom_class(n) for n in nodes]
    real = [i for i, c in enumerate(classes) if c is not None]
    # A binary operator with no operand on one side is unary (e.g. the minus of 10^{-3}).
    for j, i in enumerate(real):
        if classes[i] == "bin":
            prev = classes[real[j - 1]] if j else None
            nxt = classes[real[j + 1]] if j + 1 < len(real) else None
            if prev in (None, "bin", "rel", "open", "punct", "op") or nxt in (
                None, "rel", "close", "punct"
            ):  # fmt: skip
                classes[i] = "ord"
    out, pen, prev = _Box(), 0.0, None
    for node, cls in zip(nodes, classes, strict=True):
        if cls is not None:
            if prev is not None:  # in scripts too, shrunk with them (matplotlib)
                pen += _glue(m, prev, cls) * SCALES[style]
            prev = cls
        box = _node_box(m, node, style, fs)
        out.put(box, pen)
        pen += box.width
    if prev is not None:  # a function name's thin space at the end too (matplotlib)
        pen += _glue(m, prev, None) * SCALES[style]
    out.width = pen
    return out


def _node_box(m: Metrics, node: tuple, style: int, fs: str = "it") -> _Box:
    k = SCALES[style]
    kind = node[0]
    if kind == "sym":
        if node[1] in BIG_OPS:
            return _big_op_box(m, node[1], k)
        ch, font = pick(m, node[1], fs)
        return _glyph_box(m, ch, k, font)
    if kind == "text":
        return _text_box(m, node[1], k, m.fonts["bf"] if fs in ("bf", "bfit") else None)
    if kind == "func":
        return _text_box(m, node[1], k)
    if kind == "font":
        return _math_list(m, (node[2],), style, node[1])
    if kind == "group":
        return _math_list(m, node[1], style, fs)
    if kind == "space":
        return _Box(node[1] * k)
    if kind == "scripts":
        return _scripts_box(m, node, style, fs)
    if kind == "genfrac":
        return _frac_box(m, node, style, fs)
    if kind == "accent":
        return _accent_box(m, node[1], node[2], style, fs)
    if kind == "delim":
        return _delim_box(m, node, style, fs)
    if kind == "sqrt":
        return _sqrt_box(m, node[1], node[2], style, fs)
    if kind == "overline":
        return _overline_box(m, node[1], style, fs)
    if kind == "underline":
        return _underline_box(m, node[1], style, fs)
    if kind == "genset":
        return _genset_box(m, node, style, fs)
    if kind == "substack":
        return _substack_box(m, node[1], style, fs)
    if kind == "phantom":
        box = _math_list(m, (node[1],), style, fs)
        return _Box(box.width, box.height, box.depth)
    if kind == "middle":  # \\middle outside \\left ... \\right: the delimiter as is
        return _node_box(m, node[1], style, fs)
    if kind == "lap":  # \llap, \rlap: the content over no width, left or right of the pen
        box = _math_list(m, (node[2],), style, fs)
        out = _Box()
        out.put(box, -box.width if node[1] == "l" else 0.0)
        return out
    raise AssertionError(kind)


def _big_op_box(m: Metrics, ch: str, k: float) -> _Box:
    """A big operator (∑, ∫, ...): larger than the text, centred on the math axis."""
    kb = k * BIG_SCALE
    box = _glyph_box(m, ch, kb, m.font)
    ink = m.font.ink(m.font.index(ch))
    if ink is None:
        return box
    dy = m.axis * k - 0.5 * (ink[1] + ink[3]) * kb
    out = _Box()
    out.put(box, 0.0, dy)
    out.width = box.width
    return out


def _limits_box(m: Metrics, node: tuple, style: int, fs: str) -> _Box:
    """A big operator with its limits centred above and below (∑_{i=0}^n)."""
    _, nucleus, sup, sub = node
    k = SCALES[style]
    op = _node_box(m, nucleus, style, fs)
    small = min(style + 1, 2)
    sup_box = _math_list(m, (sup,), small, fs) if sup is not None else None
    sub_box = _math_list(m, (sub,), small, fs) if sub is not None else None
    width = max(op.width, *(b.width for b in (sup_box, sub_box) if b is not None))
    gap = 0.12 * k
    out = _Box()
    out.put(op, 0.5 * (width - op.width))
    if sup_box is not None:
        out.put(sup_box, 0.5 * (width - sup_box.width), op.height + gap + sup_box.depth)
    if sub_box is not None:
        out.put(sub_box, 0.5 * (width - sub_box.width), -(op.depth + gap + sub_box.height))
    out.width = width + 0.08 * k
    return out


# STIX faces matplotlib picks a wide accent from: the first as wide as the argument
_WIDE_FACES = ("STIXGeneral.ttf", "STIXSizOneSymReg.ttf", "STIXSizTwoSymReg.ttf",
               "STIXSizThreeSymReg.ttf", "STIXSizFourSymReg.ttf", "STIXSizFiveSymReg.ttf")


def _wide_accent_box(m: Metrics, mark: str, a: _Box, k: float) -> _Box | None:
    """matplotlib's \\widehat and \\widetilde over box ``a``: the mark from the first STIX
    face whose ink is as wide as ``a`` (the largest if none), scaled so its ink spans
    ``a``'s advance, two rules above the argument. None where matplotlib's STIX faces
    are not found."""
    font = ink = None
    for name in _WIDE_FACES:
        face = stix(name)
        got = None if face is None else face.ink(face.index(mark))
        if got is not None:
            font, ink = face, got
            if (got[2] - got[0]) * k >= a.width:
                break
    if font is None:
        return None
    s = a.width / (ink[2] - ink[0])
    y = a.height + 2 * UNDERLINE * k
    acc = _Box(a.width, y + (ink[3] - ink[1]) * s)
    acc.glyphs.append((font.index(mark), mark, -ink[0] * s, y - ink[1] * s, s, s, font))
    out = _Box()
    out.put(a)
    out.put(acc)
    out.width = a.width
    return out


def _accent_box(m: Metrics, mark: str, arg: tuple, style: int, fs: str) -> _Box:
    """\\hat{x} and friends: a mark centred over the argument."""
    k = SCALES[style]
    a = _math_list(m, (arg,), style, fs)
    if mark in ("\u0302", "\u0303"):  # (over nothing: the plain mark)
        wide = _wide_accent_box(m, mark, a, k) if a.width > 0 else None
        if wide is not None:
            return wide
        if a.width > 0:
            warn_once("wide accents", "mathtext: \\widehat and \\widetilde are drawn as "
                      "\\hat and \\tilde: their wide marks come from the STIX fonts of "
                      "matplotlib, which is not installed")
        mark = "ˆ" if mark == "\u0302" else "˜"
    if mark == "¯":  # \bar: a rule as wide as the argument (but at least a letter's)
        theta = m.rule * k
        y0 = max(a.height, m.x_height * k) + 1.5 * theta
        out = _Box()
        out.put(a)
        w = max(a.width, 0.5 * k)
        out.put(_rule_box(0.5 * (a.width - w) + 0.05 * k, y0, 0.5 * (a.width + w) - 0.05 * k,
                          y0 + theta))
        out.width = a.width
        return out
    ks = 0.8 * k if mark == "→" else k
    acc = _glyph_box(m, mark, ks, m.font)
    ink = m.font.ink(m.font.index(mark))
    if ink is None:
        return a
    # the mark's ink bottom sits a little above the argument (x-height at least)
    base = max(a.height, m.x_height * k) + 0.08 * k
    dy = base - ink[1] * ks
    dx = 0.5 * a.width - 0.5 * (ink[0] + ink[2]) * ks
    out = _Box()
    out.put(a)
    out.put(acc, dx, dy)
    out.width = a.width
    return out


def _delim_box(m: Metrics, node: tuple, style: int, fs: str) -> _Box:
    """\\left( ... \\middle| ... \\right): delimiters stretched to the content."""
    _, left, body, right = node
    delims, parts = [left], [[]]
    for n in body[1]:
        if n[0] == "middle":
            delims.append(n[1])
            parts.append([])
        else:
            parts[-1].append(n)
    inners = [_math_list(m, tuple(p), style, fs) for p in parts]
    return _delimited(m, [*delims, right], inners, style, fs)


def _delimited(m: Metrics, delims: list, inners: list[_Box], style: int, fs: str) -> _Box:
    """Boxes ``inners`` between delimiter nodes (``delims``, one more: EMPTY for none)
    stretched to the tallest, symmetric about the math axis."""
    k = SCALES[style]
    axis = m.axis * k
    half = max(0.6 * k, *(max(b.height - axis, b.depth + axis) for b in inners)) + 0.1 * k
    out, pen = _Box(), 0.0
    for part in [x for pair in zip(delims, [*inners, None], strict=True) for x in pair]:
        if isinstance(part, _Box):
            out.put(part, pen)
            pen += part.width
            continue
        if part is None or part == EMPTY:
            continue
        ch = part[1] if part[0] == "sym" else None
        if ch is None:
            box = _node_box(m, part, style, fs)
            out.put(box, pen)
            pen += box.width
            continue
        idx = m.font.index(ch)
        ink = m.font.ink(idx)
        if ink is None:
            continue
        sy = max(k, 2 * half / (ink[3] - ink[1]))
        dy = axis - 0.5 * (ink[1] + ink[3]) * sy
        box = _Box(m.font.advance(idx) * k, axis + half, half - axis)
        box.glyphs.append((idx, ch, 0.0, dy, k, sy, m.font))
        out.put(box, pen)
        pen += box.width
    out.width = pen
    return out


# matplotlib's script constants for DejaVu Sans (TeX's sigma/xi parameters), in x-heights.
_SUP_DROP, _SUB_DROP = 790.527 / 1120, 102.4 / 1120
_SUP1, _SUB1, _SUB2 = 845.824 / 1120, 307.199 / 1120, 632.832 / 1120
_DELTA, _DELTA_SLANTED = 0.025, 0.2  # kerns before a script: all, after a slanted letter
_SLANTED_OPS = frozenset("∫∮")


def _scripts_box(m: Metrics, node: tuple, style: int, fs: str = "it") -> _Box:
    """Nucleus with superscript and/or subscript, by TeX's rules 18a-f as matplotlib
    applies them (its DejaVu Sans constants): scripts of a letter hang at fixed shifts,
    those of a compound nucleus from its top and bottom; a slanted (italic) letter's
    superscript moves right with its slant and its subscript does not."""
    _, nucleus, sup, sub = node
    if nucleus[0] == "sym" and nucleus[1] in OVERUNDER:
        return _limits_box(m, node, style, fs)
    k = SCALES[style]
    nuc = _node_box(m, nucleus, style, fs)
    out = _Box()
    out.put(nuc, 0.0)
    xh, theta = m.x_height * k, UNDERLINE * k
    sup_kern = sub_kern = _DELTA * xh
    if nucleus[0] == "sym":
        shift_up = shift_down = 0.0
        ch, font = pick(m, nucleus[1], fs)
        if font in (m.fonts["it"], m.fonts["bfit"]) or ch in _SLANTED_OPS:
            sup_kern += _DELTA * xh + _DELTA_SLANTED * (nuc.height - xh * 2 / 3)
            sub_kern = 0.0
    else:
        shift_up = nuc.height - _SUP_DROP * xh * SCALES[1]
        shift_down = nuc.depth + _SUB_DROP * xh * SCALES[1]
    small = min(style + 1, 2)
    sup_box = _math_list(m, (sup,), small, fs) if sup is not None else None
    sub_box = _math_list(m, (sub,), small, fs) if sub is not None else None
    shrink = SCALES[small] / k  # the kerns shrink with their script (matplotlib)
    sup_kern, sub_kern = sup_kern * shrink, sub_kern * shrink
    width = 0.0
    if sup_box is None:
        v = max(shift_down, _SUB1 * xh, sub_box.height - xh * 4 / 5)
    else:
        u = max(shift_up, _SUP1 * xh, sup_box.depth + xh / 4)
        if sub_box is not None:
            v = max(shift_down, _SUB2 * xh)
            clear = 4 * theta - ((u - sup_box.depth) - (sub_box.height - v))
            if clear > 0:
                v += clear
                clear = xh * 4 / 5 - u + sup_box.depth
                if clear > 0:
                    u, v = u + clear, v - clear
    if sub_box is not None:
        out.put(sub_box, nuc.width + sub_kern, -v)
        width = sub_kern + sub_box.width
    if sup_box is not None:
        out.put(sup_box, nuc.width + sup_kern, u)
        width = max(width, sup_kern + sup_box.width)
    out.width = nuc.width + width + SCRIPT_SPACE * xh
    return out


# matplotlib's fraction constants for DejaVu Sans (TeX's sigma 8-12), in x-heights, and
# its math axis (em).
_NUM1, _NUM2, _NUM3 = 1529.86 / 1120, 868.352 / 1120, 970.752 / 1120
_DENOM1, _DENOM2 = 1548.29 / 1120, 768 / 1120
_AXIS = 512 / 2048


def _frac_box(m: Metrics, node: tuple, style: int, fs: str = "it") -> _Box:
    """matplotlib's \\genfrac (\\frac, \\dfrac, \\binom): numerator over denominator
    ``mstyle`` styles smaller (0, display: the same size), a rule of space each side.
    With a rule (one rule thick), it is centred at matplotlib's math axis, the
    numerator's baseline at least num2 (display: num1) x-heights up, the denominator's
    denom2 (denom1) down, each clear of the rule by a rule (three). Without one
    (\\binom), num3 (num1) and denom2 (denom1), at least three (seven) rules apart.
    Delimiters are stretched to the whole (:func:`_delimited`)."""
    _, left, right, rule, mstyle, num, den = node
    k = SCALES[style]
    sub = min(style + mstyle, 2)
    n, d = _math_list(m, (num,), sub, fs), _math_list(m, (den,), sub, fs)
    theta, axis = UNDERLINE * k, _AXIS * k
    xh = m.x_height * SCALES[sub]
    display = mstyle == 0
    inner = max(n.width, d.width)
    out = _Box(inner + 2 * theta)
    if rule != 0:
        if rule is not None:
            warn_once("genfrac rule", "mathtext: \\genfrac's rule is drawn one rule "
                      "thick, whatever its given thickness")
        up, down, clear = (_NUM1 * xh, _DENOM1 * xh, 3 * theta) if display else \
            (_NUM2 * xh, _DENOM2 * xh, theta)
        n_clear = max(up - n.depth - (axis + 0.5 * theta), clear)
        d_clear = max(axis - 0.5 * theta - (d.height - down), clear)
        out.put(_rule_box(theta, axis - 0.5 * theta, theta + inner, axis + 0.5 * theta))
        n_y = axis + 0.5 * theta + n_clear + n.depth
        d_y = axis - 0.5 * theta - d_clear - d.height
    else:
        up, down, least = (_NUM1 * xh, _DENOM1 * xh, 7 * theta) if display else \
            (_NUM3 * xh, _DENOM2 * xh, 3 * theta)
        gap = (up - n.depth) - (d.height - down)
        d_y = -down - 0.5 * max(least - gap, 0.0)
        n_y = d_y + d.height + max(gap, least) + n.depth
    out.put(n, theta + 0.5 * (inner - n.width), n_y)
    out.put(d, theta + 0.5 * (inner - d.width), d_y)
    out.width = inner + 2 * theta
    if left == EMPTY and right == EMPTY:
        return out
    return _delimited(m, [left, right], [out], style, fs)


def _sqrt_box(m: Metrics, arg: tuple, index: tuple | None, style: int,
              fs: str = "it") -> _Box:
    """Radical sign and an overbar, as matplotlib sets them: the sign at its own size
    where it spans the argument (with five rule thicknesses above it), stretched
    upright where not; the bar (one rule thick) on top of the sign, 0.06 em above its
    height; the argument two rules in from the sign's advance, two more after it; an
    index (\\sqrt[n]{x}) at scriptscript size, 0.6 of the sign's height up, half the
    sign's advance left of it."""
    k = SCALES[style]
    a = _math_list(m, (arg,), style, fs)
    theta = UNDERLINE * k
    advance = m.font.advance(m.radical) * k
    ink = m.rad_ink
    sy, dy = k, 0.0
    if ink is not None:
        height, depth = ink[3] * k, -ink[1] * k
        need = a.height + 5 * theta + a.depth
        if height + depth < need - 0.2 * m.x_height * k:  # too short: stretch it
            sy = k * need / (height + depth)
            dy = -a.depth - ink[1] * sy
            height = ink[3] * sy + dy
    else:
        height = a.height + 5 * theta
    out = _Box()
    x = 0.0
    if index is not None:
        ib = _math_list(m, (index,), 2, fs)
        out.put(ib, 0.0, 0.6 * height)
        x = ib.width - 0.5 * advance
    sign = _Box(advance, max(0.0, height), 0.0 if ink is None else max(0.0, -(ink[1] * sy + dy)))
    sign.glyphs.append((m.radical, "√", 0.0, dy, k, sy, m.font))
    out.put(sign, x)
    top = height + 0.06 * k
    bar_x0 = x + advance
    bar_x1 = bar_x0 + a.width + 4 * theta
    out.put(_rule_box(bar_x0, top - theta, bar_x1, top))
    out.put(a, bar_x0 + 2 * theta)
    out.width = bar_x1
    return out


def _overline_box(m: Metrics, arg: tuple, style: int, fs: str = "it") -> _Box:
    """matplotlib's \\overline: a rule (one underline thick) on top of a box three rules
    and 0.06 em taller than the argument."""
    k = SCALES[style]
    a = _math_list(m, (arg,), style, fs)
    theta = UNDERLINE * k
    top = a.height + 3 * theta + 0.06 * k
    out = _Box()
    out.put(a)
    out.put(_rule_box(0.0, top - theta, a.width, top))
    out.height = top
    out.width = a.width
    return out


def _underline_box(m: Metrics, arg: tuple, style: int, fs: str) -> _Box:
    """matplotlib's \\underline: a rule (one rule thick) three rules below the
    argument's depth; the box reaches one rule below it."""
    theta = UNDERLINE * SCALES[style]
    a = _math_list(m, (arg,), style, fs)
    out = _Box()
    out.put(a)
    out.put(_rule_box(0.0, -a.depth - 4 * theta, a.width, -a.depth - 3 * theta))
    out.depth = a.depth + 5 * theta
    out.width = a.width
    return out


def _genset_box(m: Metrics, node: tuple, style: int, fs: str) -> _Box:
    """matplotlib's \\overset{a}{b} and \\underset{a}{b}: ``a`` one style smaller,
    centred three rules above (below) ``b``, which keeps its baseline."""
    _, over, ann, body = node
    theta = UNDERLINE * SCALES[style]
    a = _math_list(m, (ann,), min(style + 1, 2), fs)
    b = _math_list(m, (body,), style, fs)
    width = max(a.width, b.width)
    y = b.height + 3 * theta + a.depth if over else -(b.depth + 3 * theta + a.height)
    out = _Box()
    out.put(b, 0.5 * (width - b.width))
    out.put(a, 0.5 * (width - a.width), y)
    out.width = width
    return out


def _substack_box(m: Metrics, rows: tuple, style: int, fs: str) -> _Box:
    """matplotlib's \\substack{a \\\\ b}: rows centred, two rules apart, on the last
    row's baseline."""
    theta = UNDERLINE * SCALES[style]
    boxes = [_math_list(m, row[1], style, fs) for row in rows]
    width = max(b.width for b in boxes)
    out, y = _Box(), 0.0
    for i, b in enumerate(reversed(boxes)):
        if i:
            y += b.depth + 2 * theta
        out.put(b, 0.5 * (width - b.width), y)
        y += b.height
    out.width = width
    return out


# ---------------------------------------------------------------------- entry points
class _Line:
    """One laid-out line in em: its advance width, height, depth, glyphs and rules, and
    whether it holds math."""

    __slots__ = ("width", "height", "depth", "indices", "chars", "pens", "scales", "rules",
                 "fonts", "math")

    def __init__(self, box: _Box, math: bool) -> None:
        self.width, self.height, self.depth = box.width, box.height, box.depth
        self.math = math
        g = box.glyphs
        self.fonts = [t[6] for t in g]
        self.indices = np.array([t[0] for t in g], np.int64)
        self.chars = "".join(t[1] for t in g)
        self.pens = np.array([t[2:4] for t in g], np.float64).reshape(-1, 2)
        self.scales = np.array([t[4:6] for t in g], np.float64).reshape(-1, 2)
        self.rules = np.asarray(box.rules, np.float64).reshape(-1, 4)

    def extent(self, size: float | None) -> tuple[float, float, float]:
        """(width, ascent, descent) in em of the line's box. A math line's is
        matplotlib's (``Output.to_vector``, which Agg measures math by and
        ``Text._get_layout`` reads): the box's advance width, height and depth, each
        rounded up to whole pixels of a ``size``-pixel font (None: not rounded)."""
        box = (self.width, self.height, self.depth)
        if not self.math or size is None:
            return box
        return tuple(float(np.ceil(v * size - 1e-9)) / size for v in box)


@functools.lru_cache(maxsize=1024)
def _lines(text: str, font: Font) -> tuple[_Line, ...]:
    """Lay out every line of a (math-holding) text in em, independent of size and anchor."""
    m = metrics(font)
    out = []
    for line, segs in zip(text.split("\n"), parse(text), strict=True):
        if segs is None:
            segs = ((False, shown_dollars(line)),)
        box, pen = _Box(), 0.0
        for is_math, payload in segs:
            part = _math_list(m, payload, 0) if is_math else \
                _text_box(m, payload, 1.0, m.text_font)
            box.put(part, pen)
            pen += part.width
        box.width = pen
        out.append(_Line(box, any(is_math for is_math, _ in segs)))
    return tuple(out)


def _vertical(font: Font, lines: tuple[_Line, ...], spacing: str | float,
              size: float | None) -> tuple:
    """:func:`.fonts.block_box` of the lines (top, bottom, baselines; em), math lines'
    boxes in whole pixels of a ``size``-pixel font (:meth:`_Line.extent`)."""
    return block_box(font, [ln.extent(size)[1:] for ln in lines], spacing)


def rich_layout(text: str, font: Font, anchor_x: str = "left", anchor_y: str = "baseline",
                spacing: str | float = "normal", font_size: float | None = None,
                ) -> TextLayout:
    """Lay out ``text`` (math in ``$...$``) into a :class:`.fonts.TextLayout` in em.

    ``anchor_y`` 'top'/'bottom'/'center' use the math-aware block extent
    (:func:`.fonts.block_box`: a line's math box where it reaches past the font's
    ascent or descent), so a fraction does not overflow its anchor. A math line's box
    is matplotlib's: rounded up to whole pixels (``font_size``: the size in pixels
    they are pixels of; None, not rounded; :meth:`_Line.extent`).
    Text without math is :func:`.fonts.plain_layout`, hinted for a raster as Agg
    lays it out (:func:`.fonts.hint_for`; matplotlib's math is not).
    """
    if parse(text) is None:  # plain: an escaped dollar is a dollar (matplotlib)
        return plain_layout(shown_dollars(text), font, anchor_x, anchor_y, spacing,
                            hint_for(font_size))
    size = None if font_size is None else check_positive("font_size", font_size)
    return _math_layout(text, font, anchor_x, anchor_y, spacing, size)


@functools.lru_cache(maxsize=4096)
def _math_layout(text: str, font: Font, anchor_x: str, anchor_y: str,
                 spacing: str | float, size: float | None) -> TextLayout:
    lines = _lines(text, font)
    top, bottom, ys = _vertical(font, lines, spacing, size)
    align, y_off = anchor_offsets(anchor_x, anchor_y, top, bottom, ys[-1])
    # matplotlib draws a math line's glyphs and rules up from its baseline by what its
    # height is rounded up by (Output.to_vector: the box's top on a whole pixel)
    shifts = [np.array([-align * ln.extent(size)[0], y_off + y + ln.extent(size)[1] - ln.height])
              for ln, y in zip(lines, ys, strict=True)]
    glyph_fonts = [f for ln in lines for f in ln.fonts]
    fonts = tuple(dict.fromkeys([font, *glyph_fonts]))
    ids = np.array([fonts.index(f) for f in glyph_fonts], np.int64)
    out = TextLayout(
        font, np.concatenate([ln.indices for ln in lines]), "".join(ln.chars for ln in lines),
        np.concatenate([ln.pens + d for ln, d in zip(lines, shifts, strict=True)]),
        np.concatenate([ln.scales for ln in lines]),
        np.concatenate([ln.rules + np.tile(d, 2) for ln, d in zip(lines, shifts, strict=True)]),
        fonts if len(fonts) > 1 else (), ids if len(fonts) > 1 else None)
    for a in (out.indices, out.pens, out.scales, out.rules):
        a.flags.writeable = False  # cached: shared by every caller
    return out


def extent_rich(
    text: str,
    font_size: float,
    *,
    line_spacing: str | float = "normal",
    bold: bool = False,
    atlas: GlyphAtlas | None = None,
    face: str | None = None,
) -> tuple[float, float, float]:
    """(width, height, descent) in pixels like :func:`.glyphs.text_extent`, math aware.

    A math line's box is matplotlib's (:meth:`_Line.extent`: in whole pixels), so the
    height grows above the font's ascent for tall superscripts and numerators and the
    descent below its descent for subscripts and denominators.
    """
    text = check_text(text)
    if parse(text) is None:
        return text_extent(shown_dollars(text), font_size, line_spacing=line_spacing,
                           bold=bold, atlas=atlas, face=face)
    size = check_positive("font_size", font_size)
    spacing = check_spacing("line_spacing", line_spacing)
    font = get_font(bold, face=face) if atlas is None else atlas.font
    lines = _lines(text, font)
    top, bottom, ys = _vertical(font, lines, spacing, size)
    descent = ys[-1] - bottom
    width = max(ln.extent(size)[0] for ln in lines)
    return width * size, (top - bottom) * size, descent * size


def math_line_box(text: str, font_size: float, *, face: str | None = None
                  ) -> tuple[float, float, float] | None:
    """(width, height, descent) in pixels of a one-line math text's own box, rounded up
    to whole pixels (what matplotlib's Agg measures math by: axisartist's tick label
    offsets), not the line box of :func:`extent_rich`; None for a text without math
    or of several lines."""
    text = check_text(text)
    if "\n" in text or parse(text) is None:
        return None
    size = check_positive("font_size", font_size)
    (line,) = _lines(text, get_font(face=face))
    width, ascent, descent = line.extent(size)
    return width * size, (ascent + descent) * size, descent * size


def line_baselines(text: str, font_size: float, *, line_spacing: str | float = "normal",
                   bold: bool = False, face: str | None = None) -> tuple[float, ...]:
    """Each line's baseline in pixels (the first at 0, the next ones below it, < 0) as
    :func:`extent_rich` and :func:`rich_layout` place them (math aware)."""
    text = check_text(text)
    size = check_positive("font_size", font_size)
    spacing = check_spacing("line_spacing", line_spacing)
    font = get_font(bold, face=face)
    if parse(text) is None:
        hint = hint_for(size)
        inks = [line_ink(font, ln, hint) for ln in shown_dollars(text).split("\n")]
        return tuple(y * size for y in block_box(font, inks, spacing)[2])
    return tuple(y * size for y in _vertical(font, _lines(text, font), spacing, size)[2])


def layout_rich(
    text: str,
    font_size: float,
    anchor_x: str = "left",
    anchor_y: str = "baseline",
    rotation_deg: float = 0.0,
    line_spacing: str | float = "normal",
    *,
    bold: bool = False,
    atlas: GlyphAtlas | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`.glyphs.layout` with ``$...$`` math; same arguments, arrays and conventions
    (the SDF atlas's quads of :func:`rich_layout`)."""
    text = check_text(text)
    size = check_positive("font_size", font_size)
    spacing = check_spacing("line_spacing", line_spacing)
    rot = check_anchors(anchor_x, anchor_y, rotation_deg)
    if atlas is None:
        atlas = get_atlas(bold)
    return atlas_quads(atlas, rich_layout(text, atlas.font, anchor_x, anchor_y, spacing,
                                          size), size, rot)
