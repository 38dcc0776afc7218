"""Account writes."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.emails import email_normalise

User = get_user_model()


@transaction.atomic
def user_create(*, email: str, password: str | None, display_name: str = "", language: str = "en", **extra):
    email = email_normalise(email)
    user = User(email=email, username=email, display_name=display_name, language=language, **extra)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user
