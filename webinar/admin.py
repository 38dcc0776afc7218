from django.contrib import admin
from django.db import transaction

from webinar import models
from webinar.services.attendance import attendance_rollups_refresh


@admin.register(models.Webinar)
class WebinarAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "status", "starts_at", "capacity", "organiser")
    list_filter = ("status",)
    search_fields = ("title", "slug")
    readonly_fields = ("status", "last_public_seq", "last_staff_seq", "went_live_at", "ended_at")


@admin.register(models.WebinarRole)
class WebinarRoleAdmin(admin.ModelAdmin):
    list_display = ("webinar", "user", "role", "created_at")
    list_filter = ("role",)


@admin.register(models.Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("name", "email", "webinar", "status", "language", "created_at")
    list_filter = ("status", "language", "webinar")
    search_fields = ("name", "email")
    readonly_fields = ("join_secret",)


@admin.register(models.ScreeningSettings)
class ScreeningSettingsAdmin(admin.ModelAdmin):
    list_display = ("webinar", "strictness", "link_policy", "hold_all", "hold_first_time")


@admin.register(models.Question)
class QuestionAdmin(admin.ModelAdmin):
    """Read-mostly: moderation goes through the host services, which decide what is legal."""

    list_display = ("text", "webinar", "status", "care", "vote_count", "pinned", "created_at")
    list_filter = ("status", "care", "webinar")
    search_fields = ("text",)
    readonly_fields = (
        "status",
        "text",
        "original_text",
        "care",
        "care_reply",
        "care_handled_at",
        "care_replied_at",
        "masked",
        "pinned",
        "merged_into",
        "answered_at",
        "published_at",
    )


@admin.register(models.Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ("question", "registration", "created_at")


@admin.register(models.WebinarEvent)
class WebinarEventAdmin(admin.ModelAdmin):
    list_display = ("webinar", "stream", "seq", "type", "created_at")
    list_filter = ("stream", "type")


@admin.register(models.AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "webinar", "actor_label", "action", "target_type", "target_id")
    list_filter = ("action",)

    # Append-only: written by the services in the same transaction as the change, never by hand.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.AttendanceSession)
class AttendanceSessionAdmin(admin.ModelAdmin):
    """Sessions edited by hand keep their viewers' rollups (``AttendanceRollup``) equal to them."""

    list_display = ("webinar", "viewer_key", "joined_at", "last_seen_at", "left_at")

    def save_model(self, request, obj, form, change):
        before = _viewers(models.AttendanceSession.objects.filter(pk=obj.pk)) if change else set()
        super().save_model(request, obj, form, change)
        _rollups_refresh(before | {(obj.webinar_id, obj.viewer_key)})

    def delete_model(self, request, obj):
        viewers = {(obj.webinar_id, obj.viewer_key)}
        super().delete_model(request, obj)
        _rollups_refresh(viewers)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            viewers = _viewers(queryset)
            super().delete_queryset(request, queryset)
            _rollups_refresh(viewers)


def _viewers(sessions) -> set[tuple[int, str]]:
    return set(sessions.values_list("webinar_id", "viewer_key"))


def _rollups_refresh(viewers: set[tuple[int, str]]) -> None:
    by_webinar: dict[int, set[str]] = {}
    for webinar_id, key in viewers:
        by_webinar.setdefault(webinar_id, set()).add(key)
    for webinar_id, keys in by_webinar.items():
        attendance_rollups_refresh(webinar_id=webinar_id, viewer_keys=keys)


@admin.register(models.AttendanceSample)
class AttendanceSampleAdmin(admin.ModelAdmin):
    list_display = ("webinar", "at", "count")


@admin.register(models.Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("webinar", "status", "progress", "attempts", "finished_at")
