"""matplotlib's statistics plots: ``boxplot``/``bxp``, ``violinplot``/``violin`` and
``ecdf``, with the numbers behind them (:func:`boxplot_stats`, :func:`violin_stats` with
matplotlib's Gaussian KDE) computed as matplotlib computes them.

Boxes, whiskers, caps, medians, means and fliers are :class:`Line2D` (boxes are
:class:`PathPatch` with ``patch_artist=True``); violin bodies are fills and their
extrema line collections, so every piece has matplotlib's accessors and styles.
Missing data (NaN, inf, masked) is left out of the statistics.
"""

from __future__ import annotations

from numbers import Real

import numpy as np

from .artists import accepts_rasterized
from .lines import Line2D
from .patch_base import PathPatch
from .plot_args import check_choice, reshape_2d
from .style import rcParams

# matplotlib's boxplot.* rcParams (lumos's rcParams may name them to change them)
_BOX_RC = {
    "box": {"color": "black", "linewidth": 1.0, "linestyle": "-"},
    "whisker": {"color": "black", "linewidth": 1.0, "linestyle": "-"},
    "cap": {"color": "black", "linewidth": 1.0, "linestyle": "-"},
    # medians and mean lines end at the box's edges (butt), as matplotlib's bxp
    "median": {"color": "C1", "linewidth": 1.0, "linestyle": "-", "solid_capstyle": "butt",
               "dash_capstyle": "butt"},
    "mean": {"color": "C2", "marker": "^", "markerfacecolor": "C2", "markeredgecolor": "C2",
             "markersize": 6.0, "linestyle": "--", "linewidth": 1.0, "solid_capstyle": "butt",
             "dash_capstyle": "butt"},
    "flier": {"color": "black", "marker": "o", "markerfacecolor": "none",
              "markeredgecolor": "black", "markeredgewidth": 1.0, "markersize": 6.0,
              "linestyle": "none", "linewidth": 1.0},
}


def _finite(x, argument: str) -> np.ndarray:
    """The finite values of one dataset (masked, NaN and inf left out), as floats."""
    if np.ma.isMaskedArray(x):
        x = x.compressed()
    arr = np.asarray(x)
    if arr.dtype.kind not in "biuf":
        try:
            arr = arr.astype(float)
        except (TypeError, ValueError):
            raise TypeError(f"{argument}: got {arr.dtype} values, expected numbers") from None
    arr = arr.astype(float).ravel()
    return arr[np.isfinite(arr)]


def _datasets(X, argument: str) -> list[np.ndarray]:
    data = reshape_2d(X, argument)
    return [_finite(x, f"{argument}[{i}]" if len(data) > 1 else argument)
            for i, x in enumerate(data)]


def boxplot_stats(X, whis=1.5, bootstrap=None, labels=None,
                  autorange: bool = False) -> list[dict]:
    """matplotlib's ``cbook.boxplot_stats``: per dataset mean, med, q1, q3, iqr, cilo,
    cihi (notch), whislo, whishi and fliers (and label when given)."""
    data = _datasets(X, "x")
    if labels is not None and len(labels) != len(data):
        raise ValueError(f"tick_labels: got {len(labels)} labels for {len(data)} datasets")
    if isinstance(whis, str) or not (isinstance(whis, Real) or (
            np.iterable(whis) and len(whis) == 2)):
        raise ValueError(f"whis: got {whis!r}, expected a number or (low, high) "
                         "percentiles")
    out = []
    for i, x in enumerate(data):
        stats: dict = {}
        if labels is not None:
            stats["label"] = labels[i]
        out.append(stats)
        if len(x) == 0:
            stats.update(fliers=np.array([]), mean=np.nan, med=np.nan, q1=np.nan, q3=np.nan,
                         iqr=np.nan, cilo=np.nan, cihi=np.nan, whislo=np.nan,
                         whishi=np.nan)
            continue
        stats["mean"] = float(np.mean(x))
        q1, med, q3 = np.percentile(x, [25, 50, 75])
        iqr = q3 - q1
        w = (0, 100) if iqr == 0 and autorange else whis
        if bootstrap is not None:
            rng = np.random.default_rng()
            boot = x[rng.integers(len(x), size=(int(bootstrap), len(x)))]
            cilo, cihi = np.percentile(np.median(boot, axis=1), [2.5, 97.5])
        else:
            cilo = med - 1.57 * iqr / np.sqrt(len(x))
            cihi = med + 1.57 * iqr / np.sqrt(len(x))
        if np.iterable(w):
            loval, hival = np.percentile(x, w)
        else:
            loval, hival = q1 - w * iqr, q3 + w * iqr
        hi = x[x <= hival]
        whishi = q3 if len(hi) == 0 or hi.max() < q3 else hi.max()
        lo = x[x >= loval]
        whislo = q1 if len(lo) == 0 or lo.min() > q1 else lo.min()
        stats.update(iqr=float(iqr), cilo=float(cilo), cihi=float(cihi),
                     whislo=float(whislo), whishi=float(whishi), q1=float(q1),
                     med=float(med), q3=float(q3),
                     fliers=np.concatenate([x[x < whislo], x[x > whishi]]))
    return out


