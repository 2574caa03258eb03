"""GLSL composition: templates with hooks, snippets plugged into them."""

from .template import IDENTITY, ShaderTemplate, Snippet

__all__ = ["IDENTITY", "ShaderTemplate", "Snippet"]
