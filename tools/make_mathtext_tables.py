"""Regenerate ``lumos/data/mathtext.json``: the TeX symbol names and font styles of
matplotlib's mathtext with its default 'dejavusans' fontset, as lumos's math layout
(:mod:`lumos.visuals.mathtext_parser`, :mod:`lumos.visuals.mathtext`) reads them.

Run once by a maintainer (``pip install matplotlib`` first); lumos itself never imports
matplotlib. The file holds

- ``symbols``: every alphabetic ``\\name`` of matplotlib's ``tex2uni`` and its character;
- ``bin``, ``rel``: the characters matplotlib spaces as binary operators and as relations
  (its relation and arrow symbols);
- ``styles``: for ``bb``, ``frak``, ``scr`` and ``cal`` (``\\mathbb`` ...), each Latin
  letter, digit and Greek letter matplotlib does not draw from DejaVu Sans, as
  ``[font file, code point]``: the STIX file of matplotlib's fonts and the glyph it draws;
- ``fallback``: for each symbol character DejaVu Sans lacks, the same pair.

The pairs are what matplotlib's own parser puts down (``MathTextParser('path')``), so
they follow its fallback from DejaVu to STIX Sans exactly.

    python tools/make_mathtext_tables.py [output-file]
"""

from __future__ import annotations

import json
import os
import string
import sys


def _drawn(parser, fp, expr: str) -> list[tuple[str, int]]:
    """(font file name, code point) of each glyph matplotlib draws for ``expr``."""
    glyphs = parser.parse(expr, 72, fp)[3]
    return [(os.path.basename(g[0].fname), int(g[2])) for g in glyphs]


def main(path: str) -> None:
    import matplotlib
    from matplotlib import _mathtext, _mathtext_data
    from matplotlib.font_manager import FontProperties
    from matplotlib.mathtext import MathTextParser

    assert matplotlib.rcParams["mathtext.fontset"] == "dejavusans"
    parser, fp = MathTextParser("path"), FontProperties(size=10)
    names = {k: chr(v) for k, v in _mathtext_data.tex2uni.items() if k.isalpha()}
    p = _mathtext.Parser
    char = lambda s: names.get(s.lstrip("\\"), s if len(s) == 1 else None)  # noqa: E731
    binary = sorted({c for s in p._binary_operators if (c := char(s))})
    rel = sorted({c for s in p._relation_symbols | p._arrow_symbols if (c := char(s))})
    greek = [chr(c) for c in range(0x391, 0x3CA) if chr(c).isalpha()]
    letters = string.ascii_letters + string.digits + "".join(greek)
    styles = {}
    for style in ("bb", "frak", "scr", "cal"):
        table = {}
        for c in letters:
            drawn = _drawn(parser, fp, f"$\\math{style}{{{c}}}$")
            if len(drawn) == 1 and not drawn[0][0].startswith("DejaVu"):
                table[c] = list(drawn[0])
        styles[style] = table
    fallback = {}
    for name, c in sorted(names.items()):
        try:
            drawn = _drawn(parser, fp, f"$\\{name}$")
        except ValueError:  # a name matplotlib's parser takes only with an argument
            continue
        if len(drawn) == 1 and not drawn[0][0].startswith("DejaVu") and drawn[0][1] == ord(c):
            fallback[c] = list(drawn[0])
    out = {"matplotlib": matplotlib.__version__, "symbols": dict(sorted(names.items())),
           "bin": "".join(binary), "rel": "".join(rel), "styles": styles,
           "fallback": fallback}
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=0, sort_keys=True)
        f.write("\n")
    os.replace(tmp, path)


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    main(sys.argv[1] if len(sys.argv) > 1 else
         os.path.join(here, "..", "lumos", "data", "mathtext.json"))
