from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "campus.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from django.core import checks

        from .mfa import check_middleware

        checks.register(check_middleware, checks.Tags.security)
