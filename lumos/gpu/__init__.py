"""GPU layer: resources, the frame description and its executors."""

from .context import OpenGLUnavailable, get_context
from .frame import Attribute, Draw, Frame, RenderTarget, State, View
from .resources import Buffer, Program, Texture

__all__ = [
    "Attribute", "Buffer", "Draw", "Frame", "OpenGLUnavailable", "Program", "RenderTarget",
    "State",
    "Texture", "View", "get_context",
]
