"""Django's password-validator messages, kept in Dewan's Malay catalogue because Django's own gets them wrong.

Django's ``ms`` catalogue translates "This password is too common." as "Kata laluan anda terlalu
singkat." ("your password is too short"), and has its "too short" message only under the msgid Django
used before 5.0 (``%(min_length)d``; ``MinimumLengthValidator`` now asks for ``%d``), so the Malay
sign-up and reset pages showed it in English. Marking the messages here keeps them in
``locale/ms/LC_MESSAGES/django.po`` through ``makemessages``; the project's catalogue wins over Django's
(``LOCALE_PATHS``). Nothing imports this.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

PASSWORD_MESSAGES = (
    gettext_noop("This password is too common."),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        8,
    ),
)
