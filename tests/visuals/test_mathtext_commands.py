"""matplotlib's mathtext commands beyond the basic subset (CPU only): its symbol names,
font switches, \\binom and \\genfrac, and the STIX letters of \\mathbb, \\mathfrak,
\\mathscr and \\mathcal, each against what matplotlib 3.11's 'dejavusans' mathtext draws."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from test_mathtext import _matplotlib_glyphs

from lumos.visuals import mathtext, mathtext_metrics, mathtext_parser
from lumos.visuals.fonts import get_font
from lumos.visuals.mathtext import rich_layout

PX = 20 * 100 / 72  # pixels per em at 20 pt and 100 dpi


def assert_like_matplotlib(text: str, across: float) -> mathtext._Line:
    """Each glyph of ``text`` within ``across`` px of matplotlib's (at 20 pt, 100 dpi)
    across and 0.05 px up, the box (width, height, depth) within 0.05 px; the line."""
    (w, h, d), want = _matplotlib_glyphs(text, 20)
    line = mathtext._lines(text, get_font())[0]
    got = sorted((c, x * PX, y * PX) for c, (x, y) in zip(line.chars, line.pens, strict=True))
    assert [g[0] for g in got] == [g[0] for g in want]
    got, want = np.array([g[1:] for g in got]), np.array([g[1:] for g in want])
    np.testing.assert_allclose(got[:, 0], want[:, 0], atol=across)
    np.testing.assert_allclose(got[:, 1], want[:, 1], atol=0.05)
    assert (line.width * PX, line.height * PX, line.depth * PX) == pytest.approx((w, h, d),
                                                                                 abs=0.05)
    return line

# The expressions of matplotlib's gallery example mathtext_examples.py.
GALLERY = [
    r"$W^{3\beta}_{\delta_1 \rho_1 \sigma_2} = U^{3\beta}_{\delta_1 \rho_1} + \frac{1}{8 \pi 2}"
    r" \int^{\alpha_2}_{\alpha_2} d \alpha^\prime_2 \left[\frac{ U^{2\beta}_{\delta_1 \rho_1}"
    r" - \alpha^\prime_2U^{1\beta}_{\rho_1 \sigma_2} }{U^{0\beta}_{\rho_1 \sigma_2}}\right]$",
    r"$\alpha_i > \beta_i,\ \alpha_{i+1}^j = {\rm sin}(2\pi f_j t_i) e^{-5 t_i/\tau},\ \ldots$",
    r"$\frac{3}{4},\ \binom{3}{4},\ \genfrac{}{}{0}{}{3}{4},\ "
    r"\left(\frac{5 - \frac{1}{x}}{4}\right),\ \ldots$",
    r"$\sqrt{2},\ \sqrt[3]{x},\ \ldots$",
    r"$\mathrm{Roman}\ , \ \mathit{Italic}\ , \ \mathtt{Typewriter} \ \mathrm{or}\ "
    r"\mathcal{CALLIGRAPHY}$",
    r"$\acute a,\ \bar a,\ \breve a,\ \dot a,\ \ddot a, \ \grave a, \ \hat a,\ \tilde a,\ "
    r"\vec a,\ \widehat{xyz},\ \widetilde{xyz},\ \ldots$",
    r"$\alpha,\ \beta,\ \chi,\ \delta,\ \lambda,\ \mu,\ \Delta,\ \Gamma,\ \Omega,\ \Phi,\ "
    r"\Pi,\ \Upsilon,\ \nabla,\ \aleph,\ \beth,\ \daleth,\ \gimel,\ \ldots$",
    r"$\coprod,\ \int,\ \oint,\ \prod,\ \sum,\ \log,\ \sin,\ \approx,\ \oplus,\ \star,\ "
    r"\varpropto,\ \infty,\ \partial,\ \Re,\ \leftrightsquigarrow, \ \ldots$",
]


@pytest.mark.parametrize("text", GALLERY)
def test_gallery_expressions_have_no_unknown_command(text):
    """Each is laid out without a warning (\\rm, \\binom, \\genfrac, \\beth, \\daleth,
    \\gimel, \\varpropto and \\leftrightsquigarrow were drawn as their command text)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        laid = rich_layout(text, get_font())
    assert "\\" not in laid.chars


