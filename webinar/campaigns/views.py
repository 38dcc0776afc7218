"""Campaign pages: public page, one-click registration, organiser's edit and people pages.

Views parse, authorise and render; the services in ``webinar/campaigns/services`` decide.
"""

from __future__ import annotations

import base64

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from webinar import ratelimit
from webinar import selectors as webinar_selectors
from webinar.campaigns import exports, reports, selectors
from webinar.campaigns.forms import CampaignForm, PledgeSettingsForm, PledgeTakeForm, ResourceForm
from webinar.campaigns.models import Campaign, PledgeTaker, Resource
from webinar.campaigns.services import campaigns as campaign_services
from webinar.campaigns.services import hub as hub_services
from webinar.campaigns.services import pledges as pledge_services
from webinar.campaigns.services import pushes as push_services
from webinar.campaigns.services.transparency import transparency_set
from webinar.exceptions import DewanError
from webinar.http import client_ip, csv_download, query_language
from webinar.models import Webinar


def _submit(request, form, call, *, done: str, then):
    """A POSTed valid form runs ``call()`` and redirects to ``then(result)`` with the ``done`` message.

    A domain error is shown on the form instead. Returns the redirect, or None to render the form.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = call()
    except DewanError as exc:
        form.add_error(None, exc.message)
        return None
    messages.success(request, done)
    return redirect(then(result))


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


def campaign_page(request, slug: str, *, pledge_form=None, status: int = 200):
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
    context.update(_extra_public_context(campaign, request, known, pledge_form))
    return render(request, "campaigns/page.html", context, status=status)


def _extra_public_context(campaign: Campaign, request=None, known=None, pledge_form=None) -> dict:
    """The pledge (count, ranked institutions, the form or "you took it") for the campaign page."""
    pledge = selectors.pledge_for(campaign=campaign)
    if pledge is None:
        return {"pledge": None}
    verified = _verified_email(request, known)
    return {
        "pledge": pledge,
        "pledge_count": selectors.pledge_count(pledge=pledge),
        "pledge_institutions": selectors.pledge_institutions(pledge=pledge, limit=20),
        "pledge_taken": selectors.pledge_taker_for(pledge=pledge, email=verified) if verified else None,
        "pledge_form": pledge_form
        or PledgeTakeForm(pledge=pledge, known_email=verified, initial=_pledge_initial(request, known)),
    }


def _verified_email(request, known) -> str:
    """An address this browser has proven: the signed-in account's once verified, else a join link's."""
    if request is not None and webinar_selectors.account_email_verified(request.user):
        return request.user.email.lower()
    return known.email.lower() if known is not None else ""


def _pledge_initial(request, known) -> dict:
    if request is not None and request.user.is_authenticated:
        return {"name": request.user.shown_name}
    return {"name": known.name} if known is not None else {}


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
    webinar_selectors.browser_registration_remember(session=request.session, registration=registration)
    if registration.status == registration.Status.WAITLISTED:
        messages.success(
            request, _("You are on the waitlist for %(title)s.") % {"title": webinar.shown_title}
        )
    else:
        messages.success(request, _("You are registered for %(title)s.") % {"title": webinar.shown_title})
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
    done = _submit(
        request,
        form,
        lambda: campaign_services.campaign_save(
            campaign=campaign,
            actor=request.user,
            fields=form.service_fields(),
            partners=form.partner_inputs(),
            webinar_ids=form.webinar_ids(),
        ),
        done=_("Campaign saved."),
        then=lambda saved: reverse("campaigns:manage", args=[saved.slug]),
    )
    if done:
        return done
    if campaign is not None:
        campaign.refresh_from_db()
    return render(
        request,
        "campaigns/organiser/edit.html",
        {
            "form": form,
            "campaign": campaign,
            "entries": selectors.campaign_entries(campaign=campaign) if campaign else [],
        },
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


# --- The pledge -------------------------------------------------------------------------------------


@require_POST
def pledge_take(request, slug: str):
    """Take the pledge: at once for a proven address, else by an e-mailed link."""
    campaign = _public_campaign(request, slug)
    pledge = selectors.pledge_for(campaign=campaign)
    if pledge is None:
        raise Http404
    known = selectors.campaign_known_registration(
        campaign=campaign, session=request.session, user=request.user
    )
    verified = _verified_email(request, known)
    form = PledgeTakeForm(request.POST, pledge=pledge, known_email=verified)
    if ratelimit.hit(f"pledge-ip:{client_ip(request)}", rate=settings.DEWAN_REGISTRATION_RATE):
        form.add_error(None, _("Too many attempts from your network. Please try again in a minute."))
        return campaign_page(request, slug, pledge_form=form, status=429)
    if not form.is_valid():
        return campaign_page(request, slug, pledge_form=form, status=400)
    fields = {
        "pledge": pledge,
        "name": form.cleaned_data["name"],
        "institution": form.cleaned_data.get("institution", ""),
        "consent": form.cleaned_data["consent"],
        "language": getattr(request, "LANGUAGE_CODE", "en"),
    }
    try:
        if verified:
            method = PledgeTaker.Method.ACCOUNT
            result = pledge_services.pledge_take(email=verified, method=method, user=request.user, **fields)
        else:
            pledge_services.pledge_request_link(email=form.cleaned_data["email"], **fields)
    except DewanError as exc:
        form.add_error("consent" if exc.code == "consent_required" else None, exc.message)
        return campaign_page(request, slug, pledge_form=form, status=400)
    if not verified:
        messages.success(
            request, _("Almost done: follow the link we sent to your e-mail to take the pledge.")
        )
    elif result.created:
        messages.success(request, _("Thank you for taking the pledge."))
    else:
        messages.info(request, _("You have already taken this pledge."))
    return redirect(reverse("campaigns:page", args=[slug]) + "#pledge")


@require_http_methods(["GET", "POST"])
def pledge_confirm(request, slug: str, token: str):
    """The e-mailed link: GET shows one button (mail scanners prefetch links), POST takes the pledge."""
    campaign = _public_campaign(request, slug)
    pledge = selectors.pledge_for(campaign=campaign)
    if pledge is None:
        raise Http404
    if request.method == "GET":
        return render(
            request, "campaigns/pledge_confirm.html", {"campaign": campaign, "pledge": pledge, "token": token}
        )
    try:
        result = pledge_services.pledge_take_from_link(pledge=pledge, token=token)
    except DewanError as exc:
        messages.error(request, exc.message)
        return render(
            request,
            "campaigns/pledge_confirm.html",
            {"campaign": campaign, "pledge": pledge, "error": exc},
            status=400,
        )
    if result.created:
        messages.success(request, _("Thank you for taking the pledge."))
    else:
        messages.info(request, _("You have already taken this pledge."))
    return redirect(reverse("campaigns:page", args=[slug]) + "#pledge")


@query_language
def pledge_stage(request, slug: str):
    """The OBS-ready pledge counter: a big live number (add it as a browser source)."""
    campaign = _public_campaign(request, slug)
    pledge = selectors.pledge_for(campaign=campaign)
    if pledge is None:
        raise Http404
    context = {"campaign": campaign, "pledge": pledge, "count": selectors.pledge_count(pledge=pledge)}
    return render(request, "campaigns/stage_pledge.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def pledge_settings(request, slug: str):
    campaign = _managed_campaign(request, slug)
    pledge = selectors.pledge_for(campaign=campaign)
    initial = (
        {name: getattr(pledge, name) for name in PledgeSettingsForm.base_fields} if pledge else {"open": True}
    )
    form = PledgeSettingsForm(request.POST or None, initial=initial)
    done = _submit(
        request,
        form,
        lambda: pledge_services.pledge_save(campaign=campaign, actor=request.user, **form.cleaned_data),
        done=_("Pledge saved."),
        then=lambda _pledge: reverse("campaigns:pledge_settings", args=[slug]),
    )
    return done or render(
        request,
        "campaigns/organiser/pledge.html",
        {
            "campaign": campaign,
            "form": form,
            "pledge": pledge,
            "count": selectors.pledge_count(pledge=pledge) if pledge else 0,
            "institutions": selectors.pledge_institutions(pledge=pledge) if pledge else [],
        },
        status=400 if form.errors else 200,
    )


@login_required
def pledge_csv(request, slug: str):
    campaign = _managed_campaign(request, slug)
    pledge = selectors.pledge_for(campaign=campaign)
    if pledge is None:
        raise Http404
    return csv_download(exports.pledge_csv(pledge=pledge), f"{campaign.slug}-pledge.csv")


# --- The resource hub -------------------------------------------------------------------------------


def _known_email(request, campaign: Campaign) -> str:
    """The e-mail of a person this browser proves (signed in, or a join link in the session), else ''.

    Anonymous visitors without a join link cost no query here: the hub's pages must stay cheap.
    """
    if not request.user.is_authenticated and not request.session.get(
        webinar_selectors.REGISTRATION_SESSION_KEY
    ):
        return ""
    known = selectors.campaign_known_registration(
        campaign=campaign, session=request.session, user=request.user
    )
    return known.email if known is not None else ""


def hub(request, slug: str):
    """The campaign's resource hub, filtered by topic (``?topic=scams``)."""
    campaign = _public_campaign(request, slug)
    topic = request.GET.get("topic", "")
    if topic and topic not in Resource.Topic.values:
        topic = ""
    email = _known_email(request, campaign)
    if email:
        hub_services.hub_person_seen(campaign=campaign, person_email=email)
    context = {
        "campaign": campaign,
        "resources": selectors.hub_resources(campaign=campaign, topic=topic),
        "topics": Resource.Topic.choices,
        "topic": topic,
    }
    return render(request, "campaigns/hub.html", context)


