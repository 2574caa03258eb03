"""Patches: every kind, box styles, hatches and arrows, added with ax.add_patch."""

import sys

import numpy as np

import lumos.pyplot as plt
from lumos.patches import (
    Arc,
    Circle,
    Ellipse,
    FancyArrow,
    FancyBboxPatch,
    PathPatch,
    Polygon,
    Rectangle,
    RegularPolygon,
    Wedge,
)
from lumos.path import Path

fig, (ax1, ax2, ax3) = plt.subplots(1, 3, figsize=(13, 4.4), dpi=100)

# every patch kind, in data coordinates
ax1.add_patch(Rectangle((0.3, 0.4), 2.0, 1.2, angle=15, hatch="//", label="Rectangle"))
ax1.add_patch(Circle((4.0, 1.1), 0.8, fc="C1", ec="black", lw=2, label="Circle"))
ax1.add_patch(Ellipse((6.6, 1.1), 2.6, 1.1, angle=30, fc="C2", alpha=0.6))
ax1.add_patch(Polygon([[0.4, 2.6], [1.8, 4.3], [2.7, 2.9]], fc="C3", ec="black", hatch="x"))
ax1.add_patch(Wedge((4.0, 3.4), 1.0, 30, 270, fc="C4", ec="black"))
ax1.add_patch(Wedge((6.6, 3.4), 1.0, 0, 300, width=0.45, fc="C5", hatch="o"))
ax1.add_patch(Arc((4.0, 5.6), 2.2, 1.2, theta1=0, theta2=250, lw=2, ec="C6"))
ax1.add_patch(RegularPolygon((6.6, 5.6), 6, radius=0.7, fc="C8", ec="black"))
curve = Path([[0.3, 5.0], [1.0, 6.5], [2.0, 4.6], [2.8, 6.1]],
             [Path.MOVETO, Path.CURVE4, Path.CURVE4, Path.CURVE4])
ax1.add_patch(PathPatch(curve, fill=False, lw=2, ls="--", ec="C9"))
ax1.add_patch(FancyArrow(0.5, 7.0, 6.5, 0.0, width=0.12, head_width=0.45,
                         head_length=0.6, fc="C7"))
ax1.set_xlim(0, 8.2)
ax1.set_ylim(0, 7.6)
ax1.legend(loc="lower right")
ax1.set_title("Rectangle, Circle, Wedge, Arc, ...")

# FancyBboxPatch box styles
styles = ["round", "round4", "square", "sawtooth", "roundtooth", "larrow", "rarrow",
          "darrow", "circle"]
for k, style in enumerate(styles):
    x, y = 0.6 + (k % 3) * 3.2, 6.8 - (k // 3) * 3.3
    ax2.add_patch(FancyBboxPatch((x, y), 1.6, 0.8, boxstyle=f"{style},pad=0.3",
                                 fc=f"C{k}", ec="black", alpha=0.8))
    ax2.text(x + 0.8, y - 1.05, style, ha="center", va="top")
ax2.set_xlim(0, 9.8)
ax2.set_ylim(-1.8, 8.4)
ax2.set_title("FancyBboxPatch box styles")

# matplotlib's hatch patterns, and arrows in axes coordinates
hatches = ["/", "\\", "|", "-", "+", "x", "o", "O", ".", "*", "//", "xx", "O.", "\\|"]
for k, hatch in enumerate(hatches):
    col, row = k % 5, k // 5
    ax3.add_patch(Rectangle((col * 1.1 + 0.1, 3.6 - row * 1.5), 0.9, 0.9, hatch=hatch,
                            fc="white", ec="C0"))
    ax3.text(col * 1.1 + 0.55, 3.5 - row * 1.5, repr(hatch), ha="center", va="top")
for k, dx in enumerate(np.linspace(-1, 1, 5)):
    ax3.add_patch(FancyArrow(0.1 + 0.2 * k, 0.03, 0.05 * dx, 0.08, width=0.012,
                             transform=ax3.transAxes, fc=f"C{k}", ec="none"))
ax3.set_xlim(0, 5.6)
ax3.set_ylim(-0.9, 4.7)
ax3.set_title("hatches, arrows in axes coordinates")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "patches.png")
