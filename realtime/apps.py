from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "realtime"

    def ready(self):
        from realtime import budget, wsprotocol

        # Upgrade requests are judged on the process's budgets before the application runs.
        wsprotocol.install_admission(budget.admission_wait)
