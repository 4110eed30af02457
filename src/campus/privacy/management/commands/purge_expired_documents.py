"""Delete the CVs and letters of applicants not admitted once their edition's retention period has passed.

Run it once a day (cron or a systemd timer: see docs/privacy.md). Idempotent: a second run deletes nothing more.
"""

from django.core.management.base import BaseCommand

from campus.privacy import services


class Command(BaseCommand):
    help = "Delete expired application documents (CVs, letters) of applicants not admitted."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted; delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        summary = services.purge_expired_documents(dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {summary.get('documents', 0)} document(s) of {summary.get('applications', 0)} application(s) "
            f"in {summary.get('calls', 0)} call(s)."
        )