def gaussian_kde(x: np.ndarray, coords: np.ndarray, bw_method=None) -> np.ndarray:
    """matplotlib's ``mlab.GaussianKDE(x, bw_method).evaluate(coords)`` in one dimension:
    ``bw_method`` 'scott' (default), 'silverman', a factor, or a callable of the KDE."""
    n = len(x)
    if n < 2:
        raise ValueError("bw_method: a density needs at least 2 values")
    if bw_method is None or (isinstance(bw_method, str) and bw_method == "scott"):
        factor = n ** (-1.0 / 5)
    elif isinstance(bw_method, str) and bw_method == "silverman":
        factor = (n * 3.0 / 4.0) ** (-1.0 / 5)
    elif isinstance(bw_method, Real) and not isinstance(bw_method, bool):
        factor = float(bw_method)
    elif callable(bw_method):
        factor = float(bw_method(_KDE(x)))
    else:
        raise ValueError(f"bw_method: got {bw_method!r}, expected 'scott', 'silverman', a "
                         "number or a callable")
    var = np.var(x, ddof=1) * factor ** 2
    out = np.zeros(len(coords))
    for i in range(0, len(coords), 256):  # bounded memory for long data
        d = coords[i:i + 256, None] - x[None, :]
        out[i:i + 256] = np.exp(-0.5 * d * d / var).sum(axis=1)
    return out / (np.sqrt(2 * np.pi * var) * n)


class _KDE:
    """What a ``bw_method`` callable may ask of the KDE (matplotlib's attributes)."""

    def __init__(self, x: np.ndarray) -> None:
        self.dataset = np.atleast_2d(x)
        self.dim, self.num_dp = self.dataset.shape

    def scotts_factor(self) -> float:
        return float(self.num_dp ** (-1.0 / 5))

    def silverman_factor(self) -> float:
        return float((self.num_dp * 3.0 / 4.0) ** (-1.0 / 5))


def violin_stats(X, bw_method=None, points: int = 100, quantiles=None) -> list[dict]:
    """matplotlib's ``cbook.violin_stats`` with its Gaussian KDE: per dataset the density
    ``vals`` at ``coords`` (``points`` values from min to max), mean, median, min, max
    and ``quantiles``."""
    data = _datasets(X, "dataset")
    if quantiles is not None and len(quantiles):
        qs = reshape_2d(quantiles, "quantiles")
        if len(qs) != len(data):
            raise ValueError(f"quantiles: got {len(qs)} lists for {len(data)} datasets")
    else:
        qs = [[]] * len(data)
    out = []
    for x, q in zip(data, qs, strict=True):
        q = np.asarray(q, dtype=float)
        if np.any((q < 0) | (q > 1)):
            raise ValueError(f"quantiles: got {q.tolist()}, expected values in 0..1")
        if len(x) == 0:
            out.append({"vals": np.array([]), "coords": np.array([]), "mean": np.nan,
                        "median": np.nan, "min": np.nan, "max": np.nan,
                        "quantiles": np.array([])})
            continue
        coords = np.linspace(x.min(), x.max(), int(points))
        vals = (x[0] == coords).astype(float) if np.all(x == x[0]) else \
            gaussian_kde(x, coords, bw_method)
        out.append({"vals": vals, "coords": coords, "mean": float(np.mean(x)),
                    "median": float(np.median(x)), "min": float(x.min()),
                    "max": float(x.max()),
                    "quantiles": np.atleast_1d(np.percentile(x, 100 * q)) if q.size
                    else np.array([])})
    return out


