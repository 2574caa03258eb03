"""Rectangle and lasso selection return the indices of the points inside."""

import numpy as np
import pytest

import lumos
from lumos.plot.selection import inside_polygon, select


def figure():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    pts = ax.scatter(np.arange(10), np.arange(10))
    line = ax.plot([1, 5, 9], [9, 5, 1])[0]
    fig.draw()
    return fig, ax, pts, line


def px(ax, x, y):
    fx, fy = ax.to_pixels(x, y)
    return fx, ax.figure.canvas.size[1] - fy


def test_rect_selects_points_inside_in_data_terms():
    fig, ax, pts, line = figure()
    (xa, ya), (xb, yb) = px(ax, 2.5, 2.5), px(ax, 6.5, 6.5)
    hits = fig.select(rect=(xa, ya, xb, yb))
    np.testing.assert_array_equal(hits[pts], [3, 4, 5, 6])
    np.testing.assert_array_equal(hits[line], [1])


def test_lasso_selects_inside_a_triangle():
    fig, ax, pts, line = figure()
    tri = [px(ax, 0.5, 0), px(ax, 9.5, 0), px(ax, 9.5, 9)]  # below the diagonal, x > y
    hits = select(fig, lasso=tri)
    assert pts not in hits  # the diagonal points sit on x == y: outside
    np.testing.assert_array_equal(hits[line], [2])


def test_inside_polygon_even_odd_and_bad_input():
    square = [(0, 0), (2, 0), (2, 2), (0, 2)]
    pts = np.array([[1, 1], [3, 1], [-1, 1], [1, 3]], float)
    np.testing.assert_array_equal(inside_polygon(pts, square), [True, False, False, False])
    with pytest.raises(ValueError, match="lasso"):
        inside_polygon(pts, [(0, 0), (1, 1)])
    fig, *_ = figure()
    with pytest.raises(ValueError, match="exactly one"):
        select(fig)
    with pytest.raises(TypeError, match="rect"):
        select(fig, rect=("a", 0, 1, 1))
