from django.apps import AppConfig
from django.core import checks


class WebinarConfig(AppConfig):
    name = "webinar"
    verbose_name = "Webinars"

    def ready(self) -> None:
        from webinar import signals

        signals.connect()
        checks.register(_rate_settings_parse, checks.Tags.compatibility)


def _rate_settings_parse(app_configs, **kwargs):
    """Every DEWAN_*_RATE setting must parse in the one rate syntax (webinar/ratelimit.py)."""
    from webinar.ratelimit import rate_setting_errors

    return [checks.Error(error, id="dewan.E001") for error in rate_setting_errors()]
