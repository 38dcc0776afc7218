"""Organiser and host pages for live polls: prepare them before the event, see results, export CSV.

Launching and closing happen on the host console over the websocket (or ``/w/<slug>/host/command/``).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from webinar import selectors as webinar_selectors
from webinar.campaigns import exports, selectors
from webinar.campaigns.forms import PollForm
from webinar.campaigns.services import polls as poll_services
from webinar.exceptions import DewanError
from webinar.models import Webinar


def _hosted(request, slug: str) -> Webinar:
    webinar = get_object_or_404(Webinar, slug=slug)
    if not webinar_selectors.can_moderate(user=request.user, webinar=webinar):
        raise Http404
    return webinar


@login_required
@require_http_methods(["GET", "POST"])
def poll_manage(request, slug: str):
    """The webinar's polls with their results, and the form that prepares one (before the event)."""
    webinar = _hosted(request, slug)
    form = PollForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            poll_services.poll_create(actor=request.user, webinar_id=webinar.pk, **form.service_fields())
        except DewanError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Poll prepared. Launch it from the host console during the event."))
            return redirect("campaigns:polls", slug=slug)
    context = {
        "webinar": webinar,
        "form": form,
        "can_prepare": webinar.status in poll_services.PREPARABLE,
        "polls": selectors.polls_with_results(webinar_id=webinar.pk),
    }
    return render(request, "campaigns/organiser/polls.html", context)


@login_required
def polls_csv(request, slug: str):
    """Every poll's results as CSV (``exports.polls_csv``)."""
    webinar = _hosted(request, slug)
    response = StreamingHttpResponse(exports.polls_csv(webinar_id=webinar.pk), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{webinar.slug}-polls.csv"'
    return response
