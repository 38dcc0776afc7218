"""Errors raised by account services, with a machine ``code`` like the domain's ``DewanError``."""

from __future__ import annotations


class AccountError(Exception):
    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code
