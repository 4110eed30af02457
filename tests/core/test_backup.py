"""`manage.py backup` and `manage.py restore`, end to end, in subprocesses as an operator runs them.

Each site under test is a folder (CAMPUS_VAR_DIR, MEDIA_ROOT) and a database of its own: an SQLite file
in the folder or, on PostgreSQL, a database these tests create and drop on the suite's server
(``campus_backup_<role>_<pid>_<n>``). The database kind is the one this pass of the suite runs on
(scripts/test.sh runs the suite on SQLite, then on PostgreSQL); the moves between SQLite and PostgreSQL
(the portable copy) run in the PostgreSQL pass, where both are at hand.

The source site: migrated, the seed edition loaded, the call opened, three applicants with answers and
uploaded documents (through the services and ``validate_document``; one CV replaced, two submitted, so
task rows and the activity log are filled), plus public media with unusual names and an empty file.
"Equal" means every row of every table (raw SELECTs, sorted; on SQLite ``sqlite_sequence``, on PostgreSQL
every sequence's last value) and every byte of every file under MEDIA_ROOT.
"""

import hashlib
import io
import itertools
import json
import os
import stat
import subprocess
import sys
import tarfile
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.conf import settings

from campus.core.backup import PORTABLE

ROOT = Path(__file__).resolve().parents[2]
_DEFAULT = settings.DATABASES["default"]
VENDOR = "postgresql" if "postgresql" in _DEFAULT["ENGINE"] else "sqlite"
_counter = itertools.count()

DATA_SCRIPT = r"""
from pathlib import Path
from django.conf import settings

from campus.core.backup import PORTABLE
from django.core.files.uploadedfile import SimpleUploadedFile
from campus.accounts.models import User
from campus.applications import services
from campus.applications.models import Call
from campus.core.files import validate_document
from tests.applications.conftest import GOOD_ANSWERS, pdf_bytes
from tests.core.upload_corpus import DOCX_TYPE, docx_bytes

call = Call.objects.order_by("-opens_at").first()

def upload(application, kind, name, data, content_type, user):
    document = SimpleUploadedFile(name, data, content_type=content_type)
    services.save_document(application=application, kind=kind, detected=validate_document(document),
                           content=document, actor=user)

for number, name in enumerate(["Aino Virtanen", "Jonas Petrauskas", "Märta Ölund"]):
    user = User.objects.create_user(email=f"applicant{number}@example.org", password="a-long-password-1",
                                    full_name=name)
    application = services.start_application(call=call, applicant=user)
    for step, values in GOOD_ANSWERS.items():
        if step not in ("cv", "consent"):
            services.save_answers(application=application, step=step, values=values, actor=user)
    upload(application, "cv", f"CV {name}.pdf", pdf_bytes(f"CV of {name}"), "application/pdf", user)
    if number == 1:
        upload(application, "letter", "Motivation ąčę.docx", docx_bytes(), DOCX_TYPE, user)
    if number == 2:  # replaced: the first file is deleted after the commit
        upload(application, "cv", "CV v2.pdf", pdf_bytes(f"CV of {name}, version 2"), "application/pdf", user)
    if number < 2:
        services.record_consent(application=application, version=call.privacy_version, actor=user)
        services.submit(application=application, actor=user)

public = Path(settings.MEDIA_ROOT) / "public" / "Kaunas – Ąžuolų g. 1"
public.mkdir(parents=True)
(public / "map of the «venue».txt").write_text("Ąžuolų g. 1, Kaunas\n", encoding="utf-8")
(Path(settings.MEDIA_ROOT) / "empty.bin").write_bytes(b"")
"""

ROWS_SCRIPT = r"""
import json, os
from django.db import connection

def plain(value):
    if isinstance(value, memoryview):
        value = bytes(value)
    if isinstance(value, bytes):
        return "bytes:" + value.hex()
    return value

tables = {}
with connection.cursor() as cursor:
    names = connection.introspection.table_names(cursor)
    if connection.vendor == "sqlite":
        names.append("sqlite_sequence")
    for table in sorted(names):
        cursor.execute("SELECT * FROM " + connection.ops.quote_name(table))
        columns = [column[0] for column in cursor.description]
        rows = sorted(json.dumps([plain(v) for v in row], default=str, sort_keys=True) for row in cursor.fetchall())
        tables[table] = {"columns": columns, "rows": rows}
    if connection.vendor == "postgresql":
        cursor.execute("SELECT schemaname, sequencename, last_value FROM pg_sequences ORDER BY 1, 2")
        tables["(sequences)"] = {"rows": [list(row) for row in cursor.fetchall()]}
with open(os.environ["CAMPUS_TEST_OUT"], "w") as out:
    json.dump(tables, out)
"""


