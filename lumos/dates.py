"""matplotlib's ``dates`` names: ``import lumos.dates as mdates`` (see
:mod:`lumos.plot.dates`)."""

from .plot.dates import *  # noqa: F401,F403
from .plot.dates import __all__  # noqa: F401
