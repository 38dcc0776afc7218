"""The report as a PDF (reportlab), from the stored figures: charts are redrawn by matplotlib as PNG.

Labels are in the active language (the organiser's); the summary is given in every site language.
"""

from __future__ import annotations

import io
from html import escape

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from accounts.languages import language_choices
from webinar.reports import charts
from webinar.reports.text import duration, local_datetime, percent, summary_render

BRAND = colors.HexColor("#0b6e4f")


def _table(rows: list[list], widths=None) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, BRAND),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#dde1e8")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _chart(figure, width_mm: float = 170) -> Image:
    png = charts.to_png(figure)
    image = Image(io.BytesIO(png))
    ratio = image.imageHeight / image.imageWidth
    image.drawWidth = width_mm * mm
    image.drawHeight = width_mm * mm * ratio
    return image


def report_pdf(*, data: dict) -> bytes:
    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["Normal"]
    a, q, t = data["attendance"], data["questions"], data["themes"]
    tz = data["webinar"]["timezone"]
    story = [
        Paragraph(escape(data["webinar"]["title"]), styles["Title"]),
        Paragraph(
            escape(_("Report generated %(when)s") % {"when": local_datetime(data.get("generated_at"), tz)}),
            small,
        ),
        Spacer(1, 4 * mm),
        Paragraph(escape(_("Summary")), styles["Heading2"]),
    ]
    # The summary in every language Dewan speaks, each rendered from the stored codes.
    for language, label in language_choices():
        story.append(Paragraph(escape(label), styles["Heading4"]))
        with translation.override(language):
            for statement in summary_render(data["summary"]):
                cites = ", ".join(escape(c["label"]) for c in statement["cites"])
                story.append(
                    Paragraph(f"{escape(statement['text'])} <font color='#5b6475'>{cites}</font>", body)
                )
    story += [
        Paragraph(escape(_("Attendance")), styles["Heading2"]),
        _table(
            [
                [
                    _("Registered"),
                    _("Attended"),
                    _("Conversion"),
                    _("Unique viewers"),
                    _("Peak"),
                    _("Median watch time"),
                    _("Average watch time"),
                ],
                [
                    a["registered"],
                    a["attended"],
                    percent(a["conversion"]),
                    a["unique_attendees"],
                    a["peak_concurrency"],
                    duration(a["watch_median_seconds"]),
                    duration(a["watch_mean_seconds"]),
                ],
            ]
        ),
        Spacer(1, 3 * mm),
        _chart(charts.concurrency(data, tz=tz)),
        _chart(charts.joins_leaves(data)),
        _chart(charts.languages(data), width_mm=120),
        Paragraph(escape(_("Questions")), styles["Heading2"]),
        _table(
            [
                [
                    _("Asked"),
                    _("Published"),
                    _("Held"),
                    _("Blocked"),
                    _("Rejected"),
                    _("Answered"),
                    _("Merged"),
                    _("Host overrides"),
                ],
                [
                    q["asked"],
                    q["published"],
                    q["held"],
                    q["blocked"],
                    q["rejected"],
                    q["answered"],
                    q["merged"],
                    q["overrides"],
                ],
            ]
        ),
        Paragraph(
            escape(
                _("Median time to moderation %(moderation)s; to answer %(answer)s.")
                % {
                    "moderation": duration(q["moderation_median_seconds"]),
                    "answer": duration(q["answer_median_seconds"]),
                }
            ),
            body,
        ),
        Paragraph(escape(_("Top questions by votes")), styles["Heading3"]),
        _table(
            [["#", _("Votes"), _("Answered"), _("Question")]]
            + [
                [
                    f"Q{row['id']}",
                    row["vote_count"],
                    _("yes") if row["answered_at"] else _("no"),
                    Paragraph(escape(row["text"]), small),
                ]
                for row in q["top"]
            ],
            widths=[18 * mm, 14 * mm, 18 * mm, 120 * mm],
        ),
        Paragraph(escape(_("Themes")), styles["Heading3"]),
        _table(
            [[_("Key phrase"), _("Questions"), _("Votes"), _("Examples")]]
            + [
                [
                    theme["phrase"],
                    theme["questions"],
                    theme["votes"],
                    " ".join(f"Q{i}" for i in theme["examples"]),
                ]
                for theme in t["themes"]
            ]
        ),
    ]
    if q["categories"]:
        story += [Spacer(1, 3 * mm), _chart(charts.categories(data), width_mm=130)]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=data["webinar"]["title"], author="Dewan")
    doc.build(story)
    return buffer.getvalue()
