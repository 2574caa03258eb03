"""GPU layer: resources, the frame description and its executors.

Names load from their submodules on first use (lumos._exports): drawing a figure needs
the frame description, not the GL context code until a context is made."""

from .._exports import lazy_exports

__all__ = [
    "Attribute", "Buffer", "Draw", "Frame", "Limits", "OpenGLUnavailable", "Program",
    "RenderTarget", "State", "Texture", "View", "current", "limits", "memory_budget",
    "set_memory_budget",
]

__getattr__, __dir__ = lazy_exports(__name__, {
    "memory_budget": "budget", "set_memory_budget": "budget",
    "Limits": "context", "OpenGLUnavailable": "context", "current": "context",
    "limits": "context",
    "Attribute": "frame", "Draw": "frame", "Frame": "frame", "RenderTarget": "frame",
    "State": "frame", "View": "frame",
    "Buffer": "resources", "Program": "resources", "Texture": "resources",
})
del lazy_exports
