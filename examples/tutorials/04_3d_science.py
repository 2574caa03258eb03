"""
3D science
==========

Surfaces, isosurfaces of a volume, molecules, and the same scene handed to POV-Ray.
Below the plotting API is the scene layer: a :class:`~lumos.scene.Canvas` holds views,
each with a camera (``"turntable"`` or ``"arcball"`` for 3D), and visuals are added to
the views.
"""

# %%
# A surface
# ---------
# :class:`~lumos.visuals.Surface` takes a grid: x, y and heights z[y, x].

import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np

import lumos
from lumos import scene
from lumos.visuals import Isosurface, MoleculeVisual, Surface, Volume

x = np.linspace(-3, 3, 120)
y = np.linspace(-3, 3, 120)
X, Y = np.meshgrid(x, y)
Z = np.sinc(np.hypot(X, Y)) * 1.5

canvas = scene.Canvas(size=(600, 400), pixel_ratio=1, bgcolor="white")
view = canvas.add_view(camera="turntable")
view.add(Surface(x, y, Z, cmap="viridis", shading="smooth"))
view.camera.set_range()
view.camera.azimuth, view.camera.elevation = 30.0, 30.0
canvas.save("surface.png")
tmp = Path(tempfile.mkdtemp())
canvas.save(tmp / "surface.html")  # a standalone page: rotate it in any browser

# %%
# Isosurfaces and a volume
# ------------------------
# A volume is ``data[z, y, x]``. :func:`lumos.marching_cubes` extracts a triangle mesh
# at a level (scikit-image's conventions); :class:`~lumos.visuals.Isosurface` draws
# several levels of the same data as nested shells, and :class:`~lumos.visuals.Volume`
# ray-marches it on the GPU (here a maximum intensity projection).

n = 64
axis = np.linspace(-1, 1, n, dtype=np.float32)
zz, yy, xx = np.meshgrid(axis, axis, axis, indexing="ij")
blobs = (np.exp(-((xx - 0.3) ** 2 + yy ** 2 + zz ** 2) / 0.08)
         + np.exp(-((xx + 0.35) ** 2 + (yy - 0.2) ** 2 + zz ** 2) / 0.05)).astype(np.float32)

verts, faces, normals, values = lumos.marching_cubes(blobs, 0.5)
print(f"the 0.5 isosurface: {len(verts)} vertices, {len(faces)} triangles")

canvas = scene.Canvas(size=(800, 400), pixel_ratio=1, bgcolor="white")
left = canvas.add_view(row=0, col=0, camera="turntable")
left.add(Isosurface(blobs, levels=[0.3, 0.8], colors=["#9fb6d6", "#f0a030"], alpha=[0.35, 1.0]))
right = canvas.add_view(row=0, col=1, camera="turntable", bgcolor="black")
right.add(Volume(blobs, method="mip", cmap="inferno", clim=(0.0, 1.0)))
for v in (left, right):
    v.camera.set_range()
    v.camera.azimuth, v.camera.elevation = 30.0, 30.0
canvas.save("volume.png")

# %%
# Molecules
# ---------
# :func:`lumos.read_molecule` reads PDB and XYZ files and guesses bonds from covalent
# radii; :class:`~lumos.visuals.MoleculeVisual` draws atoms and bonds as ray-cast
# impostors (exact spheres at any zoom, millions of atoms). Here: a methane molecule
# written as XYZ.

xyz = """5
methane
C  0.000  0.000  0.000
H  0.629  0.629  0.629
H -0.629 -0.629  0.629
H -0.629  0.629 -0.629
H  0.629 -0.629 -0.629
"""
(tmp / "methane.xyz").write_text(xyz)
mol = lumos.read_molecule(tmp / "methane.xyz")
print(f"{len(mol.elements)} atoms, {len(mol.bonds)} bonds")

canvas = scene.Canvas(size=(400, 300), pixel_ratio=1, bgcolor="white")
view = canvas.add_view(camera="turntable")
view.add(MoleculeVisual(mol, style="ball-and-stick"))
view.camera.set_range()
canvas.save("methane.png")

# %%
# POV-Ray
# -------
# ``canvas.save("x.pov")`` writes the scene for POV-Ray, which ray-traces it at any
# resolution: exact spheres and shadows for a cover picture. The file is text.

pov = canvas.save(tmp / "methane.pov")
print(Path(pov).read_text().splitlines()[0])
if shutil.which("povray"):  # render it if POV-Ray is installed
    subprocess.run(["povray", f"+I{pov}", "+Omethane_povray.png", "+W400", "+H300", "+A",
                    "-D"], check=True, capture_output=True)
