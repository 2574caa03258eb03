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
        elif not name.startswith("__"):
            try:
                value = importlib.import_module(f"{package}.{name}")
            except ModuleNotFoundError as e:
                if e.name != f"{package}.{name}":
                    raise  # the submodule exists and failed to import something
                raise AttributeError(f"module {package!r} has no attribute {name!r}") \
                    from None
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        setattr(sys.modules[package], name, value)  # found directly from now on
        return value

    def __dir__() -> list[str]:  # noqa: N807 - PEP 562's name
        import pkgutil  # only when asked: not a cost of every import

        submodules = {m.name for m in pkgutil.iter_modules(sys.modules[package].__path__)}
        return sorted(set(vars(sys.modules[package])) | set(exports) | submodules)

    return __getattr__, __dir__
