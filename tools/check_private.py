"""Fail on access to another layer's private attributes (``make test`` runs this).

DESIGN.md: "A layer never reads or writes another layer's private attributes; it calls
what that layer declares." A layer is a subpackage of ``lumos`` (``lumos.plot``,
``lumos.app``, ...) or a top-level module (``lumos.pyplot``, ``lumos.colors``).

What counts as an access: ``obj._name`` (read, write or delete) where ``obj`` is not
``self``/``cls``/``super()``, and ``getattr``/``setattr``/``hasattr``/``delattr`` with a
literal ``"_name"``, and ``from module import _name`` across layers. Dunders are public.

Which layer owns ``_name``: every layer whose code defines it (``self._name = ...``,
``cls._name``, a class attribute, method or property, a module-level name). An access is
allowed when the accessing layer defines that name itself; otherwise it is a violation
(whether another lumos layer or a third-party library owns it). Name collisions can hide
an access (two layers both defining ``_points``), never invent one.

Public protocols spelled with an underscore are not private: IPython's display hooks
(``_repr_*_``, ``_ipython_*``). Third-party private names lumos has no other way to
reach are listed in ``THIRD_PARTY`` with the reason.

    python tools/check_private.py            # exit 1 and list violations
    python tools/check_private.py --count    # also count every cross-object access
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "lumos"
_ATTR_FUNCS = {"getattr", "setattr", "hasattr", "delattr"}
_PROTOCOL = re.compile(r"^_repr_\w+_$|^_ipython_\w+$")

#: third-party private names used on purpose, and why
THIRD_PARTY = {
    "_FT_Face": "freetype-py hands out the raw FreeType face only as Face._FT_Face",
    "_FT_Bitmap": "freetype-py hands out the raw FreeType bitmap only as ._FT_Bitmap",
    "_store": "moderngl keeps its process-wide default context only in moderngl._store; "
              "lumos restores the user's after making its own",
    "_gc": "matplotlib's path effects (Stroke, withStroke) keep linewidth and foreground "
           "only in ._gc; lumos draws them (lumos.plot.effects)",
    "_shadow_rgbFace": "matplotlib's SimplePatchShadow keeps its color only there",
    "_rho": "matplotlib's SimplePatchShadow keeps its darkening factor only there",
    "_shadow_color": "matplotlib's SimpleLineShadow keeps its color only there",
    "_offset": "matplotlib's path effects keep their offset only there",
    "_get_unit": "matplotlib's date locators tell their tick unit (days) only through "
                 "_get_unit, what AutoDateFormatter chooses its format by",
    "_tz": "matplotlib's ConciseDateFormatter keeps its time zone only there; lumos "
           "refuses one it cannot honour (lumos.plot.mpl_ticker.lumos_twin)",
    "_usetex": "matplotlib's ConciseDateFormatter keeps usetex only there (as _tz)",
    "_spacing": "matplotlib's TickedStroke keeps its tick spacing only there",
    "_angle": "matplotlib's TickedStroke keeps its tick angle only there",
    "_posA_posB": "matplotlib's FancyArrowPatch keeps its end points only there "
                  "(set_positions has no getter); lumos.plot.figure_artists draws it",
    "_length": "matplotlib's TickedStroke keeps its tick length only there",
    "_ndivide": "matplotlib's HandlerTuple keeps its ndivide only there (no getter); "
                "lumos.plot.legend_handles draws tuple handles",
    "_pad": "matplotlib's HandlerTuple keeps its pad only there (no getter)",
    "_bbox_to_anchor": "matplotlib's AnchoredOffsetbox keeps the box it was given only "
                       "there (its getter transforms it, which fails with a lumos "
                       "transform); lumos.plot.mpl_texts anchors an AnchoredText",
    "_bbox_to_anchor_transform": "matplotlib's AnchoredOffsetbox keeps bbox_transform "
                                 "only there (no getter)",
    "_artist": "matplotlib's OffsetFrom keeps its artist only there (its __call__ accepts "
               "only matplotlib's artists); lumos.plot.annotations places an annotation "
               "offset from a lumos artist",
    "_ref_coord": "matplotlib's OffsetFrom keeps its reference point only there (as "
                  "_artist)",
    "_box_alignment": "matplotlib's AnnotationBbox keeps box_alignment only there (no "
                      "getter); lumos.plot.mpl_offsetbox places the box by it",
    "_Ax": "matplotlib's NonUniformImage keeps its column centres only there (no getter); "
           "lumos.plot.image_nonuniform draws it",
    "_Ay": "matplotlib's NonUniformImage keeps its row centres only there (as _Ax)",
    "_dpi_cor": "matplotlib's OffsetImage keeps dpi_cor (its size in points or pixels) "
                "only there (no getter); lumos.plot.mpl_offsetbox sizes the image by it",
    # matplotlib's backend-writer interface (lumos.mpl_backend), as its own backends use it
    "_process": "matplotlib backends fire events with Event._process() (backend_bases)",
    "_on_timer": "TimerBase._on_timer is the call a backend's timer makes (backend_bases)",
    "_set_device_pixel_ratio": "FigureCanvasBase._set_device_pixel_ratio is how HiDPI "
                               "backends tell matplotlib the screen's pixel ratio",
    "_layout": "FT2Font._layout: the glyph layout (font fallback, kerning) Agg draws text "
               "with; lumos.mpl_backend draws the same glyphs",
    "_set_transform": "FT2Font._set_transform: placing a glyph at a sub-pixel position "
                      "and angle, as Agg does before FreeType renders it",
    "_render_glyph": "FT2Font._render_glyph: the glyph bitmap Agg draws",
    "_find_fonts_by_props": "FontManager._find_fonts_by_props: the fallback fonts Agg uses "
                            "for a FontProperties",
}


def _private(name: str) -> bool:
    if _PROTOCOL.match(name):
        return False
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def layer_of(path: Path, package: Path = PACKAGE) -> str:
    """``lumos.plot`` for lumos/plot/axes.py, ``lumos.pyplot`` for lumos/pyplot.py."""
    rel = path.relative_to(package)
    if len(rel.parts) == 1:
        return "lumos" if rel.stem == "__init__" else f"lumos.{rel.stem}"
    return f"lumos.{rel.parts[0]}"


def _is_own(node: ast.expr) -> bool:
    """``self``, ``cls`` and ``super()``: the object's own attributes."""
    if isinstance(node, ast.Name):
        return node.id in ("self", "cls")
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "super")


