"""Qt front-end: ``lumos.qt.FigureWidget(fig)`` (PySide6 or PyQt6, whichever imports)."""

from .app.qt import FigureWidget

__all__ = ["FigureWidget"]
