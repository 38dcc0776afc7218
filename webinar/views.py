"""Public pages, registration and the organiser's pages. Views parse and render; services decide."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from accounts.joinlinks import read_token
from accounts.languages import language_cookie_set, language_supported
from accounts.services import user_language_set
from webinar import live_state, ratelimit, selectors
from webinar.audit_text import audit_lines
from webinar.exceptions import DewanError
from webinar.forms import CalibrationForm, RegistrationForm, ScreeningSettingsForm, WebinarForm
from webinar.http import client_ip, redirect_next
from webinar.models import Registration, Webinar
from webinar.services import hosts, lifecycle, privacy
from webinar.services import registration as registration_services
from webinar.services.notifications import webinar_ics

MAX_CALIBRATION_BYTES = 2 * 1024 * 1024


def index(request):
    webinars = selectors.webinars_public().order_by("-starts_at")
    return render(request, "webinar/index.html", {"webinars": webinars})


def _public_webinar(slug: str) -> Webinar:
    webinar = selectors.webinar_get(slug=slug)
    if webinar is None or webinar.status == Webinar.Status.DRAFT:
        raise Http404
    return webinar


@require_http_methods(["GET", "POST"])
def detail(request, slug: str):
    """The public webinar page with its registration form."""
    webinar = _public_webinar(slug)
    # Bound on every POST, even an empty one: an unbound form cannot carry the rate-limit error.
    form = RegistrationForm(
        request.POST if request.method == "POST" else None, webinar=webinar, initial=_initial(request)
    )
    status = 200
    if request.method == "POST":
        if ratelimit.hit(f"register-ip:{client_ip(request)}", rate=settings.DEWAN_REGISTRATION_RATE):
            form.add_error(None, _("Too many sign-ups from your network. Please try again in a minute."))
            status = 429
        elif form.is_valid():
            try:
                registration_services.registration_request(
                    webinar=webinar,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    language=form.cleaned_data["language"],
                    consent=form.cleaned_data["consent"],
                    answers=form.answers(),
                    user=request.user,
                )
            except DewanError as exc:
                form.add_error(None, exc.message)
                status = 409 if exc.code in {"full", "closed"} else 400
            else:
                # The same answer whether the address was new or registered already: the browser
                # is not linked to the registration; the e-mailed join link does that.
                request.session[_REGISTERED_SESSION_KEY] = {
                    "webinar": webinar.pk,
                    "email": form.cleaned_data["email"].strip().lower(),
                }
                return redirect("webinar:registered", slug=webinar.slug)
        else:
            status = 400
    registration = selectors.registration_for_browser(
        webinar=webinar, session=request.session, user=request.user, confirmed_only=False
    )
    if registration is not None and registration.status == Registration.Status.CANCELLED:
        registration = None
    context = {
        "webinar": webinar,
        "form": form,
        "registration": registration,
        "waitlist_position": registration and selectors.waitlist_position(registration=registration),
        "counts": selectors.registration_counts(webinar=webinar),
        "role": selectors.staff_role(user=request.user, webinar=webinar),
    }
    return render(request, "webinar/detail.html", context, status=status)


@require_POST
def resend_link(request, slug: str):
    """The 'send my join link again' button, offered when an address is already registered."""
    webinar = _public_webinar(slug)
    email = request.POST.get("email", "")
    # Sign-ups and "send my link again" share one budget per client address.
    if ratelimit.hit(f"register-ip:{client_ip(request)}", rate=settings.DEWAN_REGISTRATION_RATE):
        messages.error(request, _("Too many requests from your network. Please try again in a minute."))
    else:
        registration_services.registration_link_resend(webinar=webinar, email=email)
        messages.info(
            request,
            _("If %(email)s is registered for this webinar, its join link is on its way there again.")
            % {"email": email.strip()},
        )
    return redirect("webinar:detail", slug=slug)


@require_POST
def set_language(request):
    """Django's language switcher, and the chosen language becomes this person's everywhere.

    Text the server renders later (statuses and reasons on the live page, care messages, e-mails) is
    in each registration's language and the account's: both follow what was chosen here.
    """
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if language_supported(language):
        registration_services.registration_language_set(
            registrations=selectors.registrations_of_browser_everywhere(
                session=request.session, user=request.user
            ),
            language=language,
        )
        if request.user.is_authenticated:
            user_language_set(user=request.user, language=language)
    return response


def privacy_notice(request, slug: str):
    """What registering means for your data (PDPA 2010): who, why, how long, and your rights."""
    webinar = _public_webinar(slug)
    context = {
        "webinar": webinar,
        "organiser": webinar.organiser,
        "retention_days": settings.DEWAN_RETENTION_DAYS,
    }
    return render(request, "webinar/privacy_notice.html", context)


def _initial(request) -> dict:
    if request.user.is_authenticated:
        return {
            "name": request.user.shown_name,
            "email": request.user.email,
            "language": request.user.language,
        }
    return {"language": getattr(request, "LANGUAGE_CODE", "en")}


_REGISTERED_SESSION_KEY = "dewan_registered"


def registered(request, slug: str):
    webinar = _public_webinar(slug)
    submitted = request.session.get(_REGISTERED_SESSION_KEY) or {}
    if submitted.get("webinar") != webinar.pk:
        return redirect("webinar:detail", slug=slug)
    return render(
        request, "webinar/registered.html", {"webinar": webinar, "email": submitted.get("email", "")}
    )


def calendar_file(request, slug: str):
    webinar = _public_webinar(slug)
    response = HttpResponse(webinar_ics(webinar), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{webinar.slug}.ics"'
    return response


def _registration_from_token(webinar: Webinar, token: str, purpose: str) -> Registration | None:
    found = read_token(token, purpose=purpose)
    if found is None:
        return None
    registration_id, secret_prefix = found
    registration = selectors.registration_in_webinar(webinar=webinar, registration_id=registration_id)
    if registration is None or not registration.join_secret.startswith(secret_prefix):
        return None
    return registration


@require_http_methods(["GET", "POST"])
def join(request, slug: str, token: str):
    """The personal join link: binds the registration to this browser's session, opens the live page.

    The link is proof for whoever holds it, but it never silently replaces who this browser already
    is: when someone is signed in to another account, or the browser already joins as another
    registration, a page says whose link it is and asks (POST ``choice=link`` to continue as the link's
    holder, which signs the account out).
    """
    webinar = _public_webinar(slug)
    registration = _registration_from_token(webinar, token, "join")
    if registration is None or registration.status != Registration.Status.CONFIRMED:
        return render(request, "webinar/link_invalid.html", {"webinar": webinar}, status=403)
    current = selectors.registration_for_browser(webinar=webinar, session=request.session, user=request.user)
    other_account = request.user.is_authenticated and not selectors.account_owns_registration(
        user=request.user, registration=registration
    )
    other_registration = current is not None and current.pk != registration.pk
    if other_account or other_registration:
        if request.method != "POST":
            context = {"webinar": webinar, "registration": registration, "current": current}
            return render(request, "webinar/join_choice.html", context)
        if request.POST.get("choice") != "link":
            return redirect("webinar:live" if current is not None else "webinar:detail", slug=slug)
        if other_account:
            logout(request)  # the link's holder is not this account: stop acting as both
    request.session.cycle_key()  # a fresh session id whenever someone is let in by a link
    selectors.browser_registration_remember(session=request.session, registration=registration)
    response = redirect("webinar:live", slug=slug)
    # The registrant chose a language when registering: the link opens the interface in it, unless
    # this browser has already picked one with the switcher.
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        language_cookie_set(response, registration.language)
    return response


@require_http_methods(["GET", "POST"])
def cancel(request, slug: str, token: str):
    webinar = _public_webinar(slug)
    registration = _registration_from_token(webinar, token, "cancel")
    if registration is None:
        return render(request, "webinar/link_invalid.html", {"webinar": webinar}, status=403)
    if request.method == "POST":
        registration_services.registration_cancel(registration=registration)
        return render(request, "webinar/cancelled.html", {"webinar": webinar})
    return render(request, "webinar/cancel_confirm.html", {"webinar": webinar, "registration": registration})


# --- Organisers -------------------------------------------------------------------------------


@login_required
def dashboard_home(request):
    webinars = selectors.webinars_for_organiser(user=request.user).order_by("-starts_at")
    registrations = selectors.confirmed_registrations_for_account(user=request.user)
    return render(
        request,
        "webinar/organiser/home.html",
        {"webinars": webinars, "registrations": registrations},
    )


@login_required
@require_http_methods(["GET", "POST"])
def webinar_create(request):
    form = WebinarForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            webinar = lifecycle.webinar_create(organiser=request.user, **form.service_fields())
        except DewanError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Webinar created. Publish it when you are ready."))
            return redirect("webinar:manage", slug=webinar.slug)
    return render(request, "webinar/organiser/edit.html", {"form": form})


def _organised(request, slug: str) -> Webinar:
    webinar = get_object_or_404(Webinar, slug=slug)
    if not selectors.can_organise(user=request.user, webinar=webinar):
        raise Http404
    return webinar


@login_required
@require_http_methods(["GET", "POST"])
def webinar_manage(request, slug: str):
    webinar = _organised(request, slug)
    form = WebinarForm(request.POST or None, instance=webinar)
    if request.method == "POST" and form.is_valid():
        try:
            lifecycle.webinar_update(webinar=webinar, actor=request.user, **form.service_fields())
        except DewanError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("webinar:manage", slug=slug)
    webinar.refresh_from_db()
    context = {
        "webinar": webinar,
        "form": form,
        "counts": selectors.registration_counts(webinar=webinar),
        "registrations": selectors.webinar_registrations(webinar=webinar),
        "audit": audit_lines(webinar=webinar),
        "hosts": selectors.webinar_hosts(webinar=webinar),
        "stage_path": live_state.stage_path(webinar, language=get_language()),
    }
    return render(request, "webinar/organiser/manage.html", context)


@login_required
@require_POST
def host_add(request, slug: str):
    webinar = _organised(request, slug)
    try:
        role = hosts.webinar_host_add(
            webinar=webinar, actor=request.user, email=request.POST.get("email", "")
        )
    except DewanError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("%(email)s is a host and has been sent an invitation.") % {"email": role.user.email}
        )
    return redirect(reverse("webinar:manage", args=[slug]) + "#hosts")


@login_required
@require_POST
def host_remove(request, slug: str, user_id: int):
    webinar = _organised(request, slug)
    try:
        hosts.webinar_host_remove(webinar=webinar, actor=request.user, user_id=user_id)
    except DewanError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Host removed."))
    return redirect(reverse("webinar:manage", args=[slug]) + "#hosts")


@login_required
@require_POST
def webinar_status(request, slug: str):
    """Move the webinar along its lifecycle (POST ``status``: draft, scheduled, live, ended, cancelled).

    Hosts may go live and end; only organisers publish, unpublish and cancel. Someone who is neither
    gets the site's "not a host" page (403, in their language, as the host console answers); a host
    asking for an organiser's step is sent back to the host console with the refusal as a message.
    """
    webinar = get_object_or_404(Webinar, slug=slug)
    target = request.POST.get("status", "")
    if not selectors.can_moderate(user=request.user, webinar=webinar):
        return render(request, "webinar/not_host.html", {"webinar": webinar}, status=403)
    if target in {"draft", "scheduled", "cancelled"} and not selectors.can_organise(
        user=request.user, webinar=webinar
    ):
        messages.error(request, _("Only this webinar's organisers can do that."))
        return redirect("webinar:host", slug=slug)
    try:
        lifecycle.webinar_transition(webinar=webinar, actor=request.user, to=target)
    except DewanError as exc:
        messages.error(request, exc.message)
    return redirect_next(request, "webinar:manage", slug=slug)


@login_required
@require_POST
def screening_calibrate(request, slug: str):
    """The organiser's own labelled examples screened at every strictness (nothing is stored)."""
    from webinar.screening.calibration import CalibrationError, calibration_report, parse_examples

    webinar = _organised(request, slug)
    form = CalibrationForm(request.POST, request.FILES)
    report = None
    if form.is_valid():
        upload = form.cleaned_data["examples"]
        try:
            examples = parse_examples(upload.read(MAX_CALIBRATION_BYTES + 1), upload.name)
        except CalibrationError as exc:
            form.add_error("examples", exc.message)
        else:
            report = calibration_report(examples=examples, policy=selectors.screening_policy(webinar=webinar))
    settings_form = ScreeningSettingsForm(initial=_screening_initial(webinar))
    context = {"webinar": webinar, "form": settings_form, "calibration_form": form, "report": report}
    return render(request, "webinar/organiser/screening.html", context, status=200 if report else 400)


