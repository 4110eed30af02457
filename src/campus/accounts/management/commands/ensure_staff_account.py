import os

from django.core.management.base import BaseCommand

from campus.accounts.services import ensure_staff_account


class Command(BaseCommand):
    help = "Create or refresh the staff account from CAMPUS_ADMIN_EMAIL / CAMPUS_ADMIN_PASSWORD and print it."

    def handle(self, *args, **options):
        email = os.environ.get("CAMPUS_ADMIN_EMAIL") or "admin@cluster-campus.localhost"
        password = os.environ.get("CAMPUS_ADMIN_PASSWORD") or None
        user, password, created = ensure_staff_account(email=email, password=password)
        self.stdout.write(
            ("Created" if created else "Refreshed")
            + f" staff account: {user.email} / password: {password}"
            + ("" if os.environ.get("CAMPUS_ADMIN_PASSWORD") else "  (generated; set CAMPUS_ADMIN_PASSWORD to choose one)")
        )
