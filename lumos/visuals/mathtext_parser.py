"""The mathtext parser: each line's ``$...$`` into hashable node tuples, and the
TeX commands it knows (:mod:`.mathtext` lays the nodes out).
"""

from __future__ import annotations

import functools
import os
import warnings

from .fonts import check_text

__all__ = ["EMPTY", "SYMBOLS", "has_math", "parse", "shown_dollars", "warn_once"]

# ---------------------------------------------------------------------- symbol tables
_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
    "varepsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ",
    "iota": "ι", "kappa": "κ", "varkappa": "ϰ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ",
    "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ",
    # TeX's (and matplotlib's) \phi is the straight ϕ; \varphi the curly φ.
    "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
    "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}  # fmt: skip

_OTHER = {
    "times": "×", "cdot": "⋅", "pm": "±", "mp": "∓", "div": "÷", "ast": "∗", "star": "⋆",
    "circ": "∘", "oplus": "⊕", "otimes": "⊗", "odot": "⊙",
    "setminus": "∖", "cup": "∪", "cap": "∩", "wedge": "∧", "land": "∧", "vee": "∨",
    "lor": "∨", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠",
    "approx": "≈", "equiv": "≡", "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝",
    "ll": "≪", "gg": "≫", "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←",
    "Rightarrow": "⇒", "Leftarrow": "⇐", "leftrightarrow": "↔", "Leftrightarrow": "⇔",
    "mapsto": "↦", "uparrow": "↑", "downarrow": "↓", "in": "∈", "notin": "∉", "ni": "∋",
    "subset": "⊂", "supset": "⊃", "subseteq": "⊆", "supseteq": "⊇",
    "parallel": "∥", "mid": "∣", "infty": "∞", "partial": "∂", "nabla": "∇", "sum": "∑",
    "prod": "∏", "int": "∫", "oint": "∮", "degree": "°", "prime": "′", "ldots": "…",
    "dots": "…", "cdots": "⋯", "langle": "⟨", "rangle": "⟩", "lfloor": "⌊",
    "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "forall": "∀", "exists": "∃", "neg": "¬",
    "lnot": "¬", "ell": "ℓ", "aleph": "ℵ", "Re": "ℜ", "Im": "ℑ", "wp": "℘",
    "emptyset": "∅", "angle": "∠", "AA": "Å", "vert": "|", "Vert": "‖", "backslash": "\\",
    "coprod": "∐", "bigcap": "⋂", "bigcup": "⋃", "bigvee": "⋁", "bigwedge": "⋀",
    "bigoplus": "⨁", "bigotimes": "⨂", "bigodot": "⨀", "iint": "∬", "iiint": "∭",
    "lbrace": "{", "rbrace": "}", "lbrack": "[", "rbrack": "]",
    "longrightarrow": "⟶", "longleftarrow": "⟵", "dagger": "†", "ddagger": "‡",
    "cdotp": "·", "S": "§", "P": "¶", "copyright": "©", "checkmark": "✓",
    "spadesuit": "♠", "heartsuit": "♡", "diamondsuit": "♢", "clubsuit": "♣",
    "sqrt": "√",  # only when no argument follows
}  # fmt: skip

@functools.cache
def tables() -> dict:
    """matplotlib's mathtext tables (``symbols``, ``bin``, ``rel``, ``styles``,
    ``fallback``: ``lumos/data/README.md``), read at the first math laid out."""
    import json  # here: importing pyplot leaves json out

    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        "data", "mathtext.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


#: The ``\\name`` lumos spells itself that map to a single character (before
#: matplotlib's others, ``tables()["symbols"]``).
SYMBOLS: dict[str, str] = {**_GREEK, **_OTHER}

# Characters after a backslash that stand for themselves (\$ and friends).
_ESCAPES = {"$": "$", "{": "{", "}": "}", "_": "_", "%": "%", "#": "#",
            "&": "&", "|": "‖"}  # fmt: skip

