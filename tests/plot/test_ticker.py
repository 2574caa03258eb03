"""Tick locators and formatters against matplotlib's behaviour.

The expected values were produced by matplotlib 3.11 for the same calls (axis-less
locators, formatters on a dummy axis with the given view) and are hard-coded here:
these tests never import matplotlib.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from lumos.plot import dates, ticker
from lumos.plot.ticker import (
    AutoDateFormatter,
    AutoDateLocator,
    AutoLocator,
    AutoMinorLocator,
    ConciseDateFormatter,
    EngFormatter,
    FixedFormatter,
    FixedLocator,
    FormatStrFormatter,
    FuncFormatter,
    LinearLocator,
    LogFormatter,
    LogFormatterSciNotation,
    LogLocator,
    MaxNLocator,
    MultipleLocator,
    NullFormatter,
    NullLocator,
    PercentFormatter,
    ScalarFormatter,
    StrMethodFormatter,
    SymmetricalLogLocator,
    date2num,
    num2date,
    visible,
)

M = "\N{MINUS SIGN}"

# fmt: off
AUTO = {
    (0, 1): [0, 0.2, 0.4, 0.6, 0.8, 1],
    (-1, 1): [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1],
    (0, 10): [0, 2, 4, 6, 8, 10],
    (0, 100): [0, 20, 40, 60, 80, 100],
    (-7.3, 12.9): [-7.5, -5, -2.5, 0, 2.5, 5, 7.5, 10, 12.5, 15],
    (0.001, 0.0015): [0.001, 0.0011, 0.0012, 0.0013, 0.0014, 0.0015],
    (1e-07, 5e-07): [1e-07, 1.5e-07, 2e-07, 2.5e-07, 3e-07, 3.5e-07, 4e-07, 4.5e-07, 5e-07],
    (-2.5e-09, 7.5e-09): [-4e-09, -2e-09, 0, 2e-09, 4e-09, 6e-09, 8e-09],
    (1700000000, 1700000001): [1700000000, 1700000000.2, 1700000000.4, 1700000000.6, 1700000000.8,
        1700000001],
    (12345, 12346): [12345, 12345.2, 12345.4, 12345.6, 12345.8, 12346],
    (999.9, 1000.1): [999.9, 999.925, 999.95, 999.975, 1000, 1000.025, 1000.05, 1000.075, 1000.1],
    (0, 1000000): [0, 200000, 400000, 600000, 800000, 1000000],
    (3000000, 80000000): [0, 10000000, 20000000, 30000000, 40000000, 50000000, 60000000, 70000000,
        80000000],
    (-1e+12, 1e+12): [-1e+12, -750000000000, -500000000000, -250000000000, 0, 250000000000,
        500000000000, 750000000000, 1e+12],
    (0.1, 0.35): [0.1, 0.15, 0.2, 0.25, 0.3, 0.35],
    (2020.5, 2024.25): [2020.5, 2021, 2021.5, 2022, 2022.5, 2023, 2023.5, 2024, 2024.5],
    (-100, -99.99): [-100, -99.998, -99.996, -99.994, -99.992, -99.99],
    (1e+15, 1.0000000001e+15): [1e+15, 1.00000000002e+15, 1.00000000004e+15, 1.00000000006e+15,
        1.00000000008e+15, 1.0000000001e+15],
    (0.9, 1.1): [0.9, 0.925, 0.95, 0.975, 1, 1.025, 1.05, 1.075, 1.1],
    (5, 95): [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
    (-273.15, 100): [-300, -250, -200, -150, -100, -50, 0, 50, 100],
    (1, 11): [0, 2, 4, 6, 8, 10, 12],
}
MAXN5 = {
    (0, 1): [0, 0.2, 0.4, 0.6, 0.8, 1],
    (-1, 1): [-1.2, -0.8, -0.4, 0, 0.4, 0.8, 1.2],
    (0, 10): [0, 2, 4, 6, 8, 10],
    (0, 100): [0, 20, 40, 60, 80, 100],
    (-7.3, 12.9): [-10, -5, 0, 5, 10, 15],
    (0.001, 0.0015): [0.001, 0.0011, 0.0012, 0.0013, 0.0014, 0.0015],
    (1e-07, 5e-07): [8e-08, 1.6e-07, 2.4e-07, 3.2e-07, 4e-07, 4.8e-07, 5.6e-07],
    (-2.5e-09, 7.5e-09): [-4e-09, -2e-09, 0, 2e-09, 4e-09, 6e-09, 8e-09],
}
INT = {
    (0, 3): [0, 1, 2, 3],
    (0.2, 2.7): [0, 1, 2, 3],
    (-4, 40): [-5, 0, 5, 10, 15, 20, 25, 30, 35, 40],
    (0, 1): [0, 1],
}
LOG = {
    (1, 1000000): [0.1, 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000],
    (1, 1e+20): [0.001, 1, 1000, 1000000, 1000000000, 1e+12, 1e+15, 1e+18, 1e+21],
    (0.001, 1000): [0.0001, 0.001, 0.01, 0.1, 1, 10, 100, 1000, 10000],
    (1, 10): [0.1, 1, 10, 100],
    (1e-30, 1e+30): [1e-35, 1e-28, 1e-21, 1e-14, 1e-07, 1, 10000000, 1e+14, 1e+21, 1e+28, 1e+35],
    (3, 40000): [1, 10, 100, 1000, 10000, 100000],
}
SYMLOG = {
    (-1000, 1000): [-1000, -100, -10, -1, 0, 1, 10, 100, 1000],
    (-5, 100000): [-1, 0, 1, 10, 100, 1000, 10000, 100000],
    (0.5, 1000): [0, 1, 10, 100, 1000],
    (-0.5, 0.5): [-0.5, 0, 0.5],
    (-100000000, 100000000): [-100000000, -10000000, -1000000, -100000, -10000, -1000, -100, -10,
        -1, 0, 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000],
}
LOGMINOR = {
    (1, 100): [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 2, 3, 4, 5, 6, 7, 8, 9, 20, 30, 40, 50, 60,
        70, 80, 90, 200, 300, 400, 500, 600, 700, 800, 900],
    (0.5, 3): [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 2, 3, 4, 5, 6, 7, 8, 9],
    (1, 1e+12): [],
}
MINOR = {
    (0, 1): [0.05, 0.1, 0.15, 0.25, 0.3, 0.35, 0.45, 0.5, 0.55, 0.65, 0.7, 0.75, 0.85, 0.9, 0.95],
    (0, 10): [0.5, 1, 1.5, 2.5, 3, 3.5, 4.5, 5, 5.5, 6.5, 7, 7.5, 8.5, 9, 9.5],
    (-7.3, 12.9): [-7, -6.5, -6, -5.5, -4.5, -4, -3.5, -3, -2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 3,
        3.5, 4, 4.5, 5.5, 6, 6.5, 7, 8, 8.5, 9, 9.5, 10.5, 11, 11.5, 12],
    (0, 2): [0.05, 0.1, 0.15, 0.2, 0.3, 0.35, 0.4, 0.45, 0.55, 0.6, 0.65, 0.7, 0.8, 0.85, 0.9,
        0.95, 1.05, 1.1, 1.15, 1.2, 1.3, 1.35, 1.4, 1.45, 1.55, 1.6, 1.65, 1.7, 1.8, 1.85, 1.9,
        1.95],
    (0.1, 0.35): [0.11, 0.12, 0.13, 0.14, 0.16, 0.17, 0.18, 0.19, 0.21, 0.22, 0.23, 0.24, 0.26,
        0.27, 0.28, 0.29, 0.31, 0.32, 0.33, 0.34],
    (0, 4): [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 1.1, 1.2, 1.3, 1.4, 1.6, 1.7, 1.8, 1.9, 2.1,
        2.2, 2.3, 2.4, 2.6, 2.7, 2.8, 2.9, 3.1, 3.2, 3.3, 3.4, 3.6, 3.7, 3.8, 3.9],
}
SCALAR = {
    (0, 1): (['0.0', '0.2', '0.4', '0.6', '0.8', '1.0'], ''),
    (-1, 1): (['−1.00', '−0.75', '−0.50', '−0.25', '0.00', '0.25', '0.50', '0.75', '1.00'], ''),
    (0, 10): (['0', '2', '4', '6', '8', '10'], ''),
    (0, 100): (['0', '20', '40', '60', '80', '100'], ''),
    (-7.3, 12.9): (['−5.0', '−2.5', '0.0', '2.5', '5.0', '7.5', '10.0', '12.5'], ''),
    (0.001, 0.0015): (['0.0010', '0.0011', '0.0012', '0.0013', '0.0014', '0.0015'], ''),
    (1e-07, 5e-07): (['1.0', '1.5', '2.0', '2.5', '3.0', '3.5', '4.0', '4.5', '5.0'], '1e−7'),
    (-2.5e-09, 7.5e-09): (['−2', '0', '2', '4', '6'], '1e−9'),
    (1700000000, 1700000001): (['0.0', '0.2', '0.4', '0.6', '0.8', '1.0'], '+1.7e9'),
    (12345, 12346): (['5.0', '5.2', '5.4', '5.6', '5.8', '6.0'], '+1.234e4'),
    (999.9, 1000.1): (['−0.100', '−0.075', '−0.050', '−0.025', '0.000', '0.025', '0.050', '0.075',
        '0.100'], '+1e3'),
    (0, 1000000): (['0.0', '0.2', '0.4', '0.6', '0.8', '1.0'], '1e6'),
    (3000000, 80000000): (['1', '2', '3', '4', '5', '6', '7', '8'], '1e7'),
    (-1e+12, 1e+12): (['−1.00', '−0.75', '−0.50', '−0.25', '0.00', '0.25', '0.50', '0.75', '1.00'],
        '1e12'),
    (0.1, 0.35): (['0.10', '0.15', '0.20', '0.25', '0.30', '0.35'], ''),
    (2020.5, 2024.25): (['2020.5', '2021.0', '2021.5', '2022.0', '2022.5', '2023.0', '2023.5',
        '2024.0'], ''),
    (-100, -99.99): (['−0.010', '−0.008', '−0.006', '−0.004', '−0.002', '0.000'], '−9.999e1'),
    (1e+15, 1.0000000001e+15): (['0', '20000', '40000', '60000', '80000', '100000'], '+1e15'),
    (0.9, 1.1): (['0.900', '0.925', '0.950', '0.975', '1.000', '1.025', '1.050', '1.075', '1.100'],
        ''),
    (5, 95): (['10', '20', '30', '40', '50', '60', '70', '80', '90'], ''),
    (-273.15, 100): (['−250', '−200', '−150', '−100', '−50', '0', '50', '100'], ''),
    (1, 11): (['2', '4', '6', '8', '10'], ''),
}

# (view limits) -> (visible ticks, ConciseDateFormatter labels and offset, AutoDateFormatter
# labels). Concise labels may repeat ('15' in each month) by design; neighbours differ.
DATES = {
    ('2014-01-01', '2024-01-01'): (['2014-01-01T00:00:00.000000', '2015-01-01T00:00:00.000000',
        '2016-01-01T00:00:00.000000', '2017-01-01T00:00:00.000000', '2018-01-01T00:00:00.000000',
        '2019-01-01T00:00:00.000000', '2020-01-01T00:00:00.000000', '2021-01-01T00:00:00.000000',
        '2022-01-01T00:00:00.000000', '2023-01-01T00:00:00.000000', '2024-01-01T00:00:00.000000'],
        ['2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024'],
        '',
        ['2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']),
    ('2024-01-10', '2024-04-10'): (['2024-01-15T00:00:00.000000', '2024-02-01T00:00:00.000000',
        '2024-02-15T00:00:00.000000', '2024-03-01T00:00:00.000000', '2024-03-15T00:00:00.000000',
        '2024-04-01T00:00:00.000000'],
        ['15', 'Feb', '15', 'Mar', '15', 'Apr'], '2024-Apr',
        ['2024-01-15', '2024-02-01', '2024-02-15', '2024-03-01', '2024-03-15', '2024-04-01']),
    ('2024-03-05', '2024-03-10'): (['2024-03-05T00:00:00.000000', '2024-03-06T00:00:00.000000',
        '2024-03-07T00:00:00.000000', '2024-03-08T00:00:00.000000', '2024-03-09T00:00:00.000000',
        '2024-03-10T00:00:00.000000'],
        ['05', '06', '07', '08', '09', '10'], '2024-Mar',
        ['2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08', '2024-03-09', '2024-03-10']),
    ('2024-03-05T09:00', '2024-03-05T15:00'): (['2024-03-05T09:00:00.000000',
        '2024-03-05T10:00:00.000000', '2024-03-05T11:00:00.000000', '2024-03-05T12:00:00.000000',
        '2024-03-05T13:00:00.000000', '2024-03-05T14:00:00.000000', '2024-03-05T15:00:00.000000'],
        ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00'], '2024-Mar-05',
        ['03-05 09', '03-05 10', '03-05 11', '03-05 12', '03-05 13', '03-05 14', '03-05 15']),
    ('2024-03-05T12:25', '2024-03-05T12:35'): (['2024-03-05T12:25:00.000000',
        '2024-03-05T12:26:00.000000', '2024-03-05T12:27:00.000000', '2024-03-05T12:28:00.000000',
        '2024-03-05T12:29:00.000000', '2024-03-05T12:30:00.000000', '2024-03-05T12:31:00.000000',
        '2024-03-05T12:32:00.000000', '2024-03-05T12:33:00.000000', '2024-03-05T12:34:00.000000',
        '2024-03-05T12:35:00.000000'],
        ['12:25', '12:26', '12:27', '12:28', '12:29', '12:30', '12:31', '12:32', '12:33', '12:34',
            '12:35'], '2024-Mar-05',
        ['05 12:25', '05 12:26', '05 12:27', '05 12:28', '05 12:29', '05 12:30', '05 12:31',
            '05 12:32', '05 12:33', '05 12:34', '05 12:35']),
    ('2024-03-05T12:30:14', '2024-03-05T12:30:16'): (['2024-03-05T12:30:14.000000',
        '2024-03-05T12:30:14.500000', '2024-03-05T12:30:15.000000', '2024-03-05T12:30:15.500000',
        '2024-03-05T12:30:16.000000'],
        ['14.0', '14.5', '15.0', '15.5', '16.0'], '2024-Mar-05 12:30',
        ['30:14.000000', '30:14.500000', '30:15.000000', '30:15.500000', '30:16.000000']),
    ('2024-03-05T12:30:15.000', '2024-03-05T12:30:15.005'): (['2024-03-05T12:30:15.000000',
        '2024-03-05T12:30:15.001000', '2024-03-05T12:30:15.002000', '2024-03-05T12:30:15.003000',
        '2024-03-05T12:30:15.004000', '2024-03-05T12:30:15.005000'],
        ['15.000', '15.001', '15.002', '15.003', '15.004', '15.005'], '2024-Mar-05 12:30',
        ['30:15.000000', '30:15.001000', '30:15.002000', '30:15.003000', '30:15.004000',
            '30:15.005000']),
    ('2024-11-15', '2025-03-01'): (['2024-11-15T00:00:00.000000', '2024-12-01T00:00:00.000000',
        '2024-12-15T00:00:00.000000', '2025-01-01T00:00:00.000000', '2025-01-15T00:00:00.000000',
        '2025-02-01T00:00:00.000000', '2025-02-15T00:00:00.000000', '2025-03-01T00:00:00.000000'],
        ['15', 'Dec', '15', 'Jan', '15', 'Feb', '15', 'Mar'], '2025-Mar',
        ['2024-11-15', '2024-12-01', '2024-12-15', '2025-01-01', '2025-01-15', '2025-02-01',
            '2025-02-15', '2025-03-01']),
    ('1950-06-01', '1950-06-20'): (['1950-06-01T00:00:00.000000', '1950-06-03T00:00:00.000000',
        '1950-06-05T00:00:00.000000', '1950-06-07T00:00:00.000000', '1950-06-09T00:00:00.000000',
        '1950-06-11T00:00:00.000000', '1950-06-13T00:00:00.000000', '1950-06-15T00:00:00.000000',
        '1950-06-17T00:00:00.000000', '1950-06-19T00:00:00.000000'],
        ['Jun', '03', '05', '07', '09', '11', '13', '15', '17', '19'], '1950-Jun',
        ['1950-06-01', '1950-06-03', '1950-06-05', '1950-06-07', '1950-06-09', '1950-06-11',
            '1950-06-13', '1950-06-15', '1950-06-17', '1950-06-19']),
}
# fmt: on


def assert_ticks(got, expected):
    got = np.asarray(got, dtype=float)
    expected = np.asarray(expected, dtype=float)
    assert got.shape == expected.shape, (got, expected)
    span = np.ptp(expected) if expected.size > 1 else 1.0
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12 * span)


# ------------------------------------------------------------------- linear locators


@pytest.mark.parametrize("lims", list(AUTO))
def test_auto_locator_matches_matplotlib(lims):
    assert_ticks(AutoLocator().tick_values(*lims), AUTO[lims])


@pytest.mark.parametrize("lims", list(AUTO))
def test_auto_locator_covers_range_and_is_ascending(lims):
    t = AutoLocator().tick_values(*lims)
    assert np.all(np.diff(t) > 0)
    assert t[0] <= lims[0] + 1e-9 * (lims[1] - lims[0])
    assert t[-1] >= lims[1] - 1e-9 * (lims[1] - lims[0])
    v = visible(t, *lims)
    assert 2 <= len(v) <= 10
    assert np.all((v >= lims[0] - 1e-9 * (lims[1] - lims[0])) & (v <= lims[1] + 1e-9 *
                                                                 (lims[1] - lims[0])))


@pytest.mark.parametrize("lims", list(MAXN5))
def test_maxn_locator_matches_matplotlib(lims):
    assert_ticks(MaxNLocator(5).tick_values(*lims), MAXN5[lims])


@pytest.mark.parametrize("lims", list(INT))
def test_integer_locator(lims):
    t = MaxNLocator(integer=True).tick_values(*lims)
    assert_ticks(t, INT[lims])
    assert np.all(t == np.round(t))


def test_maxn_options():
    assert_ticks(MaxNLocator(4, prune="both").tick_values(0, 1), [0.25, 0.5, 0.75])
    t = MaxNLocator(4, symmetric=True).tick_values(-1, 3)
    assert_ticks(t, -t[::-1])
    loc = AutoLocator()
    loc.tick_space = ticker.tick_space(100, 10)  # a short x axis: 3 label slots
    assert len(visible(loc.tick_values(0, 1), 0, 1)) <= 4
    with pytest.raises(ValueError, match="steps"):
        MaxNLocator(steps=[3, 2])
    with pytest.raises(ValueError, match="nbins"):
        MaxNLocator(0)


@pytest.mark.parametrize("lims", list(MINOR))
def test_auto_minor_locator_matches_matplotlib(lims):
    got = visible(AutoMinorLocator().tick_values(*lims), *lims)
    assert_ticks(got, MINOR[lims])
    assert len(ticker.remove_overlapping_locs(got, AutoLocator().tick_values(*lims))) == len(got)


def test_auto_minor_subdivisions():
    # step 1 -> 5 parts, step 2 -> 4 parts (0.5), explicit n
    assert_ticks(AutoMinorLocator().tick_values(0, 2, major_ticks=[0, 1, 2]),
                 [0.2, 0.4, 0.6, 0.8, 1.2, 1.4, 1.6, 1.8])
    assert_ticks(AutoMinorLocator().tick_values(0, 4, major_ticks=[0, 2, 4]),
                 [0.5, 1, 1.5, 2.5, 3, 3.5])
    assert_ticks(AutoMinorLocator(2).tick_values(0, 2, major_ticks=[0, 1, 2]), [0.5, 1.5])
    assert len(AutoMinorLocator().tick_values(0, 1, major_ticks=[0.5])) == 0


def test_other_linear_locators():
    assert_ticks(LinearLocator(5).tick_values(0, 1), [0, 0.25, 0.5, 0.75, 1])
    assert_ticks(MultipleLocator(0.25).tick_values(0.1, 0.9),
                 [0, 0.25, 0.5, 0.75, 1.0])
    assert_ticks(MultipleLocator(2, offset=1).tick_values(0, 6), [-1, 1, 3, 5, 7])
    # the caller's order, as matplotlib's FixedLocator([3, 1, 2]).tick_values: [3, 1, 2]
    assert_ticks(FixedLocator([3, 1, 2]).tick_values(0, 1), [3, 1, 2])
    assert_ticks(FixedLocator(np.arange(-10, 11), nbins=4).tick_values(0, 1),
                 [-6, 0, 6])  # every 6th value, in the phase that holds 0
    assert len(NullLocator().tick_values(0, 1)) == 0
    with pytest.raises(ValueError, match="base"):
        MultipleLocator(0)


# ----------------------------------------------------------------------- log locators


@pytest.mark.parametrize("lims", list(LOG))
def test_log_locator_matches_matplotlib(lims):
    assert_ticks(LogLocator().tick_values(*lims), LOG[lims])


def test_log_locator_1_to_1e6():
    t = visible(LogLocator().tick_values(1, 1e6), 1, 1e6, log=True)
    assert_ticks(t, 10.0 ** np.arange(7))


def test_log_locator_many_decades_skips():
    t = LogLocator().visible_ticks(1, 1e20)
    assert_ticks(t, 10.0 ** np.arange(0, 19, 3))
    loc = LogLocator(numticks=3)
    assert len(loc.visible_ticks(1e-30, 1e30)) <= 3


def test_log_locator_few_decades_still_two_ticks():
    # matplotlib's major locator shows only 1 here (its minor ticks carry the labels)
    assert_ticks(LogLocator(min_n_ticks=0).tick_values(0.5, 3), [0.1, 1, 10])
    t = LogLocator().tick_values(0.5, 3)
    assert_ticks(visible(t, 0.5, 3), [0.5, 1, 2])
    for lo, hi in [(2, 5), (2, 50), (1.1, 1.9), (0.5, 3), (3e-5, 7e-5), (11, 99)]:
        v = LogLocator().visible_ticks(lo, hi)
        assert len(v) >= 2 and np.all(v > 0), (lo, hi, v)


@pytest.mark.parametrize("lims", list(LOGMINOR))
def test_log_minor_matches_matplotlib(lims):
    assert_ticks(LogLocator(subs="auto").tick_values(*lims), LOGMINOR[lims])


def test_log_minor_and_bases():
    t = visible(LogLocator(subs="auto").tick_values(1, 100), 1, 100, log=True)
    assert_ticks(t, [2, 3, 4, 5, 6, 7, 8, 9, 20, 30, 40, 50, 60, 70, 80, 90])
    t = visible(LogLocator(base=2).tick_values(1, 64), 1, 64, log=True)
    assert_ticks(t, 2.0 ** np.arange(7))


def test_log_locator_bad_limits():
    loc = LogLocator()
    assert len(loc.tick_values(-5, -1)) == 0  # nothing positive to show
    t = loc.tick_values(0, 100)  # vmin clipped to 100 * 1e-10
    assert len(t) and np.all(t > 0)
    assert_ticks(visible(LogLocator(minpos=0.1).tick_values(-1, 100), 0.1, 100, log=True),
                 [0.1, 1, 10, 100])
    t = loc.tick_values(100, 100)  # widened to a decade each side
    assert_ticks(visible(t, 10, 1000, log=True), [10, 100, 1000])
    assert_ticks(loc.tick_values(1e6, 1), loc.tick_values(1, 1e6))


@pytest.mark.parametrize("lims", list(SYMLOG))
def test_symlog_locator_matches_matplotlib(lims):
    assert_ticks(SymmetricalLogLocator(linthresh=1, base=10).tick_values(*lims), SYMLOG[lims])


# ----------------------------------------------------------------------- bad limits

ALL_LOCATORS = [
    AutoLocator(), MaxNLocator(5), MaxNLocator(integer=True), AutoMinorLocator(),
    LogLocator(), LogLocator(subs="auto"), SymmetricalLogLocator(1.0), LinearLocator(),
    MultipleLocator(0.5), AutoDateLocator(),
]  # fmt: skip


@pytest.mark.filterwarnings("ignore:MultipleLocator would generate")
@pytest.mark.parametrize("loc", ALL_LOCATORS, ids=lambda loc: type(loc).__name__)
def test_locators_survive_bad_limits(loc):
    for lo, hi in [(np.nan, 1), (0, np.inf), (-np.inf, np.inf), (np.nan, np.nan)]:
        t = loc.tick_values(lo, hi)
        assert isinstance(t, np.ndarray) and t.dtype == np.float64 and t.size == 0
    for v in (0.0, 5.0, -3.0, 1e-300, 1.7e9, 19787.5):  # vmin == vmax: a small range
        t = loc.tick_values(v, v)
        assert np.all(np.isfinite(t)) and np.all(np.diff(t) > 0)
        if isinstance(loc, (AutoLocator, MaxNLocator, LinearLocator)):
            assert len(visible(t, *ticker.nonsingular(v, v))) >= 2, (v, t)
        elif isinstance(loc, AutoDateLocator) and abs(v) < 1e8:  # a day either side
            assert len(visible(t, v - 1, v + 1)) >= 2, (v, t)
    fwd, rev = loc.tick_values(2.0, 30.0), loc.tick_values(30.0, 2.0)
    assert_ticks(rev, fwd)  # reversed limits: same ascending ticks


def test_auto_locator_same_value():
    assert_ticks(visible(AutoLocator().tick_values(5, 5), 4.75, 5.25),
                 [4.8, 4.9, 5.0, 5.1, 5.2])
    assert len(visible(AutoLocator().tick_values(0, 0), -0.05, 0.05)) >= 2


def test_huge_tick_counts_are_refused():
    with pytest.warns(RuntimeWarning, match="MAXTICKS"):
        assert len(MultipleLocator(1e-9).tick_values(0, 1e6)) == 0


# ------------------------------------------------------------------- scalar formatter


@pytest.mark.parametrize("lims", list(SCALAR))
def test_scalar_formatter_matches_matplotlib(lims):
    labels, offset = SCALAR[lims]
    ticks = visible(AutoLocator().tick_values(*lims), *lims)
    f = ScalarFormatter()
    assert f.format_ticks(ticks, *lims) == labels
    assert f.get_offset() == offset


@pytest.mark.parametrize("lims", list(AUTO) + list(MINOR))
def test_labels_distinct(lims):
    for loc in (AutoLocator(), MaxNLocator(5), AutoMinorLocator()):
        ticks = visible(loc.tick_values(*lims), *lims)
        labels = ScalarFormatter().format_ticks(ticks, *lims)
        assert len(set(labels)) == len(labels), (lims, labels)


def test_scalar_offset_and_scientific():
    f = ScalarFormatter()
    ticks = visible(AutoLocator().tick_values(1.7e9, 1.7e9 + 1), 1.7e9, 1.7e9 + 1)
    assert f.format_ticks(ticks, 1.7e9, 1.7e9 + 1) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]
    assert f.get_offset() == "+1.7e9"
    ticks = visible(AutoLocator().tick_values(1e-7, 5e-7), 1e-7, 5e-7)
    assert f.format_ticks(ticks, 1e-7, 5e-7)[:3] == ["1.0", "1.5", "2.0"]
    assert f.get_offset() == f"1e{M}7"
    # no offset when asked not to; a fixed offset when given one
    g = ScalarFormatter(useOffset=False)
    assert g.format_ticks([12345, 12346], 12345, 12346) == ["12345", "12346"]
    assert g.get_offset() == ""
    g = ScalarFormatter(useOffset=12000)
    assert g.format_ticks([12345, 12346], 12345, 12346) == ["345", "346"]
    assert g.get_offset() == "+1.2e4"
    # mathtext offset text
    m = ScalarFormatter(useMathText=True)
    m.format_ticks(ticks, 1e-7, 5e-7)
    assert m.get_offset() == r"$\times10^{-7}$"
    m.format_ticks([1.7e9, 1.7e9 + 0.5, 1.7e9 + 1], 1.7e9, 1.7e9 + 1)
    assert m.get_offset() == r"$+1.7\times10^{9}$"


def test_scalar_formatter_minus_and_edge_cases():
    f = ScalarFormatter()
    assert f.format_ticks([-1, 0, 1]) == [f"{M}1", "0", "1"]
    assert f.format_ticks([]) == [] and f.get_offset() == ""
    assert f.format_ticks([np.nan, 1.0, 2.0]) == ["", "1", "2"]
    assert f.format_ticks([0.1 + 0.2, 0.6]) == ["0.3", "0.6"]  # round-off hidden
    labels = f.format_ticks([1.0, 1.0 + 1e-9, 1.0 + 2e-9], 1.0, 1.0 + 2e-9)
    assert len(set(labels)) == 3


# ---------------------------------------------------------------------- log formatters


def test_log_formatter_sci_notation():
    f = LogFormatterSciNotation()
    t = LogLocator().tick_values(1, 1e6)
    assert f.format_ticks(t, 1, 1e6) == [f"$10^{{{e}}}$" for e in range(-1, 8)]
    assert f.format_ticks([0.5, 2, 3e-5], 0.5, 3) == [
        r"$5\times10^{-1}$", r"$2\times10^{0}$", r"$3\times10^{-5}$"]
    assert f.format_ticks([-100, 0], -100, 0) == ["$-10^{2}$", "$0$"]
    # matplotlib's minor-label thinning, when asked for
    g = LogFormatterSciNotation(minor_thresholds=(1, 0.4))
    labels = g.format_ticks(LogLocator(subs="auto").tick_values(1, 100), 1, 100)
    assert set(labels) == {""}  # two decades: minor ticks unlabelled
    labels = g.format_ticks([2, 3, 5, 6], 1.5, 8)
    assert labels == [r"$2\times10^{0}$", r"$3\times10^{0}$", "", r"$6\times10^{0}$"]


def test_log_formatter_plain():
    f = LogFormatter()
    assert f.format_ticks([0.01, 1, 10, 1000, 1e5], 0.01, 1e5) == [
        f"1e{M}02", "1", "10", "1000", "1e+05"]
    assert LogFormatter(labelOnlyBase=True).format_ticks([2, 10], 1, 100) == ["", "10"]


# --------------------------------------------------------------------- other formatters


def test_simple_formatters():
    assert StrMethodFormatter("{x:.2f}").format_ticks([-1.5, 2]) == [f"{M}1.50", "2.00"]
    assert StrMethodFormatter("{x:.0f}-{pos}").format_ticks([1, 2]) == ["1-0", "2-1"]
    assert FormatStrFormatter("%.2f").format_ticks([-1.5]) == ["-1.50"]
    assert FuncFormatter(lambda x, pos: f"<{x:g}>").format_ticks([1, 2]) == ["<1>", "<2>"]
    assert FixedFormatter(["a", "b"]).format_ticks([1, 2, 3]) == ["a", "b", ""]
    assert NullFormatter().format_ticks([1, 2]) == ["", ""]


def test_percent_formatter():
    assert PercentFormatter(xmax=1).format_ticks([0, 0.25, 0.5], 0, 1) == ["0%", "25%", "50%"]
    assert PercentFormatter(xmax=1).format_ticks([0, 0.005, 0.01], 0, 0.01) == [
        "0.00%", "0.50%", "1.00%"]
    assert PercentFormatter(decimals=1, symbol=None).format_ticks([-12.34]) == [f"{M}12.3"]


def test_eng_formatter():
    e = EngFormatter(unit="Hz")
    assert e.format_ticks([0, 1500, 4.7e-6, -2.2e9, 999.9996, 1]) == [
        "0 Hz", "1.5 kHz", "4.7 \N{MICRO SIGN}Hz", f"{M}2.2 GHz", "1 kHz", "1 Hz"]
    assert EngFormatter(places=1).format_ticks([0, 1500, 4.7e-6, -2.2e9]) == [
        "0.0", "1.5 k", "4.7 \N{MICRO SIGN}", f"{M}2.2 G"]


# ----------------------------------------------------------------------------- dates


def test_date2num_num2date():
    assert date2num(np.datetime64("2024-03-05T12:00")) == 19787.5
    assert date2num(np.datetime64("1900-01-01")) == -25567.0
    assert date2num(dt.datetime(2024, 3, 5, 12)) == 19787.5
    aware = dt.datetime(2024, 3, 5, 13, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert date2num(aware) == 19787.5
    assert date2num(dt.date(1970, 1, 2)) == 1.0
    assert date2num("2024-03-05T12:00") == 19787.5
    a = date2num(np.array(["2024-03-05T12:30:15.25", "NaT"], dtype="datetime64[ns]"))
    assert a[0] == pytest.approx(19787 + (12.5 * 3600 + 15.25) / 86400, rel=0, abs=1e-11)
    assert np.isnan(a[1])
    assert date2num(np.array(["2024-03", "1970-02"], dtype="datetime64[M]")).tolist() == [
        19783.0, 31.0]
    assert date2num([dt.datetime(1970, 1, 1, 6), None]).tolist()[0] == 0.25
    assert date2num(np.array([1.5, 2.5])).tolist() == [1.5, 2.5]  # already numbers
    x = np.datetime64("2024-03-05T12:30:15.250123")
    assert num2date(date2num(x)) == x
    assert np.isnat(num2date(np.nan))
    assert num2date([0.0, 1.5]).tolist() == [dt.datetime(1970, 1, 1), dt.datetime(1970, 1, 2, 12)]
    with pytest.raises(TypeError, match="date2num"):
        date2num(object())


@pytest.mark.parametrize("span", list(DATES))
def test_auto_date_locator_and_formatters_match_matplotlib(span):
    iso, concise, offset, auto = DATES[span]
    lo, hi = (date2num(np.datetime64(s)) for s in span)
    loc = AutoDateLocator()
    ticks = visible(loc.tick_values(lo, hi), lo, hi)
    assert [str(t) for t in num2date(ticks)] == iso
    f = ConciseDateFormatter(loc)
    assert f.format_ticks(ticks) == concise
    assert f.get_offset() == offset
    assert AutoDateFormatter(loc).format_ticks(ticks) == auto
    assert len(set(auto)) == len(auto)
    assert all(a != b for a, b in zip(concise, concise[1:], strict=False))  # neighbours differ


def test_date_units():
    def unit(a, b):
        loc = AutoDateLocator()
        loc.tick_values(date2num(np.datetime64(a)), date2num(np.datetime64(b)))
        return loc.get_unit()

    assert unit("2014-01-01", "2024-01-01") == 365.0
    assert unit("2024-01-01", "2024-09-01") == 30.0
    assert unit("2024-03-05", "2024-03-10") == 1.0
    assert unit("2024-03-05T09", "2024-03-05T15") == 1 / 24
    assert unit("2024-03-05T12:25", "2024-03-05T12:35") == 1 / 1440
    assert unit("2024-03-05T12:25", "2024-03-05T12:25:30") == 1 / 86400
    assert unit("2024-03-05T12:25", "2024-03-05T12:25:00.005") == 1 / 86400e6


def test_date_steps_are_calendar_aligned():
    def ticks(a, b):
        lo, hi = date2num(np.datetime64(a)), date2num(np.datetime64(b))
        return num2date(visible(AutoDateLocator().tick_values(lo, hi), lo, hi))

    t = ticks("2020-02-17", "2022-05-03")  # 3-month steps: Jan, Apr, Jul, Oct
    assert {int(str(x)[5:7]) for x in t} <= {1, 4, 7, 10}
    assert all(str(x)[8:] == "01T00:00:00.000000" for x in t)
    t = ticks("2024-03-05T01:17", "2024-03-06T08:43")  # 3-hour steps from midnight
    assert [int(str(x)[11:13]) for x in t] == [3, 6, 9, 12, 15, 18, 21, 0, 3, 6]
    assert all(str(x)[14:] == "00:00.000000" for x in t)
    t = ticks("1890-01-01", "2090-01-01")  # 20-year steps, before the epoch too
    assert [str(x)[:4] for x in t] == [str(y) for y in range(1900, 2081, 20)]
    t = ticks("2024-03-05T12:30:00", "2024-03-05T12:40:00.5")  # minutes
    assert all(str(x).endswith(":00.000000") for x in t)


def test_concise_formatter_levels():
    f = ConciseDateFormatter(AutoDateLocator())
    days = date2num(np.array(["2023-12-30", "2024-01-01", "2024-01-03"], "datetime64[D]"))
    assert f.format_ticks(days) == ["30", "Jan", "03"]
    assert f.get_offset() == "2024-Jan"
    assert f.format_ticks(days, days[-1], days[0]) and f.get_offset() == "2023-Dec"
    years = date2num(np.array(["2020", "2030", "2040"], "datetime64[Y]"))
    assert f.format_ticks(years) == ["2020", "2030", "2040"] and f.get_offset() == ""
    assert f.format_ticks([np.nan]) == [""]


def test_strftime_subset():
    x = date2num(np.datetime64("2024-03-05T14:07:09.012345"))
    assert dates.strftime(x, "%Y-%m-%d %H:%M:%S.%f %b %B %a %A %j %y %I%p %%") == [
        "2024-03-05 14:07:09.012345 Mar March Tue Tuesday 065 24 02PM %"]
    assert dates.strftime(date2num(np.datetime64("-0044-03-15")), "%Y-%m-%d") == [
        "-44-03-15"]
    with pytest.raises(ValueError, match="%Q"):
        dates.strftime(0.0, "%Q")


