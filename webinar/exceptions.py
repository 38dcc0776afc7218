"""Domain errors with a machine-readable ``code`` (shown to clients) and a human message.

Codes are ``realtime.protocol.ErrorCode``: one list for domain and protocol errors, so an unknown
code fails where it is raised rather than reaching a client.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from realtime.protocol import ErrorCode


class DewanError(Exception):
    code: ErrorCode = ErrorCode.ERROR
    default_message = _("Something went wrong.")
    status = 400

    def __init__(self, message: str | None = None, *, code: ErrorCode | str | None = None, **extra):
        self.message = str(message or self.default_message)
        if code:
            self.code = ErrorCode(code)
        self.extra = extra
        super().__init__(self.message)


class NotFound(DewanError):
    code = ErrorCode.NOT_FOUND
    default_message = _("Not found.")
    status = 404


class PermissionDenied(DewanError):
    code = ErrorCode.FORBIDDEN
    default_message = _("You are not allowed to do that.")
    status = 403


class InvalidState(DewanError):
    code = ErrorCode.INVALID_STATE
    default_message = _("That is not possible right now.")
    status = 409


class RegistrationError(DewanError):
    code = ErrorCode.REGISTRATION_ERROR


class ValidationFailed(DewanError):
    code = ErrorCode.INVALID


class RateLimited(DewanError):
    code = ErrorCode.RATE_LIMITED
    default_message = _("Too many requests, please wait a moment.")
    status = 429

    def __init__(
        self, message: str | None = None, *, retry_after: float, code: ErrorCode | str | None = None
    ):
        super().__init__(message, code=code, retry_after=retry_after)
        self.retry_after = retry_after


class Unavailable(DewanError):
    """A service this needs (the cache, Redis) is down: retry the same request shortly."""

    code = ErrorCode.UNAVAILABLE
    default_message = _("Briefly unavailable. Please retry shortly.")
    status = 503
