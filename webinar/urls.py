"""Project URLs (Dewan keeps its wiring in the webinar package)."""

from django.contrib import admin
from django.urls import include, path

from webinar import live_views, report_views, views

webinar_patterns = [
    path("", views.index, name="index"),
    path("dashboard/", views.dashboard_home, name="dashboard_home"),
    path("dashboard/new/", views.webinar_create, name="create"),
    path("w/<slug:slug>/", views.detail, name="detail"),
    path("w/<slug:slug>/registered/", views.registered, name="registered"),
    path("w/<slug:slug>/resend-link/", views.resend_link, name="resend_link"),
    path("w/<slug:slug>/privacy/", views.privacy_notice, name="privacy_notice"),
    path("w/<slug:slug>/calendar.ics", views.calendar_file, name="calendar"),
    path("w/<slug:slug>/join/<str:token>/", views.join, name="join"),
    path("w/<slug:slug>/cancel/<str:token>/", views.cancel, name="cancel"),
    path("w/<slug:slug>/my-data/", views.my_data, name="my_data"),
    path("w/<slug:slug>/my-data/delete/", views.my_data_delete, name="my_data_delete"),
    path("w/<slug:slug>/manage/", views.webinar_manage, name="manage"),
    path("w/<slug:slug>/manage/status/", views.webinar_status, name="status"),
    path("w/<slug:slug>/manage/hosts/add/", views.host_add, name="host_add"),
    path("w/<slug:slug>/manage/hosts/<int:user_id>/remove/", views.host_remove, name="host_remove"),
    path("w/<slug:slug>/manage/screening/", views.screening_settings, name="screening"),
    path("w/<slug:slug>/manage/screening/calibrate/", views.screening_calibrate, name="screening_calibrate"),
    path("w/<slug:slug>/live/", live_views.live, name="live"),
    path("w/<slug:slug>/host/", live_views.host_console, name="host"),
    path("w/<slug:slug>/host/command/", live_views.host_command, name="host_command"),
    path("w/<slug:slug>/stage/", live_views.stage, name="stage"),
    path("w/<slug:slug>/dashboard/", report_views.dashboard, name="dashboard"),
    path("w/<slug:slug>/dashboard.json", report_views.dashboard_data, name="dashboard_data"),
    path("w/<slug:slug>/report/", report_views.report, name="report"),
    path("w/<slug:slug>/report/status.json", report_views.report_status, name="report_status"),
    path("w/<slug:slug>/report/retry/", report_views.report_retry, name="report_retry"),
    path("w/<slug:slug>/report/attendance.csv", report_views.report_attendance_csv, name="report_csv_a"),
    path("w/<slug:slug>/report/questions.csv", report_views.report_questions_csv, name="report_csv_q"),
    path("w/<slug:slug>/report/report.pdf", report_views.report_pdf, name="report_pdf"),
    path("dashboard/campaign/", report_views.campaign, name="campaign"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    # The switcher posts here first: it also moves this person's registrations to the chosen language.
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include((webinar_patterns, "webinar"))),
    path("", include("webinar.campaigns.urls")),
]
