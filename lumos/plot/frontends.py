"""Front-ends that show figures, registered by ``lumos.app`` (matplotlib's backends).

The plot layer imports no front-end. ``Figure.show()`` and the notebook display
(``Figure._repr_mimebundle_``) ask this registry; the modules named in
``rcParams["figure.frontends"]`` register themselves when imported, which happens the
first time the registry is asked. A front-end says whether it can show figures here and
now (``can_show``) and what it does: ``show(figure, block)``, ``mainloop()`` (block until
its windows close: ``plt.show()``), ``process_events(seconds)`` (input and timers for a
while: blocking waits), ``mimebundle(figure, include, exclude)`` (the
notebook display; None when it has none to give) and ``display(figure)`` (IPython's
``_ipython_display_``: outputs of its own, e.g. a widget plus a static picture).

>>> register_frontend(FrontEnd("mine", can_show=lambda: True, show=my_show))
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable
from dataclasses import dataclass

from .style import rcParams


@dataclass(frozen=True)
class FrontEnd:
    """One way to show figures. ``unavailable`` says why it cannot show them when
    ``can_show()`` is false (the warning when nothing can)."""

    name: str
    can_show: Callable[[], bool]
    show: Callable | None = None
    mimebundle: Callable | None = None
    display: Callable | None = None
    mainloop: Callable | None = None
    #: handle the front-end's pending input for up to ``seconds`` (a blocking wait's
    #: loop: ``fig.waitforbuttonpress``, ``fig.ginput``)
    process_events: Callable | None = None
    unavailable: str = ""


_registry: dict[str, FrontEnd] = {}
_loaded: set[str] = set()


def register_frontend(frontend: FrontEnd) -> None:
    """Add a front-end (replacing one of the same name); asked in registration order."""
    if not isinstance(frontend, FrontEnd):
        raise TypeError(f"frontend: got {type(frontend).__name__}, expected a FrontEnd")
    _registry[frontend.name] = frontend


def frontends() -> list[FrontEnd]:
    """The registered front-ends, after importing those of ``rcParams`` not yet loaded
    (one that cannot be imported is skipped: its dependencies are optional)."""
    for name in rcParams["figure.frontends"]:
        if name not in _loaded:
            _loaded.add(name)
            try:
                importlib.import_module(name)
            except ImportError:
                continue
    return list(_registry.values())


def show(figure, block: bool | None = None) -> None:
    """Show ``figure`` with the first front-end that can; a warning says what to do when
    none can."""
    available = frontends()
    for fe in available:
        if fe.show is not None and fe.can_show():
            fe.show(figure, block)
            return
    reasons = " ".join(fe.unavailable for fe in available if fe.unavailable)
    warnings.warn(reasons or "lumos: no front-end can show figures here (none is "
                  "registered); save the figure instead: fig.savefig('figure.png')",
                  UserWarning, stacklevel=3)


def mimebundle(figure, include=None, exclude=None) -> dict | None:
    """The notebook display of ``figure`` by the first front-end that gives one."""
    for fe in frontends():
        if fe.mimebundle is not None:
            bundle = fe.mimebundle(figure, include=include, exclude=exclude)
            if bundle:
                return bundle
    return None


def ipython_display(figure) -> bool:
    """Show ``figure`` as a notebook output with the first front-end that has a display
    of its own (``display(figure)``); False when none has."""
    for fe in frontends():
        if fe.display is not None:
            fe.display(figure)
            return True
    return False


def mainloop() -> None:
    """Run the event loops of the front-ends that can show figures until their windows
    close."""
    for fe in frontends():
        if fe.mainloop is not None and fe.can_show():
            fe.mainloop()


def process_events(seconds: float) -> bool:
    """Let the first front-end that can show figures and handles input run for up to
    ``seconds``; False when none does."""
    for fe in frontends():
        if fe.process_events is not None and fe.can_show():
            fe.process_events(seconds)
            return True
    return False


_current_figure: list[Callable] = []


def register_current_figure(getter: Callable) -> None:
    """pyplot registers its ``gcf`` here: a toolkit function taking ``figure=None``
    (axes_grid1's ``host_subplot``) draws on pyplot's current figure, as matplotlib's."""
    _current_figure[:] = [getter]


def current_figure():
    """pyplot's current figure (made if there is none); a RuntimeError before
    ``lumos.pyplot`` is imported."""
    if not _current_figure:
        raise RuntimeError("figure: no current figure (lumos.pyplot is not imported); "
                           "pass figure=")
    return _current_figure[0]()
