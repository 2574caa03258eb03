"""The projection registry: projection= everywhere matplotlib takes it, custom axes kinds."""

from __future__ import annotations

import pytest

import lumos
import lumos.pyplot as plt
from lumos.plot import Axes, Figure, projection_names, register_projection


def test_rectilinear_is_the_default_and_unknown_names_list_the_known_ones():
    fig = Figure(figsize=(3, 2))
    assert type(fig.add_subplot()) is Axes and fig.gca().name == "rectilinear"
    with pytest.raises(ValueError, match="'rectilinear'") as err:
        fig.add_subplot(122, projection="robinson")
    assert "robinson" in str(err.value)
    with pytest.raises(ValueError, match="projection"):
        lumos.subplots(subplot_kw={"projection": "3dd"})
    with pytest.raises(ValueError, match="projection"):
        plt.subplot(projection=42)
    plt.close("all")


def test_subplot_kw_sets_axes_properties_and_rejects_unknown_ones():
    fig, axs = lumos.subplots(1, 2, subplot_kw={"title": "t", "xlim": (0, 5),
                                                "facecolor": "0.9"})
    assert [a.get_title() for a in axs] == ["t", "t"]
    assert axs[1].get_xlim() == (0.0, 5.0)
    with pytest.raises(TypeError, match="wobble"):
        fig.add_subplot(111, wobble=3)
    with pytest.raises(TypeError, match="subplot_kw"):
        fig.subplots(subplot_kw=[("title", "x")])
    with pytest.raises(TypeError, match="frobnicate"):
        Figure(frobnicate=True)


class TaggedAxes(Axes):
    """A custom projection: an Axes subclass with its own name."""

    name = "tagged"


def test_registered_projections_are_found_by_name_everywhere():
    register_projection(TaggedAxes)
    register_projection("tagged2", TaggedAxes)
    assert {"tagged", "tagged2", "rectilinear"} <= set(projection_names())
    fig = Figure(figsize=(3, 2))
    assert type(fig.add_subplot(121, projection="tagged")) is TaggedAxes
    _, ax = lumos.subplots(subplot_kw={"projection": "tagged2"})
    assert type(ax) is TaggedAxes
    plt.figure()
    assert type(plt.subplot(projection="tagged")) is TaggedAxes
    assert type(plt.axes(projection="tagged")) is TaggedAxes
    _, axs = plt.subplots(2, subplot_kw={"projection": "tagged"})
    assert all(type(a) is TaggedAxes for a in axs)
    plt.close("all")
    with pytest.raises(TypeError, match="subclass"):
        register_projection("bad", dict)


def test_another_projection_in_the_same_cell_replaces_the_axes():
    fig = Figure(figsize=(3, 2))
    ax = fig.subplot(0, 0)
    ax.plot([1, 2])
    assert fig.subplot(0, 0) is ax  # same kind: the same axes
    register_projection(TaggedAxes)
    other = fig.subplot(0, 0, projection="tagged")
    assert other is not ax and fig.axes == [other]
    fig.render()
