"""GPU layer: resources, the frame description and its executors."""

from .budget import memory_budget, set_memory_budget
from .context import Limits, OpenGLUnavailable, current, limits
from .frame import Attribute, Draw, Frame, RenderTarget, State, View
from .resources import Buffer, Program, Texture

__all__ = [
    "Attribute", "Buffer", "Draw", "Frame", "Limits", "OpenGLUnavailable", "Program",
    "RenderTarget", "State", "Texture", "View", "current", "limits", "memory_budget",
    "set_memory_budget",
]
