"""Users. Per-webinar roles live on the webinar side (``webinar.models.WebinarRole``)."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.languages import language_choices


class User(AbstractUser):
    """A person who signs in: organisers, hosts, and attendees who made an account.

    E-mail is the sign-in name; ``username`` stays only because the admin and
    ``createsuperuser`` expect it, and is set to the e-mail by the services.
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=120, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=language_choices, default="en")

    # Set when the owner opened the signed link sent to ``email`` (or reset the password through it).
    # Until then the account reaches no registration by its e-mail (docs/privacy.md).
    email_verified_at = models.DateTimeField(_("e-mail verified at"), null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["username"]

    def __str__(self) -> str:
        return self.display_name or self.email

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    @property
    def shown_name(self) -> str:
        return self.display_name or self.email.split("@")[0]
