from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "campus.accounts"
    label = "accounts"
    verbose_name = "People"  # allauth's own app is "Accounts" (email addresses): one name per admin section

    def ready(self):
        from django.core import checks

        from .mfa import check_middleware

        checks.register(check_middleware, checks.Tags.security)
