"""The documentation's own code: the staging of examples for sphinx-gallery
(docs/_ext/lumos_gallery.py) and the check that every public name has a docstring
(tools/check_docstrings.py, which `make test` and `make docs` also run). The build itself
runs in `make test` (docs-quick) and `make docs`."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "docs" / "_ext"), str(ROOT / "tools")]

lumos_gallery = pytest.importorskip("lumos_gallery")


def test_titled_underlines_the_first_docstring_line():
    src = '"""Line styles: the basics.\n\nMore text.\n"""\n\nimport numpy\n'
    out = lumos_gallery.titled(src)
    assert out.startswith('"""Line styles: the basics.\n' + "=" * 24 + "\n")
    assert out.endswith("More text.\n\"\"\"\n\nimport numpy\n")
    ast.parse(out)


def test_titled_refuses_a_script_without_docstring():
    with pytest.raises(ValueError, match="docstring"):
        lumos_gallery.titled("import numpy\n")


def test_with_file_sets_file_after_future_imports(tmp_path):
    src = '"""Title.\n"""\n\nfrom __future__ import annotations\n\nprint(__file__)\n'
    out = lumos_gallery.with_file(src, tmp_path / "x.py")
    tree = ast.parse(out)  # a __future__ import must stay first: this compiles only then
    assert isinstance(tree.body[1], ast.ImportFrom) and tree.body[1].module == "__future__"
    ns: dict = {}
    exec(compile(out.replace("print(__file__)", "seen = __file__"), "x", "exec"), ns)
    assert ns["seen"] == str(tmp_path / "x.py")
    assert lumos_gallery.with_file('"""T."""\nx = 1\n', tmp_path) == '"""T."""\nx = 1\n'


def test_every_example_script_has_a_title():
    for folder in lumos_gallery.SECTIONS:
        for script in sorted((ROOT / "examples" / folder).glob("*.py")):
            ast.parse(lumos_gallery.titled(script.read_text(encoding="utf-8")))


def test_every_public_name_has_a_docstring():
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "check_docstrings.py")],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr


def test_check_docstrings_finds_an_undocumented_method():
    import check_docstrings

    class Documented:
        """A class."""

        def method(self):
            pass

    Documented.__module__ = "lumos.fake"
    names = [qual for _, _, qual in check_docstrings._members(Documented)]
    assert names == ["lumos.fake.test_check_docstrings_finds_an_undocumented_method."
                     "<locals>.Documented.method"]
    assert not check_docstrings._inherited_doc(Documented, "method", Documented.method)
