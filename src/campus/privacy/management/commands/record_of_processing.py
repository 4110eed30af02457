"""Write docs/privacy.md from the personal-data declarations of every app (``<app>/privacy.py``)."""

from django.core.management.base import BaseCommand, CommandError

from campus.privacy import registry


class Command(BaseCommand):
    help = "Write docs/privacy.md (the record of processing) from the apps' PERSONAL_DATA declarations."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true",
                            help="Write nothing; fail when docs/privacy.md is out of date.")
        parser.add_argument("--print", action="store_true", dest="print_only",
                            help="Print the document instead of writing it.")

    def handle(self, *args, check=False, print_only=False, **options):
        undeclared = registry.undeclared_fields()
        unknown = registry.unknown_declarations()
        if undeclared or unknown:
            lines = [f"  undeclared (looks personal): {key}" for key in undeclared]
            lines += [f"  declared but no such field: {key}" for key in unknown]
            raise CommandError("Fix the privacy declarations first:\n" + "\n".join(lines))
        text = registry.render_record()
        path = registry.record_path()
        if print_only:
            self.stdout.write(text, ending="")
            return
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if check:
            if current != text:
                raise CommandError(f"{path} is out of date: run `manage.py record_of_processing`.")
            self.stdout.write(f"{path} is up to date.")
            return
        if current == text:
            self.stdout.write(f"{path} is up to date.")
            return
        path.write_text(text, encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Wrote {path} ({len(registry.record_rows())} fields)."))
