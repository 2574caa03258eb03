"""
Inside lumos
============

How a figure becomes pixels: the layers, the frame description that sits between what
you draw and the GPU, and the two executors — Python's and the browser's — that run it.
"""

# %%
# The layers
# ----------
# Each layer imports only the layers below it (``make test`` checks it)::
#
#     lumos.pyplot        matplotlib's state machine
#     lumos.app           window, Qt widget, notebook widget
#     lumos.plot          Figure, Axes, artists (matplotlib's names)
#     lumos.io            PNG, SVG, PDF, HTML, POV-Ray, movies
#     lumos.scene         canvas, views, cameras, events, picking
#     lumos.visuals       Line, Markers, Image, Mesh, Text, Volume, ...
#     lumos.shaders  lumos.transforms   GLSL composition, transforms
#     lumos.gpu  lumos.primitives       frame description and executor
#
# A plotting call makes an *artist* (a ``Line2D``); the axes turn artists into
# *visuals* on a view of the figure's *canvas*; visuals describe GPU *draws*.

import json

import numpy as np

import lumos.pyplot as plt

fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
(line,) = ax.plot(np.arange(10), np.arange(10) ** 0.5, "o-", label="sqrt")
ax.set_title("a small figure")
fig.draw()  # lays the figure out and brings its visuals up to date (savefig does it too)
canvas = fig.canvas
for view in canvas.views:
    print(type(view).__name__, view.camera.kind, [type(v).__name__ for v in view.walk()])

# %%
# The frame description
# ---------------------
# ``canvas.frame()`` is the whole picture as plain data: buffers, textures, GLSL
# programs, views and an ordered list of draws, each naming its program, attributes,
# uniforms and render state. Nothing else is needed to draw it.

frame = canvas.frame()
doc, blob = frame.to_json()
print(f"{len(doc['draws'])} draws, {len(doc['programs'])} programs, "
      f"{len(doc['buffers'])} buffers, {len(doc['textures'])} textures, "
      f"{len(blob) / 1024:.0f} KiB of array data")
first = doc["draws"][0]
print(json.dumps({k: first[k] for k in ("program", "mode", "count", "instances") if k in first}))

# %%
# Two executors
# -------------
# ``lumos.gpu.executor.ModernGLExecutor`` runs a frame in Python through moderngl (on
# the GPU, or Mesa's llvmpipe without one); ``lumos/web/runtime.js`` runs the same JSON
# with WebGL2 in a browser — the notebook widget and standalone HTML pages. The shaders
# are written in the common subset of GLSL 3.30 and GLSL ES 3.00, so both draw the same
# picture, and the test suite compares them pixel by pixel.
#
# Every resource carries a version: an executor uploads a buffer again only when its
# version moved, and then only the changed ranges. With the limits fixed (so that no
# tick moves), changing the data of the line changes only the buffers of its line and
# markers in the next frame:

ax.set_ylim(0, 3.5)
fig.draw()
doc, _ = canvas.frame().to_json()
versions = {k: v["version"] for k, v in doc["buffers"].items()}
line.set_ydata(np.arange(10) ** 0.4)
fig.draw()
doc2, _ = canvas.frame().to_json()
moved = [k for k, v in doc2["buffers"].items() if versions.get(k) != v["version"]]
print(f"after set_ydata: {len(moved)} of {len(doc2['buffers'])} buffers changed")

# %%
# GL contexts and threads
# -----------------------
# lumos brings its own OpenGL context and lends it to one call at a time, on any
# thread: ``with lumos.gpu.current() as ctx:`` is the only way in, and your own
# moderngl, Qt or GLFW contexts stay current around lumos's calls. The picture below
# is ``canvas.render()``, an (h, w, 4) array, saved by pyplot's ``savefig``.

img = canvas.render()
print(img.shape, img.dtype)
