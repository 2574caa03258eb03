"""matplotlib's ``ticker`` names: ``import lumos.ticker as ticker`` (see
:mod:`lumos.plot.ticker`)."""

from .plot.ticker import *  # noqa: F401,F403
from .plot.ticker import __all__  # noqa: F401
