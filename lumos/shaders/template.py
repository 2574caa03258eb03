"""Shader templates with named hooks, filled by GLSL snippets.

A template is GLSL (common subset of GLSL 3.30 core and GLSL ES 3.00, no
``#version`` line) in which ``$name`` marks a hook. Composing replaces each hook by
the function name of the snippet plugged into it and inserts the snippet's
definitions where the template says ``#pragma snippets``. Composed programs are cached
by their source, so visuals sharing a template and snippets share one program.

>>> t = ShaderTemplate(vertex="#pragma snippets\\nvoid main(){ gl_Position = $transform(p); }",
...                    fragment="out vec4 c; void main(){ c = vec4(1.0); }")
>>> program = t.compose(transform=Snippet("tr_identity", "vec4 tr_identity(vec4 p){return p;}"))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..gpu.resources import Program

_HOOK = re.compile(r"\$([A-Za-z_]\w*)")
_cache: dict[tuple[str, str], Program] = {}


@dataclass(frozen=True, repr=False)
class Snippet:
    """A GLSL function plugged into a hook.

    ``name`` is the function the hook calls; ``source`` defines it (and anything it
    needs); ``uniforms`` are values the visual passes for uniforms the source declares.
    """

    name: str
    source: str
    uniforms: dict = field(default_factory=dict, compare=False, hash=False)


IDENTITY = Snippet("lumos_identity", "vec4 lumos_identity(vec4 p) { return p; }")


class ShaderTemplate:
    """A vertex/fragment pair with ``$hook`` placeholders."""

    def __init__(self, vertex: str, fragment: str) -> None:
        self.vertex = vertex
        self.fragment = fragment
        self.hooks = sorted(set(_HOOK.findall(vertex)) | set(_HOOK.findall(fragment)))
        self._composed: dict[tuple, Program] = {}

    def compose(self, **snippets: Snippet) -> Program:
        """Fill every hook and return the (cached) program."""
        # visuals compose at every frame: the same snippets find their program without
        # filling the sources again (a snippet compares by name and source)
        key = tuple(sorted(snippets.items()))
        program = self._composed.get(key)
        if program is None:
            program = self._composed[key] = self._compose(snippets)
        return program

    def _compose(self, snippets: dict[str, Snippet]) -> Program:
        missing = set(self.hooks) - set(snippets)
        extra = set(snippets) - set(self.hooks)
        if missing or extra:
            raise ValueError(
                f"snippets: template hooks are {self.hooks}; missing {sorted(missing)}, "
                f"unknown {sorted(extra)}"
            )
        vertex = _fill(self.vertex, snippets)
        fragment = _fill(self.fragment, snippets)
        key = (vertex, fragment)
        program = _cache.get(key)
        if program is None:
            program = _cache[key] = Program(vertex, fragment)
        return program


def _fill(source: str, snippets: dict[str, Snippet]) -> str:
    used = [s for name, s in snippets.items() if f"${name}" in source]
    definitions: list[str] = []
    for s in used:
        if s.source not in definitions:
            definitions.append(s.source)
    source = _HOOK.sub(lambda m: snippets[m.group(1)].name, source)
    return source.replace("#pragma snippets", "\n".join(definitions))
