"""Every science example (examples/science) is an image test."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCIENCE = Path(__file__).resolve().parents[1] / "examples" / "science"


def example(name: str):
    spec = importlib.util.spec_from_file_location(f"science_{name}", SCIENCE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def canvas_of(name: str):
    built = example(name).build_canvas()
    return built[0] if isinstance(built, tuple) else built


@pytest.mark.parametrize("name", ["phantom", "peptide", "crystal", "spectrum"])
def test_science_example(name, compare_image):
    canvas = canvas_of(name)
    compare_image(f"science_{name}", canvas.render(), mean_tol=1.0, bad_tol=0.01)


def test_the_pdb_file_is_what_the_generator_writes(tmp_path):
    from lumos.io.pdb import write_pdb

    peptide = example("peptide")
    fresh = write_pdb(peptide.hairpin(), tmp_path / "helices.pdb").read_text()
    assert fresh == peptide.PDB.read_text()