@pytest.mark.parametrize("text", [
    r"$\mathbb{ABCRZabz019}$", r"$\mathfrak{ABCHaz1}$", r"$\mathscr{ABCaz}$",
    r"$\mathcal{ABa1}$", r"$\beth\daleth\gimel\varpropto\leftrightsquigarrow$",
    r"$\mathbb{\Gamma\pi}$", r"${\bb R}^n {\frak g}$", r"$a\bullet b\perp c\hbar\smile$",
])  # fmt: skip
def test_glyphs_and_fonts_are_matplotlibs(text):
    """The same glyph from the same font file as matplotlib, letter by letter (its STIX
    faces for the styled alphabets: \\mathfrak and \\mathscr were drawn as plain
    upright letters, \\mathbb's small letters and digits too), and for symbols DejaVu
    Sans lacks (\\perp: STIX's ⟂); \\bullet and \\hbar are matplotlib's ∙ and ħ (lumos drew
    • and ℏ)."""
    pytest.importorskip("matplotlib")
    from matplotlib.mathtext import MathTextParser

    laid = rich_layout(text, get_font())
    ours = [(f.path.name, c) for f, c in zip(laid.glyph_fonts(), laid.chars, strict=True)]
    theirs = [(g[0].fname.rsplit("/", 1)[-1], chr(g[2]))
              for g in MathTextParser("path").parse(text, 72).glyphs]
    assert ours == theirs


@pytest.mark.parametrize("text", [r"${\rm sin} x$", r"$a{\bf b c}d$", r"$a{\it 2}b$"])
def test_font_switch_sets_the_rest_of_its_group(text):
    """matplotlib's \\rm, \\bf, \\it: the style of what follows in the group, glyphs
    where matplotlib puts them (within 0.05 px at 20 pt)."""
    assert_like_matplotlib(text, 0.05)


def test_font_switch_is_the_font_command_on_the_rest():
    assert mathtext_parser.parse(r"$a{\rm bc}$") == mathtext_parser.parse(r"$a{\mathrm{bc}}$")
    assert mathtext_parser.parse(r"$\bf x^2$") == mathtext_parser.parse(r"$\mathbf{x^2}$")


@pytest.mark.parametrize("text", [r"$\genfrac{}{}{0}{}{3}{4}$", r"$\genfrac{}{}{0}{0}{a}{b}$",
                                  r"$\genfrac{}{}{0}{1}{x^2}{y_i}$"])
def test_genfrac_without_rule_stacks_as_matplotlib(text):
    """Numerator and denominator by matplotlib's rule-less rules (num3/denom2, num1/denom1
    in display style, three or seven rules apart): across within 0.35 px (matplotlib
    centres by ink, lumos by advance)."""
    assert len(assert_like_matplotlib(text, 0.35).rules) == 0


def test_binom_is_a_ruleless_fraction_in_stretched_parentheses():
    """\\binom{n}{k}: n and k at matplotlib's heights (within 0.05 px), no rule, a
    parenthesis each side spanning both."""
    text = r"$\binom{3}{4}$"
    _, want = _matplotlib_glyphs(text, 20)
    line = mathtext._lines(text, get_font())[0]
    got = dict(zip(line.chars, line.pens[:, 1] * PX, strict=True))
    assert sorted(got) == sorted(g[0] for g in want)
    for c in "34":
        assert got[c] == pytest.approx(next(g[2] for g in want if g[0] == c), abs=0.05)
    assert len(line.rules) == 0
    order = np.argsort(line.pens[:, 0])
    assert [line.chars[i] for i in order][0] == "(" and [line.chars[i] for i in order][-1] == ")"
    paren = line.scales[line.chars.index("(")]
    assert paren[1] > paren[0]  # stretched upright to the stack


def test_genfrac_delimiters_and_bad_arguments():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        laid = rich_layout(r"$\genfrac{[}{]}{0}{0}{x}{y}$", get_font())
    assert laid.chars[0] == "[" and laid.chars[-1] == "]"
    mathtext_parser._warned.discard("genfrac{..}{..}{x}{9}")
    with pytest.warns(UserWarning, match="genfrac"):
        laid = rich_layout(r"$\genfrac{(}{)}{x}{9}{a}{b}$", get_font())
    assert "a" in laid.chars and "b" in laid.chars


def test_styled_letters_without_matplotlibs_fonts_warn_and_are_italic(monkeypatch):
    """Where matplotlib (which ships the STIX faces) is not installed: italic DejaVu
    letters and a warning that says why."""
    for module in (mathtext_metrics, mathtext):  # letters; wide accents
        monkeypatch.setattr(module, "stix", lambda filename: None)
    mathtext_parser._warned.discard("frak")
    with pytest.warns(UserWarning, match=r"\\mathfrak.*not installed"):
        laid = rich_layout(r"$\mathfrak{Qq}$", get_font())
    assert laid.chars == "Qq"
    assert {f.path.name for f in laid.glyph_fonts()} == {"DejaVuSans-Oblique.ttf"}
    mathtext_parser._warned.discard("wide accents")
    with pytest.warns(UserWarning, match=r"\\widehat.*not installed"):
        laid = rich_layout(r"$\widehat{Qq}$", get_font())
    assert laid.chars == "Qqˆ"


