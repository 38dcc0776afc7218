"""The organiser's live dashboard and post-event report (being built: issues 5 and 6)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from webinar import selectors
from webinar.models import Webinar


def _organised(request, slug):
    webinar = get_object_or_404(Webinar, slug=slug)
    if not selectors.can_organise(user=request.user, webinar=webinar):
        raise Http404
    return webinar


@login_required
def dashboard(request, slug: str):
    return render(request, "webinar/organiser/placeholder.html", {"webinar": _organised(request, slug)})


@login_required
def report(request, slug: str):
    return render(request, "webinar/organiser/placeholder.html", {"webinar": _organised(request, slug)})
