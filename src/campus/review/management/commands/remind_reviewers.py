from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Remind reviewers of their outstanding reviews (at most one mail per reviewer per day)."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Queue the task instead of running it here.")

    def handle(self, *args, enqueue=False, **options):
        from campus.review import services, tasks

        if enqueue:
            tasks.remind_reviewers.enqueue()
            self.stdout.write("Queued the reminder task.")
            return
        count = services.remind_reviewers()
        self.stdout.write(f"{count} reminder(s) composed.")
