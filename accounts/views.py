from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .forms import SignUpForm


@require_http_methods(["GET", "POST"])
def signup(request):
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user)  # login() rotates the session key.
        return redirect(request.GET.get("next") or "webinar:dashboard_home")
    return render(request, "accounts/signup.html", {"form": form})