class _MedianLine(Line2D):
    """A box's median line: it keeps half a unit of room either side of its box along
    the positions axis and stops the margins there (matplotlib's sticky edges)."""

    def __init__(self, axes, x, y, room: tuple[float, float], along: int, **kwargs) -> None:
        super().__init__(axes, x, y, **kwargs)
        self._room = room
        self._along = along
        edges = np.array(room, dtype=float)
        self.sticky = (edges, np.zeros(0)) if along == 0 else (np.zeros(0), edges)

    def data_limits(self):
        lim = super().data_limits()
        if lim is None:
            return None
        lim = list(lim)
        lo, hi = lim[self._along]
        lim[self._along] = (min(lo, self._room[0]), max(hi, self._room[1]))
        return tuple(lim)


def _orientation(vert, orientation: str) -> str:
    if vert is not None:
        orientation = "vertical" if vert else "horizontal"
    check_choice(orientation, "orientation", ("vertical", "horizontal"))
    return orientation


def _per_item(value, n: int, argument: str) -> list:
    """One value per box/violin from a number or a sequence of n."""
    if value is None or np.isscalar(value):
        return [value] * n
    value = list(value)
    if len(value) != n:
        raise ValueError(f"{argument}: got {len(value)} values for {n} datasets")
    return value


def _props(kind: str, explicit, zorder: float, marker: bool = True) -> dict:
    from .axes_plotting import _normalize_kwargs

    d = {k: rcParams.get(f"boxplot.{kind}props.{k}", v) for k, v in _BOX_RC[kind].items()}
    d["zorder"] = zorder
    if not marker:
        d["marker"] = None
    if explicit is not None and not isinstance(explicit, dict):
        raise TypeError(f"{kind}props: got {type(explicit).__name__}, expected a dict")
    d.update(_normalize_kwargs(dict(explicit or {})))
    return d


