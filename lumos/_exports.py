"""Lazy re-exports for a package's ``__init__`` (PEP 562): each public name is imported
from the submodule that defines it on first access, so importing the package costs only
what is used (``import lumos.pyplot`` needs a few of lumos.visuals' visuals and none of
lumos.gpu's context code). Standard library only: every layer may use it."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable, Callable]:
    """``__getattr__`` and ``__dir__`` for ``package``: ``exports`` maps each public name
    to the submodule (its name inside the package) that defines it. The package's
    submodules are attributes too, as those it imported eagerly were."""

    def __getattr__(name: str):  # noqa: N807 - PEP 562's name
        if name in exports:
            value = getattr(importlib.import_module(f"{package}.{exports[name]}"), name)
        elif name in _submodules(package):
            value = importlib.import_module(f"{package}.{name}")
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        setattr(sys.modules[package], name, value)  # found directly from now on
        return value

    def __dir__() -> list[str]:  # noqa: N807 - PEP 562's name
        return sorted(set(vars(sys.modules[package])) | set(exports) | _submodules(package))

    return __getattr__, __dir__


def _submodules(package: str) -> set[str]:
    import pkgutil  # only for a name that is not an export: not a cost of every import

    return {m.name for m in pkgutil.iter_modules(sys.modules[package].__path__)}
