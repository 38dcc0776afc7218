from django.apps import AppConfig
from django.core import checks


class WebinarConfig(AppConfig):
    name = "webinar"
    verbose_name = "Webinars"

    def ready(self) -> None:
        from realtime.runtime import attendance_sampler_set
        from webinar import signals
        from webinar.services.attendance import attendance_sample_async

        signals.connect()
        # The server processes' presence loops sample attendance too (realtime imports nothing from webinar).
        attendance_sampler_set(attendance_sample_async)
        checks.register(_rate_settings_parse, checks.Tags.compatibility)


def _rate_settings_parse(app_configs, **kwargs):
    """Every DEWAN_*_RATE setting must parse in the one rate syntax (webinar/ratelimit.py)."""
    from webinar.ratelimit import rate_setting_errors

    return [checks.Error(error, id="dewan.E001") for error in rate_setting_errors()]
