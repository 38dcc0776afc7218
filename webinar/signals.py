"""Losing a role stops reading at once (docs/protocol.md, "Losing a role").

Roles change through the admin, user edits (``is_active``, ``is_superuser``), organiser changes or
plain ORM calls; whichever path removes someone's right to moderate, the open host sockets of the
webinars concerned are asked after commit to re-read their role (``broadcast.publish_staff_recheck``),
and a socket whose role is gone stops receiving the staff stream. Only a notification happens here:
the decision is the consumer's re-read of the database (``live_state.still_staff``).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from realtime import broadcast
from webinar.models import Webinar, WebinarRole


def _recheck_after_commit(webinar_ids) -> None:
    ids = sorted(set(webinar_ids))

    def send() -> None:
        for webinar_id in ids:
            broadcast.publish_staff_recheck(webinar_id=webinar_id)

    if ids:
        transaction.on_commit(send)


def _role_changed(sender, instance: WebinarRole, **kwargs) -> None:
    _recheck_after_commit([instance.webinar_id])


_RIGHTS = ("is_active", "is_superuser")


def _user_saving(sender, instance, update_fields=None, **kwargs) -> None:
    if instance.pk is None or (update_fields is not None and not set(update_fields) & set(_RIGHTS)):
        return
    old = sender.objects.filter(pk=instance.pk).values(*_RIGHTS).first()
    instance._dewan_rights_before = old


def _user_changed(sender, instance, created: bool = False, **kwargs) -> None:
    before = getattr(instance, "_dewan_rights_before", None)
    if created or not before:
        return
    instance._dewan_rights_before = None
    lost_superuser = before["is_superuser"] and not (instance.is_superuser and instance.is_active)
    lost_login = before["is_active"] and not instance.is_active
    if not (lost_superuser or lost_login):
        return
    webinars = Webinar.objects.exclude(status=Webinar.Status.ENDED)
    if not lost_superuser:
        webinars = webinars.filter(roles__user=instance) | webinars.filter(organiser=instance)
    _recheck_after_commit(webinars.values_list("pk", flat=True))


def _webinar_changed(sender, instance: Webinar, created: bool = False, **kwargs) -> None:
    if not created:  # e.g. a new organiser: the old one may have lost the console
        _recheck_after_commit([instance.pk])


def connect() -> None:
    post_delete.connect(_role_changed, sender=WebinarRole, dispatch_uid="dewan.role_deleted")
    post_save.connect(_role_changed, sender=WebinarRole, dispatch_uid="dewan.role_saved")
    pre_save.connect(_user_saving, sender=get_user_model(), dispatch_uid="dewan.user_saving")
    post_save.connect(_user_changed, sender=get_user_model(), dispatch_uid="dewan.user_saved")
    post_save.connect(_webinar_changed, sender=Webinar, dispatch_uid="dewan.webinar_saved")
