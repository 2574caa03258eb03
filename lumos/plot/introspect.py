"""matplotlib's artist introspection: ``findobj`` (walk ``get_children`` and keep what
matches), ``getp`` (a property by its getter, or all of them) and the setter listing
``setp(obj)`` prints.

lumos hands out light proxies for some of matplotlib's artists (a tick label, an axis
label, a tick line); each names the matplotlib class it stands for in ``stands_for``,
so ``fig.findobj(matplotlib.text.Text)`` finds them as matplotlib finds its Texts.
"""

from __future__ import annotations

import inspect


def children(obj) -> list:
    """The objects ``obj`` holds, as its ``get_children`` lists them (none without)."""
    get = getattr(obj, "get_children", None)
    return list(get()) if callable(get) else []


def _class_names(obj) -> set[str]:
    names = {c.__name__ for c in type(obj).__mro__}
    stands_for = getattr(obj, "stands_for", None)
    return names | {stands_for} if stands_for else names


def _matcher(match):
    if match is None:
        return lambda o: True
    if isinstance(match, type):
        if match.__module__.split(".")[0] == "matplotlib":  # its lumos counterpart, by name
            return lambda o: match.__name__ in _class_names(o)
        return lambda o: isinstance(o, match)
    if callable(match):
        return match
    raise TypeError(f"match: got {type(match).__name__}, expected None, a class or a "
                    "callable taking an artist")


def findobj(root, match=None, include_self: bool = True) -> list:
    """Every object under ``root`` (depth first, ``root`` first when ``include_self``)
    that ``match`` accepts: None (all), a class (lumos's, or matplotlib's: the objects
    standing for it) or a callable ``match(obj) -> bool``."""
    keep = _matcher(match)
    found, seen, held = [], set(), []

    def walk(obj, is_root: bool) -> None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
        held.append(obj)  # proxies made on the walk live on, so their ids stay unique
        if (include_self or not is_root) and keep(obj):
            found.append(obj)
        for child in children(obj):
            walk(child, False)

    walk(root, True)
    return found


def _takes_no_arguments(method) -> bool:
    try:
        sig = inspect.signature(method)
    except (TypeError, ValueError):  # builtins without a signature
        return False
    return all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
               for p in sig.parameters.values())


def properties(obj) -> dict:
    """``{name: value}`` of every ``get_name()`` of ``obj`` callable without arguments."""
    out = {}
    for name in sorted(dir(obj)):
        if not name.startswith("get_") or name == "get_children":
            continue
        method = getattr(obj, name, None)
        if callable(method) and _takes_no_arguments(method):
            out[name[4:]] = method()
    return out


def getp(obj, prop: str | None = None):
    """The value of ``obj.get_<prop>()``; without ``prop``, print every property as
    ``    name = value`` (matplotlib's listing) and return None."""
    if prop is not None:
        getter = getattr(obj, f"get_{prop}", None)
        if not callable(getter):
            raise AttributeError(f"getp: {type(obj).__name__} has no property {prop!r}")
        return getter()
    for name, value in properties(obj).items():
        text = repr(value)
        print(f"    {name} = {text if len(text) <= 50 else text[:50] + '...'}")
    return None


def setters(obj) -> dict:
    """``{name: first docstring line}`` of every ``set_name`` method of ``obj``."""
    out = {}
    for name in sorted(dir(obj)):
        method = getattr(obj, name, None) if name.startswith("set_") else None
        if callable(method):
            out[name[4:]] = (inspect.getdoc(method) or "").split("\n")[0]
    return out
