"""Campaign URLs, included by webinar/urls.py under the ``campaigns`` namespace."""

from django.urls import path

from webinar.campaigns import poll_views, views

app_name = "campaigns"

urlpatterns = [
    path("c/<slug:slug>/", views.campaign_page, name="page"),
    path("c/<slug:slug>/register/<slug:webinar_slug>/", views.register_one_click, name="register"),
    path("dashboard/campaigns/", views.campaign_list, name="list"),
    path("dashboard/campaigns/new/", views.campaign_edit, name="create"),
    path("c/<slug:slug>/manage/", views.campaign_edit, name="manage"),
    path("c/<slug:slug>/manage/people/", views.campaign_people, name="people"),
    path("c/<slug:slug>/pledge/", views.pledge_take, name="pledge_take"),
    path("c/<slug:slug>/pledge/confirm/<str:token>/", views.pledge_confirm, name="pledge_confirm"),
    path("c/<slug:slug>/stage/pledge/", views.pledge_stage, name="pledge_stage"),
    path("c/<slug:slug>/manage/pledge/", views.pledge_settings, name="pledge_settings"),
    path("c/<slug:slug>/manage/pledge.csv", views.pledge_csv, name="pledge_csv"),
    path("c/<slug:slug>/hub/", views.hub, name="hub"),
    path("c/<slug:slug>/hub/<int:resource_id>/", views.hub_resource, name="resource"),
    path("c/<slug:slug>/manage/hub/", views.hub_manage, name="hub_manage"),
    path("c/<slug:slug>/manage/hub/<int:resource_id>/", views.hub_manage, name="hub_edit"),
    path("c/<slug:slug>/transparency/", views.transparency_campaign, name="transparency"),
    path(
        "c/<slug:slug>/transparency/<slug:webinar_slug>/",
        views.transparency_webinar,
        name="webinar_transparency",
    ),
    path("c/<slug:slug>/manage/transparency/", views.transparency_settings, name="transparency_settings"),
    path("c/<slug:slug>/manage/funnel/", views.funnel, name="funnel"),
    path("c/<slug:slug>/manage/funnel.csv", views.funnel_csv, name="funnel_csv"),
    path("w/<slug:slug>/answered/", views.answered, name="answered"),
    path("c/<slug:slug>/push/", views.push_console, name="push_console"),
    path("c/<slug:slug>/push/<int:push_id>/go/", views.push_click, name="push_click"),
    path("w/<slug:slug>/manage/polls/", poll_views.poll_manage, name="polls"),
    path("w/<slug:slug>/manage/polls/<int:poll_id>/", poll_views.poll_manage, name="poll_edit"),
    path("w/<slug:slug>/manage/polls.csv", poll_views.polls_csv, name="polls_csv"),
]
