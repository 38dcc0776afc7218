from django.apps import AppConfig


class WebinarConfig(AppConfig):
    name = "webinar"
    verbose_name = "Webinars"

    def ready(self) -> None:
        from webinar import signals

        signals.connect()
