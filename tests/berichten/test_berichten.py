"""E-mail (regietafel.berichten): a message per reason, planned in the writer's transaction and
sent by the worker after commit; never twice; a failing mail server retried, then mislukt in
Dutch; the profile page /account/berichten/ where a user sees its mail and switches the
non-essential kinds off; a returned submission mails its remark to the submitter."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.berichten import services
from regietafel.berichten.models import Bericht, BerichtStatus, Berichtvoorkeur
from regietafel.core import klok
from regietafel.gemeenten.models import Gemeente
from regietafel.monitoring.services import dien_in, stuur_terug
from tests.dienstprocessen import vrije_poort

pytestmark = pytest.mark.django_db

NOV = dt.date(2025, 11, 1)


def _gebruiker(naam: str) -> Gebruiker:
    return Gebruiker.objects.get(username=naam)


def _plan(sleutel: str = "proef:1", ontvanger: str = "gemeente-assen") -> Bericht | None:
    return services.plan(
        door=None,
        soort="herinneringen.herinnering",
        sleutel=sleutel,
        ontvanger=_gebruiker(ontvanger),
        onderwerp="Proef",
        template="herinneringen/mail/herinnering",
        context={"gemeente": Gemeente.objects.get(naam="Assen"), "ronde": None, "pad": "/"},
    )


def test_one_message_per_reason_sent_after_commit(
    drenthe: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        eerste = _plan()
        assert eerste is not None and eerste.status == BerichtStatus.WACHTRIJ
        assert mail.outbox == []  # nothing before the commit
    assert _plan() is None  # the same reason again: nothing planned
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    eerste.refresh_from_db()
    assert eerste.status == BerichtStatus.VERZONDEN and eerste.pogingen == 1
    # A redelivered queue message finds it sent: nothing goes out again.
    assert services.verstuur(eerste.pk) == "niets te doen"
    assert len(mail.outbox) == 1


def test_no_address_or_inactive_no_message(drenthe: Any) -> None:
    assen = _gebruiker("gemeente-assen")
    assen.email = ""
    assen.save()
    assert _plan() is None
    emmen = _gebruiker("gemeente-emmen")
    emmen.is_active = False
    emmen.save()
    assert _plan("proef:2", "gemeente-emmen") is None
    with pytest.raises(ValidationError, match="Onbekende berichtsoort"):
        services.plan(
            door=None,
            soort="bestaat.niet",
            sleutel="x",
            ontvanger=assen,
            onderwerp="",
            template="",
            context={},
        )


def test_a_mail_server_that_does_not_answer_is_tried_again_then_mislukt_in_dutch(
    drenthe: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", vrije_poort(), 2
    with django_capture_on_commit_callbacks(execute=True):
        bericht = _plan()
    assert bericht is not None
    bericht.refresh_from_db()
    # The worker's retries (eager here: at once) end after three attempts.
    assert (bericht.status, bericht.pogingen) == (BerichtStatus.MISLUKT, 3)
    assert bericht.reden == (
        "na 3 pogingen niet verstuurd: de mailserver was niet bereikbaar (ConnectionRefusedError)."
    )


def test_the_sweep_resends_what_the_queue_lost_and_never_doubles_a_message_in_flight(
    drenthe: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False):
        verloren = _plan("proef:verloren")
        onderweg = _plan("proef:onderweg")
    assert verloren is not None and onderweg is not None
    lang_geleden = klok.nu() - dt.timedelta(hours=2)
    Bericht.objects.filter(pk=verloren.pk).update(bijgewerkt_op=lang_geleden)
    Bericht.objects.filter(pk=onderweg.pk).update(
        status=BerichtStatus.BEZIG, pogingen=1, bijgewerkt_op=lang_geleden
    )
    assert services.ruim_op() == {"vastgelopen": 1, "opnieuw": 1, "verwijderd": 0}
    verloren.refresh_from_db()
    onderweg.refresh_from_db()
    assert verloren.status == BerichtStatus.VERZONDEN
    assert onderweg.status == BerichtStatus.MISLUKT
    assert onderweg.reden.startswith("de worker stopte tijdens het versturen; onbekend of")
    assert [m.to for m in mail.outbox] == [["gemeente-assen@demo.regietafel.example"]]


def test_sent_and_failed_messages_are_deleted_after_the_retention_period(
    drenthe: Any, django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        oud, recent, mislukt, wacht = (_plan(f"proef:{i}") for i in range(4))
    assert oud and recent and mislukt and wacht
    nu = klok.nu()
    for bericht, dagen in ((oud, 366), (recent, 170), (mislukt, 400), (wacht, 400)):
        Bericht.objects.filter(pk=bericht.pk).update(aangemaakt_op=nu - dt.timedelta(days=dagen))
    Bericht.objects.filter(pk=mislukt.pk).update(status=BerichtStatus.MISLUKT)
    Bericht.objects.filter(pk=wacht.pk).update(status=BerichtStatus.WACHTRIJ, bijgewerkt_op=nu)
    assert services.ruim_op(nu)["verwijderd"] == 2
    assert set(Bericht.objects.values_list("pk", flat=True)) == {recent.pk, wacht.pk}
    # Never shorter than the reasons that can plan a key again.
    settings.REGIETAFEL_BERICHT_BEWAAR_DAGEN = 1
    assert services.ruim_op(nu)["verwijderd"] == 0


def test_a_returned_submission_mails_its_remark_to_the_submitter(
    drenthe: Any, django_capture_on_commit_callbacks: Any
) -> None:
    assen = _gebruiker("gemeente-assen")
    zet_voorkeur = services.zet_voorkeur
    zet_voorkeur(door=assen, gebruiker=assen, aan=[])  # the non-essential mail off: still sent
    inzending = dien_in(
        door=assen,
        gemeente=Gemeente.objects.get(naam="Assen"),
        peildatum=NOV,
        aantallen={"amv": 3},
    )
    opmerking = "Het AMV-cijfer wijkt af van Nidos: <graag> controleren & opnieuw indienen."
    with django_capture_on_commit_callbacks(execute=True):
        stuur_terug(door=_gebruiker("secretariaat"), inzending=inzending, opmerking=opmerking)
    (bericht,) = mail.outbox
    assert bericht.to == ["gemeente-assen@demo.regietafel.example"]
    assert bericht.subject == "Uw cijfers voor 01-11-2025 zijn teruggestuurd (Assen)"
    assert opmerking in bericht.body  # plain text: not HTML-escaped
    assert f"http://127.0.0.1:8000/inzendingen/?opnieuw={inzending.pk}" in bericht.body
    html = bericht.alternatives[0][0]
    assert "&lt;graag&gt; controleren &amp; opnieuw" in html  # HTML: escaped
    assert "Zet hem uit op" not in bericht.body  # essential: no way to switch it off
    assert Bericht.objects.get(sleutel=f"teruggestuurd:{inzending.pk}").status == "verzonden"


def test_a_rolled_back_write_plans_no_mail(
    drenthe: Any, django_capture_on_commit_callbacks: Any
) -> None:
    assen = _gebruiker("gemeente-assen")
    inzending = dien_in(
        door=assen,
        gemeente=Gemeente.objects.get(naam="Assen"),
        peildatum=NOV,
        aantallen={"amv": 3},
    )
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        stuur_terug(door=_gebruiker("lezer"), inzending=inzending, opmerking="nee")
    assert mail.outbox == [] and not Bericht.objects.exists()


def test_only_the_user_itself_chooses(drenthe: Any) -> None:
    assen = _gebruiker("gemeente-assen")
    with pytest.raises(PermissionDenied):
        services.zet_voorkeur(door=_gebruiker("secretariaat"), gebruiker=assen, aan=[])
    with pytest.raises(
        ValidationError, match=r"Onbekende soort e-mail: herinneringen\.samenvatting"
    ):
        # the secretariaat's summary is not a kind a gemeente user gets
        services.zet_voorkeur(door=assen, gebruiker=assen, aan=["herinneringen.samenvatting"])


def test_the_profile_page(gemeente_assen: Client, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(12):
        pagina = gemeente_assen.get("/account/berichten/")
    html = pagina.content.decode()
    assert pagina.status_code == 200
    assert "regietafel stuurt e-mail naar gemeente-assen@demo.regietafel.example." in html
    assert 'name="aan" value="herinneringen.herinnering"' in html
    assert (
        'value="monitoring.teruggestuurd" id="soort-2" aria-describedby="soort-2-uitleg" checked disabled'
        in html
    )
    assert "Er is u nog geen e-mail gestuurd." in html
    assen = _gebruiker("gemeente-assen")
    laatste = AuditRegel.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    antwoord = gemeente_assen.post("/account/berichten/", {})
    assert antwoord.status_code == 302 and antwoord["Location"] == "/account/berichten/"
    assert Berichtvoorkeur.objects.get(gebruiker=assen).uit == ["herinneringen.herinnering"]
    regel = AuditRegel.objects.get(pk__gt=laatste)
    assert regel.door == assen and regel.wijzigingen == {"herinneringen.herinnering": [True, False]}
    assert (
        "checked"
        not in gemeente_assen.get("/account/berichten/")
        .content.decode()
        .split('value="herinneringen.herinnering"')[1]
        .split(">")[0]
    )
    # Back on.
    gemeente_assen.post("/account/berichten/", {"aan": ["herinneringen.herinnering"]})
    assert Berichtvoorkeur.objects.get(gebruiker=assen).uit == []
    fout = gemeente_assen.post("/account/berichten/", {"aan": ["iets.anders"]})
    assert fout.status_code == 400
    assert "Onbekende soort e-mail: iets.anders." in fout.content.decode()


def test_the_profile_page_lists_the_mail_sent(
    gemeente_assen: Client,
    django_capture_on_commit_callbacks: Any,
    django_assert_max_num_queries: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(25):
            _plan(f"proef:{i}")
    with django_assert_max_num_queries(12):
        html = gemeente_assen.get("/account/berichten/").content.decode()
    assert html.count('<td class="utrecht-table__cell">Proef</td>') == 20
    assert "Verzonden (" in html


def test_a_role_without_mail_says_so(lezer: Client, client: Client) -> None:
    assert (
        "Met uw rol stuurt regietafel u geen e-mail."
        in lezer.get("/account/berichten/").content.decode()
    )
    assert client.get("/account/berichten/")["Location"].startswith("/account/inloggen/")
