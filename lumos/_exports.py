"""Lazy re-exports for a package's ``__init__`` or a module (PEP 562): each name is
imported from the module that defines it on first access, so importing costs only what
is used (``import lumos.pyplot`` needs a few of lumos.visuals' visuals and none of
lumos.gpu's context code). Standard library only: every layer may use it."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable


def lazy_exports(module: str, exports: dict[str, str],
                 package: str | None = None) -> tuple[Callable, Callable]:
    """``__getattr__`` and ``__dir__`` for ``module``: ``exports`` maps each name to the
    module (its name inside ``package``, by default ``module`` itself, a package) that
    defines it. A package's submodules are attributes too, as those it imported eagerly
    were."""
    package = package or module

    def __getattr__(name: str):  # noqa: N807 - PEP 562's name
        if name in exports:
            value = getattr(importlib.import_module(f"{package}.{exports[name]}"), name)
        elif package == module and not name.startswith("__"):
            try:
                value = importlib.import_module(f"{package}.{name}")
            except ModuleNotFoundError as e:
                if e.name != f"{package}.{name}":
                    raise  # the submodule exists and failed to import something
                raise AttributeError(f"module {module!r} has no attribute {name!r}") \
                    from None
        else:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        setattr(sys.modules[module], name, value)  # found directly from now on
        return value

    def __dir__() -> list[str]:  # noqa: N807 - PEP 562's name
        names = set(vars(sys.modules[module])) | set(exports)
        if package == module:
            import pkgutil  # only when asked: not a cost of every import

            names |= {m.name for m in pkgutil.iter_modules(sys.modules[module].__path__)}
        return sorted(names)

    return __getattr__, __dir__
