"""Data beyond memory: lazy sources, on-disk pyramids, aggregation on Dask."""

from .source import ArraySource, SourceError, as_source, is_lazy

__all__ = ["ArraySource", "SourceError", "as_source", "is_lazy"]
