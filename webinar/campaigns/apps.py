from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    """Campaigns: a series of webinars with a pledge, a resource hub and public transparency figures."""

    name = "webinar.campaigns"
    label = "campaigns"
    default_auto_field = "django.db.models.BigAutoField"
