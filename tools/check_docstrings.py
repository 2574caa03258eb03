"""List lumos's public names that have no docstring; exit 1 if there are any.

The public API is what the API reference documents (``make docs`` builds it from the same
list): the modules in ``PUBLIC_MODULES``, their ``__all__`` (or, without one, the public
names they define), and for each class its public methods and properties, including those
a lumos base class or mixin defines. Plain data (constants, class attributes) cannot carry
a docstring and is not counted.

    python tools/check_docstrings.py          # exit 1 and list undocumented names
    python tools/check_docstrings.py --count  # also print how many names were checked
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's lumos

# module -> one-line title for its API page (docs/conf.py builds the pages from this)
PUBLIC_MODULES = {
    "lumos": "Top level: figures and molecules",
    "lumos.pyplot": "pyplot: matplotlib's state machine",
    "lumos.plot": "plot: Figure and Axes",
    "lumos.plot.artists": "plot.artists: the artist protocols",
    "lumos.plot.lines": "plot.lines: Line2D",
    "lumos.plot.scatter": "plot.scatter: PathCollection",
    "lumos.plot.image": "plot.image: AxesImage",
    "lumos.plot.text_artists": "plot.text_artists: Text",
    "lumos.plot.annotations": "plot.annotations: Annotation",
    "lumos.plot.ticker": "plot.ticker: locators and formatters",
    "lumos.plot.dates": "plot.dates: date axes",
    "lumos.plot.animation": "plot.animation: movies",
    "lumos.colors": "colors: colors, colormaps and norms",
    "lumos.patches": "patches: matplotlib-style patches",
    "lumos.collections": "collections: matplotlib-style collections",
    "lumos.widgets": "widgets: sliders, buttons, cursors and selectors",
    "lumos.path": "path: Path and its codes",
    "lumos.scene": "scene: canvases, views and cameras",
    "lumos.visuals": "visuals: what the GPU draws",
    "lumos.transforms": "transforms: data to clip space",
    "lumos.shaders": "shaders: GLSL templates and snippets",
    "lumos.gpu": "gpu: context, resources and frames",
    "lumos.lazy": "lazy: data beyond memory",
    "lumos.io.movie": "io.movie: movie files",
    "lumos.geometry": "geometry: meshes to start from",
    "lumos.isosurface": "isosurface: marching cubes",
    "lumos.molecule": "molecule: atoms, bonds and PDB files",
    "lumos.mplot3d": "mplot3d: mplot3d's names for lumos's 3D axes",
    "lumos.tri": "tri: triangulations (Triangulation)",
    "lumos.plot.axes3d": "plot.axes3d: the 3D axes",
    "lumos.mpl_backend": "mpl_backend: a matplotlib backend drawn by lumos",
    "lumos.qt": "qt: the Qt widget",
}


def public_names(modname: str) -> list[str]:
    """The names a module exports: its ``__all__``, else the public names it defines."""
    mod = importlib.import_module(modname)
    if modname == "lumos":
        return sorted(n for n in dir(mod) if not n.startswith("_")
                      and not inspect.ismodule(getattr(mod, n)))
    if hasattr(mod, "__all__"):
        return list(mod.__all__)
    return sorted(n for n, v in vars(mod).items() if not n.startswith("_")
                  and (inspect.isclass(v) or inspect.isfunction(v))
                  and getattr(v, "__module__", None) == modname)


def _own_doc(obj) -> str | None:
    """The docstring written on ``obj`` itself (inspect.getdoc would inherit one)."""
    if isinstance(obj, property):
        return obj.__doc__ or (obj.fget.__doc__ if obj.fget else None)
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    return getattr(obj, "__doc__", None)


def _inherited_doc(cls, name: str, member) -> str | None:
    """The member's docstring, else that of the first base class that documents the name
    (an override of a documented method or property keeps its meaning, as in Sphinx)."""
    doc = _own_doc(member)
    for klass in cls.__mro__[1:]:
        if doc and doc.strip():
            break
        if name in vars(klass):
            doc = _own_doc(vars(klass)[name])
    return doc


def _members(cls) -> list[tuple[str, object, str]]:
    """(name, member, qualified name) for the public callables and properties of ``cls``
    defined in lumos (in the class or a lumos base), each where it is defined."""
    out = []
    for name in dir(cls):
        if name.startswith("_"):
            continue
        getattr(cls, name, None)  # loads a method deferred to its first use (plot_types)
        for klass in cls.__mro__:
            if name in vars(klass):
                member = vars(klass)[name]
                break
        else:
            continue
        if not klass.__module__.startswith("lumos"):
            continue
        if isinstance(member, (property, staticmethod, classmethod)) or inspect.isfunction(member):
            out.append((name, member, f"{klass.__module__}.{klass.__qualname__}.{name}"))
    return out


def undocumented() -> tuple[list[str], int]:
    """Every public name without a docstring, and how many names were checked."""
    missing: set[str] = set()
    seen: set[str] = set()
    for modname in PUBLIC_MODULES:
        mod = importlib.import_module(modname)
        if not (mod.__doc__ or "").strip():
            missing.add(modname)
        for name in public_names(modname):
            obj = getattr(mod, name)
            if not (inspect.isclass(obj) or inspect.isroutine(obj)):
                continue  # data: colormaps, constants, rcParams
            qual = f"{getattr(obj, '__module__', modname)}.{getattr(obj, '__qualname__', name)}"
            if qual in seen:
                continue
            seen.add(qual)
            if not (_own_doc(obj) or "").strip():
                missing.add(qual)
            if inspect.isclass(obj):
                for mname, member, mqual in _members(obj):
                    if mqual in seen:
                        continue
                    seen.add(mqual)
                    if not (_inherited_doc(obj, mname, member) or "").strip():
                        missing.add(mqual)
    return sorted(missing), len(seen)


def main() -> int:
    """Print the undocumented names; 1 if there are any."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", action="store_true", help="print how many names were checked")
    args = parser.parse_args()
    missing, checked = undocumented()
    for name in missing:
        print(f"undocumented: {name}")
    if args.count or missing:
        print(f"{len(missing)} undocumented of {checked} public names", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
