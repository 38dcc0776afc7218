"""Domain errors with a machine-readable ``code`` (shown to clients) and a human message."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


class DewanError(Exception):
    code = "error"
    default_message = _("Something went wrong.")
    status = 400

    def __init__(self, message: str | None = None, *, code: str | None = None, **extra):
        self.message = str(message or self.default_message)
        if code:
            self.code = code
        self.extra = extra
        super().__init__(self.message)


class NotFound(DewanError):
    code = "not_found"
    default_message = _("Not found.")
    status = 404


class PermissionDenied(DewanError):
    code = "forbidden"
    default_message = _("You are not allowed to do that.")
    status = 403


class InvalidState(DewanError):
    code = "invalid_state"
    default_message = _("That is not possible right now.")
    status = 409


class RegistrationError(DewanError):
    code = "registration_error"


class ValidationFailed(DewanError):
    code = "invalid"


class RateLimited(DewanError):
    code = "rate_limited"
    default_message = _("Too many requests, please wait a moment.")
    status = 429

    def __init__(self, message: str | None = None, *, retry_after: float, code: str | None = None):
        super().__init__(message, code=code, retry_after=retry_after)
        self.retry_after = retry_after


class Unavailable(DewanError):
    """A service this needs (the cache, Redis) is down: retry the same request shortly."""

    code = "unavailable"
    default_message = _("Briefly unavailable. Please retry shortly.")
    status = 503
