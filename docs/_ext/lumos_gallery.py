"""sphinx-gallery glue for lumos: stage the examples as gallery sources, and a scraper.

Staging: each script of examples/{gallery,science,bigdata} is copied under
docs/_build/src/gallery/ with its docstring's first line made an RST title (sphinx-gallery
pages need one; the examples stay plain scripts that the test suite runs). The tutorials
(examples/tutorials) are copied as they are. Unchanged files are not rewritten, so
sphinx-gallery skips examples whose source did not change.

Scraper: after each code block, every figure open in ``lumos.pyplot`` is saved to PNG
(``Figure.savefig`` at the figure's own size and dpi) and closed; PNG files that the block
wrote into the example's folder, the working directory (a ``scene.Canvas.save``, or the
output path an example takes as its first argument), are moved into the gallery too.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1]
ROOT = DOCS.parent
STAGE = DOCS / "_build" / "src"

# examples/<folder> -> (gallery subsection title, intro)
SECTIONS = {
    "gallery": ("Plots", "The matplotlib-style API. Every one of these scripts is an image "
                "test of lumos and also runs unchanged on matplotlib."),
    "science": ("Science in 3D", "Molecules, volumes, isosurfaces and surfaces drawn with "
                "the scene layer (``lumos.scene``, ``lumos.visuals``)."),
    "bigdata": ("Big data", "Data larger than memory: HDF5, zarr and Dask, drawn from "
                "pyramids and per-pixel aggregates (``lumos.lazy``)."),
}


def _write_if_changed(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def titled(source: str) -> str:
    """The script with the first line of its module docstring underlined as an RST title."""
    m = re.match(r'(\s*(?:#[^\n]*\n)*\s*[rR]?""")([^\n]+?)\s*(?=\n|""")', source)
    if m is None:
        raise ValueError("an example must start with a docstring whose first line is its title")
    title = m.group(2).strip()
    return f"{m.group(1)}{title}\n{'=' * len(title)}\n{source[m.end():]}"


def with_file(source: str, path: Path) -> str:
    """sphinx-gallery runs a script without ``__file__``: set it in a block the page
    hides (sphinx_gallery_start_ignore), after the docstring and __future__ imports, for
    scripts that use it."""
    if "__file__" not in source:
        return source
    end = source.index('"""', source.index('"""') + 3) + 3
    future = re.compile(r"^from __future__ import [^\n]*\n", re.M).search(source, end)
    if future is not None:  # it must stay the first statement
        end = future.end() - 1
    hidden = ("\n\n# sphinx_gallery_start_ignore\n"
              f"__file__ = {str(path)!r}\n# sphinx_gallery_end_ignore\n")
    return source[:end] + hidden + source[end:]


def stage() -> list[str]:
    """Copy the examples and tutorials into the staging folder; the gallery folders."""
    top = STAGE / "gallery"
    _write_if_changed(top / "GALLERY_HEADER.rst",
                      "Gallery\n=======\n\nEvery picture below is drawn by lumos while the site "
                      "builds (headless, on the CPU's OpenGL if there is no GPU). Click one "
                      "for its script and a download link.\n")
    for folder, (title, intro) in SECTIONS.items():
        dest = top / folder
        _write_if_changed(dest / "GALLERY_HEADER.rst",
                          f"{title}\n{'-' * len(title)}\n\n{intro}\n")
        wanted = set()
        for script in sorted((ROOT / "examples" / folder).glob("*.py")):
            if script.name.startswith("_"):
                continue
            wanted.add(script.name)
            text = titled(script.read_text(encoding="utf-8"))
            _write_if_changed(dest / script.name, with_file(text, dest / script.name))
        for data in (ROOT / "examples" / folder).iterdir():
            if data.is_dir() and data.name not in ("__pycache__",):
                shutil.copytree(data, dest / data.name, dirs_exist_ok=True)
                wanted.add(data.name)
        for old in dest.iterdir():  # scripts removed from examples/ leave the gallery
            if old.suffix == ".py" and old.name not in wanted:
                old.unlink()
    tut = STAGE / "tutorials"
    wanted = set()
    for src in sorted((ROOT / "examples" / "tutorials").iterdir()):
        if src.suffix in (".py", ".rst"):
            wanted.add(src.name)
            _write_if_changed(tut / src.name, src.read_text(encoding="utf-8"))
    for old in tut.iterdir():
        if old.is_file() and old.name not in wanted:
            old.unlink()
    return [str(top.relative_to(DOCS)), str(tut.relative_to(DOCS))]


_OUT = DOCS / "_build" / "scratch"


def reset_argv(gallery_conf, script_vars) -> list[str]:
    """The output path an example takes as its first argument: plot scripts write into a
    scratch folder (their open figures are scraped); the scene examples into their own
    folder, where the scraper finds the picture."""
    src = Path(script_vars["src_file"])
    _OUT.mkdir(parents=True, exist_ok=True)
    if src.parent.name == "gallery":
        return [str(_OUT / f"{src.stem}.png")]
    return [f"{src.stem}.png"]


class LumosScraper:
    """sphinx-gallery image scraper for lumos (``image_scrapers=(LumosScraper(),)``)."""

    def __repr__(self) -> str:  # sphinx-gallery hashes the configuration by its repr
        return "LumosScraper()"

    def __call__(self, block, block_vars, gallery_conf) -> str:
        from sphinx_gallery.scrapers import figure_rst

        import lumos.pyplot as plt

        images = block_vars["image_path_iterator"]
        paths = []
        for num in plt.get_fignums():
            path = next(images)
            plt.figure(num).savefig(path)
            paths.append(path)
        plt.close("all")
        # clean_pngs emptied the folder before the example: what is there, it wrote
        for png in sorted(Path(block_vars["src_file"]).parent.glob("*.png")):
            path = next(images)
            shutil.move(png, path)
            paths.append(path)
        return figure_rst(paths, gallery_conf["src_dir"])


def clean_pngs(gallery_conf, fname, when) -> None:
    """Before each example, forget the PNG files its folder held (left by a failed run)."""
    for p in Path(fname).parent.glob("*.png"):
        if p.exists():
            os.unlink(p)
