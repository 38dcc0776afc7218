from django.apps import AppConfig


class WebinarConfig(AppConfig):
    name = "webinar"
    verbose_name = "Webinars"