@pytest.mark.parametrize("text", [r"$\underline{xy}$", r"$\overset{a}{b}$",
                                  r"$\underset{n}{xy}$", r"$\phantom{x}|$", r"$a\llap{/}b$",
                                  r"$b\rlap{c}d$", r"$\substack{a \\ bc}$",
                                  r"$\widehat{xyz}$", r"$\widetilde{x}$",
                                  r"$a\widetilde{ABCDEFGHIJ}$"])
def test_stacks_laps_and_phantoms_are_matplotlibs(text):
    """\\underline, \\overset, \\underset, \\substack, \\llap, \\rlap, \\phantom (each was
    drawn as its command text), \\widehat and \\widetilde (STIX's marks stretched over
    the argument; lumos drew a letter's hat over its middle): glyphs within 0.05 px of
    matplotlib's heights and 0.35 px across (matplotlib centres by ink, lumos by
    advance), the box within 0.05 px."""
    line = assert_like_matplotlib(text, 0.35)
    assert len(line.rules) == (1 if "underline" in text else 0)


def test_middle_is_stretched_like_left_and_right():
    line = mathtext._lines(r"$\left(\frac{a}{b}\middle|c\right)$", get_font())[0]
    spans = []
    for c in "(|)":
        i = line.chars.index(c)
        ink = line.fonts[i].ink(int(line.indices[i]))
        sx, sy = line.scales[i]
        assert sy > sx  # stretched upright
        spans.append((line.pens[i, 1] + ink[1] * sy, line.pens[i, 1] + ink[3] * sy))
    np.testing.assert_allclose(spans[1], spans[0], atol=1e-9)
    np.testing.assert_allclose(spans[2], spans[0], atol=1e-9)


def test_every_symbol_name_of_matplotlib_is_its_glyph():
    """All 624 alphabetic names of matplotlib's tex2uni: no warning, no missing glyph,
    and (where matplotlib is installed) the glyph and font file matplotlib draws, but for
    those it takes from DejaVu Sans Display (big operators and quotes, the same
    character; lumos scales DejaVu Sans's), \\check alone (a spacing caron here, its
    combining one there) and \\prime (matplotlib's from Computer Modern)."""
    from lumos.visuals.mathtext_parser import tables

    names = sorted(tables()["symbols"])
    assert len(names) == 624
    laid = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in names:
            lay = rich_layout(f"$\\{name}$", get_font())
            assert (lay.indices != 0).all(), name  # (\bar alone: an accent of nothing)
            laid[name] = [(f.path.name, c) for f, c in zip(lay.glyph_fonts(), lay.chars,
                                                           strict=True)]
    pytest.importorskip("matplotlib")
    from matplotlib.mathtext import MathTextParser

    parser, differ = MathTextParser("path"), []
    for name in names:
        try:
            glyphs = parser.parse(f"$\\{name}$", 72).glyphs
        except ValueError:  # matplotlib takes it only with an argument (\hat, \sqrt, ...)
            continue
        theirs = [(g[0].fname.rsplit("/", 1)[-1], chr(g[2])) for g in glyphs]
        if theirs != laid[name] and not (
                len(theirs) == 1 and theirs[0][0] == "DejaVuSansDisplay.ttf"
                and laid[name] == [("DejaVuSans.ttf", theirs[0][1])]):
            differ.append(name)
    assert differ == ["check", "prime"]


@pytest.mark.parametrize("points", [10, 16])
def test_overline_rule_where_matplotlib_puts_it(points):
    """\\overline: a rule one underline thick (0.75/12 em) on top of a box three rules
    and 0.06 em above the argument, as matplotlib 3.11's (to 0.01 px, from the line's
    baseline, the math raised to its box's top on a whole pixel in both)."""
    mathtext_mpl = pytest.importorskip("matplotlib.mathtext")
    from matplotlib.font_manager import FontProperties

    s, px = r"$\overline{ab}$", points * 100 / 72
    theirs = mathtext_mpl.MathTextParser("path").parse(s, 100, FontProperties(size=points))
    ours = rich_layout(s, get_font(), "left", "baseline", font_size=px)
    x0, y0, x1, y1 = ours.rules[0] * px
    np.testing.assert_allclose([x0, y0, x1 - x0, y1 - y0], theirs.rects[0], atol=0.01)
