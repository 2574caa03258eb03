"""matplotlib's ``artist.figure`` on every kind of lumos artist (the blitting tutorial
checks ``art.figure != canvas.figure``) and ``Legend.set_in_layout`` (the constrained
layout guide takes an outside legend out of the layout)."""

from __future__ import annotations

import numpy as np

import lumos.pyplot as plt


def test_every_artist_kind_knows_its_figure():
    fig, ax = plt.subplots()
    (line,) = ax.plot([1, 2])
    arts = [line, ax.text(0, 0, "a"), ax.bar([1], [1])[0], ax.scatter([1], [1]),
            ax.imshow([[1, 2]]), ax.legend(["a"]), fig.text(0, 0, "b"), fig.legend(["x"])]
    for art in arts:
        assert art.figure is fig, type(art).__name__
    sub = fig.subfigures(1, 2)[0]
    (inner,) = sub.subplots().plot([1])
    assert inner.figure is sub and inner.get_figure(root=True) is fig
    plt.close(fig)


def test_legend_out_of_the_layout_takes_no_room():
    fig, axs = plt.subplots(1, 2, figsize=(4, 2), layout="constrained")
    axs[0].plot(np.arange(10))
    leg = axs[0].legend(["a line"], loc="center left", bbox_to_anchor=(0.8, 0.5))
    fig.canvas.draw()
    narrow = axs[0].get_position().width
    assert leg.get_in_layout()
    leg.set_in_layout(False)
    fig.canvas.draw()
    wide = axs[0].get_position().width
    # matplotlib 3.11: 0.314 with the legend's room, 0.402 without
    assert abs(narrow - 0.314) < 0.01 and abs(wide - 0.402) < 0.005
    plt.close(fig)
