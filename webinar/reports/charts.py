"""Report charts drawn by matplotlib (Agg, no display): SVG for the page, PNG for the PDF.

The SVG that reaches a page is only ever produced here, from numbers and our own labels; ``svg_clean``
still strips the XML prologue and refuses anything scriptable, so nothing else can slip through.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import matplotlib
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from webinar.labels import category_label, language_label
from webinar.reports import text

matplotlib.use("Agg")
import matplotlib.dates as mdates
from matplotlib.figure import Figure

BRAND = "#0b6e4f"
ACCENT = "#b25e00"
MUTED = "#5b6475"
CAMPAIGN_MAX = 12  # webinars side by side in the chart; the table lists them all
_UNSAFE = re.compile(r"<script|<foreignObject|\son\w+\s*=|javascript:", re.IGNORECASE)

matplotlib.rcParams.update(
    {
        "svg.fonttype": "none",  # text stays text: smaller, selectable, escaped by matplotlib
        # Titles and labels are user input: "$...$" is never mathtext ("Save $$" would raise).
        "text.parse_math": False,
        "svg.hashsalt": "dewan",  # stable element ids, so the same data gives the same SVG
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": "#c4c9d2",
        "axes.titleweight": "bold",
    }
)


def _figure(width: float = 7.0, height: float = 2.8) -> Figure:
    fig = Figure(figsize=(width, height), dpi=100)
    fig.set_layout_engine("tight")
    return fig


def _parse(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def concurrency(data: dict, *, tz: str) -> Figure:
    fig = _figure()
    ax = fig.add_subplot()
    points = data["attendance"]["concurrency"]
    zone = ZoneInfo(tz)
    if points:
        times = [_parse(at).astimezone(zone) for at, _ in points]
        counts = [count for _, count in points]
        ax.plot(times, counts, color=BRAND, linewidth=1.6)
        ax.fill_between(times, counts, color=BRAND, alpha=0.12)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%H:%M", tz=zone))
        ax.set_xlabel(_("Time (%(zone)s)") % {"zone": text.zone_label(tz)})
        peak_at = data["attendance"]["peak_at"]
        if peak_at:
            ax.annotate(
                _("peak %(count)s") % {"count": data["attendance"]["peak_concurrency"]},
                (_parse(peak_at).astimezone(zone), data["attendance"]["peak_concurrency"]),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                color=MUTED,
            )
    ax.set_ylim(bottom=0)
    ax.set_ylabel(_("viewers"))
    ax.set_title(_("Concurrent viewers"))
    return fig


def joins_leaves(data: dict) -> Figure:
    fig = _figure()
    ax = fig.add_subplot()
    attendance = data["attendance"]
    minutes = attendance["bin_seconds"] / 60
    positions = [i * minutes for i in range(len(attendance["joins"]))]
    width = minutes * 0.4
    joined, left = _("joined"), _("left")
    ax.bar([p - width / 2 for p in positions], attendance["joins"], width=width, color=BRAND, label=joined)
    ax.bar([p + width / 2 for p in positions], attendance["leaves"], width=width, color=ACCENT, label=left)
    ax.set_xlabel(_("minutes from start"))
    ax.set_ylabel(_("sessions"))
    ax.set_title(_("Joins and leaves"))
    ax.legend(frameon=False)
    return fig


def _barh(labels: list[str], values: list[float], *, title: str, xlabel: str) -> Figure:
    fig = _figure(height=max(1.6, 0.35 * len(labels) + 0.9))
    ax = fig.add_subplot()
    ax.barh(labels[::-1], values[::-1], color=BRAND)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    return fig


def languages(data: dict) -> Figure:
    rows = data["attendance"]["languages"] or [{"language": "none", "viewers": 0}]
    return _barh(
        [language_label(row["language"]) for row in rows],
        [row["viewers"] for row in rows],
        title=_("Viewers by language"),
        xlabel=_("viewers"),
    )


def categories(data: dict) -> Figure:
    rows = data["questions"]["categories"] or [{"category": "none", "share": 0}]
    return _barh(
        [category_label(row["category"]) for row in rows],
        [round(100 * (row["share"] or 0), 1) for row in rows],
        title=_("Held or blocked questions by screening category"),
        xlabel=_("% of stopped questions"),
    )


def campaign(rows: list[dict]) -> Figure:
    fig = _figure(width=8, height=3.2)
    ax = fig.add_subplot()
    labels = [row["title"][:24] for row in rows]
    series = (
        ("registered", "#9ab8ad", _("registered")),
        ("attended", BRAND, _("attended")),
        ("asked", ACCENT, _("questions asked")),
    )
    width = 0.8 / len(series)
    for i, (key, colour, label) in enumerate(series):
        xs = [x + (i - 1) * width for x in range(len(rows))]
        ax.bar(xs, [row[key] for row in rows], width=width, color=colour, label=label)
    ax.set_xticks(range(len(rows)), labels, rotation=20, ha="right")
    ax.set_title(_("Registered → attended → asked"))
    ax.legend(frameon=False)
    return fig


REPORT_CHARTS = {
    "concurrency": lambda data, tz: concurrency(data, tz=tz),
    "joins_leaves": lambda data, tz: joins_leaves(data),
    "languages": lambda data, tz: languages(data),
    "categories": lambda data, tz: categories(data),
}


def svg_clean(svg: str) -> str:
    start = svg.find("<svg")
    if start < 0 or _UNSAFE.search(svg):
        raise ValueError("refusing an unexpected SVG")
    return svg[start:].strip()


def to_svg(fig: Figure) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return svg_clean(buffer.getvalue())


def to_png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=150)
    return buffer.getvalue()


ATTENDANCE_CHARTS = ("concurrency", "joins_leaves", "languages")  # drawn from data["attendance"] alone


def report_svgs(
    data: dict, *, tz: str, language: str | None = None, names: tuple[str, ...] | None = None
) -> dict[str, str]:
    """Every report chart (or those in ``names``) in ``language`` (default: the site's), keyed
    ``"<name>@<language>"`` plus ``<name>`` for the default language (what reports built before
    per-language charts stored).

    The build draws the default language only; another language is drawn the first time someone
    reads the report in it (``services.summaries.report_charts_for``), so ending a webinar stays fast.
    The build draws ``ATTENDANCE_CHARTS`` as soon as the attendance is counted, while the database
    still counts the questions: a chart depends only on its own part of ``data``.
    """
    language = language or settings.LANGUAGE_CODE
    drawing = {name: draw for name, draw in REPORT_CHARTS.items() if names is None or name in names}
    with translation.override(language):
        svgs = {f"{name}@{language}": to_svg(draw(data, tz)) for name, draw in drawing.items()}
    if language == settings.LANGUAGE_CODE:
        svgs.update({name: svgs[f"{name}@{language}"] for name in drawing})
    return svgs


def charts_for_language(stored: dict[str, str], language: str) -> dict[str, str]:
    """The stored charts a reader of ``language`` should see: ``{name: svg}``."""
    return {name: stored.get(f"{name}@{language}") or stored[name] for name in stored if "@" not in name}


def charts_missing(stored: dict[str, str], language: str) -> bool:
    """Whether the charts in ``language`` have not been drawn yet."""
    return any(f"{name}@{language}" not in stored for name in REPORT_CHARTS)
