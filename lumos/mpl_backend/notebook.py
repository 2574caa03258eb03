"""matplotlib figures of this backend in Jupyter: lumos's notebook widget.

``fig`` as the last line of a cell (or ``plt.show()`` in a kernel) shows the figure in
lumos's widget (``lumos.app.notebook``, anywidget): the frame goes to the page once;
the mouse pans and zooms the axes' data in the browser, the kernel hears of it, sets the
axes' limits and has matplotlib draw again (ticks and labels follow), and the page gets
what changed. Without anywidget or a kernel: a PNG.
"""

from __future__ import annotations

import base64
import io


def _png_b64(figure) -> str:
    buf = io.BytesIO()
    figure.savefig(buf, format="png")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def mimebundle(figure, include=None, exclude=None) -> dict | None:
    """The display bundle of a figure drawn by this backend; None for other figures
    (IPython then asks its other formatters)."""
    from .canvas import FigureCanvasLumos

    canvas = getattr(figure, "canvas", None)
    if not isinstance(canvas, FigureCanvasLumos):
        return None
    from ..app.notebook import has_anywidget, widget_class

    png = _png_b64(figure)
    if has_anywidget():
        try:
            canvas.set_browser_navigation(True)
            w = widget_class()(canvas.scene)
            bundle = w._repr_mimebundle_(include=include, exclude=exclude)
            if isinstance(bundle, tuple):
                bundle = bundle[0]
            if bundle:
                canvas.attach(w, w.sync, now=True)
                bundle = dict(bundle)
                bundle.setdefault("image/png", png)
                return bundle
        except Exception:  # no kernel / comm: the picture
            canvas.set_browser_navigation(False)
    return {"image/png": png, "text/plain": f"<{figure!r}>"}


def register() -> bool:
    """Show figures of this backend with :func:`mimebundle` in IPython; False outside
    IPython."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    ip = get_ipython()
    if ip is None:
        return False
    from matplotlib.figure import Figure

    ip.display_formatter.mimebundle_formatter.for_type(Figure, mimebundle)
    return True


def in_kernel() -> bool:
    import sys

    ip = sys.modules.get("IPython")
    if ip is None or "ipykernel" not in sys.modules:
        return False
    shell = ip.get_ipython() if hasattr(ip, "get_ipython") else None
    return shell is not None and getattr(shell, "kernel", None) is not None