def definitions(tree: ast.Module) -> set[str]:
    """Private names a module defines: its own attributes, class members, globals."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _is_own(node.value) and _private(node.attr) \
                and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if _private(node.name):
                names.add(node.name)
        elif isinstance(node, ast.ClassDef):
            pass
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                for n in ast.walk(t):
                    if isinstance(n, ast.Name) and _private(n.id):
                        names.add(n.id)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "setattr" and len(node.args) >= 2 \
                and _is_own(node.args[0]) and isinstance(node.args[1], ast.Constant) \
                and isinstance(node.args[1].value, str) and _private(node.args[1].value):
            names.add(node.args[1].value)
    return names


def accesses(tree: ast.Module):
    """``(line, name, how)`` of every access to a private name of another object."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr) and not _is_own(node.value):
            yield node.lineno, node.attr, "attribute"
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in _ATTR_FUNCS and len(node.args) >= 2 \
                and not _is_own(node.args[0]) and isinstance(node.args[1], ast.Constant) \
                and isinstance(node.args[1].value, str) and _private(node.args[1].value):
            yield node.lineno, node.args[1].value, node.func.id
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if _private(alias.name):
                    yield node.lineno, alias.name, "import"


def _import_layer(path: Path, node: ast.ImportFrom, package: Path) -> str | None:
    """The layer an ``from X import _name`` reaches, for relative and absolute imports."""
    if node.level:
        base = ("lumos",) + path.parent.relative_to(package).parts
        parts = list(base[: len(base) - node.level + 1])
        mod = parts + (node.module.split(".") if node.module else [])
    elif node.module and node.module.split(".")[0] == "lumos":
        mod = node.module.split(".")
    else:
        return None
    if len(mod) < 2:
        return "lumos"
    sub = package / mod[1]
    return f"lumos.{mod[1]}" if sub.is_dir() or sub.with_suffix(".py").exists() else None


def violations(package: Path = PACKAGE) -> tuple[list[tuple], int]:
    """``([(path, line, name, how, owner), ...], cross-object accesses)`` of a package."""
    files = sorted(package.rglob("*.py"))
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in files}
    defined: dict[str, set[str]] = defaultdict(set)
    for p, tree in trees.items():
        defined[layer_of(p, package)] |= definitions(tree)
    found, cross_object = [], 0
    for p, tree in trees.items():
        layer = layer_of(p, package)
        imports = {n.lineno: n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        for line, name, how in accesses(tree):
            if how == "import":
                target = _import_layer(p, imports[line], package)
                if target is None:  # a third-party module's private name
                    found.append((p, line, name, how, "a third-party module"))
                elif target != layer:
                    found.append((p, line, name, how, target))
                continue
            cross_object += 1
            if name in defined[layer] or name in THIRD_PARTY:
                continue
            owners = sorted(k for k, v in defined.items() if name in v) or ["a library"]
            found.append((p, line, name, how, ", ".join(owners)))
    return found, cross_object


def check(count: bool = False, package: Path = PACKAGE) -> int:
    """Print the violations; 1 if there are any (``count``: also the totals)."""
    found, cross_object = violations(package)
    for p, line, name, how, owner in found:
        print(f"{p.relative_to(package.parent)}:{line}: {how} of {name!r}, private to {owner}")
    if count:
        print(f"{cross_object} accesses to private names of other objects "
              f"(same layer included), {len(found)} across layers")
    return 1 if found else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", action="store_true",
                        help="also count cross-object private accesses within layers")
    sys.exit(check(parser.parse_args().count))
