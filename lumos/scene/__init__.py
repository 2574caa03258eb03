"""Scene: canvases of views in a grid, cameras, and the visuals they hold."""

from .cameras import ArcballCamera, Camera, PanZoomCamera, TurntableCamera
from .canvas import Canvas, View

__all__ = ["ArcballCamera", "Camera", "Canvas", "PanZoomCamera", "TurntableCamera", "View"]
