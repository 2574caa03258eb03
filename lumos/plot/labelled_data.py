"""matplotlib's labelled data: ``ax.plot('date', 'price', data=df)``, ``ax.scatter('a',
'b', c='c', s='d', data=d)``: strings naming keys of ``data`` stand for ``data[key]``,
and the label defaults to the key of y (matplotlib's ``_preprocess_data``)."""

from __future__ import annotations

import functools
import inspect

from .artists import sanitize_sequence


def _lookup(data, value):
    """``data[value]`` when ``value`` is a string naming a key of ``data``, else
    ``value`` (a format string such as 'r--' stays one)."""
    if not isinstance(value, str):
        return value
    try:
        return sanitize_sequence(data[value])
    except (KeyError, IndexError, ValueError, TypeError):
        return value


def labelled_data(replace_names: tuple[str, ...] | None):
    """Decorate an Axes method to take ``data=``: ``replace_names`` the parameters
    looked up in it (None: every positional argument, for ``plot(*args)``)."""

    def decorate(method):
        signature = inspect.signature(method)

        @functools.wraps(method)
        def call(self, *args, data=None, **kwargs):
            if data is None:
                return method(self, *args, **kwargs)
            if replace_names is None:
                new_args = [_lookup(data, a) for a in args]
                keys = [a for a, b in zip(args, new_args, strict=True) if a is not b]
                y_key = keys[1] if len(keys) > 1 else keys[0] if keys else None
                if y_key is not None and "label" not in kwargs:
                    kwargs["label"] = y_key
                return method(self, *new_args, **kwargs)
            bound = signature.bind(self, *args, **kwargs)
            named = bound.arguments
            y_key = named.get("y") if isinstance(named.get("y"), str) else None
            for name in replace_names:
                if name in named:
                    named[name] = _lookup(data, named[name])
            extra = named.get("kwargs", {})
            for name in replace_names:
                if name in extra:
                    extra[name] = _lookup(data, extra[name])
            if y_key is not None and "label" not in named and "label" not in extra:
                named["label"] = y_key  # a parameter of the method
            return method(*bound.args, **bound.kwargs)

        return call

    return decorate
