"""Campaign pages: public page, one-click registration, organiser's edit and people pages.

Views parse, authorise and render; the services in ``webinar/campaigns/services`` decide.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from webinar import selectors as webinar_selectors
from webinar.campaigns import selectors
from webinar.campaigns.forms import CampaignForm
from webinar.campaigns.models import Campaign
from webinar.campaigns.services import campaigns as campaign_services
from webinar.exceptions import DewanError
from webinar.models import Webinar


def _public_campaign(request, slug: str) -> Campaign:
    campaign = selectors.campaign_get(slug=slug)
    if campaign is None:
        raise Http404
    if not campaign.published and not selectors.can_manage_campaign(user=request.user, campaign=campaign):
        raise Http404
    return campaign


def _managed_campaign(request, slug: str) -> Campaign:
    campaign = get_object_or_404(Campaign, slug=slug)
    if not selectors.can_manage_campaign(user=request.user, campaign=campaign):
        raise Http404
    return campaign


def campaign_page(request, slug: str):
    """The public campaign page: live now, upcoming, ended with public figures, pledge and hub links."""
    campaign = _public_campaign(request, slug)
    known = selectors.campaign_known_registration(
        campaign=campaign, session=request.session, user=request.user
    )
    registered_ids = (
        selectors.campaign_registered_webinar_ids(campaign=campaign, email=known.email) if known else set()
    )
    context = {
        "campaign": campaign,
        "series": selectors.campaign_public_series(campaign=campaign),
        "partners": campaign.partners.all(),
        "known": known,
        "registered_ids": registered_ids,
        "can_manage": selectors.can_manage_campaign(user=request.user, campaign=campaign),
    }
    context.update(_extra_public_context(campaign))
    return render(request, "campaigns/page.html", context)


def _extra_public_context(campaign: Campaign) -> dict:
    """Sections added by the pledge, hub and transparency parts of the campaign page."""
    return {}


@require_POST
def register_one_click(request, slug: str, webinar_slug: str):
    """Register the known person for another webinar of the campaign with one click."""
    campaign = _public_campaign(request, slug)
    webinar = get_object_or_404(Webinar, slug=webinar_slug)
    known = selectors.campaign_known_registration(
        campaign=campaign, session=request.session, user=request.user
    )
    if known is None:
        messages.error(request, _("Please register with the form first."))
        return redirect("webinar:detail", slug=webinar.slug)
    try:
        registration = campaign_services.campaign_register_known(
            campaign=campaign, webinar=webinar, known=known, user=request.user
        )
    except DewanError as exc:
        messages.error(request, exc.message)
        if exc.code == "answers_needed":
            return redirect("webinar:detail", slug=webinar.slug)
        return redirect("campaigns:page", slug=slug)
    ids = dict(request.session.get(webinar_selectors.REGISTRATION_SESSION_KEY, {}))
    ids[str(webinar.pk)] = registration.pk
    request.session[webinar_selectors.REGISTRATION_SESSION_KEY] = ids
    if registration.status == registration.Status.WAITLISTED:
        messages.success(request, _("You are on the waitlist for %(title)s.") % {"title": webinar.title})
    else:
        messages.success(request, _("You are registered for %(title)s.") % {"title": webinar.title})
    return redirect("campaigns:page", slug=slug)


# --- Organisers ------------------------------------------------------------------------------------


@login_required
def campaign_list(request):
    return render(
        request,
        "campaigns/organiser/list.html",
        {"campaigns": selectors.campaigns_for_owner(user=request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def campaign_edit(request, slug: str | None = None):
    campaign = _managed_campaign(request, slug) if slug else None
    form = CampaignForm(
        request.POST or None,
        instance=campaign,
        webinars=webinar_selectors.webinars_for_organiser(user=request.user).order_by("starts_at"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            campaign = campaign_services.campaign_save(
                campaign=campaign,
                actor=request.user,
                fields=form.service_fields(),
                partners=form.partner_inputs(),
                webinar_ids=form.webinar_ids(),
            )
        except DewanError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Campaign saved."))
            return redirect("campaigns:manage", slug=campaign.slug)
    if campaign is not None:
        campaign.refresh_from_db()
    return render(
        request,
        "campaigns/organiser/edit.html",
        {"form": form, "campaign": campaign},
        status=400 if form.errors else 200,
    )


@login_required
def campaign_people(request, slug: str):
    """Each person's path across the series (organiser only)."""
    campaign = _managed_campaign(request, slug)
    return render(
        request,
        "campaigns/organiser/people.html",
        {"campaign": campaign, "paths": selectors.campaign_people_paths(campaign=campaign)},
    )
