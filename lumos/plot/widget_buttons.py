"""matplotlib's ``CheckButtons``, ``RadioButtons`` and ``TextBox`` (see
:mod:`lumos.plot.widgets`).

The buttons are scatter markers in an axes whose limits are (0, 1) both ways, so that
data coordinates are matplotlib's axes coordinates (``transform=ax.transAxes``).
"""

from __future__ import annotations

import numpy as np

from ..colors import same_color, to_rgba
from .callbacks import CallbackRegistry
from .widgets import AxesWidget, check_choice, hover_face

_HIT_RADIUS = 5.0  # pixels around a marker a click still hits (matplotlib's pickradius)


def _check_props(name: str, props) -> None:
    if props is not None and not isinstance(props, dict):
        raise TypeError(f"{name}: got {type(props).__name__}, expected a dict or None")


def _expand_text_props(props: dict | None, n: int) -> list[dict]:
    """One dict of text properties per label: a list value gives label i its i-th item
    (cycling, as matplotlib's cycler), any other value goes to every label."""
    props = props or {}
    out = []
    for i in range(n):
        out.append({k: (v[i % len(v)] if isinstance(v, (list, tuple, np.ndarray)) else v)
                    for k, v in props.items()})
    return out


class _Buttons(AxesWidget):
    """What check and radio buttons share: labels laid out in the axes, one marker before
    each, a click on a marker or its label activates it."""

    def __init__(self, ax, labels, *, useblit=True, label_props=None, layout=None,
                 **kwargs) -> None:
        super().__init__(ax)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_navigate(False)
        self._useblit = useblit  # lumos redraws what changed: blitting or not, one picture
        self._init_layout(layout, list(labels), label_props)
        text_size = np.array([text.get_fontsize() for text in self.labels]) / 2
        self._init_props(text_size, **kwargs)
        self.connect_event("button_press_event", self._clicked)
        self._observers = CallbackRegistry(signals=["clicked"])

    def _init_layout(self, layout, labels, label_props) -> None:
        props = _expand_text_props(label_props, len(labels))
        ax = self.ax
        if layout is None:  # matplotlib's legacy layout: one column
            self._buttons_xs = np.full(len(labels), 0.15)
            self._buttons_ys = np.linspace(1, 0, len(labels) + 2)[1:-1]
            self.labels = [ax.text(0.25, y, label, transform=ax.transAxes,
                                   horizontalalignment="left", verticalalignment="center",
                                   **p)
                           for y, label, p in zip(self._buttons_ys, labels, props, strict=True)]
            return
        n = len(labels)
        if layout == "vertical":
            rows, cols = n, 1
        elif layout == "horizontal":
            rows, cols = 1, n
        elif isinstance(layout, tuple) and len(layout) == 2 and \
                all(isinstance(v, int) for v in layout):
            rows, cols = layout
            if rows * cols < n:
                raise ValueError(f"layout: {layout} has {rows * cols} positions but "
                                 f"{n} labels were given")
        else:
            raise ValueError(f"layout: got {layout!r}, expected None, 'vertical', "
                             "'horizontal' or a (rows, cols) tuple")
        # spacing in points, as matplotlib's measured layout
        width_pt = ax.bbox.width * 72 / ax.figure.dpi
        margin, offset, spacing = 11 / width_pt, 5.5 / width_pt, 11 / width_pt
        self.labels = [ax.text(0, 0, label, transform=ax.transAxes,
                               horizontalalignment="left", verticalalignment="center", **p)
                       for label, p in zip(labels, props, strict=True)]
        widths = [max((t.get_window_extent().width * 72 / ax.figure.dpi
                       for t in self.labels[c::cols]), default=0) / width_pt
                  for c in range(cols)]
        xs = [margin]
        for c in range(cols - 1):
            xs.append(xs[-1] + offset + widths[c] + spacing)
        index = np.arange(n)
        self._buttons_xs = np.take(xs, index % cols)
        self._buttons_ys = np.linspace(1, 0, rows + 2)[1:-1][index // cols]
        for text, x, y in zip(self.labels, self._buttons_xs, self._buttons_ys, strict=True):
            text.set_position((x + offset, y))

    def _init_props(self, text_size, **kwargs) -> None:
        raise NotImplementedError

    def _hit(self, event) -> int | None:
        """The index of the button whose marker or label is under ``event``, the nearest
        marker when several are (matplotlib's choice), or None."""
        centres = self.ax.transData.transform(
            np.column_stack([self._buttons_xs, self._buttons_ys]))
        radius = np.sqrt(np.broadcast_to(self._buttons.get_sizes(), len(self.labels))) \
            / 2 * self.ax.figure.dpi / 72 + _HIT_RADIUS
        d2 = ((centres - (event.x, event.y)) ** 2).sum(-1)
        hits = set(np.flatnonzero(d2 <= radius ** 2).tolist())
        for i, text in enumerate(self.labels):
            box = text.get_window_extent()
            if box.x0 <= event.x <= box.x1 and box.y0 <= event.y <= box.y1:
                hits.add(i)
        if not hits:
            return None
        hits = sorted(hits)
        return hits[int(np.argmin(d2[hits]))]

    def _clicked(self, event) -> None:
        event = self._local(event)
        if self.ignore(event) or event.button != 1 or not self.ax.contains(event)[0]:
            return
        index = self._hit(event)
        if index is not None:
            self.set_active(index)

    def set_label_props(self, props: dict) -> None:
        """Set text properties of the labels (as ``label_props``)."""
        _check_props("props", props)
        if props is None:
            raise TypeError("props: got None, expected a dict")
        for text, p in zip(self.labels, _expand_text_props(props, len(self.labels)),
                           strict=True):
            text.set(**p)

    def _sizes(self, props: dict) -> dict:
        """``props`` with matplotlib's ``s`` spelled as the collection's ``sizes``."""
        props = dict(props)
        if "s" in props:
            props["sizes"] = np.broadcast_to(props.pop("s"), len(self.labels))
        return props

    def on_clicked(self, func) -> int:
        """Call ``func(label)`` when a button is clicked; returns an id for
        :meth:`disconnect`."""
        return self._observers.connect("clicked", func)

    def disconnect(self, cid: int) -> None:
        """Remove the observer ``cid``."""
        self._observers.disconnect(cid)

    def _changed(self, label) -> None:
        self._redraw()
        if self.eventson:
            self._observers.process("clicked", label)


class CheckButtons(_Buttons):
    """Check boxes, one per label, ``actives`` saying which are checked;
    ``on_clicked(func)`` calls ``func(label)`` when one is toggled. ``frame_props`` and
    ``check_props`` style the boxes and the crosses (scatter keywords)."""

    def __init__(self, ax, labels, actives=None, *, layout=None, useblit: bool = True,
                 label_props: dict | None = None, frame_props: dict | None = None,
                 check_props: dict | None = None) -> None:
        for name, props in (("label_props", label_props), ("frame_props", frame_props),
                            ("check_props", check_props)):
            _check_props(name, props)
        super().__init__(ax, labels, layout=layout, useblit=useblit,
                         label_props=label_props, actives=actives,
                         frame_props=frame_props, check_props=check_props)

    def _init_props(self, text_size, actives, frame_props, check_props) -> None:
        frame = {"s": text_size ** 2, "linewidth": 1, **(frame_props or {}), "marker": "s"}
        frame.setdefault("facecolor", frame.get("color", "none"))
        frame.setdefault("edgecolor", frame.pop("color", "black"))
        self._frames = self.ax.scatter(self._buttons_xs, self._buttons_ys, **frame)
        check = {"linewidth": 1, "s": text_size ** 2, **(check_props or {}), "marker": "x"}
        check.setdefault("facecolor", check.pop("color", "black"))
        self._buttons = self.ax.scatter(self._buttons_xs, self._buttons_ys, **check)
        if actives is None:
            actives = [False] * len(self.labels)
        self._init_status(actives)

    def _init_status(self, actives) -> None:
        """Remember the crosses' colors (those the user set) and hide the unchecked."""
        self._active_check_colors = np.array(self._buttons.get_facecolor())
        if len(self._active_check_colors) == 1:
            self._active_check_colors = np.repeat(self._active_check_colors, len(actives),
                                                  axis=0)
        self._buttons.set_facecolor([c if active else "none" for c, active in
                                     zip(self._active_check_colors, actives, strict=True)])

    def set_frame_props(self, props: dict) -> None:
        """Set scatter properties of the boxes (``s``, ``facecolor``, ...)."""
        _check_props("props", props)
        self._frames.set(**self._sizes(props))

    def set_check_props(self, props: dict) -> None:
        """Set scatter properties of the crosses; the checked ones stay checked."""
        _check_props("props", props)
        actives = self.get_status()
        self._buttons.set(**self._sizes(props))
        self._init_status(actives)

    def set_active(self, index: int, state: bool | None = None) -> None:
        """Toggle box ``index`` (or set it checked or not: ``state``) and tell the
        observers its label."""
        if index not in range(len(self.labels)):
            raise ValueError(f"index: got {index!r}, expected 0..{len(self.labels) - 1}")
        if state is not None and not isinstance(state, (bool, np.bool_)):
            raise TypeError(f"state: got {type(state).__name__}, expected a bool or None")
        facecolors = np.array(self._buttons.get_facecolor())
        if len(facecolors) == 1:
            facecolors = np.repeat(facecolors, len(self.labels), axis=0)
        if state is None:
            state = same_color(facecolors[index], to_rgba("none"))
        facecolors[index] = self._active_check_colors[index] if state else to_rgba("none")
        self._buttons.set_facecolor(facecolors)
        self._changed(self.labels[index].get_text())

    def clear(self) -> None:
        """Uncheck every box (observers get the label None)."""
        self._buttons.set_facecolor(["none"] * len(self._active_check_colors))
        self._changed(None)

    def get_status(self) -> list[bool]:
        """Whether each box is checked."""
        colors = np.array(self._buttons.get_facecolor())
        if len(colors) == 1:
            colors = np.repeat(colors, len(self.labels), axis=0)
        return [not same_color(c, to_rgba("none")) for c in colors]

    def get_checked_labels(self) -> list[str]:
        """The labels of the checked boxes."""
        return [t.get_text() for t, on in zip(self.labels, self.get_status(), strict=True) if on]


class RadioButtons(_Buttons):
    """Radio buttons, one per label, ``active`` the index selected;
    ``on_clicked(func)`` calls ``func(label)``. ``value_selected``/``index_selected``
    say which is selected; ``radio_props`` styles the circles (scatter keywords)."""

    def __init__(self, ax, labels, active: int = 0, activecolor=None, *, layout=None,
                 useblit: bool = True, label_props: dict | None = None,
                 radio_props: dict | None = None) -> None:
        _check_props("label_props", label_props)
        _check_props("radio_props", radio_props)
        radio_props = dict(radio_props or {})
        if activecolor is not None and "facecolor" in radio_props:
            raise TypeError("activecolor: given with radio_props['facecolor']; give one")
        activecolor = "blue" if activecolor is None else activecolor
        labels = list(labels)
        if active not in range(len(labels)):
            raise ValueError(f"active: got {active!r}, expected 0..{len(labels) - 1}")
        super().__init__(ax, labels, useblit=useblit, label_props=label_props,
                         active=active, layout=layout, activecolor=activecolor,
                         radio_props=radio_props)
        self._activecolor = activecolor
        self._initial_active = active
        self.value_selected = labels[active]
        self.index_selected = active

    def _init_props(self, text_size, active, activecolor, radio_props) -> None:
        props = {"s": text_size ** 2, **radio_props, "marker": "o"}
        props.setdefault("edgecolor", props.get("color", "black"))
        props.setdefault("facecolor", props.pop("color", activecolor))
        self._buttons = self.ax.scatter(self._buttons_xs, self._buttons_ys, **props)
        self._set_colors(active)

    def _set_colors(self, active) -> None:
        """Take the circles' colors as the active ones; fill only circle ``active``."""
        self._active_colors = np.array(self._buttons.get_facecolor())
        if len(self._active_colors) == 1:
            self._active_colors = np.repeat(self._active_colors, len(self.labels), axis=0)
        self._buttons.set_facecolor([c if i == active else "none"
                                     for i, c in enumerate(self._active_colors)])

    def set_radio_props(self, props: dict) -> None:
        """Set scatter properties of the circles (``s``, ``facecolor``, ...)."""
        _check_props("props", props)
        self._buttons.set(**self._sizes(props))
        self._set_colors(self.index_selected)

    @property
    def activecolor(self):
        """The fill of the selected circle."""
        return self._activecolor

    @activecolor.setter
    def activecolor(self, activecolor) -> None:
        to_rgba(activecolor)  # a ValueError for what is not a color
        self._activecolor = activecolor
        self.set_radio_props({"facecolor": activecolor})

    def set_active(self, index: int) -> None:
        """Select button ``index`` and tell the observers its label."""
        if index not in range(len(self.labels)):
            raise ValueError(f"index: got {index!r}, expected 0..{len(self.labels) - 1}")
        self.value_selected = self.labels[index].get_text()
        self.index_selected = index
        colors = np.tile(to_rgba("none"), (len(self.labels), 1))
        colors[index] = self._active_colors[index]
        self._buttons.set_facecolor(colors)
        self._changed(self.value_selected)

    def clear(self) -> None:
        """Select the initial button again."""
        self.set_active(self._initial_active)


class TextBox(AxesWidget):
    """A one-line text entry filling ``ax``: a click starts typing, Enter or a click
    outside ends it. ``on_text_change(func)`` and ``on_submit(func)`` call
    ``func(text)``."""

    def __init__(self, ax, label: str, initial: str = "", *, color=".95", hovercolor="1",
                 label_pad: float = .01, textalignment: str = "left") -> None:
        super().__init__(ax)
        check_choice("textalignment", textalignment, ("left", "center", "right"))
        position = {"left": 0.05, "center": 0.5, "right": 0.95}[textalignment]
        self.label = ax.text(-label_pad, 0.5, label, transform=ax.transAxes,
                             verticalalignment="center", horizontalalignment="right")
        self.text_disp = ax.text(position, 0.5, initial, transform=ax.transAxes,
                                 verticalalignment="center",
                                 horizontalalignment=textalignment, parse_math=False)
        self._observers = CallbackRegistry(signals=["change", "submit"])
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_navigate(False)
        ax.set_facecolor(color)
        ax.set_xticks([])
        ax.set_yticks([])
        self.cursor_index = 0
        self.cursor, = ax.plot([0, 0], [0, 0], color="k", lw=1, visible=False)
        self.connect_event("button_press_event", self._click)
        self.connect_event("button_release_event", self._release)
        self.connect_event("motion_notify_event", self._motion)
        self.connect_event("key_press_event", self._keypress)
        self.connect_event("resize_event", self._resize)
        self.color = color
        self.hovercolor = hovercolor
        self.capturekeystrokes = False

    @property
    def text(self) -> str:
        """The text in the box."""
        return self.text_disp.get_text()

    def _width(self, text: str) -> float:
        """The width in pixels ``text`` takes in the box."""
        if not text:
            return 0.0
        shown = self.text_disp.get_text()
        self.text_disp.set_text(text)
        width = self.text_disp.get_window_extent().width
        self.text_disp.set_text(shown)
        return width

    def _rendercursor(self) -> None:
        """Put the cursor after the ``cursor_index`` first characters."""
        text = self.text
        box = self.text_disp.get_window_extent()
        x0 = box.x0 if text else box.x1
        x = x0 + self._width(text[:self.cursor_index])
        height = box.height if text else self.text_disp.get_fontsize() \
            * self.ax.figure.dpi / 72
        yc = (box.y0 + box.y1) / 2
        (ax0, ay0), (ax1, ay1) = self.ax.transData.inverted().transform(
            [(x, yc - height / 2), (x, yc + height / 2)])
        self.cursor.set_data([ax0, ax1], [ay0, ay1])
        self.cursor.set_visible(True)
        self.canvas.draw_idle()

    def _char_index_at(self, x: float) -> int:
        """The cursor position nearest figure pixel ``x``."""
        text = self.text
        x0 = self.text_disp.get_window_extent().x0
        edges = [x0 + self._width(text[:i]) for i in range(len(text) + 1)]
        return int(np.argmin(np.abs(np.subtract(edges, x))))

    def _release(self, event) -> None:
        if self.ignore(event) or event.canvas.mouse_grabber is not self.ax:
            return
        event.canvas.release_mouse(self.ax)

    def _keypress(self, event) -> None:
        if self.ignore(event) or not self.capturekeystrokes or event.key is None:
            return
        if event.guiEvent is not None:  # typed here: not a shortcut of the window's
            event.guiEvent.handled = True
        key, text, i = event.key, self.text, self.cursor_index
        if len(key) == 1:
            text, i = text[:i] + key + text[i:], i + 1
        elif key == "right":
            i = min(i + 1, len(text))
        elif key == "left":
            i = max(i - 1, 0)
        elif key == "home":
            i = 0
        elif key == "end":
            i = len(text)
        elif key == "backspace" and i > 0:
            text, i = text[:i - 1] + text[i:], i - 1
        elif key == "delete":
            text = text[:i] + text[i + 1:]
        self.cursor_index = i
        self.text_disp.set_text(text)
        self._rendercursor()
        if self.eventson:
            self._observers.process("change", self.text)
            if key in ("enter", "return"):
                self._observers.process("submit", self.text)

    def set_val(self, val) -> None:
        """Set the text to ``str(val)``; observers of change and submit are told."""
        text = str(val)
        if self.text == text:
            return
        self.text_disp.set_text(text)
        self._rendercursor()
        if self.eventson:
            self._observers.process("change", self.text)
            self._observers.process("submit", self.text)

    def begin_typing(self) -> None:
        """Take the keys pressed from now on."""
        self.capturekeystrokes = True

    def stop_typing(self) -> None:
        """Stop taking keys; submit the text if typing was on."""
        submit = self.capturekeystrokes
        self.capturekeystrokes = False
        self.cursor.set_visible(False)
        self.canvas.draw_idle()
        if submit and self.eventson:
            self._observers.process("submit", self.text)

    def _click(self, event) -> None:
        event = self._local(event)
        if self.ignore(event):
            return
        if not self.ax.contains(event)[0]:
            self.stop_typing()
            return
        if not self.eventson:
            return
        if event.canvas.mouse_grabber is not self.ax:
            event.canvas.grab_mouse(self.ax)
        if not self.capturekeystrokes:
            self.begin_typing()
        self.cursor_index = self._char_index_at(event.x)
        self._rendercursor()

    def _resize(self, event) -> None:
        self.stop_typing()

    def _motion(self, event) -> None:
        hover_face(self, event)

    def on_text_change(self, func) -> int:
        """Call ``func(text)`` when the text changes; returns an id for
        :meth:`disconnect`."""
        return self._observers.connect("change", lambda text: func(text))

    def on_submit(self, func) -> int:
        """Call ``func(text)`` on Enter or when typing ends; returns an id for
        :meth:`disconnect`."""
        return self._observers.connect("submit", lambda text: func(text))

    def disconnect(self, cid: int) -> None:
        """Remove the observer ``cid``."""
        self._observers.disconnect(cid)


__all__ = ["CheckButtons", "RadioButtons", "TextBox"]
