"""matplotlib's ``widgets`` names: ``from lumos.widgets import Slider, Button``.

The classes live in :mod:`lumos.plot.widgets` (Button, Slider, RangeSlider),
:mod:`lumos.plot.widget_buttons` (CheckButtons, RadioButtons, TextBox) and
:mod:`lumos.plot.widget_selectors` (Cursor, MultiCursor, SpanSelector,
RectangleSelector, EllipseSelector, LassoSelector); see there.
"""

from .plot.widget_buttons import CheckButtons, RadioButtons, TextBox
from .plot.widget_selectors import (
                                    Cursor,
                                    EllipseSelector,
    LassoSelector,
                                    MultiCursor,
                                    RectangleSelector,
                                    SpanSelector,
)
from .plot.widgets import AxesWidget, Button, LockDraw, RangeSlider, Slider, SliderBase, Widget

__all__ = ["AxesWidget", "Button", "CheckButtons", "Cursor", "EllipseSelector",
           "LassoSelector", "LockDraw", "MultiCursor", "RadioButtons", "RangeSlider",
           "RectangleSelector", "Slider", "SliderBase", "SpanSelector", "TextBox", "Widget"]
