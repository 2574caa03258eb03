"""matplotlib's blocking input: ``fig.waitforbuttonpress`` and ``fig.ginput`` (and their
pyplot functions). They run the canvas' event loop (:meth:`FigureCanvas.start_event_loop`)
while listening to clicks and key presses, until the input is complete or ``timeout``
seconds pass. Without a window only timers can make events; a wait that nothing can end
(no window, no started timer, ``timeout <= 0``) raises instead of hanging, where
matplotlib's Agg canvas would wait forever."""

from __future__ import annotations

from .canvas_events import MouseButton


def blocking_input_loop(figure, event_names: list[str], timeout: float, handler) -> None:
    """Run ``figure``'s event loop with ``handler`` connected to ``event_names`` (it ends
    the loop early by calling ``canvas.stop_event_loop()``), for ``timeout`` seconds
    (<= 0: until stopped)."""
    canvas = figure.canvas
    cids = [canvas.mpl_connect(name, handler) for name in event_names]
    try:
        canvas.start_event_loop(timeout)
    finally:
        for cid in cids:
            canvas.mpl_disconnect(cid)


def waitforbuttonpress(figure, timeout: float = -1):
    """True when a key is pressed, False when a mouse button is, None when ``timeout``
    seconds pass first (<= 0: no limit)."""
    got = []

    def handler(event) -> None:
        got.append(event)
        figure.canvas.stop_event_loop()

    blocking_input_loop(figure, ["button_press_event", "key_press_event"], timeout,
                        handler)
    return None if not got else got[0].name == "key_press_event"


def ginput(figure, n: int = 1, timeout: float = 30, show_clicks: bool = True,
           mouse_add=MouseButton.LEFT, mouse_pop=MouseButton.RIGHT,
           mouse_stop=MouseButton.MIDDLE) -> list[tuple[float, float]]:
    """Up to ``n`` points (data coordinates) clicked in axes (``n <= 0``: until stopped),
    as matplotlib's: ``mouse_add`` or a key adds one, ``mouse_pop``, backspace or delete
    takes the last back, ``mouse_stop``, escape or enter ends the input; ``timeout``
    seconds at most (<= 0: no limit). ``show_clicks`` marks the points with red '+'
    while the input runs."""
    clicks: list[tuple[float, float]] = []
    marks: list = []
    canvas = figure.canvas

    def handler(event) -> None:
        is_button = event.name == "button_press_event"
        is_key = event.name == "key_press_event"
        if is_button and event.button == mouse_stop or is_key and event.key in (
                "escape", "enter"):
            canvas.stop_event_loop()
        elif is_button and event.button == mouse_pop or is_key and event.key in (
                "backspace", "delete"):
            if clicks:
                clicks.pop()
                if show_clicks:
                    marks.pop().remove()
                    canvas.draw()
        elif (is_button and event.button == mouse_add or is_key and event.key is not None) \
                and event.inaxes is not None:
            clicks.append((event.xdata, event.ydata))
            if show_clicks:
                marks.append(event.inaxes.plot([event.xdata], [event.ydata], marker="+",
                                               color="r", scalex=False, scaley=False)[0])
                canvas.draw()
        if len(clicks) == n and n > 0:
            canvas.stop_event_loop()

    blocking_input_loop(figure, ["button_press_event", "key_press_event"], timeout,
                        handler)
    for mark in marks:
        mark.remove()
    if marks:
        canvas.draw()
    return clicks
