"""Write tests/app/controller_vectors.json from lumos.app.controllers.

Run once when a controller changes on purpose (``python tests/app/make_controller_vectors.py``)
and review the diff: the file is the contract that camera.js and the Python twin must
both reproduce (tests/app/test_controllers.py checks both).
"""

from __future__ import annotations

import json
from pathlib import Path

from lumos.app.controllers import apply

PZ = {"type": "panzoom", "rect": [-1.0, 2.0, 4.0, 3.0]}
PZ_INV = {"type": "panzoom", "rect": [3.0, 5.0, -4.0, -3.0], "interactive": True}
PZ_BIG = {"type": "panzoom", "rect": [1.7e9, -1e-6, 3600.0, 2e-6]}
TT = {"type": "turntable", "center": [1.0, -2.0, 0.5], "azimuth": 30.0, "elevation": 20.0,
      "distance": 10.0, "fov": 45.0}
TT_ORTHO = dict(TT, fov=0.0, azimuth=-120.0, elevation=-75.0)
AB = {"type": "arcball", "center": [0.0, 0.0, 0.0], "quaternion": [0.9, 0.1, -0.3, 0.2],
      "distance": 5.0, "fov": 30.0}
# polar axes: the pole at (160, 120) of RECT, r labels at 22.5 degrees
POLAR = {"type": "panzoom", "rect": [-2.0, -2.0, 4.0, 4.0], "controller": "polar",
         "rlabel": 0.39269908169872414}
# 3D axes: a turntable with roll and a lens shift, the axes box 0.8 x 0.9 of the view
M3 = {"type": "turntable", "center": [0.1, -0.2, 0.0], "azimuth": 30.0, "elevation": 30.0,
      "distance": 10.0, "fov": 11.4, "shift": [-0.05, 0.03], "controller": "mplot3d",
      "box": [0.8, 0.9]}
M3_ROLL = dict(M3, roll=35.0, elevation=-60.0)
M3_ORTHO = dict(M3, fov=0.0, distance=1.9)
RECT = [10, 20, 300, 200]
WIDE = [0, 0, 640, 120]