def _screening_initial(webinar: Webinar) -> dict:
    settings_obj = selectors.screening_settings_for(webinar=webinar)
    return {name: getattr(settings_obj, name) for name in ScreeningSettingsForm.base_fields}


@login_required
@require_http_methods(["GET", "POST"])
def screening_settings(request, slug: str):
    webinar = _organised(request, slug)
    form = ScreeningSettingsForm(request.POST or None, initial=_screening_initial(webinar))
    if request.method == "POST" and form.is_valid():
        from webinar.services.moderation import screening_settings_update

        screening_settings_update(webinar=webinar, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Screening settings saved."))
        return redirect("webinar:screening", slug=slug)
    context = {"webinar": webinar, "form": form, "calibration_form": CalibrationForm()}
    return render(request, "webinar/organiser/screening.html", context)


# --- Attendees' own data (PDPA) ------------------------------------------------------------------


def _my_registration(request, slug: str) -> tuple[Webinar, Registration]:
    webinar = _public_webinar(slug)
    registration = selectors.registration_for_browser(
        webinar=webinar, session=request.session, user=request.user, confirmed_only=False
    )
    if registration is None:
        raise Http404
    return webinar, registration


def my_data(request, slug: str):
    """What Dewan holds about you for this webinar, to download or delete.

    A browser with no registration for the webinar gets a 404 that says why and how to get there (the
    privacy notice links here for everyone): its join link sent again, or signing in."""
    webinar = _public_webinar(slug)
    registration = selectors.registration_for_browser(
        webinar=webinar, session=request.session, user=request.user, confirmed_only=False
    )
    if registration is None:
        if request.GET.get("format") == "json":
            raise Http404
        return render(request, "webinar/my_data_unknown.html", {"webinar": webinar}, status=404)
    if request.GET.get("format") == "json":
        from django.http import JsonResponse

        response = JsonResponse(
            privacy.attendee_data_export(registration=registration), json_dumps_params={"indent": 2}
        )
        response["Content-Disposition"] = f'attachment; filename="dewan-{webinar.slug}-my-data.json"'
        return response
    return render(request, "webinar/my_data.html", {"webinar": webinar, "registration": registration})


@require_POST
def my_data_delete(request, slug: str):
    webinar, registration = _my_registration(request, slug)
    if request.POST.get("confirm") != "delete":
        messages.error(request, _("Tick the box to confirm the deletion."))
        return redirect("webinar:my_data", slug=slug)
    privacy.attendee_data_delete(
        registration=registration, actor=request.user if request.user.is_authenticated else None
    )
    selectors.browser_registration_forget(session=request.session, webinar_id=webinar.pk)
    return render(request, "webinar/my_data_deleted.html", {"webinar": webinar})