# Spacing commands, in em (TeX: thin 3mu, medium 4mu, thick 5mu; 18mu = 1em).
_SPACES = {",": 3 / 18, "/": 3 / 18, ":": 4 / 18, ">": 4 / 18, ";": 5 / 18, "!": -3 / 18,
           "quad": 1.0, "qquad": 2.0, "enspace": 0.5, "thinspace": 3 / 18}  # fmt: skip

# Operator names set upright with TeX's operator spacing (\sin x).
_FUNCS = frozenset(
    "sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh coth log ln lg exp lim "
    "liminf limsup max min sup inf det arg dim gcd deg hom ker Pr".split()
)
# Font commands and the math font style they set: 'it' is matplotlib's default (Latin
# and lowercase Greek letters italic, the rest upright), 'rm' upright, 'bf' bold, ...
_FONT_CMDS = {
    "mathrm": "rm", "mathdefault": "it", "mathnormal": "it", "mathregular": "rm",
    "mathit": "itall", "mathbf": "bf", "mathbfit": "bfit", "mathsf": "rm", "mathtt": "tt",
    "mathcal": "cal", "mathscr": "scr", "mathbb": "bb", "mathfrak": "frak",
    "boldsymbol": "bfit", "operatorname": "rm", "textbf": "bf", "textit": "itall",
}  # fmt: skip
# matplotlib's font switches ({\rm sin}): the style of the rest of the group.
_SWITCHES = {"rm": "rm", "it": "itall", "bf": "bf", "bfit": "bfit", "tt": "tt", "sf": "rm",
             "cal": "cal", "scr": "scr", "bb": "bb", "frak": "frak", "default": "it",
             "normal": "it", "regular": "rm"}  # fmt: skip
_TEXT_CMDS = frozenset(("text", "textrm", "mbox", "textnormal"))


def _plain(node: tuple) -> str:
    """The characters of a parsed argument (for \\operatorname{...})."""
    kind = node[0]
    if kind in ("sym", "text"):
        return node[1]
    if kind == "group":
        return "".join(_plain(n) for n in node[1])
    if kind == "font":
        return _plain(node[2])
    return ""
_IGNORED = frozenset(("displaystyle", "textstyle", "limits", "nolimits", "big", "Big",
                      "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr"))  # fmt: skip

# Accents: the mark drawn above the argument.
# (\widehat, \widetilde: matplotlib's combining marks, which mathtext.py stretches)
_ACCENTS = {"hat": "ˆ", "widehat": "\u0302", "check": "ˇ", "tilde": "˜",
            "widetilde": "\u0303",
            "acute": "´", "grave": "`", "dot": "˙", "ddot": "¨", "breve": "˘",
            "bar": "¯", "widebar": "¯", "vec": "→", "mathring": "˚",
            "overrightarrow": "→", "overleftarrow": "←", "dddot": "\u20db",
            "ddddot": "\u20dc"}
# matplotlib's one-character accent commands: \"o is \ddot{o}
_SHORT_ACCENTS = {'"': "ddot", "'": "acute", "`": "grave", "~": "tilde", ".": "dot",
                  "^": "hat"}

_warned: set[str] = set()  # unknown commands already warned about, once per process


# ---------------------------------------------------------------------- parsing
# Nodes are tuples, so parse results are hashable, immutable and cheap to cache:
#   ("sym", ch) ("text", str) ("func", name) ("group", nodes) ("space", em)
#   ("sqrt", arg, index | None) ("overline", arg)
#   ("scripts", nucleus, sup | None, sub | None) ("font", style, arg)
#   ("genfrac", left, right, rule, mstyle, num, den) ("accent", mark, arg)
#   ("delim", left, group, right); while parsing only, ("switch", style) ({\rm ...}).
# genfrac is matplotlib's \genfrac: delimiters (nodes, EMPTY for none), the rule's
# thickness (None: the default one; 0: no rule) and the style matplotlib sets num and
# den in, relative to the current one (0 display, 1 text, 2 script, 3 scriptscript).
EMPTY = ("group", ())