CASES = [
    ("panzoom", "drag", PZ, {"x": 100, "y": 80, "dx": 30, "dy": -12}, RECT),
    ("panzoom", "drag", PZ_INV, {"x": 100, "y": 80, "dx": -7.5, "dy": 4}, RECT),
    ("panzoom", "drag", PZ_BIG, {"x": 10, "y": 10, "dx": 1, "dy": 1}, WIDE),
    ("panzoom", "wheel", PZ, {"x": 85, "y": 70, "notches": -3}, RECT),
    ("panzoom", "wheel", PZ_INV, {"x": 300, "y": 210, "notches": 1.5}, RECT),
    ("panzoom", "wheel", PZ_BIG, {"x": 600, "y": 3, "notches": -0.25}, WIDE),
    ("panzoom", "wheel_x", PZ, {"x": 85, "y": 70, "notches": -2}, RECT),
    ("panzoom", "wheel_y", PZ, {"x": 85, "y": 70, "notches": 2}, RECT),
    ("panzoom", "wheel_x", PZ_INV, {"x": 40, "y": 200, "notches": 1}, RECT),
    ("panzoom", "zoom", PZ, {"x0": 160, "y0": 120, "dx": 40, "dy": -20}, RECT),
    ("panzoom", "zoom", PZ_INV, {"x0": 30, "y0": 30, "dx": -15, "dy": 35}, RECT),
    ("panzoom", "box", PZ, {"x0": 60, "y0": 150, "x": 210, "y": 50}, RECT),
    ("panzoom", "box", PZ, {"x0": 210, "y0": 50, "x": 60, "y": 51}, RECT),
    ("panzoom", "box", PZ, {"x0": 100, "y0": 40, "x": 101, "y": 180}, RECT),
    ("panzoom", "box", PZ_INV, {"x0": 60, "y0": 150, "x": 210, "y": 50}, RECT),
    ("turntable", "drag", TT, {"x": 100, "y": 80, "dx": 25, "dy": -10}, RECT),
    ("turntable", "drag", TT, {"x": 100, "y": 80, "dx": 0, "dy": 500}, RECT),
    ("turntable", "wheel", TT, {"x": 100, "y": 80, "notches": 2}, RECT),
    ("turntable", "pan", TT, {"x": 100, "y": 80, "dx": 12, "dy": 7}, RECT),
    ("turntable", "pan", TT_ORTHO, {"x": 100, "y": 80, "dx": -5, "dy": 9}, RECT),
    ("arcball", "drag", AB, {"x": 200, "y": 100, "dx": 20, "dy": 15}, RECT),
    ("arcball", "drag", AB, {"x": 305, "y": 215, "dx": 30, "dy": -40}, RECT),
    ("arcball", "drag", AB, {"x": 100, "y": 100, "dx": 0, "dy": 0}, RECT),
    ("arcball", "wheel", AB, {"x": 100, "y": 80, "notches": -1}, RECT),
    ("arcball", "pan", AB, {"x": 100, "y": 80, "dx": 3, "dy": -4}, RECT),
    ("fly", "drag", TT, {"x": 100, "y": 80, "dx": 25, "dy": -10}, RECT),
    ("fly", "drag", TT_ORTHO, {"x": 100, "y": 80, "dx": -40, "dy": 300}, RECT),
    ("fly", "move", TT, {"forward": 1}, RECT),
    ("fly", "move", TT, {"forward": -2, "right": 0.5, "up": 1}, RECT),
    ("fly", "wheel", TT, {"x": 100, "y": 80, "notches": -3}, RECT),
    ("fly", "pan", TT, {"x": 100, "y": 80, "dx": 12, "dy": 7}, RECT),
    ("polar", "drag", POLAR, {"x": 244, "y": 72, "dx": -6, "dy": -11}, RECT),
    ("polar", "drag", POLAR, {"x": 60, "y": 150, "dx": 5, "dy": 5}, RECT),
    ("polar", "zoom", POLAR, {"x": 230, "y": 120, "dx": 20, "dy": 0}, RECT),
    ("polar", "zoom", POLAR, {"x": 160, "y": 60, "dx": 0, "dy": 30}, RECT),
    ("polar", "wheel", POLAR, {"x": 100, "y": 80, "notches": 2}, RECT),
    ("mplot3d", "drag", M3, {"x": 100, "y": 80, "dx": 24, "dy": -9}, RECT),
    ("mplot3d", "drag", M3_ROLL, {"x": 100, "y": 80, "dx": -13, "dy": 31}, RECT),
    ("mplot3d", "drag", M3, {"x": 100, "y": 80, "dx": 0, "dy": 400}, RECT),
    ("mplot3d", "zoom", M3, {"x": 100, "y": 80, "x0": 90, "y0": 70, "dx": 3, "dy": 15}, RECT),
    ("mplot3d", "zoom", M3_ORTHO, {"x": 100, "y": 80, "x0": 90, "y0": 70, "dx": 0,
                                   "dy": -20}, RECT),
    ("mplot3d", "zoom", M3, {"x": 100, "y": 80, "x0": 90, "y0": 70, "dx": 0, "dy": -500},
     RECT),
    ("mplot3d", "wheel", M3, {"x": 100, "y": 80, "notches": -2}, RECT),
    ("mplot3d", "wheel", M3_ORTHO, {"x": 100, "y": 80, "notches": 1.5}, RECT),
    ("mplot3d", "pan", M3_ROLL, {"x": 100, "y": 80, "dx": 12, "dy": 7}, RECT),
    ("mplot3d", "pan", M3_ORTHO, {"x": 100, "y": 80, "dx": -5, "dy": 9}, RECT),
    ("turntable", "pan", dict(TT, roll=-20.0), {"x": 100, "y": 80, "dx": 12, "dy": 7}, RECT),
]


def main() -> None:
    cases = []
    for controller, action, camera, event, rect in CASES:
        expected = apply(controller, action, camera, event, rect)
        cases.append({"controller": controller, "action": action, "camera": camera,
                      "event": event, "rect": rect, "expected": expected})
    path = Path(__file__).with_name("controller_vectors.json")
    path.write_text(json.dumps({"cases": cases}, indent=1) + "\n")
    print(f"wrote {len(cases)} cases to {path}")


if __name__ == "__main__":
    main()
