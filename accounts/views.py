from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts import services
from accounts.exceptions import AccountError

from .forms import SignUpForm


def _safe_next(request, fallback: str = "webinar:dashboard_home"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


@require_http_methods(["GET", "POST"])
def signup(request):
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user)  # login() rotates the session key.
        services.user_email_verification_send(user=user)
        messages.info(
            request,
            _(
                "We sent a link to %(email)s. Open it to confirm the address: until then your account "
                "cannot see registrations made with it."
            )
            % {"email": user.email},
        )
        return _safe_next(request)
    return render(request, "accounts/signup.html", {"form": form})


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
    else:
        services.user_email_verification_send(user=request.user)
        messages.info(request, _("We sent a new link to %(email)s.") % {"email": request.user.email})
    return _safe_next(request)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Setting a new password through the e-mailed link also proves the inbox is theirs."""

    def form_valid(self, form):
        response = super().form_valid(form)
        services.user_email_mark_verified(user=form.user)
        return response
