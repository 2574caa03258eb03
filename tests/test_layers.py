"""The layer rules of DESIGN.md, checked: no layer touches another's private attributes
(tools/check_private.py; `make test` runs it and lint-imports before pytest)."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

TOOLS = Path(__file__).resolve().parents[1] / "tools"
sys.path.insert(0, str(TOOLS))

import check_private  # noqa: E402 - tools/ is not a package


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "lumos"
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))
    return root


def test_lumos_keeps_to_its_layers():
    found, _ = check_private.violations()
    assert found == [], found


def test_the_checker_finds_what_it_must_and_nothing_else(tmp_path):
    root = _package(tmp_path, {
        "visuals/line.py": """
            class Line:
                def __init__(self):
                    self._pos_buffer = []
                def _upload(self):
                    pass
            """,
        "plot/axes.py": """
            from ..visuals.line import _hidden
            class Axes:
                def __init__(self):
                    self._batches = {}
                def sync(self, line, other):
                    line._pos_buffer.append(1)      # another layer's attribute
                    getattr(line, "_upload")()     # the same, spelled as a string
                    other._batches.clear()          # same layer: allowed
                    self._batches.clear()
                    return line._repr_png_()        # IPython's display protocol
            """,
    })
    found, cross = check_private.violations(root)
    named = sorted((p.name, name, how) for p, _, name, how, _ in found)
    assert named == [("axes.py", "_hidden", "import"), ("axes.py", "_pos_buffer", "attribute"),
                     ("axes.py", "_upload", "getattr")]
    assert cross == 3  # the same-layer access is counted, not reported
    assert check_private.check(package=root) == 1
