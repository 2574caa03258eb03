"""The API reference: one page per public module of tools/check_docstrings.py.

The same list drives the check of undocumented names, so a module added there is both
documented and checked. Pages are written into docs/api/ (generated, not committed).
An object exported by several modules (``lumos.pyplot.Circle`` is
``lumos.patches.Circle``) is documented once, on its home page: the first module that
exports it and is not a collection of re-exports (``lumos``, ``lumos.pyplot``); the
others link there.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

from check_docstrings import PUBLIC_MODULES, public_names

REEXPORTS = ("lumos", "lumos.pyplot")


def homes() -> dict[int, str]:
    """id(object) -> the module whose page documents it."""
    out: dict[int, str] = {}
    for prefer_reexports in (False, True):
        for modname in PUBLIC_MODULES:
            if (modname in REEXPORTS) != prefer_reexports:
                continue
            mod = importlib.import_module(modname)
            for name in public_names(modname):
                obj = getattr(mod, name)
                if inspect.isclass(obj) or inspect.isroutine(obj):
                    out.setdefault(id(obj), f"{modname}.{name}")
    return out


def _page(modname: str, title: str, home: dict[int, str]) -> str:
    mod = importlib.import_module(modname)
    lines = [title, "=" * len(title), "", f".. automodule:: {modname}", ""]
    elsewhere = []
    for name in public_names(modname):
        obj = getattr(mod, name)
        target = home.get(id(obj))
        if target is not None and target != f"{modname}.{name}":
            role = "class" if inspect.isclass(obj) else "func"
            elsewhere.append(f"* ``{name}``: :py:{role}:`{target}`")
        elif inspect.isclass(obj):
            # members inherited from lumos classes are shown; those of other libraries'
            # bases (matplotlib's backend classes, ...) are theirs to document
            foreign = sorted({k.__name__ for k in obj.__mro__[1:]
                              if not k.__module__.startswith("lumos")})
            lines += [f".. autoclass:: {modname}.{name}", "   :members:",
                      f"   :inherited-members: {', '.join(foreign)}", ""]
        elif inspect.isroutine(obj):
            lines += [f".. autofunction:: {modname}.{name}", ""]
        else:  # data: its type's docstring is not its own
            lines += [f".. py:data:: {modname}.{name}",
                      f"   :type: {type(obj).__module__}.{type(obj).__qualname__}", ""]
    if elsewhere:
        lines += ["Also here, documented with their home module:", ""] + elsewhere + [""]
    return "\n".join(lines)


def write(folder: Path) -> None:
    """Write the index and a page per module, rewriting only what changed."""
    folder.mkdir(exist_ok=True)
    home = homes()
    pages = {f"{m}.rst": _page(m, title, home) for m, title in PUBLIC_MODULES.items()}
    toc = "\n".join(f"   {m}" for m in PUBLIC_MODULES)
    pages["index.rst"] = ("API reference\n=============\n\nGenerated from the docstrings. "
                          "``python tools/check_docstrings.py`` lists public names without "
                          "one (``make docs`` fails on them).\n\n.. toctree::\n"
                          f"   :maxdepth: 1\n\n{toc}\n")
    for name, text in pages.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for old in folder.glob("*.rst"):
        if old.name not in pages:
            old.unlink()