# dumpdata as the portable copy is made: natural foreign keys, and datetimes to the microsecond.
DUMPDATA_SCRIPT = r"""
import os
from django.core import serializers
from django.core.management import call_command
from campus.core import backup

serializers.register_serializer(backup.EXACT_JSON, "campus.core.backup")
call_command("dumpdata", natural_foreign=True, use_base_manager=True, exclude=backup.PORTABLE_EXCLUDE,
             format=backup.EXACT_JSON, output=os.environ["CAMPUS_TEST_OUT"], verbosity=0)
"""

WRITER_SCRIPT = r"""
import os
from pathlib import Path
import time
from django.db import transaction
from campus.core.models import ActivityLog

folder, pairs = Path(os.environ["CAMPUS_TEST_WRITER"]), 0
while not (folder / "stop").exists():
    with transaction.atomic():  # two rows per transaction: a consistent copy never holds one without the other
        ActivityLog.objects.create(action="test.pair", data={"pair": pairs, "half": 1})
        ActivityLog.objects.create(action="test.pair", data={"pair": pairs, "half": 2})
    pairs += 1
    time.sleep(0.002)  # steady, without taking a whole core from the backup it races
    if pairs == 20:
        (folder / "writing").touch()
(folder / "pairs").write_text(str(pairs))
"""


# --- sites ------------------------------------------------------------------------------------