def _fold(out: list) -> tuple:
    """A list's nodes with each font switch applied to the nodes after it."""
    for i, node in enumerate(out):
        if node[0] == "switch":
            return (*out[:i], ("font", node[1], ("group", _fold(out[i + 1 :]))))
    return tuple(out)


class _Parser:
    def __init__(self, s: str, unknown: list[str]) -> None:
        self.s = s
        self.i = 0
        self.unknown = unknown  # unknown command names met, warned about by parse

    def parse_list(self, in_group: bool) -> tuple:
        s, out = self.s, []
        while self.i < len(s):
            c = s[self.i]
            if c == "}":
                self.i += 1
                if in_group:
                    return _fold(out)
                continue  # stray closing brace: TeX would fail; drop it
            if c.isspace():
                self.i += 1  # spaces are ignored in math mode
                continue
            if c in "^_":
                self.i += 1
                _attach(out, ("script", c, self.parse_arg()))
                continue
            node = self.parse_atom()
            if node is not None:
                out.append(node)
        return _fold(out)

    def parse_arg(self) -> tuple:
        """One argument: a braced group, one command or one character."""
        s = self.s
        while self.i < len(s) and s[self.i].isspace():
            self.i += 1
        if self.i >= len(s) or s[self.i] == "}":
            return EMPTY
        node = self.parse_atom()
        return EMPTY if node is None else node

    def parse_atom(self) -> tuple | None:
        s = self.s
        c = s[self.i]
        self.i += 1
        if c == "{":
            return ("group", self.parse_list(True))
        if c == "\\":
            return self.parse_command()
        if c == "-":
            return ("sym", "−")
        if c == "'":
            return ("sym", "′")
        if c == "~":
            return ("text", " ")
        return ("sym", c)

    def parse_command(self) -> tuple | None:
        s, start = self.s, self.i
        while self.i < len(s) and s[self.i].isascii() and s[self.i].isalpha():
            self.i += 1
        name = s[start : self.i]
        if not name:  # a one-character command: \, \; \$ \{ ...
            if self.i >= len(s):
                return ("text", "\\")
            name = s[self.i]
            self.i += 1
            if name in _SPACES:
                return ("space", _SPACES[name])
            if name == " ":
                return ("text", " ")
            if name in _ESCAPES:
                return ("sym", _ESCAPES[name])
            if name in _SHORT_ACCENTS:  # \"o, \'e, \~n: TeX's one-character accents
                return ("accent", _ACCENTS[_SHORT_ACCENTS[name]], self.parse_arg())
            self.unknown.append(name)
            return ("text", "\\" + name)
        if name in _SPACES:
            return ("space", _SPACES[name])
        if name in ("frac", "dfrac", "tfrac", "binom"):
            num = self.parse_arg()
            if name == "binom":
                return ("genfrac", ("sym", "("), ("sym", ")"), 0.0, 1, num, self.parse_arg())
            return ("genfrac", EMPTY, EMPTY, None, 0 if name == "dfrac" else 1, num,
                    self.parse_arg())
        if name == "genfrac":
            return self.parse_genfrac()
        if name in _SWITCHES:
            return ("switch", _SWITCHES[name])
        if name == "hspace":
            arg = _plain(self.parse_arg())
            try:
                return ("space", float(arg.replace("em", "")))
            except ValueError:
                self.unknown.append(f"hspace{{{arg}}}")
                return None
        if name in _ACCENTS:
            return ("accent", _ACCENTS[name], self.parse_arg())
        if name == "left":
            return self.parse_delimited()
        if name == "sqrt":
            rest = s[self.i :].lstrip()
            if not rest or rest[0] == "}":
                return ("sym", "√")
            index = None
            if rest[0] == "[":
                self.i = s.index("[", self.i) + 1
                end = s.find("]", self.i)
                end = len(s) if end < 0 else end
                index = ("group", _Parser(s[self.i : end], self.unknown).parse_list(False))
                self.i = min(end + 1, len(s))
            return ("sqrt", self.parse_arg(), index)
        if name in ("overline", "underline", "phantom"):
            return (name, self.parse_arg())
        if name in ("overset", "underset"):
            ann = self.parse_arg()
            return ("genset", name == "overset", ann, self.parse_arg())
        if name in ("llap", "rlap"):
            return ("lap", name[0], self.parse_arg())
        if name == "substack":
            return self.parse_substack()
        if name == "middle":  # inside \left ... \right (the layout sizes it)
            return ("middle", self.parse_delimiter())
        if name in _FONT_CMDS:
            if name == "operatorname":
                return ("func", _plain(self.parse_arg()))
            return ("font", _FONT_CMDS[name], self.parse_arg())
        if name in _TEXT_CMDS:
            return self.parse_text_arg()
        if name in _FUNCS:
            return ("func", name)
        if name == "right":  # a \right without its \left: the delimiter alone
            return self.parse_delimiter()
        if name in _IGNORED:
            return None
        ch = SYMBOLS.get(name) or tables()["symbols"].get(name)
        if ch is not None:
            return ("sym", ch)
        self.unknown.append(name)
        return ("text", "\\" + name)

    def parse_substack(self) -> tuple:
        """\\substack{a \\\\ b}: the rows of a braced argument split at ``\\\\``."""
        body = self.braced()
        if body is None:
            return ("substack", (("group", (self.parse_arg(),)),))
        return ("substack", tuple(("group", _Parser(row, self.unknown).parse_list(False))
                                  for row in body.split("\\\\")))

    def parse_genfrac(self) -> tuple:
        """\\genfrac{ldelim}{rdelim}{rulesize}{style}{num}{den}, as matplotlib: an empty
        (or '.') delimiter is none, an empty style is text style."""
        raw = [_plain(self.parse_arg()) if k >= 2 else self.parse_arg() for k in range(4)]
        # {(} parses as a group of one symbol: the delimiter is that symbol
        left, right = (d[1][0] if d[0] == "group" and len(d[1]) == 1 else d for d in raw[:2])
        left, right = (EMPTY if d == ("sym", ".") else d for d in (left, right))
        try:
            rule = float(raw[2])
            mstyle = int(raw[3]) if raw[3] else 1
        except ValueError:
            rule, mstyle = None, -1
        if not 0 <= mstyle <= 3:
            self.unknown.append(f"genfrac{{..}}{{..}}{{{raw[2]}}}{{{raw[3]}}}")
            rule, mstyle = None, 1
        num = self.parse_arg()
        return ("genfrac", left, right, rule, mstyle, num, self.parse_arg())

    def parse_delimiter(self) -> tuple:
        """The delimiter after \\left or \\right: a character, a command (\\{,
        \\langle, ...) or '.' (none)."""
        s = self.s
        while self.i < len(s) and s[self.i].isspace():
            self.i += 1
        if self.i >= len(s):
            return EMPTY
        if s[self.i] == ".":
            self.i += 1
            return EMPTY
        node = self.parse_atom()
        return EMPTY if node is None else node

    def parse_delimited(self) -> tuple:
        """\\left( ... \\right): the content between delimiters sized to it."""
        left = self.parse_delimiter()
        s, out = self.s, []
        while self.i < len(s):
            if s.startswith("\\right", self.i) and not s[self.i + 6 : self.i + 7].isalpha():
                self.i += 6
                right = self.parse_delimiter()
                return ("delim", left, ("group", _fold(out)), right)
            before = self.i
            node = self.parse_one()
            if node is not None:
                if node[0] == "script":  # attach to the previous atom
                    _attach(out, node)
                else:
                    out.append(node)
            if self.i == before:
                self.i += 1
        return ("delim", left, ("group", _fold(out)), EMPTY)

    def parse_one(self):
        """One element of a list: an atom, or ('script', kind, arg) for ^ and _."""
        s = self.s
        while self.i < len(s) and s[self.i].isspace():
            self.i += 1
        if self.i >= len(s):
            return None
        c = s[self.i]
        if c == "}":
            self.i += 1
            return None
        if c in "^_":
            self.i += 1
            return ("script", c, self.parse_arg())
        return self.parse_atom()

    def parse_text_arg(self) -> tuple:
        """\\text{...}: the raw content up to the matching brace, spaces kept."""
        body = self.braced()
        if body is None:
            return self.parse_arg()
        return ("text", body.replace("\\$", "$").replace("\\{", "{").replace("\\}", "}"))

    def braced(self) -> str | None:
        """The raw text of the braced argument that follows (read past its closing
        brace), or None where no brace follows."""
        s = self.s
        while self.i < len(s) and s[self.i].isspace():
            self.i += 1
        if self.i >= len(s) or s[self.i] != "{":
            return None
        depth, start = 0, self.i + 1
        while self.i < len(s):
            c = s[self.i]
            self.i += 1
            if c == "\\":
                self.i += 1
            elif c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    break
        return s[start : self.i - 1 if depth == 0 else self.i]


