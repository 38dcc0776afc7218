"""The organiser's live dashboard and post-event report (being built: issues 5 and 6)."""

import base64

from asgiref.sync import async_to_sync
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.languages import language_supported
from realtime.presence import get_presence_store
from webinar import selectors
from webinar.exceptions import DewanError
from webinar.http import csv_download
from webinar.labels import LANGUAGE_LABELS, category_label, language_label
from webinar.models import Report, Webinar
from webinar.reports import exports, queries
from webinar.reports.text import clock, duration, percent, screening_sentence, summary_render, zone_label
from webinar.selectors import attendance as selectors_attendance
from webinar.services import summaries


def _organised(request, slug):
    webinar = get_object_or_404(Webinar, slug=slug)
    if not selectors.can_organise(user=request.user, webinar=webinar):
        raise Http404
    return webinar


def _dashboard_data(webinar: Webinar) -> dict:
    figures = selectors_attendance.attendance_figures(webinar=webinar)
    return {
        "live": selectors_attendance.live_audience(
            webinar=webinar, present=async_to_sync(get_presence_store().present)(webinar.pk)
        ),
        "status": webinar.status,
        "figures": figures,
        "timeline": selectors_attendance.attendance_timeline(webinar=webinar),
        # Durations formatted here, as in the report, so the page's script never formats one itself.
        "display": {
            f"figures.{name}": duration(figures[name]) for name in ("watch_seconds", "average_watch_seconds")
        },
    }


@login_required
def dashboard(request, slug: str):
    """The organiser's live dashboard: server-rendered, then refreshed from ``dashboard_data`` every 2 s."""
    webinar = _organised(request, slug)
    return render(
        request,
        "webinar/organiser/dashboard.html",
        {
            "webinar": webinar,
            "data": _dashboard_data(webinar),
            "attendees": selectors_attendance.attendance_by_attendee(webinar=webinar),
            "never_came": selectors_attendance.never_came(webinar=webinar),
            # The live "by language" line is redrawn by dashboard.js: it names languages with these.
            "language_names": {code: language_label(code) for code in LANGUAGE_LABELS},
            # A number (the sentence is singular or plural by it): whole seconds as an int ("15", not "15.0").
            "sample_seconds": _whole_if_whole(float(settings.DEWAN_ATTENDANCE_SAMPLE_SECONDS)),
        },
    )


@never_cache
@login_required
def dashboard_data(request, slug: str):
    return JsonResponse(_dashboard_data(_organised(request, slug)))


# --- the post-event report (issue 6) ------------------------------------------------------------------


def _report_display(data: dict) -> dict:
    """Figures in words for people, in the active language: local times, durations, category and
    language names, and the summary rendered from its stored codes. The numbers stay in ``data``."""
    tz = data["webinar"]["timezone"]
    a, q = data["attendance"], data["questions"]
    return {
        "peak_at": f"{clock(a['peak_at'], tz)} ({zone_label(tz)})" if a["peak_at"] else clock(None, tz),
        "conversion": percent(a["conversion"]),
        "watch_median": duration(a["watch_median_seconds"]),
        "watch_mean": duration(a["watch_mean_seconds"]),
        "moderation_median": duration(q["moderation_median_seconds"]),
        "answer_median": duration(q["answer_median_seconds"]),
        "categories": [
            {**row, "label": category_label(row["category"]), "percent": percent(row["share"])}
            for row in q["categories"]
        ],
        "languages": [{**row, "label": language_label(row["language"])} for row in a["languages"]],
        "screening": screening_sentence(
            stopped=q["stopped"], overrides=q["overrides"], hosts=q["override_hosts"]
        ),
        "summary": summary_render(data.get("summary", [])),
    }


def _reader_language() -> str:
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if language_supported(code) else settings.LANGUAGE_CODE


def _svg_data_uri(svg: str) -> str:
    from webinar.reports import charts  # matplotlib: imported on first use, not when the URLconf loads

    # As an <img>, the SVG cannot run script and its inline styles are outside the page's CSP.
    return "data:image/svg+xml;base64," + base64.b64encode(charts.svg_clean(svg).encode()).decode()


@login_required
def report(request, slug: str):
    webinar = _organised(request, slug)
    found = summaries.report_for(webinar=webinar)
    context = {"webinar": webinar, "report": found, "data": None}
    if found is not None and found.status == Report.Status.DONE:
        context.update(
            data=found.data,
            display=_report_display(found.data),
            charts={
                name: _svg_data_uri(svg)
                for name, svg in summaries.report_charts_for(
                    report=found, language=_reader_language()
                ).items()
            },
        )
    return render(request, "webinar/organiser/report.html", context)


@never_cache
@login_required
def report_status(request, slug: str):
    found = summaries.report_for(webinar=_organised(request, slug))
    if found is None:
        return JsonResponse({"status": None})
    return JsonResponse(
        {
            "status": found.status,
            "progress": found.progress,
            "stage": _(found.stage) if found.stage else "",
            "error": found.error,
            "attempts": found.attempts,
        }
    )


@login_required
@require_POST
def report_retry(request, slug: str):
    webinar = _organised(request, slug)
    try:
        summaries.report_request(webinar=webinar, actor=request.user)
    except DewanError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The report is being generated again."))
    return redirect("webinar:report", slug=slug)


@login_required
def report_attendance_csv(request, slug: str):
    webinar = _organised(request, slug)
    return csv_download(exports.attendance_csv(webinar=webinar), f"{webinar.slug}-attendance.csv")


@login_required
def report_questions_csv(request, slug: str):
    webinar = _organised(request, slug)
    return csv_download(exports.questions_csv(webinar=webinar), f"{webinar.slug}-questions.csv")


@login_required
def report_pdf(request, slug: str):
    webinar = _organised(request, slug)
    found = summaries.report_for(webinar=webinar)
    if found is None or found.status != Report.Status.DONE:
        raise Http404
    from webinar.reports import pdf  # reportlab and matplotlib: on first use

    response = HttpResponse(pdf.report_pdf(data=found.data), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{webinar.slug}-report.pdf"'
    return response


@login_required
def campaign(request):
    rows = queries.campaign_rows(user=request.user)
    chart = None
    if rows:
        from webinar.reports import charts  # matplotlib: on first use

        figure = charts.campaign(
            [{**row, "title": row["webinar"].shown_title} for row in rows[: charts.CAMPAIGN_MAX]][::-1]
        )
        chart = _svg_data_uri(charts.to_svg(figure))
    return render(
        request,
        "webinar/organiser/campaign.html",
        {
            "rows": [
                {
                    **row,
                    "attendance_pct": percent(row["attendance_rate"]),
                    "asker_pct": percent(row["asker_rate"]),
                }
                for row in rows
            ],
            "chart": chart,
        },
    )


def _whole_if_whole(value: float) -> int | float:
    """``15.0`` -> ``15``; ``0.5`` stays ``0.5`` (shown as the setting was written)."""
    return int(value) if value.is_integer() else value
