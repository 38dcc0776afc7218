"""Organiser and host pages for live polls: prepare them before or during the event, edit them until
they are launched, see results, export CSV.

Launching and closing happen on the host console over the websocket (or ``/w/<slug>/host/command/``).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from webinar import selectors as webinar_selectors
from webinar.campaigns import exports, selectors
from webinar.campaigns.forms import PollForm
from webinar.campaigns.services import polls as poll_services
from webinar.exceptions import DewanError, InvalidState, NotFound
from webinar.http import csv_download
from webinar.models import Webinar


def _hosted(request, slug: str) -> Webinar:
    webinar = get_object_or_404(Webinar, slug=slug)
    if not webinar_selectors.can_moderate(user=request.user, webinar=webinar):
        raise Http404
    return webinar


def _back(request, slug: str):
    """After a change: back to the host console when the host came from it (``?from=host``), else the list."""
    if request.GET.get("from") == "host":
        return redirect("webinar:host", slug=slug)
    return redirect("campaigns:polls", slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def poll_manage(request, slug: str, poll_id: int | None = None):
    """The webinar's polls with their results, and the form that prepares one (before or during the
    event) or edits one that was not launched yet (``poll_id``). Deleting a draft: POST ``delete``. Opened
    from the host console (``?from=host``), a saved change goes back there, where the poll can be launched.

    A refused change (the poll was launched meanwhile: ``poll_launched``; the webinar ended) is shown on
    the form with its code and a 409 status, and nothing changes.
    """
    webinar = _hosted(request, slug)
    editing = None
    if poll_id is not None:
        editing = selectors.poll_get(webinar_id=webinar.pk, poll_id=poll_id)
        if editing is None:
            raise Http404
    initial = PollForm.initial_for(editing) if editing else None
    deleting = request.method == "POST" and editing is not None and bool(request.POST.get("delete"))
    form = PollForm(None if deleting else request.POST or None, initial=initial)
    refused: DewanError | None = None
    if deleting:
        try:
            poll_services.poll_delete(actor=request.user, webinar_id=webinar.pk, poll_id=editing.pk)
        except DewanError as exc:
            refused = exc
        else:
            messages.success(request, _("Poll deleted."))
            return _back(request, slug)
    elif request.method == "POST" and form.is_valid():
        try:
            if editing is None:
                poll_services.poll_create(actor=request.user, webinar_id=webinar.pk, **form.service_fields())
            else:
                poll_services.poll_update(
                    actor=request.user, webinar_id=webinar.pk, poll_id=editing.pk, **form.service_fields()
                )
        except (InvalidState, NotFound) as exc:  # the poll or the webinar moved on: not the form's fault
            refused = exc
        except DewanError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Poll saved. Launch it from the host console during the event."))
            return _back(request, slug)
    context = {
        "webinar": webinar,
        "form": form,
        "editing": editing,
        "refused": refused,
        "can_prepare": webinar.status in poll_services.PREPARABLE,
        "polls": selectors.polls_with_results(webinar_id=webinar.pk),
    }
    status = 409 if refused else 400 if form.errors else 200
    return render(request, "campaigns/organiser/polls.html", context, status=status)


@login_required
def polls_csv(request, slug: str):
    """Every poll's results as CSV (``exports.polls_csv``)."""
    webinar = _hosted(request, slug)
    return csv_download(exports.polls_csv(webinar_id=webinar.pk), f"{webinar.slug}-polls.csv")
