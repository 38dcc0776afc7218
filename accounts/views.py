"""Sign-up, sign-in and password reset, each throttled per account and per client address.

Throttles use the project's one rate-limit mechanism (webinar/ratelimit.py); none of these pages
says whether an e-mail address has an account.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from accounts import services
from accounts.exceptions import AccountError
from webinar import ratelimit
from webinar.http import client_ip, redirect_next, safe_next

from .emails import InvalidEmail, email_normalise
from .forms import SignInForm, SignUpForm
from .languages import language_agree_on_sign_in, language_supported


def _typed_email(request, field: str) -> str:
    """The address typed, in its one spelling per mailbox, so every spelling shares one limit."""
    typed = (request.POST.get(field) or "")[:254]
    try:
        return email_normalise(typed)
    except InvalidEmail:
        return typed.strip().lower()


@require_http_methods(["GET", "POST"])
def signup(request):
    # The account's language starts as the page's: a Malay reader who kept the default would otherwise
    # get an English account, and activation (``language_agree_on_sign_in``) would turn the site English.
    page_language = getattr(request, "LANGUAGE_CODE", "")
    initial = {"language": page_language} if language_supported(page_language) else {}
    form = SignUpForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        wait = ratelimit.hit(
            f"account-ip:{client_ip(request)}", rate=settings.DEWAN_ACCOUNT_EMAIL_ADDRESS_RATE
        )
        if wait:
            form.add_error(None, _("Too many attempts from your network. Please try again later."))
            status = 429
        elif form.is_valid():
            email = form.cleaned_data["email"]
            services.user_signup(
                email=email,
                password=form.cleaned_data["password1"],
                display_name=form.cleaned_data["display_name"],
                language=form.cleaned_data["language"],
                next_url=safe_next(request) or "",
                may_email=not ratelimit.hit(f"account:{email}", rate=settings.DEWAN_ACCOUNT_EMAIL_RATE),
            )
            return render(request, "accounts/signup_done.html", {"email": email})
        else:
            status = 400
    return render(request, "accounts/signup.html", {"form": form}, status=status)


def activate(request, uidb64: str, token: str):
    """The link from the sign-up e-mail: activate, sign in, then go to a safe ``next``.

    A used link opened again by the account's owner while signed in (the e-mail clicked twice, or
    after signing in) says the account is active and they are signed in, and goes on as the first
    click did; anyone else gets "link not valid" (400).
    """
    user = services.user_activate(uidb64=uidb64, token=token)
    if user is None:
        if request.user.is_authenticated and request.user.pk == services.activation_link_user_id(
            uidb64=uidb64
        ):
            messages.info(request, _("Your account is already active and you are signed in."))
            return redirect(safe_next(request) or "webinar:dashboard_home")
        return render(request, "accounts/activate_invalid.html", status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")  # rotates the session key
    return language_agree_on_sign_in(request, user, redirect(safe_next(request) or "webinar:dashboard_home"))


class LoginView(auth_views.LoginView):
    """Django's sign-in (it already checks ``next``), refused before any password check when the
    account typed or the client address has used up its attempts."""

    template_name = "accounts/login.html"
    authentication_form = SignInForm

    def post(self, request, *args, **kwargs):
        wait = ratelimit.hit_all(
            [
                (f"signin:{_typed_email(request, 'username')}", settings.DEWAN_SIGNIN_RATE),
                (f"signin-ip:{client_ip(request)}", settings.DEWAN_SIGNIN_ADDRESS_RATE),
            ]
        )
        if wait:
            form = self.get_form()
            form.errors.clear()
            minutes = max(1, round(wait / 60))
            form.add_error(
                None,
                ngettext(
                    "Too many sign-in attempts. Please try again in %(minutes)d minute.",
                    "Too many sign-in attempts. Please try again in %(minutes)d minutes.",
                    minutes,
                )
                % {"minutes": minutes},
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        return language_agree_on_sign_in(self.request, form.get_user(), super().form_valid(form))


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, with limits: per client address (answered), per account (silent: the page
    says "sent" either way, so it never tells whether an account exists)."""

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"

    def post(self, request, *args, **kwargs):
        if ratelimit.hit(f"account-ip:{client_ip(request)}", rate=settings.DEWAN_ACCOUNT_EMAIL_ADDRESS_RATE):
            form = self.get_form()
            form.errors.clear()
            form.add_error(None, _("Too many attempts from your network. Please try again later."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = _typed_email(self.request, "email")
        if ratelimit.hit(f"account:{email}", rate=settings.DEWAN_ACCOUNT_EMAIL_RATE):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


def verify_email(request, token: str):
    """The signed link from the verification e-mail: the inbox's owner proves the address."""
    try:
        services.user_email_verify(token=token)
    except AccountError as exc:
        return render(request, "accounts/verify_email_failed.html", {"message": exc.message}, status=400)
    messages.success(request, _("Your e-mail address is confirmed."))
    return redirect("webinar:dashboard_home" if request.user.is_authenticated else "accounts:login")


@login_required
@require_POST
def verify_email_resend(request):
    if request.user.email_verified:
        messages.info(request, _("Your e-mail address is already confirmed."))
    elif ratelimit.hit(f"account:{request.user.email}", rate=settings.DEWAN_ACCOUNT_EMAIL_RATE):
        messages.error(request, _("Too many attempts from your network. Please try again later."))
    else:
        services.user_email_verification_send(user=request.user)
        messages.info(request, _("We sent a new link to %(email)s.") % {"email": request.user.email})
    return redirect_next(request, "webinar:dashboard_home")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Setting a new password through the e-mailed link also proves the inbox is theirs."""

    def form_valid(self, form):
        response = super().form_valid(form)
        services.user_email_mark_verified(user=form.user)
        return response
