from django.contrib import admin

from webinar import models


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
    list_display = ("webinar", "viewer_key", "joined_at", "last_seen_at", "left_at")


@admin.register(models.AttendanceSample)
class AttendanceSampleAdmin(admin.ModelAdmin):
    list_display = ("webinar", "at", "count")


@admin.register(models.Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("webinar", "status", "progress", "attempts", "finished_at")