def hub_resource(request, slug: str, resource_id: int):
    """One resource; each view is a counted visit (no database write, no cookie; cached page data)."""
    resource = selectors.hub_page_get(slug=slug, resource_id=resource_id)
    if resource is None:
        raise Http404
    campaign = resource.campaign
    if not campaign.published and not selectors.can_manage_campaign(user=request.user, campaign=campaign):
        raise Http404
    hub_services.resource_visit_record(
        resource=resource,
        client_ip=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
        person_email=_known_email(request, campaign),
    )
    return render(request, "campaigns/resource.html", {"campaign": campaign, "resource": resource})


@login_required
@require_http_methods(["GET", "POST"])
def hub_manage(request, slug: str, resource_id: int | None = None):
    """The organiser's hub: figures per resource, and the add (or edit) form."""
    campaign = _managed_campaign(request, slug)
    resource = None
    if resource_id is not None:
        resource = selectors.hub_resource_get(campaign=campaign, resource_id=resource_id)
        if resource is None:
            raise Http404
    initial = {name: getattr(resource, name) for name in hub_services.RESOURCE_FIELDS} if resource else {}
    form = ResourceForm(request.POST or None, initial=initial)
    if request.method == "POST" and request.POST.get("delete") and resource is not None:
        hub_services.resource_delete(resource=resource, actor=request.user)
        messages.success(request, _("Resource deleted."))
        return redirect("campaigns:hub_manage", slug=slug)

    def saving():
        if resource is None:
            return hub_services.resource_create(campaign=campaign, actor=request.user, **form.cleaned_data)
        return hub_services.resource_update(resource=resource, actor=request.user, **form.cleaned_data)

    done = _submit(
        request,
        form,
        saving,
        done=_("Resource saved."),
        then=lambda _resource: reverse("campaigns:hub_manage", args=[slug]),
    )
    context = {
        "campaign": campaign,
        "form": form,
        "editing": resource,
        "stats": selectors.hub_stats(campaign=campaign),
    }
    return done or render(
        request, "campaigns/organiser/hub.html", context, status=400 if form.errors else 200
    )


