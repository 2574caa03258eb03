"""matplotlib's ``widgets`` names: ``from lumos.widgets import Slider, Button``.

The classes live in :mod:`lumos.plot.widgets` (Button, Slider, RangeSlider),
:mod:`lumos.plot.widget_buttons` (CheckButtons, RadioButtons, TextBox),
:mod:`lumos.plot.widget_cursors` (Cursor, MultiCursor),
:mod:`lumos.plot.widget_selectors` (SpanSelector, RectangleSelector, EllipseSelector) and
:mod:`lumos.plot.widget_polygons` (Lasso, LassoSelector, PolygonSelector); see there.
"""

from .plot.widget_buttons import CheckButtons, RadioButtons, TextBox
from .plot.widget_cursors import Cursor, MultiCursor
from .plot.widget_polygons import Lasso, LassoSelector, PolygonSelector
from .plot.widget_selectors import EllipseSelector, RectangleSelector, SpanSelector
from .plot.widgets import AxesWidget, Button, LockDraw, RangeSlider, Slider, SliderBase, Widget

__all__ = ["AxesWidget", "Button", "CheckButtons", "Cursor", "EllipseSelector", "Lasso",
           "LassoSelector", "LockDraw", "MultiCursor", "PolygonSelector", "RadioButtons",
           "RangeSlider", "RectangleSelector", "Slider", "SliderBase", "SpanSelector",
           "TextBox", "Widget"]
