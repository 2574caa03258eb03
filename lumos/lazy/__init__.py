"""Data beyond memory: lazy sources, on-disk pyramids, aggregation on Dask.

>>> from lumos.lazy import aggregate, as_source
>>> grid = aggregate(ddf.x, ddf.y, bins=(1600, 1000)).grid
"""

from .aggregate import Aggregate, AggregateError, aggregate
from .source import ArraySource, SourceError, as_source, is_lazy
from .volume import VolumeSource

__all__ = ["Aggregate", "AggregateError", "ArraySource", "SourceError", "VolumeSource",
           "aggregate", "as_source", "is_lazy"]