# --- Transparency and the funnel ----------------------------------------------------------------------


def transparency_campaign(request, slug: str):
    """The campaign's public transparency report (figures only), when its organiser published it."""
    campaign = _public_campaign(request, slug)
    if not campaign.transparency_public and not selectors.can_manage_campaign(
        user=request.user, campaign=campaign
    ):
        raise Http404
    figures = reports.transparency_figures(webinar_ids=selectors.campaign_webinar_ids(campaign=campaign))
    context = {
        "campaign": campaign,
        "webinar": None,
        "figures": figures,
        "preview": not campaign.transparency_public,
    }
    return render(request, "campaigns/transparency.html", context)


def transparency_webinar(request, slug: str, webinar_slug: str):
    """One webinar's public transparency report, when published."""
    campaign = _public_campaign(request, slug)
    entry = next(
        (e for e in selectors.campaign_entries(campaign=campaign) if e.webinar.slug == webinar_slug), None
    )
    if entry is None:
        raise Http404
    if not entry.transparency_public and not selectors.can_manage_campaign(
        user=request.user, campaign=campaign
    ):
        raise Http404
    figures = reports.transparency_figures(webinar_ids=[entry.webinar_id])
    context = {
        "campaign": campaign,
        "webinar": entry.webinar,
        "figures": figures,
        "preview": not entry.transparency_public,
    }
    return render(request, "campaigns/transparency.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def transparency_settings(request, slug: str):
    campaign = _managed_campaign(request, slug)
    if request.method == "POST":
        transparency_set(
            campaign=campaign,
            actor=request.user,
            campaign_public=request.POST.get("campaign") == "on",
            public_webinar_ids=[int(i) for i in request.POST.getlist("webinars") if i.isdigit()],
        )
        messages.success(request, _("Transparency settings saved."))
        return redirect("campaigns:transparency_settings", slug=slug)
    context = {"campaign": campaign, "entries": selectors.campaign_entries(campaign=campaign)}
    return render(request, "campaigns/organiser/transparency.html", context)


def _step_labels() -> dict[str, str]:
    return {
        "registered": _("Registered"),
        "attended": _("Attended"),
        "asked_or_voted": _("Asked, voted or answered a poll"),
        "answered_poll": _("Answered a poll"),
        "pledged": _("Pledged"),
        "visited_hub": _("Visited the hub"),
        "campaign": _("Whole campaign"),
        "people": _("Unique people"),
    }


@login_required
def funnel(request, slug: str):
    """The organiser's campaign funnel: table, chart and CSV link."""
    campaign = _managed_campaign(request, slug)
    data = reports.campaign_funnel(campaign=campaign)
    svg = reports.funnel_chart_svg(funnel=data, step_labels=_step_labels())
    chart = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    labels = _step_labels()
    context = {
        "campaign": campaign,
        "funnel": data,
        "chart": chart,
        "step_labels": [labels[step] for step in reports.FUNNEL_STEPS],
        "rows": [(row["title"], [row[step] for step in reports.FUNNEL_STEPS]) for row in data["webinars"]],
        "total": [data["campaign"][step] for step in reports.FUNNEL_STEPS],
    }
    return render(request, "campaigns/organiser/funnel.html", context)


@login_required
def funnel_csv(request, slug: str):
    campaign = _managed_campaign(request, slug)
    rows = reports.funnel_csv(funnel=reports.campaign_funnel(campaign=campaign))
    return csv_download(rows, f"{campaign.slug}-funnel.csv")


# --- After the event ------------------------------------------------------------------------------------


def answered(request, slug: str):
    """ "Your question was answered": this browser's person's answered questions, with stream offsets."""
    webinar = get_object_or_404(Webinar, slug=slug)
    registration = webinar_selectors.registration_for_browser(
        webinar=webinar, session=request.session, user=request.user, confirmed_only=False
    )
    if registration is None:
        return redirect("webinar:detail", slug=slug)
    items = selectors.answered_for_registration(registration=registration)
    return render(request, "campaigns/answered.html", {"webinar": webinar, "items": items})


# --- Resources pushed into live rooms ---------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def push_console(request, slug: str):
    """Hosts of the campaign's live webinars push hub resources into their rooms; clicks per webinar."""
    campaign = get_object_or_404(Campaign, slug=slug)
    webinars = selectors.webinars_hosted_in_campaign(campaign=campaign, user=request.user)
    owner = selectors.can_manage_campaign(user=request.user, campaign=campaign)
    if not webinars and not owner:
        raise Http404
    if request.method == "POST":
        webinar = next((w for w in webinars if str(w.pk) == request.POST.get("webinar")), None)
        resource = selectors.hub_resource_get(
            campaign=campaign, resource_id=int(request.POST.get("resource", "0") or 0)
        )
        if webinar is None or resource is None:
            messages.error(request, _("Choose a live webinar you host and a resource."))
        else:
            try:
                push_services.resource_push(actor=request.user, webinar=webinar, resource=resource)
            except DewanError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, _("Sent to the live room."))
        return redirect("campaigns:push_console", slug=slug)
    context = {
        "campaign": campaign,
        "webinars": webinars,
        "resources": selectors.hub_resources(campaign=campaign),
        "pushes": selectors.pushes_for_campaign(campaign=campaign),
    }
    return render(request, "campaigns/organiser/push.html", context)


def push_click(request, slug: str, push_id: int):
    """A click on a pushed card: counted for its webinar, then on to the resource's page."""
    push = selectors.resource_push_get(slug=slug, push_id=push_id)
    if push is None:
        raise Http404
    push_services.resource_push_click(
        push=push, client_ip=client_ip(request), user_agent=request.META.get("HTTP_USER_AGENT", "")
    )
    return redirect("campaigns:resource", slug=slug, resource_id=push.resource_id)