class Site:
    """One installation: its folder, its media, its database; runs manage.py against them."""

    def __init__(self, root: Path, vendor: str, database: str | None):
        self.root, self.vendor, self.database = root, vendor, database
        self.var = root / "var"
        self.media = root / "media"
        self.root.mkdir(parents=True)

    def env(self, **extra) -> dict:
        env = {
            **os.environ, "SECRET_KEY": "backup-tests-" + "k" * 40, "DEBUG": "0",
            "CAMPUS_VAR_DIR": str(self.var), "MEDIA_ROOT": str(self.media), **extra,
        }
        env.pop("DATABASE_URL", None)
        if self.database:
            env["DATABASE_URL"] = _pg_url(self.database)
        return env

    def manage(self, *args, check=True, **extra_env) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env(**extra_env),
            capture_output=True, text=True, timeout=120,
        )
        if check:
            assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
        return result

    def rows(self) -> dict:
        out = self.root / f"rows-{next(_counter)}.json"
        self.manage("shell", "-c", ROWS_SCRIPT, CAMPUS_TEST_OUT=str(out))
        return json.loads(out.read_text())

    def portable_rows(self) -> list:
        out = self.root / f"dumpdata-{next(_counter)}.json"
        self.manage("shell", "-c", DUMPDATA_SCRIPT, CAMPUS_TEST_OUT=str(out))
        records = json.loads(out.read_text())
        for record in records:  # a many-to-many is a set: dumpdata lists it in whatever order the database returns
            for m2m in apps.get_model(record["model"])._meta.many_to_many:
                if m2m.name in record["fields"]:
                    record["fields"][m2m.name].sort()
        return records

    def files(self) -> dict[str, bytes]:
        if not self.media.exists():
            return {}
        return {
            path.relative_to(self.media).as_posix(): path.read_bytes()
            for path in sorted(self.media.rglob("*")) if path.is_file()
        }

    def table_names(self) -> list[str]:
        """Straight from the database, without Django (for checking that a refused restore touched nothing)."""
        if self.database:
            import psycopg

            with psycopg.connect(**_pg_params(self.database)) as conn:
                return [row[0] for row in conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
                )]
        import sqlite3

        path = self.var / "db.sqlite3"
        if not path.exists():
            return []
        with sqlite3.connect(path) as conn:
            return [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")]


def _pg_params(dbname: str) -> dict:
    params = {"dbname": dbname, "host": _DEFAULT.get("HOST") or "127.0.0.1", "port": _DEFAULT.get("PORT") or 5432}
    if _DEFAULT.get("USER"):
        params["user"] = _DEFAULT["USER"]
    if _DEFAULT.get("PASSWORD"):
        params["password"] = _DEFAULT["PASSWORD"]
    return params


def _pg_url(dbname: str) -> str:
    p = _pg_params(dbname)
    auth = quote(p.get("user", ""), safe="") + (":" + quote(p["password"], safe="") if p.get("password") else "")
    return f"postgres://{auth}{'@' if auth else ''}{p['host']}:{p['port']}/{dbname}"


class Sites:
    """Makes sites; on PostgreSQL creates their databases and drops them all at the end."""

    def __init__(self, base: Path):
        self.base = base
        self.databases: list[str] = []

    def make(self, role: str, vendor: str = VENDOR) -> Site:
        number = next(_counter)
        database = None
        if vendor == "postgresql":
            import psycopg

            database = f"campus_backup_{role}_{os.getpid()}_{number}"
            with psycopg.connect(**_pg_params("postgres"), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
                conn.execute(f'CREATE DATABASE "{database}"')
            self.databases.append(database)
        return Site(self.base / f"{role}-{number}", vendor, database)

    def drop_all(self):
        if not self.databases:
            return
        import psycopg

        with psycopg.connect(**_pg_params("postgres"), autocommit=True) as conn:
            for database in self.databases:
                conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.fixture(scope="module")
def module_sites(tmp_path_factory):
    sites = Sites(tmp_path_factory.mktemp("backup-sites"))
    yield sites
    sites.drop_all()


@pytest.fixture
def sites(tmp_path):
    sites = Sites(tmp_path)
    yield sites
    sites.drop_all()


class Source:
    def __init__(self, site: Site, archive: Path, output: str, rows: dict, files: dict):
        self.site, self.archive, self.output, self.rows, self.files = site, archive, output, rows, files


def build_source(sites: Sites, vendor: str) -> Source:
    site = sites.make("src", vendor)
    site.manage("migrate", "--verbosity=0")
    site.manage("load_seed_edition")
    site.manage("open_call", "--days=30")
    site.manage("shell", "-c", DATA_SCRIPT)
    archive = site.root / "backups" / "campus.tar.gz"
    result = site.manage("backup", "--output", str(archive))
    return Source(site, archive, result.stdout, site.rows(), site.files())


@pytest.fixture(scope="module")
def source(module_sites) -> Source:
    """The source site on this pass's database, backed up once for the whole module."""
    return build_source(module_sites, VENDOR)


def read_manifest(archive: Path) -> dict:
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile("manifest.json"))


def rewrite(archive: Path, out: Path, *, change=None, add=()) -> Path:
    """A copy of ``archive`` with members changed by ``change(name, data) -> data`` and extra members added."""
    with tarfile.open(archive) as src, tarfile.open(out, "w:gz", format=tarfile.PAX_FORMAT) as dst:
        for member in src:
            data = src.extractfile(member).read()
            if change is not None:
                data = change(member.name, data)
            member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
        for name, data in add:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            dst.addfile(info, io.BytesIO(data))
    return out


def a_cv(manifest: dict) -> str:
    return next(e["path"] for e in manifest["files"] if e["path"].startswith("media/private/documents/"))


# --- the round trip -----------------------------------------------------------------------------


def test_the_source_holds_what_a_backup_must_carry(source):
    rows, files = source.rows, source.files
    assert len(rows["applications_application"]["rows"]) == 3
    assert len(rows["applications_document"]["rows"]) == 4  # three CVs (one replaced) and a letter
    assert len(rows["django_tasks_database_dbtaskresult"]["rows"]) == 2  # the two receipts, queued
    private = [name for name in files if name.startswith("private/documents/")]
    assert len(private) == 4  # the replaced CV's first file was deleted with its row
    assert files["empty.bin"] == b""
    assert "public/Kaunas – Ąžuolų g. 1/map of the «venue».txt" in files


def test_backup_writes_one_archive_with_a_manifest(source):
    assert stat.S_IMODE(source.archive.stat().st_mode) == 0o600  # CVs and password hashes inside
    assert "Backup written:" in source.output and "sha256" in source.output
    manifest = read_manifest(source.archive)
    assert manifest["format"] == "cluster-campus-backup" and manifest["format_version"] == 1
    assert manifest["created_at"].endswith("Z")
    database = manifest["database"]
    assert database["vendor"] == VENDOR
    native = {"sqlite": "database/db.sqlite3", "postgresql": "database/db.pgdump"}[VENDOR]
    assert database["native"] == native and database["portable"] == "database/data.json"
    assert database["tables"]["applications_application"] == 3
    recorded = (json.loads(row)[1:3] for row in source.rows["django_migrations"]["rows"])  # id, app, name, applied
    applied = sorted([app, name] for app, name in recorded)
    assert sorted([app, name] for app, names in manifest["migrations"].items() for name in names) == applied
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(listed) == {native, "database/data.json"} | {"media/" + name for name in source.files}
    for name, data in source.files.items():
        assert listed["media/" + name]["sha256"] == hashlib.sha256(data).hexdigest()
        assert listed["media/" + name]["size"] == len(data)
    assert manifest["media"]["missing"] == []
    with tarfile.open(source.archive) as tar:
        names = tar.getnames()
    assert names[-1] == "manifest.json" and len(names) == len(set(names))


def test_restore_on_a_fresh_install_brings_back_every_row_and_every_file(source, sites):
    target = sites.make("dst")
    result = target.manage("restore", str(source.archive))
    assert "from the native dump" in result.stdout
    assert "every table's row count matches" in result.stdout
    assert f"media      {len(source.files)} files" in result.stdout and "every sha256 verified" in result.stdout
    assert target.rows() == source.rows
    assert target.files() == source.files
    # The restored site works: the next application gets new keys (sequences came back too).
    target.manage("shell", "-c", (
        "from campus.accounts.models import User\n"
        "from campus.applications import services\n"
        "from campus.applications.models import Call\n"
        "user = User.objects.create_user(email='new@example.org', password='a-long-password-1')\n"
        "services.start_application(call=Call.objects.order_by('-opens_at').first(), applicant=user)\n"
    ))


def test_restore_runs_migrate_when_the_backup_is_older_than_the_code(sites):
    old = sites.make("old")
    old.manage("migrate", "--verbosity=0")
    old.manage("migrate", "sessions", "zero", "--verbosity=0")  # as if made before the sessions app existed
    archive = old.root / "old.tar.gz"
    made = old.manage("backup", "--output", str(archive))
    # Today's models cannot read yesterday's schema: the portable copy is left out, and said so.
    assert "not migrated to this code (1 migration(s) not applied)" in made.stderr
    assert read_manifest(archive)["database"]["portable"] is None
    target = sites.make("dst")
    result = target.manage("restore", str(archive))
    assert "applied 1 newer: sessions.0001_initial" in result.stdout
    assert "django_session" in target.table_names()
    assert target.manage("migrate", "--check", check=False).returncode == 0


def test_a_backup_taken_while_the_site_writes_holds_one_moment(sites):
    busy = sites.make("busy")
    busy.manage("migrate", "--verbosity=0")
    folder, archive = busy.root / "writer", busy.root / "busy.tar.gz"
    folder.mkdir()
    with open(folder / "log", "w") as log:
        writer = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", WRITER_SCRIPT], cwd=ROOT,
            env=busy.env(CAMPUS_TEST_WRITER=str(folder)), stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while not (folder / "writing").exists():
            assert writer.poll() is None and time.monotonic() < deadline, (folder / "log").read_text()
            time.sleep(0.05)
        busy.manage("backup", "--output", str(archive))
    finally:
        (folder / "stop").touch()
        try:
            writer.wait(timeout=30)
        except subprocess.TimeoutExpired:
            writer.kill()
            raise
    assert writer.returncode == 0, (folder / "log").read_text()
    written = 2 * int((folder / "pairs").read_text())
    in_backup = read_manifest(archive)["database"]["tables"]["core_activitylog"]
    assert 40 <= in_backup < written  # the writer kept writing during and after the backup
    # Native dump, portable JSON and row counts come from the same snapshot: restore checks each against the
    # manifest's counts, and no transaction is cut in half.
    for how in ([], ["--portable"]):
        target = sites.make("dst")
        target.manage("restore", *how, str(archive))
        table = target.rows()["core_activitylog"]
        action, data = table["columns"].index("action"), table["columns"].index("data")
        halves = {}
        for row in map(json.loads, table["rows"]):
            value = json.loads(row[data]) if isinstance(row[data], str) else row[data]
            assert row[action] == "test.pair"
            halves.setdefault(value["pair"], set()).add(value["half"])
        assert len(table["rows"]) == in_backup
        assert sorted(halves) == list(range(in_backup // 2))
        assert all(h == {1, 2} for h in halves.values())


# --- refusals -----------------------------------------------------------------------------------


def _flip_a_byte(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1:]


def _future_migration(name: str, data: bytes) -> bytes:
    if name != "manifest.json":
        return data
    manifest = json.loads(data)
    manifest["migrations"]["core"].append("9999_from_the_future")
    return json.dumps(manifest).encode()


def _media_changed(source, manifest, out):
    return rewrite(source.archive, out, change=lambda n, d: _flip_a_byte(d) if n == a_cv(manifest) else d)


def _database_changed(source, manifest, out):
    return rewrite(source.archive, out, change=lambda n, d: d.replace(b"Aino", b"Anna") if n == PORTABLE else d)


def _cut_short(source, manifest, out):
    out.write_bytes(source.archive.read_bytes()[: source.archive.stat().st_size // 2])
    return out


def _not_an_archive(source, manifest, out):
    out.write_bytes(b"hello, I am not a backup\n" * 100)
    return out


TAMPERED = {
    # case: (how the archive is changed, what the refusal must say)
    "media file changed": (_media_changed, ["failed verification", "sha256 mismatch", "{cv}"]),
    "database changed": (_database_changed, ["failed verification", "database/data.json: sha256 mismatch"]),
    "file slipped in": (
        lambda s, m, out: rewrite(s.archive, out, add=[("media/private/extra.pdf", b"%PDF-1.7")]),
        ["media/private/extra.pdf: in the archive, not listed in the manifest"],
    ),
    "path escapes": (
        lambda s, m, out: rewrite(s.archive, out, add=[("media/../../escape.txt", b"x")]),
        ["unexpected or unsafe path", "media/../../escape.txt"],
    ),
    "cut short": (_cut_short, ["is damaged", "cannot be read to the end"]),
    "not an archive": (_not_an_archive, ["not a readable backup archive"]),
    "from newer code": (
        lambda s, m, out: rewrite(s.archive, out, change=_future_migration), ["newer", "core.9999_from_the_future"]
    ),
}


@pytest.mark.parametrize("case", list(TAMPERED))
def test_a_damaged_or_foreign_archive_is_refused_and_nothing_is_touched(source, sites, case):
    make, expected = TAMPERED[case]
    manifest = read_manifest(source.archive)
    archive = make(source, manifest, sites.base / "tampered.tar.gz")
    target = sites.make("dst")
    result = target.manage("restore", str(archive), check=False)
    assert result.returncode != 0, result.stdout
    message = result.stderr
    for text in expected:
        assert text.format(cv=a_cv(manifest)) in message, message
    assert "nothing was restored" in message.lower(), message
    if case == "media file changed":
        check = target.manage("restore", "--verify-only", str(archive), check=False)
        assert check.returncode != 0 and "sha256 mismatch" in check.stderr
    assert target.table_names() == []
    assert target.files() == {}


def test_restore_refuses_a_database_with_data_unless_forced(source, sites):
    target = sites.make("dst")
    target.manage("restore", str(source.archive))
    # Life goes on at the target: a new account, a withdrawn application, a new file.
    target.manage("shell", "-c", (
        "from campus.accounts.models import User\n"
        "from campus.applications import services\n"
        "from campus.applications.models import Application\n"
        "User.objects.create_user(email='later@example.org', password='a-long-password-1')\n"
        "application = Application.objects.get(applicant__email='applicant0@example.org')\n"
        "services.withdraw(application=application, actor=application.applicant)\n"
    ))
    (target.media / "later.txt").write_text("added after the restore")
    changed = target.rows()
    assert changed != source.rows

    refused = target.manage("restore", str(source.archive), check=False)
    assert refused.returncode != 0
    assert "Refused: the database is not empty" in refused.stderr
    assert "--force" in refused.stderr and "Nothing was restored" in refused.stderr
    assert target.rows() == changed  # untouched

    forced = target.manage("restore", "--force", str(source.archive))
    assert "kept       1 files in MEDIA_ROOT that are not in the backup" in forced.stdout
    assert target.rows() == source.rows
    assert target.files() == {**source.files, "later.txt": b"added after the restore"}


# --- the portable copy: SQLite <-> PostgreSQL -------------------------------------------------------

MOVES = [(VENDOR, VENDOR)] + ([("sqlite", "postgresql"), ("postgresql", "sqlite")] if VENDOR == "postgresql" else [])


@pytest.mark.parametrize(("from_vendor", "to_vendor"), MOVES, ids=[f"{a}-to-{b}" for a, b in MOVES])
def test_the_portable_copy_moves_a_site_between_databases(source, module_sites, sites, from_vendor, to_vendor):
    origin = source if from_vendor == VENDOR else build_source(module_sites, from_vendor)
    target = sites.make("dst", to_vendor)
    args = ["restore", str(origin.archive)] + (["--portable"] if from_vendor == to_vendor else [])
    result = target.manage(*args)
    assert "from the portable JSON (dumpdata)" in result.stdout
    assert target.portable_rows() == origin.site.portable_rows()
    assert target.files() == origin.files
    # Keys keep counting from where the data left off (sequences are reset after loading).
    target.manage("shell", "-c", (
        "from campus.accounts.models import User\n"
        "from campus.core.activity import log_activity\n"
        "user = User.objects.create_user(email='moved@example.org', password='a-long-password-1')\n"
        "log_activity(action='test.moved', target=user, actor=user)\n"
    ))
