"""The clock of admissions: the automatic release task (run_after = the release moment), the management
command ``admissions_tick`` (idempotent) and the letters made in the background."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from campus.admissions import services
from campus.admissions.models import AdmissionSettings, Offer
from campus.communications.models import OutboxMessage

from .conftest import bulk_applications


def test_saving_auto_release_enqueues_a_task_for_the_release_moment(call, team_manager,
                                                                  django_capture_on_commit_callbacks, run_tasks):
    apps = bulk_applications(call, 2)
    services.stage_decisions(call=call, decisions={apps[0].pk: ("admit", None), apps[1].pk: ("reject", None)},
                             actor=team_manager)
    config = services.settings_for(call)
    config.auto_release, config.release_at = True, timezone.now() + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.save_settings(settings=config, actor=team_manager, changed=["auto_release"])
    task = DBTaskResult.objects.get(task_path="campus.admissions.tasks.release_due")
    assert abs((task.run_after - config.release_at).total_seconds()) < 1
    assert run_tasks() == 0  # not due: the worker leaves it
    # due now (the worker runs it at run_after): it releases, and a second run changes nothing
    DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now() - timedelta(seconds=1))
    AdmissionSettings.objects.filter(pk=config.pk).update(release_at=timezone.now() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert run_tasks() == 1
    assert Offer.objects.filter(state="open").count() == 1
    assert set(OutboxMessage.objects.values_list("state", flat=True)) == {"queued"}
    assert services.release_if_due(call_id=call.pk) is None


def test_switched_off_before_the_moment_nothing_is_released(call, team_manager):
    apps = bulk_applications(call, 1)
    services.stage_decisions(call=call, decisions={apps[0].pk: ("admit", None)}, actor=team_manager)
    config = services.settings_for(call)
    config.auto_release, config.release_at = False, timezone.now() - timedelta(minutes=1)
    config.save()
    assert services.release_if_due(call_id=call.pk) is None
    assert not Offer.objects.exists()


def test_the_command_runs_the_clock_and_is_idempotent(call, team_manager, capsys, small_capacity):
    apps = bulk_applications(call, 4)
    services.stage_decisions(call=call, decisions={**{a.pk: ("admit", None) for a in apps[:3]},
                                                   apps[3].pk: ("waitlist", None)}, actor=team_manager)
    services.release(call=call, actor=team_manager)
    Offer.objects.filter(application=apps[0]).update(reply_by=timezone.now() - timedelta(minutes=1))
    Offer.objects.filter(application=apps[1]).update(reply_by=timezone.now() + timedelta(hours=20),
                                                     made_at=timezone.now() - timedelta(days=10))
    call_command("admissions_tick")
    assert "released 0, expired 1, reminded 1" in capsys.readouterr().out
    call_command("admissions_tick")
    assert "released 0, expired 0, reminded 0" in capsys.readouterr().out
    assert Offer.objects.filter(via="promotion", application=apps[3]).count() == 1
    assert OutboxMessage.objects.filter(event="reminder").count() == 1


def test_release_makes_the_letters_in_the_background(call, team_manager, django_capture_on_commit_callbacks,
                                                     run_tasks):
    apps = bulk_applications(call, 2)
    services.stage_decisions(call=call, decisions={a.pk: ("admit", None) for a in apps}, actor=team_manager)
    with django_capture_on_commit_callbacks(execute=True):
        services.release(call=call, actor=team_manager)
    assert run_tasks() == 1  # one task makes up to 50 letters
    offers = list(Offer.objects.all())
    assert all(offer.letter for offer in offers)
    names = {offer.pk: offer.letter.name for offer in offers}
    assert services.ensure_letters(offer_ids=list(names)) == 0  # a retried task makes none twice
    assert {offer.pk: offer.letter.name for offer in Offer.objects.all()} == names
