"""Sphinx configuration of lumos's documentation (``make docs``; docs/README.md).

Offline by design: no intersphinx, no MathJax from a CDN, a theme that ships its own
fonts and scripts. Warnings are errors (``-W`` in the Makefile).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path[:0] = [str(ROOT), str(DOCS / "_ext"), str(ROOT / "tools")]

import api_pages  # noqa: E402  (docs/_ext: the API reference pages)
import lumos_gallery  # noqa: E402

import lumos  # noqa: E402

project = "lumos"
author = "the lumos authors"
copyright = "the lumos authors"  # noqa: A001
release = version = lumos.__version__

# LUMOS_DOCS_QUICK=1 (make test): no source pages, examples not run (PLOT_GALLERY=0)
QUICK = os.environ.get("LUMOS_DOCS_QUICK") == "1"
extensions = [
    "sphinx.ext.autodoc",
    "myst_parser",
    "sphinx_gallery.gen_gallery",
] + ([] if QUICK else ["sphinx.ext.viewcode"])

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "README.md", "**/GALLERY_HEADER.rst",
                    "gallery/**/*.ipynb", "tutorials/**/*.ipynb"]
templates_path: list[str] = []

# The docs/*.md pages link to files of the repository (../lumos/..., ../examples/...):
# those are not pages of the site, so MyST leaves them as plain links to the repository.
myst_heading_anchors = 3
suppress_warnings = ["myst.xref_missing", "config.cache"]

# members are asked for on each autoclass (docs/_ext/api_pages.py), not by default:
# a default would also fill the automodule that opens each page
autodoc_default_options = {"show-inheritance": True}
autodoc_member_order = "groupwise"
autodoc_typehints = "signature"
autodoc_inherit_docstrings = True
add_module_names = False

sphinx_gallery_conf = {
    "examples_dirs": lumos_gallery.stage(),
    "gallery_dirs": ["gallery", "tutorials"],
    "filename_pattern": r".*\.py$",  # run every example, not only plot_*.py
    "image_scrapers": (lumos_gallery.LumosScraper(),),
    "reset_modules": (lumos_gallery.clean_pngs,),
    "reset_argv": lumos_gallery.reset_argv,
    "download_all_examples": False,
    "remove_config_comments": True,
    "abort_on_example_error": True,
    "only_warn_on_example_error": False,
    "within_subsection_order": "FileNameSortKey",
    "min_reported_time": 1,
    "show_memory": False,
    # its timing pages load jQuery and DataTables from CDNs: not offline
    "write_computation_times": False,
    "show_signature": False,
    "capture_repr": (),  # a block's last value (a Figure) is shown as its picture, not repr
    "plot_gallery": "False" if QUICK else "True",
    "backreferences_dir": "gen_modules/backreferences",
    "doc_module": ("lumos",),
}

html_theme = "furo"
html_title = f"lumos {release}"
html_static_path: list[str] = []
html_show_sourcelink = False
html_theme_options = {"source_repository": "", "navigation_with_keys": True}

api_pages.write(DOCS / "api")


_REMOTE = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=\"(?:https?:)?//[^\"]*\"")


def _check_offline(app, exception) -> None:
    """Fail the build if a page loads anything from the network (a CDN script, a web
    font, MathJax): the site must work from a folder on a machine offline."""
    if exception is not None or app.builder.format != "html":
        return
    found = []
    for page in Path(app.outdir).rglob("*.html"):
        found += [f"{page.relative_to(app.outdir)}: {m}"
                  for m in _REMOTE.findall(page.read_text(encoding="utf-8"))]
    if found:
        raise RuntimeError("pages load from the network:\n" + "\n".join(found[:20]))


def _foreign_docstring(app, what, name, obj, options, lines) -> None:
    """A lumos method that overrides another library's (matplotlib's backend API) and
    has no docstring of its own would show that library's docstring, written for its
    own Sphinx roles: say whose method it implements instead."""
    if what not in ("method", "property") or not lines:
        return
    func = obj.fget if isinstance(obj, property) else obj
    if (getattr(func, "__doc__", None) or "").strip():
        return
    modname, _, rest = name.rpartition(".")  # ...Class.member
    clsname = modname.rpartition(".")[2]
    module = sys.modules.get(modname.rpartition(".")[0])
    cls = getattr(module, clsname, None)
    for klass in getattr(cls, "__mro__", ())[1:]:
        if rest in vars(klass) and not klass.__module__.startswith("lumos"):
            lines[:] = [f"Implements ``{klass.__module__}.{klass.__qualname__}.{rest}``."]
            return


def setup(app) -> None:
    """The offline check after the HTML is written; docstrings of other libraries."""
    app.connect("autodoc-process-docstring", _foreign_docstring)
    app.connect("build-finished", _check_offline)
