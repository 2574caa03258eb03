"""What matplotlib's gallery section ``ticks`` asked of lumos: matplotlib's date
formatters given lumos's date locator."""
import numpy as np

import lumos.pyplot as plt


def test_matplotlib_auto_date_formatter_reads_lumos_locator_unit():
    # gallery ticks/date_formatters_locators.py: matplotlib's AutoDateFormatter given
    # the axis's lumos AutoDateLocator labels monthly ticks '%Y-%m', as matplotlib's
    import matplotlib.dates as mdates

    fig, ax = plt.subplots()
    ax.set_xlim(np.datetime64("2000-02-01"), np.datetime64("2002-02-01"))
    ax.xaxis.set_major_formatter(mdates.AutoDateFormatter(ax.xaxis.get_major_locator()))
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[:3] == ["2000-04", "2000-07", "2000-10"]
