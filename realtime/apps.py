from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "realtime"

    def ready(self):
        from realtime import budget, httpprotocol

        # Upgrade requests are judged on the process's budgets before the application runs.
        httpprotocol.install_gate(budget.process_budgets())
