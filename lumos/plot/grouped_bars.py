"""matplotlib 3.11's ``grouped_bar``: the bars of several datasets side by side in each
category, made of one ``bar`` (or ``barh``) call per dataset."""

from __future__ import annotations

import itertools

import numpy as np

from .. import colors as lcolors
from .plot_args import check_choice

# keywords that may give one value per dataset (matplotlib's style_generator)
_PER_DATASET = ("facecolor", "edgecolor", "hatch", "linewidth", "linestyle")


class GroupedBars:
    """What ``grouped_bar`` returns: ``bar_containers`` (one BarContainer per dataset)
    and ``remove()``, matplotlib's provisional result object."""

    def __init__(self, bar_containers: list) -> None:
        self.bar_containers = bar_containers

    def remove(self) -> None:
        for bc in self.bar_containers:
            bc.remove()


def _datasets(heights, labels):
    """(list of datasets, their labels) from a list of datasets, a 2D array (one column
    per dataset), a dict {label: dataset} or a pandas DataFrame (columns are datasets)."""
    tick_labels = None
    if hasattr(heights, "columns") and hasattr(heights, "to_numpy"):  # a DataFrame
        labels = list(heights.columns) if labels is None else labels
        tick_labels = list(heights.index)
        heights = heights.to_numpy().T
    elif hasattr(heights, "keys"):
        if labels is not None:
            raise ValueError("labels: got labels and a dict of heights, expected one of them")
        labels, heights = list(heights.keys()), list(heights.values())
    elif hasattr(heights, "shape"):
        heights = np.asarray(heights).T
    data = [np.asarray(h) for h in heights]
    if not data:
        raise ValueError("heights: got no dataset, expected at least one")
    for i, d in enumerate(data):
        if d.ndim != 1 or len(d) != len(data[0]):
            raise ValueError(f"heights: dataset {i} has shape {d.shape}, expected "
                             f"({len(data[0])},) like dataset 0")
    if labels is not None and len(labels) != len(data):
        raise ValueError(f"labels: got {len(labels)} labels for {len(data)} datasets")
    return data, labels, tick_labels


def _style_cycles(kwargs: dict) -> dict:
    """Iterators of the per-dataset keywords, popped from ``kwargs``."""
    out = {}
    for key in _PER_DATASET:
        if key not in kwargs:
            continue
        value = kwargs.pop(key)
        if key in ("facecolor", "edgecolor") and not (value is None or (
                isinstance(value, str) and value.lower() == "none")):
            values = [tuple(c) for c in lcolors.to_rgba_array(value, argname=key)]
        elif isinstance(value, str) or np.ndim(value) == 0 or key == "linestyle" and \
                isinstance(value, tuple) and len(value) == 2 and np.ndim(value[1]) == 1:
            values = [value]  # one value for every dataset (a dash tuple is one value)
        else:
            values = list(value)
        if not values:
            raise TypeError(f"{key}: got an empty sequence, expected a value or one per "
                            "dataset")
        out[key] = itertools.cycle(values)
    return out


def grouped_bar(ax, heights, positions, group_spacing, bar_spacing, tick_labels, labels,
                orientation, colors, kwargs) -> GroupedBars:
    """The work of :meth:`BarPlotsMixin.grouped_bar` (matplotlib's geometry: groups one
    ``group_distance`` apart, ``group_spacing`` bar widths between groups,
    ``bar_spacing`` bar widths between the bars of a group)."""
    check_choice(orientation, "orientation", ("vertical", "horizontal"))
    data, labels, frame_ticks = _datasets(heights, labels)
    tick_labels = frame_ticks if tick_labels is None else tick_labels
    if positions is None:
        centers, distance = np.arange(len(data[0]), dtype=float), 1.0
    else:
        centers = np.asarray(positions, dtype=float)
        steps = np.diff(centers)
        if len(steps) and not np.allclose(steps, steps.mean()):
            raise ValueError(f"positions: got {list(centers)}, expected equidistant "
                             "positions")
        distance = float(steps[0]) if len(steps) else 1.0
    n = len(data)
    width = distance / (n + (n - 1) * bar_spacing + group_spacing)
    color_cycle = itertools.cycle([None] if colors is None else list(colors))
    styles = _style_cycles(kwargs)
    containers = []
    for i, h in enumerate(data):
        lefts = centers - 0.5 * distance + 0.5 * group_spacing * width + \
            i * width * (1 + bar_spacing)
        style = {key: next(it) for key, it in styles.items()}
        label = None if labels is None else labels[i]
        color = next(color_cycle)
        if orientation == "vertical":
            containers.append(ax.bar(lefts, h, width=width, align="edge", label=label,
                                     color=color, **style, **kwargs))
        else:
            containers.append(ax.barh(lefts, h, height=width, align="edge", label=label,
                                      color=color, **style, **kwargs))
    if tick_labels is not None:
        axis = ax.xaxis if orientation == "vertical" else ax.yaxis
        axis.set_ticks(centers, labels=[str(t) for t in tick_labels])
    return GroupedBars(containers)