def _attach(out: list, script: tuple) -> None:
    """Add a ^ or _ script (``('script', '^'|'_', arg)``) to the last node of ``out``."""
    _, c, arg = script
    idx = 2 if c == "^" else 3
    last = out[-1] if out else None
    if last is not None and last[0] == "scripts" and last[idx] is None:
        node = list(last)
        node[idx] = arg
        out[-1] = tuple(node)
    else:
        base = out.pop() if last is not None and last[0] != "scripts" else EMPTY
        node = ["scripts", base, None, None]
        node[idx] = arg
        out.append(tuple(node))


def shown_dollars(text: str) -> str:
    """Text outside math as matplotlib shows it: an escaped dollar (``\\$``) is a dollar."""
    return text.replace("\\$", "$")


def _dollars(line: str) -> list[int]:
    """Indices of the unescaped ``$`` of one line."""
    return [i for i, c in enumerate(line) if c == "$" and (i == 0 or line[i - 1] != "\\")]


def _split_line(line: str, unknown: list[str]) -> tuple | None:
    """Segments ``(is_math, payload)`` of a line, or None when the line has no math."""
    marks = _dollars(line)
    if not marks or len(marks) % 2:
        return None
    segs: list[tuple] = []
    pos = 0
    for a, b in zip(marks[::2], marks[1::2], strict=True):
        if a > pos:
            segs.append((False, shown_dollars(line[pos:a])))
        segs.append((True, _Parser(line[a + 1 : b], unknown).parse_list(False)))
        pos = b + 1
    if pos < len(line):
        segs.append((False, shown_dollars(line[pos:])))
    return tuple(segs)


def has_math(text: str) -> bool:
    """Whether any line of ``text`` holds math (an even, non-zero count of unescaped $)."""
    return parse(check_text(text)) is not None


@functools.lru_cache(maxsize=4096)
def parse(text: str) -> tuple | None:
    """Per line, its segments (or None for a plain line); None when no line has math."""
    unknown: list[str] = []
    lines = tuple(_split_line(ln, unknown) for ln in text.split("\n"))
    for name in dict.fromkeys(unknown):
        if name not in _warned:
            _warned.add(name)
            # Level 4: past this function, rich_layout or _lines and layout_rich,
            # extent_rich or Text, at their caller.
            msg = f"mathtext: unknown command \\{name} is shown literally"
            warnings.warn(msg, stacklevel=4)
    return None if all(ln is None for ln in lines) else lines


def warn_once(key: str, message: str) -> None:
    """Warn ``message`` once per process for ``key`` (as unknown commands are)."""
    if key not in _warned:
        _warned.add(key)
        warnings.warn(message, stacklevel=5)

