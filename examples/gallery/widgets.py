"""Widgets: sliders, a range slider, a button, check and radio buttons and a text box
driving a plot (matplotlib.widgets' names from lumos.widgets), shown after a few
changes made through their API."""

import sys

import numpy as np

import lumos.pyplot as plt
from lumos.widgets import Button, CheckButtons, RadioButtons, RangeSlider, Slider, TextBox

t = np.linspace(0, 1, 500)
fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
fig.subplots_adjust(left=0.3, bottom=0.32, right=0.95, top=0.95)
wave, = ax.plot(t, 5 * np.sin(2 * np.pi * 3 * t), lw=2)
band = [ax.axhline(v, color="C1", ls="--") for v in (-2, 2)]
ax.set_ylim(-10, 10)
ax.set_xlabel("Time [s]")

freq = Slider(fig.add_axes((0.3, 0.17, 0.42, 0.03)), "Frequency [Hz]", 0.1, 30,
              valinit=3, valstep=0.1)
amp = Slider(fig.add_axes((0.05, 0.32, 0.0225, 0.6)), "Amplitude", 0, 10, valinit=5,
             orientation="vertical", valfmt="%.1f")
limits = RangeSlider(fig.add_axes((0.3, 0.1, 0.42, 0.03)), "Band", -10, 10,
                     valinit=(-2, 2))
reset = Button(fig.add_axes((0.84, 0.025, 0.11, 0.05)), "Reset", hovercolor="0.975")
shown = CheckButtons(fig.add_axes((0.1, 0.02, 0.12, 0.12)), ["wave", "band"],
                     [True, True])
style = RadioButtons(fig.add_axes((0.84, 0.1, 0.11, 0.12)), ["solid", "dashed"])
label = TextBox(fig.add_axes((0.4, 0.025, 0.3, 0.05)), "Title ", initial="")


def update(_):
    wave.set_ydata(amp.val * np.sin(2 * np.pi * freq.val * t))
    for line, v in zip(band, limits.val, strict=True):
        line.set_ydata([v, v])
    fig.canvas.draw_idle()


for slider in (freq, amp, limits):
    slider.on_changed(update)


def show(lab):
    on = shown.get_status()
    wave.set_visible(on[0])
    for line in band:
        line.set_visible(on[1])


shown.on_clicked(show)
style.on_clicked(lambda lab: wave.set_linestyle(lab))
label.on_submit(ax.set_title)
reset.on_clicked(lambda event: (freq.reset(), amp.reset(), limits.reset()))

freq.set_val(5.5)
amp.set_val(7.5)
limits.set_val((-6, 3))
shown.set_active(1)
style.set_active(1)
label.set_val("sines under control")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "widgets.png")