class StatsMixin:
    """``boxplot``, ``bxp``, ``violinplot``, ``violin`` and ``ecdf`` of Axes."""

    @accepts_rasterized
    def boxplot(self, x, notch=None, sym=None, vert=None, orientation: str = "vertical",
                whis=None, positions=None, widths=None, patch_artist=None, bootstrap=None,
                usermedians=None, conf_intervals=None, meanline=None, showmeans=None,
                showcaps=None, showbox=None, showfliers=None, boxprops=None,
                tick_labels=None, flierprops=None, medianprops=None, meanprops=None,
                capprops=None, whiskerprops=None, manage_ticks: bool = True,
                autorange: bool = False, zorder=None, capwidths=None, label=None,
                labels=None) -> dict:
        """Box and whisker plots of each dataset (a 1-D array, the columns of a 2-D one,
        or a list of arrays): boxes from Q1 to Q3, a line at the median, whiskers to the
        farthest point within ``whis`` × IQR (or at percentiles ``whis=(lo, hi)``) and
        fliers beyond. Returns matplotlib's dict of artists (whiskers, caps, boxes,
        medians, fliers, means)."""
        if labels is not None:
            if tick_labels is not None:
                raise TypeError("boxplot: got labels and tick_labels, expected one")
            tick_labels = labels
        whis = rcParams.get("boxplot.whiskers", 1.5) if whis is None else whis
        stats = boxplot_stats(x, whis=whis, bootstrap=bootstrap, labels=tick_labels,
                              autorange=autorange)
        flierprops = dict(flierprops or {})
        if sym is not None:
            if sym == "":
                flierprops = {"linestyle": "none", "marker": "", "color": "none"}
                showfliers = False
            else:
                from .axes_plotting import parse_fmt

                style = parse_fmt(sym)
                if style.get("marker") is not None:
                    flierprops["marker"] = style["marker"]
                if style.get("color") is not None:
                    flierprops.update(color=style["color"], markerfacecolor=style["color"],
                                      markeredgecolor=style["color"])
        if usermedians is not None:
            meds = list(np.ravel(usermedians)) if np.ndim(usermedians) else None
            if meds is None or len(meds) != len(stats):
                raise ValueError(f"usermedians: got {np.size(usermedians)} values for "
                                 f"{len(stats)} datasets")
            for s, m in zip(stats, meds, strict=True):
                if m is not None:
                    s["med"] = float(m)
        if conf_intervals is not None:
            if len(conf_intervals) != len(stats):
                raise ValueError(f"conf_intervals: got {len(conf_intervals)} intervals for "
                                 f"{len(stats)} datasets")
            for s, ci in zip(stats, conf_intervals, strict=True):
                if ci is not None:
                    if len(ci) != 2:
                        raise ValueError(f"conf_intervals: got {ci!r}, expected (low, high)")
                    s["cilo"] = s["cilo"] if ci[0] is None else float(ci[0])
                    s["cihi"] = s["cihi"] if ci[1] is None else float(ci[1])
        patch_artist = bool(rcParams.get("boxplot.patchartist", False) if patch_artist is None
                            else patch_artist)
        boxprops = dict(boxprops or {})
        if patch_artist:
            boxprops["linestyle"] = "solid"
            if "color" in boxprops:
                boxprops["edgecolor"] = boxprops.pop("color")

        def rc(value, key, default):
            return rcParams.get(f"boxplot.{key}", default) if value is None else value

        return self.bxp(stats, positions=positions, widths=widths, vert=vert,
                        orientation=orientation, patch_artist=patch_artist,
                        shownotches=rc(notch, "notch", False),
                        showmeans=rc(showmeans, "showmeans", False),
                        showcaps=rc(showcaps, "showcaps", True),
                        showbox=rc(showbox, "showbox", True),
                        showfliers=rc(showfliers, "showfliers", True),
                        boxprops=boxprops, whiskerprops=whiskerprops, flierprops=flierprops,
                        medianprops=medianprops, capprops=capprops, meanprops=meanprops,
                        meanline=rc(meanline, "meanline", False), manage_ticks=manage_ticks,
                        zorder=zorder, capwidths=capwidths, label=label)

    @accepts_rasterized
    def bxp(self, bxpstats, positions=None, widths=None, vert=None,
            orientation: str = "vertical", patch_artist: bool = False,
            shownotches: bool = False, showmeans: bool = False, showcaps: bool = True,
            showbox: bool = True, showfliers: bool = True, boxprops=None, whiskerprops=None,
            flierprops=None, medianprops=None, capprops=None, meanprops=None,
            meanline: bool = False, manage_ticks: bool = True, zorder=None, capwidths=None,
            label=None) -> dict:
        """Box plots from statistics (dicts with med, q1, q3, whislo, whishi and
        optionally mean, fliers, cilo, cihi, label), as :func:`boxplot_stats` gives."""
        orientation = _orientation(vert, orientation)
        vertical = orientation == "vertical"
        n = len(bxpstats)
        for i, s in enumerate(bxpstats):
            missing = [k for k in ("med", "q1", "q3", "whislo", "whishi") if k not in s]
            if missing:
                raise ValueError(f"bxpstats[{i}]: missing {missing}")
        if positions is None:
            positions = list(range(1, n + 1))
        elif len(positions) != n:
            raise ValueError(f"positions: got {len(positions)} positions for {n} datasets")
        if not all(isinstance(p, Real) for p in positions):
            raise TypeError(f"positions: got {list(positions)!r}, expected numbers")
        pos = np.asarray(positions, dtype=float)
        if widths is None:
            widths = [float(np.clip(0.15 * np.ptp(pos), 0.15, 0.5))] * n if n else []
        widths = [float(w) for w in _per_item(widths, n, "widths")]
        capwidths = [0.5 * w for w in widths] if capwidths is None else \
            [float(c) for c in _per_item(capwidths, n, "capwidths")]
        z = Line2D.zorder if zorder is None else float(zorder)
        if patch_artist:
            box_kw = {"linestyle": rcParams.get("boxplot.boxprops.linestyle", "-"),
                      "linewidth": rcParams.get("boxplot.boxprops.linewidth", 1.0),
                      "edgecolor": rcParams.get("boxplot.boxprops.color", "black"),
                      "facecolor": rcParams.get("patch.facecolor", "C0"), "zorder": z,
                      **(boxprops or {})}
            if "color" in box_kw:  # color names face and edge: it replaces both
                box_kw.pop("facecolor"), box_kw.pop("edgecolor")
        else:
            box_kw = _props("box", boxprops, z, marker=False)
        whisker_kw = _props("whisker", whiskerprops, z, marker=False)
        cap_kw = _props("cap", capprops, z, marker=False)
        flier_kw = _props("flier", flierprops, z)
        median_kw = _props("median", medianprops, z + 0.1, marker=False)
        mean_kw = _props("mean", meanprops, z + 0.1)
        removed = "marker" if meanline else "linestyle"
        if meanprops is None or removed not in meanprops:
            mean_kw[removed] = None if removed == "marker" else "None"
        out: dict = {k: [] for k in ("whiskers", "caps", "boxes", "medians", "fliers",
                                     "means")}

        def line(xs, ys, kw, cls=Line2D, **extra):
            xs, ys = (xs, ys) if vertical else (ys, xs)
            kw = {"label": "_nolegend_", **kw}
            return self._add_artist(cls(self, np.asarray(xs, float), np.asarray(ys, float),
                                        **extra, **kw), autoscale=False)

        for p, w, s, cw in zip(pos, widths, bxpstats, capwidths, strict=True):
            left, right = p - w / 2, p + w / 2
            if shownotches:
                nl, nr = p - w / 4, p + w / 4
                box_x = [left, right, right, nr, right, right, left, left, nl, left, left]
                box_y = [s["q1"], s["q1"], s["cilo"], s["med"], s["cihi"], s["q3"], s["q3"],
                         s["cihi"], s["med"], s["cilo"], s["q1"]]
                med_x = [nl, nr]
            else:
                box_x = [left, right, right, left, left]
                box_y = [s["q1"], s["q1"], s["q3"], s["q3"], s["q1"]]
                med_x = [left, right]
            if showbox:
                if patch_artist:
                    from ..path import Path

                    xy = np.c_[box_x, box_y] if vertical else np.c_[box_y, box_x]
                    patch = PathPatch(Path(xy, closed=True), **box_kw)
                    out["boxes"].append(self.add_artist(patch))
                else:
                    out["boxes"].append(line(box_x, box_y, box_kw))
            out["whiskers"].append(line([p, p], [s["q1"], s["whislo"]], whisker_kw))
            out["whiskers"].append(line([p, p], [s["q3"], s["whishi"]], whisker_kw))
            if showcaps:
                for end in ("whislo", "whishi"):
                    out["caps"].append(line([p - cw / 2, p + cw / 2], [s[end]] * 2, cap_kw))
            median = dict(median_kw)
            if manage_ticks:
                out["medians"].append(line(med_x, [s["med"]] * 2, median, _MedianLine,
                                           room=(p - 0.5, p + 0.5), along=0 if vertical
                                           else 1))
            else:
                out["medians"].append(line(med_x, [s["med"]] * 2, median))
            if showmeans and "mean" in s:
                if meanline:
                    out["means"].append(line([left, right], [s["mean"]] * 2, mean_kw))
                else:
                    out["means"].append(line([p], [s["mean"]], mean_kw))
            if showfliers:
                f = np.asarray(s.get("fliers", []), dtype=float)
                out["fliers"].append(line(np.full(len(f), p), f, flier_kw))
        if label is not None and label != "":
            labelled = out["boxes"] if showbox and patch_artist else out["medians"]
            if isinstance(label, str) or not np.iterable(label):
                if labelled:
                    labelled[0].set_label(label)
            else:
                if len(label) != len(labelled):
                    raise ValueError(f"label: got {len(label)} labels for {len(labelled)} "
                                     "boxes")
                for a, lab in zip(labelled, label, strict=True):
                    a.set_label(lab)
        self._autoscale()  # once for every box
        if manage_ticks and n:
            self._add_position_ticks(vertical, pos, [s.get("label", p) for s, p in
                                                     zip(bxpstats, positions, strict=True)])
        return out

    def _add_position_ticks(self, vertical: bool, positions, labels) -> None:
        """Ticks at the positions labelled with ``labels``, after those of earlier box
        plots (matplotlib extends a FixedLocator/FixedFormatter pair)."""
        from . import ticker

        axis = self.xaxis if vertical else self.yaxis
        locs, seq = [], []
        if isinstance(axis.major_locator, ticker.FixedLocator) and \
                isinstance(axis.major_formatter, ticker.FixedFormatter):
            locs, seq = list(axis.major_locator.locs), list(axis.major_formatter.seq)
        pairs = sorted(zip([*locs, *positions], [*seq, *[str(v) for v in labels]],
                           strict=False), key=lambda t: t[0])
        (self.set_xticks if vertical else self.set_yticks)([p for p, _ in pairs],
                                                           [lab for _, lab in pairs])

    @accepts_rasterized
    def violinplot(self, dataset, positions=None, vert=None,
                   orientation: str = "vertical", widths=0.5, showmeans: bool = False,
                   showextrema: bool = True, showmedians: bool = False, quantiles=None,
                   points: int = 100, bw_method=None, side: str = "both", facecolor=None,
                   linecolor=None) -> dict:
        """Violins: each dataset's Gaussian kernel density mirrored about its position,
        with lines at the extrema (and optionally means, medians, ``quantiles``).
        Returns matplotlib's dict (bodies, cmaxes, cmins, cbars, cmeans, cmedians,
        cquantiles)."""
        if isinstance(points, bool) or not isinstance(points, (int, np.integer)) or \
                points < 2:
            raise ValueError(f"points: got {points!r}, expected an integer >= 2")
        stats = violin_stats(dataset, bw_method=bw_method, points=int(points),
                             quantiles=quantiles)
        return self.violin(stats, positions=positions, vert=vert, orientation=orientation,
                           widths=widths, showmeans=showmeans, showextrema=showextrema,
                           showmedians=showmedians, side=side, facecolor=facecolor,
                           linecolor=linecolor)

    @accepts_rasterized
    def violin(self, vpstats, positions=None, vert=None, orientation: str = "vertical",
               widths=0.5, showmeans: bool = False, showextrema: bool = True,
               showmedians: bool = False, side: str = "both", facecolor=None,
               linecolor=None) -> dict:
        """Violins from statistics (dicts with coords, vals, mean, median, min, max and
        optionally quantiles), as :func:`violin_stats` gives."""
        from .collections import color_rows

        orientation = _orientation(vert, orientation)
        check_choice(side, "side", ("both", "low", "high"))
        n = len(vpstats)
        if positions is None:
            positions = list(range(1, n + 1))
        elif len(positions) != n:
            raise ValueError(f"positions: got {len(positions)} positions for {n} datasets")
        pos = np.asarray(positions, dtype=float)
        widths = np.asarray(_per_item(widths, n, "widths"), dtype=float)
        lo_end = -0.25 if side in ("both", "low") else 0.0
        hi_end = 0.25 if side in ("both", "high") else 0.0
        ends = (lo_end * widths + pos, hi_end * widths + pos)
        next_color = self._next_color() if facecolor is None or linecolor is None else None

        def cycle(c, argument):
            rows = color_rows(c, argument)
            return [tuple(rows[i % len(rows)]) if len(rows) else "none" for i in range(n)]

        faces = cycle(next_color if facecolor is None else facecolor, "facecolor")
        lines = cycle(next_color if linecolor is None else linecolor, "linecolor")
        body_alpha = 0.3 if facecolor is None else None
        vertical = orientation == "vertical"
        fill = self.fill_betweenx if vertical else self.fill_between
        perp = self.hlines if vertical else self.vlines
        par = self.vlines if vertical else self.hlines
        out: dict = {"bodies": []}
        for s, p, w, fc in zip(vpstats, pos, widths, faces, strict=True):
            vals = np.asarray(s["vals"], dtype=float)
            if len(vals):
                vals = 0.5 * w * vals / vals.max()
            lo = -vals + p if side in ("both", "low") else p
            hi = vals + p if side in ("both", "high") else p
            out["bodies"].append(fill(s["coords"], lo, hi, facecolor=fc, alpha=body_alpha))
        if showmeans:
            out["cmeans"] = perp([s["mean"] for s in vpstats], *ends, colors=lines)
        if showextrema:
            out["cmaxes"] = perp([s["max"] for s in vpstats], *ends, colors=lines)
            out["cmins"] = perp([s["min"] for s in vpstats], *ends, colors=lines)
            out["cbars"] = par(pos, [s["min"] for s in vpstats], [s["max"] for s in vpstats],
                               colors=lines)
        if showmedians:
            out["cmedians"] = perp([s["median"] for s in vpstats], *ends, colors=lines)
        qlens = [len(s.get("quantiles", [])) for s in vpstats]
        if sum(qlens):
            qs = np.concatenate([np.asarray(s.get("quantiles", []), dtype=float)
                                 for s in vpstats])
            qcolors = [c for c, k in zip(lines, qlens, strict=True) for _ in range(k)]
            out["cquantiles"] = perp(qs, np.repeat(ends[0], qlens), np.repeat(ends[1], qlens),
                                     colors=qcolors)
        return out

    @accepts_rasterized
    def ecdf(self, x, weights=None, *, complementary: bool = False,
             orientation: str = "vertical", compress: bool = False, **kwargs) -> Line2D:
        """The empirical cumulative distribution of ``x`` as a step line from 0 to 1
        (``complementary``: from 1 to 0). NaN and masked values are an error, as in
        matplotlib (drop them, or make them -inf/inf to sort them first/last)."""
        check_choice(orientation, "orientation", ("vertical", "horizontal"))
        if "drawstyle" in kwargs or "ds" in kwargs:
            raise TypeError("ecdf: cannot pass 'drawstyle' or 'ds'")
        if np.ma.getmask(x).any():
            raise ValueError("x: masked values are not supported (drop them first)")
        xv = np.asarray(x)
        if xv.dtype.kind not in "biuf":
            raise TypeError(f"x: got {xv.dtype} values, expected numbers")
        xv = xv.astype(float).ravel()
        if np.isnan(xv).any():
            raise ValueError("x: NaN values are not supported (drop them first)")
        if not len(xv):
            raise ValueError("x: got no values")
        order = np.argsort(xv)
        xv = xv[order]
        if weights is None:
            cum = (1 + np.arange(len(xv))) / len(xv)  # ends at exactly 1
        else:
            w = np.asarray(weights, dtype=float).ravel()
            if len(w) != len(order):
                raise ValueError(f"x and weights must have the same length: got {len(order)} "
                                 f"and {len(w)}")
            w = w[order]
            cum = np.cumsum(w / np.sum(w))
        if compress:
            idx = np.r_[0, np.flatnonzero(xv[:-1] != xv[1:]) + 1]
            xv, cum = xv[idx], cum[idx]
        if orientation == "vertical":
            if not complementary:
                line = self.plot(np.r_[xv[0], xv], np.r_[0, cum], drawstyle="steps-post",
                                 **kwargs)[0]
            else:
                line = self.plot(np.r_[xv, xv[-1]], np.r_[1, 1 - cum], drawstyle="steps-pre",
                                 **kwargs)[0]
            line.sticky = (np.zeros(0), np.array([0.0, 1.0]))
        else:
            if not complementary:
                line = self.plot(np.r_[0, cum], np.r_[xv[0], xv], drawstyle="steps-pre",
                                 **kwargs)[0]
            else:
                line = self.plot(np.r_[1, 1 - cum], np.r_[xv, xv[-1]], drawstyle="steps-post",
                                 **kwargs)[0]
            line.sticky = (np.array([0.0, 1.0]), np.zeros(0))
        return line


__all__ = ["StatsMixin", "boxplot_stats", "gaussian_kde", "violin_stats"]
