"""No side door through the admin (issue 17, point 2).

Every ModelAdmin registered on the admin site (``admin.site._registry``) is one of two kinds,
and this module holds each to it:

- read-only (``ALLEEN_LEZEN``): no add, change or delete, not even for a superuser, no
  action; a POST to its add, change or delete page is refused and changes nothing;
- through the services (``GEVALLEN``): a ``ViaDiensten`` admin. As a superuser (who may do
  everything the admin offers) a valid add, change and delete through the real pages lands and
  leaves a history entry for every record it touched; every refused write (the form's and the
  service's rules) leaves the data as it was, compared on the rows themselves; every action of
  the changelist (``delete_selected`` too) is run on a selection, and one refusal in it undoes
  the whole selection.

A new ModelAdmin, or a new action, that is in neither table fails ``test_every_admin_is_classified``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import models
from django.test import Client, RequestFactory
from django.urls import reverse

from regietafel.accounts.admin_mixins import ViaDiensten
from regietafel.accounts.models import Gebruiker
from regietafel.audit import keten
from regietafel.audit.models import AuditRegel, HistorieKop
from regietafel.audit.services import registreer
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.locaties.models import Locatie
from regietafel.opgaven.models import BronInvulling, Cyclus, Opgave, ProvincieOpgave
from regietafel.rapportage.models import BonusRegeling, Spuk3Bedrag
from regietafel.verzoeken.models import Nareismaatregel
from regietafel.woo.models import Ambtsdrager
from tests.formulier import beheer_post, toepassen, velden

pytestmark = pytest.mark.django_db

ALLEEN_LEZEN = {
    "audit.auditregel": "the history itself: appended by the services",
    "gemeenten.provincie": "the CBS register (laad_register)",
    "gemeenten.gemeente": "the CBS register (laad_register)",
    "gemeenten.inwonertal": "CBS StatLine (regietafel import inwoners)",
    "monitoring.realisatie": "imports and approved submissions",
    "monitoring.vergunninghoudersstand": "the COA import",
    "monitoring.nidosstand": "the Nidos import",
    "aanlevering.aanlevering": "the log of the imports",
    "rapportage.rapportversie": "appended by the report pages",
    "axes.accesslog": "django-axes' log of logins",
    "axes.accessfailurelog": "django-axes' log of failed logins",
}


# --------------------------------------------------------------------------- the cases


def _datum(d: dt.date) -> str:
    return f"{d:%d-%m-%Y}"


def drenthe() -> Provincie:
    return Provincie.objects.get(naam="Drenthe")


def assen() -> Gemeente:
    return Gemeente.objects.get(naam="Assen")


def _gebruiker(naam: str, **waarden: Any) -> Gebruiker:
    from regietafel.accounts.services import maak_gebruiker

    return maak_gebruiker(door=None, gebruikersnaam=naam, **waarden)


def _met_historie(naam: str) -> Gebruiker:
    """A user who wrote something: deleting it is refused (it is deactivated instead)."""
    gebruiker = _gebruiker(naam)
    registreer(door=gebruiker, actie="test", obj=assen())
    return gebruiker


def _token(gebruikersnaam: str) -> Any:
    from regietafel.accounts.services import maak_token

    return maak_token(door=None, gebruiker=Gebruiker.objects.get(username=gebruikersnaam))


def _poging(naam: str) -> Any:
    from axes.models import AccessAttempt

    return AccessAttempt.objects.create(
        username=naam,
        ip_address="192.0.2.1",
        user_agent="test",
        http_accept="*/*",
        path_info="/account/inloggen/",
        get_data="",
        post_data="",
        failures_since_start=5,
    )


def _cyclus(code: str = "test-leeg") -> Cyclus:
    from regietafel import services

    return services.maak(
        Cyclus,
        door=None,
        waarden={
            "code": code,
            "naam": "Testcyclus",
            "soort": "spreidingswet",
            "jaar": 2030,
            "begin": dt.date(2030, 1, 1),
            "eind": dt.date(2031, 12, 31),
        },
    )


def _beeindigde_locatie() -> Locatie:
    from regietafel.locaties.services import beeindig_locatie, maak_locatie

    locatie = maak_locatie(
        door=None,
        gemeente=assen(),
        naam="Beheer beëindigd",
        type="regulier",
        status="gerealiseerd",
        plaatsen_regulier=10,
        beschikbaar_van=dt.date(2024, 1, 1),
    )
    return beeindig_locatie(
        door=None, locatie=locatie, einddatum=dt.date(2025, 1, 1), reden="contract afgelopen"
    )


def _locatie() -> Locatie:
    return Locatie.objects.filter(gemeente__naam="Assen", status="gerealiseerd").order_by("pk")[0]


def _regeling() -> BonusRegeling:
    return BonusRegeling.objects.get(provincie__naam="Drenthe", cyclus__code="spreidingswet-2024")


def _regeling_met_bedrag() -> BonusRegeling:
    from regietafel.rapportage.services import zet_spuk3_bedrag

    regeling = _regeling()
    zet_spuk3_bedrag(door=None, regeling=regeling, gemeente=assen(), bedrag=1234)
    return regeling


def _nieuwe_rij(regeling: BonusRegeling, gemeente: Gemeente, bedrag: int) -> dict[str, Any]:
    """POST values that add one SPUK 3 row (after the rows the page shows) to the scheme."""
    n = regeling.spuk3_bedragen.count()
    return {
        "spuk3_bedragen-TOTAL_FORMS": str(n + 1),
        f"spuk3_bedragen-{n}-gemeente": str(gemeente.pk),
        f"spuk3_bedragen-{n}-bedrag": str(bedrag),
        f"spuk3_bedragen-{n}-regeling": str(regeling.pk),
    }


def _maatregel() -> Nareismaatregel:
    from regietafel.verzoeken.services import zet_maatregel

    maatregel, _ = zet_maatregel(
        door=None,
        code="nareis-beheer",
        naam="Nareismaatregel (beheer)",
        geldig_vanaf=dt.date(2025, 1, 1),
        har_plus_tot=dt.date(2026, 7, 1),
    )
    return maatregel


def _tweede_locatie_naam() -> str:
    """The name of another location of Assen (made if the demo has one only)."""
    from regietafel.locaties.services import maak_locatie

    eerste = _locatie()
    ander = Locatie.objects.filter(gemeente=eerste.gemeente).exclude(pk=eerste.pk).first()
    if ander is None:
        ander = maak_locatie(
            door=None, gemeente=eerste.gemeente, naam="Tweede locatie", type="amv", status="gepland"
        )
    return ander.naam


def _ambtsdrager(naam: str = "Beheer Testpersoon") -> Ambtsdrager:
    from regietafel import services

    return services.maak(Ambtsdrager, door=None, waarden={"naam": naam, "functie": "test"})


@dataclass(frozen=True)
class Geval:
    """How to exercise one admin that writes through the services."""

    object: Callable[[], models.Model] | None
    """A stored record to change (None: the admin changes nothing)."""
    wijziging: Callable[[], dict[str, Any]] = dict
    """A valid change, as POST values on top of the page's own."""
    gelukt: Callable[[models.Model], bool] = lambda obj: True
    """The valid change landed (on the record read again)."""
    ongeldig: tuple[Callable[[], dict[str, Any]], ...] = ()
    """Changes the form or the service refuses."""
    ongeldig_object: Callable[[], models.Model] | None = None
    """A record any change of which is refused (an ended location)."""
    nieuw: Callable[[], dict[str, Any]] | None = None
    """A valid add form (POST values on top of the empty form); None: no add."""
    nieuw_ongeldig: Callable[[], dict[str, Any]] | None = None
    verwijderbaar: Callable[[], models.Model] | None = None
    """A record that may be deleted; None: the admin deletes nothing."""
    onverwijderbaar: Callable[[], models.Model] | None = None
    """A record whose deletion the service refuses."""
    acties: dict[str, Callable[[models.Model], bool]] = field(default_factory=dict)
    """Actions besides delete_selected: name → did it land on a selected record."""
    historie_van: Callable[[models.Model], models.Model] = lambda obj: obj
    """The record whose history a write of ``obj`` extends (a key's: its user)."""


GEVALLEN: dict[str, Geval] = {
    "accounts.gebruiker": Geval(
        object=lambda: _gebruiker("beheer-object", provincie=drenthe()),
        wijziging=lambda: {"rol": "secretariaat", "organisatie": "Provincie Drenthe"},
        gelukt=lambda g: g.rol == "secretariaat",  # type: ignore[attr-defined]
        ongeldig=(
            lambda: {"rol": "gemeente", "gemeente": ""},  # a gemeente user needs a gemeente
            lambda: {"landelijk": "on"},  # national, with a provincie
            lambda: {"gemeente": str(Gemeente.objects.get(naam="Groningen").pk)},  # elsewhere
            lambda: {"username": "lezer"},  # taken
        ),
        nieuw=lambda: {
            "username": "beheer-nieuw",
            "usable_password": "true",
            "password1": "Een-lang-wachtwoord-2025",
            "password2": "Een-lang-wachtwoord-2025",
        },
        nieuw_ongeldig=lambda: {"username": "lezer", "usable_password": "false"},
        verwijderbaar=lambda: _gebruiker("beheer-weg"),
        onverwijderbaar=lambda: _met_historie("beheer-blijft"),
        acties={"deactiveer": lambda g: not g.is_active},  # type: ignore[attr-defined]
    ),
    "auth.group": Geval(
        object=lambda: Group.objects.get(name="Secretariaat PRT"),
        wijziging=lambda: {"name": "Secretariaat PRT (hernoemd)"},
        gelukt=lambda g: g.name == "Secretariaat PRT (hernoemd)",  # type: ignore[attr-defined]
        ongeldig=(lambda: {"name": ""},),
        nieuw=lambda: {"name": "Nieuwe groep"},
        nieuw_ongeldig=lambda: {"name": "Secretariaat PRT"},
        verwijderbaar=lambda: Group.objects.create(name="Weg ermee"),
    ),
    "authtoken.tokenproxy": Geval(
        object=None,
        nieuw=lambda: {"user": str(Gebruiker.objects.get(username="gemeente-assen").pk)},
        nieuw_ongeldig=lambda: {
            "user": str(_token("gemeente-emmen").user_id),  # already has one
        },
        verwijderbaar=lambda: _token("coa"),
        historie_van=lambda token: token.user,  # type: ignore[attr-defined]
    ),
    "axes.accessattempt": Geval(
        object=None,
        verwijderbaar=lambda: _poging("geblokkeerd"),
    ),
    "opgaven.cyclus": Geval(
        object=lambda: Cyclus.objects.get(code="spreidingswet-2024"),
        wijziging=lambda: {"kolomkop": "24/25"},
        gelukt=lambda c: c.kolomkop == "24/25",  # type: ignore[attr-defined]
        ongeldig=(lambda: {"eind": "01-01-2020"}, lambda: {"code": "oekraine-2025"}),
        nieuw=lambda: {
            "code": "beheer-nieuw",
            "naam": "Nieuwe cyclus",
            "soort": "spreidingswet",
            "jaar": "2028",
            "begin": "01-01-2028",
            "eind": "31-12-2029",
        },
        nieuw_ongeldig=lambda: {
            "code": "beheer-nieuw",
            "naam": "Nieuwe cyclus",
            "soort": "spreidingswet",
            "jaar": "2028",
            "begin": "01-01-2028",
            "eind": "31-12-2027",
        },
        verwijderbaar=_cyclus,
        onverwijderbaar=lambda: Cyclus.objects.get(code="spreidingswet-2024"),
    ),
    "opgaven.provincieopgave": Geval(
        object=lambda: ProvincieOpgave.objects.filter(provincie__naam="Drenthe").order_by("pk")[0],
        wijziging=lambda: {"aantal": "2700"},
        gelukt=lambda o: o.aantal == 2700,  # type: ignore[attr-defined]
        ongeldig=(lambda: {"aantal": "-1"}, lambda: {"provincie": ""}),
        nieuw=lambda: {
            "cyclus": str(_cyclus().pk),
            "provincie": str(drenthe().pk),
            "soort": "regulier",
            "aantal": "10",
            "geldig_vanaf": "01-01-2030",
        },
        verwijderbaar=lambda: ProvincieOpgave.objects.filter(provincie__naam="Drenthe").order_by(
            "pk"
        )[0],
    ),
    "opgaven.opgave": Geval(
        object=lambda: Opgave.objects.filter(gemeente__naam="Assen").order_by("pk")[0],
        wijziging=lambda: {"aantal": "77"},
        gelukt=lambda o: o.aantal == 77,  # type: ignore[attr-defined]
        ongeldig=(lambda: {"aantal": "x"}, lambda: {"gemeente": ""}),
        nieuw=lambda: {
            "cyclus": str(_cyclus().pk),
            "gemeente": str(assen().pk),
            "soort": "regulier",
            "stadium": "indicatief",
            "aantal": "10",
        },
        verwijderbaar=lambda: Opgave.objects.filter(gemeente__naam="Assen").order_by("pk")[0],
    ),
    "opgaven.broninvulling": Geval(
        object=lambda: BronInvulling.objects.filter(provincie__naam="Drenthe").order_by("pk")[0],
        wijziging=lambda: {"ingevuld": "12"},
        gelukt=lambda b: b.ingevuld == 12,  # type: ignore[attr-defined]
        ongeldig=(lambda: {"ingevuld": "-1"}, lambda: {"bron": ""}),
        nieuw=lambda: {
            "cyclus": str(_cyclus().pk),
            "provincie": str(drenthe().pk),
            "soort": "amv",
            "opgave": "100",
            "ingevuld": "40",
            "bron": "Provinciaal verslag, Bijlage 1",
        },
        nieuw_ongeldig=lambda: {  # a second one for the same cyclus, provincie and soort
            "cyclus": str(BronInvulling.objects.filter(provincie__naam="Drenthe")[0].cyclus_id),
            "provincie": str(drenthe().pk),
            "soort": BronInvulling.objects.filter(provincie__naam="Drenthe")[0].soort,
            "bron": "Nog een keer",
        },
        verwijderbaar=lambda: BronInvulling.objects.filter(provincie__naam="Drenthe").order_by(
            "pk"
        )[0],
    ),
    "locaties.locatie": Geval(
        object=_locatie,
        wijziging=lambda: {"plaatsen_regulier": "321"},
        gelukt=lambda loc: loc.plaatsen_regulier == 321,  # type: ignore[attr-defined]
        ongeldig=(
            # The four rules of locaties.services, which an admin save used to pass by:
            lambda: {"naam": _tweede_locatie_naam().upper()},  # a name taken in the gemeente
            lambda: {"onbepaalde_tijd": "on", "beschikbaar_tot": "01-01-2030"},
            lambda: {"status": "beeindigd", "reden_beeindiging": ""},  # ending without reason
            lambda: {"plaatsen_amv": "-3"},
            lambda: {"reden_beeindiging": "zomaar"},  # a reason without ending
            lambda: {"gemeente": str(Gemeente.objects.get(naam="Emmen").pk)},
        ),
        ongeldig_object=_beeindigde_locatie,  # reopening (or any change) is refused
        nieuw=lambda: {
            "gemeente": str(assen().pk),
            "naam": "Nieuwe locatie via beheer",
            "type": "regulier",
            "plaatsen_regulier": "50",
            "plaatsen_amv": "0",
            "plaatsen_oekraine": "0",
            "plaatsen_bijzonder": "0",
            "status": "gepland",
        },
        nieuw_ongeldig=lambda: {
            "gemeente": str(assen().pk),
            "naam": "Nieuwe locatie via beheer",
            "type": "regulier",
            "status": "beeindigd",
            "reden_beeindiging": "",
        },
    ),
    "rapportage.bonusregeling": Geval(
        object=_regeling,
        wijziging=lambda: {"spuk1_per_plek": "2500"},
        gelukt=lambda r: r.spuk1_per_plek == 2500,  # type: ignore[attr-defined]
        ongeldig=(
            lambda: {"cyclus": str(Cyclus.objects.get(code="oekraine-2025").pk)},
            lambda: {"spuk3_drempel_procent": "150"},
            # An inline row for a gemeente of another provincie:
            lambda: _nieuwe_rij(_regeling(), Gemeente.objects.get(naam="Groningen"), 100),
        ),
        nieuw=lambda: {
            "cyclus": str(Cyclus.objects.get(code="spreidingswet-2026").pk),
            "provincie": str(drenthe().pk),
            "spuk1_per_plek": "2000",
            "spuk1_minimale_jaren": "5",
            "spuk2_per_plek": "2000",
            "spuk3_drempel_procent": "75",
            "spuk3_provincie": "1",
        },
        nieuw_ongeldig=lambda: {
            "cyclus": str(Cyclus.objects.get(code="oekraine-2025").pk),
            "provincie": str(drenthe().pk),
            "spuk1_per_plek": "2000",
            "spuk2_per_plek": "2000",
            "spuk3_provincie": "1",
        },
        verwijderbaar=_regeling_met_bedrag,
    ),
    "verzoeken.nareismaatregel": Geval(
        object=lambda: _maatregel(),
        wijziging=lambda: {"informeren_dagen": "3"},
        gelukt=lambda m: m.informeren_dagen == 3,  # type: ignore[attr-defined]
        ongeldig=(lambda: {"code": "iets-anders"}, lambda: {"max_maanden": "-1"}),
        nieuw=lambda: {
            "code": "nareis-test",
            "naam": "Nareismaatregel test",
            "geldig_vanaf": "01-01-2030",
            "informeren_dagen": "2",
            "max_maanden": "6",
            "signaal_dagen": "30",
            "har_plus_tot": "01-07-2030",
        },
    ),
    "woo.ambtsdrager": Geval(
        object=_ambtsdrager,
        wijziging=lambda: {"functie": "commissaris van de Koning"},
        gelukt=lambda a: a.functie == "commissaris van de Koning",  # type: ignore[attr-defined]
        ongeldig=(lambda: {"naam": _ambtsdrager("Bezet").naam},),
        nieuw=lambda: {"naam": "Nieuwe Ambtsdrager", "functie": "minister", "actief": "on"},
        verwijderbaar=lambda: _ambtsdrager("Weg Persoon"),
    ),
}
"""Inline rows (SPUK 3 amounts) are written in ``test_an_inline_row_goes_through_the_service``."""


# --------------------------------------------------------------------------- helpers


def _label(model: type[models.Model]) -> str:
    return model._meta.label_lower


LABELS = sorted(_label(m) for m in admin.site._registry)


def _beheer(label: str) -> tuple[type[models.Model], admin.ModelAdmin[Any]]:
    for model, beheer in admin.site._registry.items():
        if _label(model) == label:
            return model, beheer
    raise LookupError(label)


def _url(label: str, soort: str, *args: Any) -> str:
    app, naam = label.split(".")
    return reverse(f"admin:{app}_{naam}_{soort}", args=args)


def _rij(obj: models.Model) -> dict[str, Any] | None:
    """The stored row of ``obj`` (None when it is gone): what a refused write must not touch."""
    sleutel = getattr(obj, obj._meta.pk.attname)  # an API key's proxy maps pk to its user
    return type(obj)._default_manager.filter(pk=sleutel).values().first()


def _kop() -> int:
    return HistorieKop.objects.get().volgnummer


def _nieuwe_historie(voor: int, obj: models.Model) -> list[AuditRegel]:
    return list(
        AuditRegel.objects.filter(
            volgnummer__gt=voor, object_type=_label(type(obj)), object_id=str(obj.pk)
        )
    )


def _object_url_id(label: str, obj: models.Model) -> Any:
    """The admin's id of a record (a key is found by its user's id)."""
    return obj.user_id if label == "authtoken.tokenproxy" else obj.pk  # type: ignore[attr-defined]


@pytest.fixture
def superuser(drenthe: Provincie) -> Gebruiker:
    return Gebruiker.objects.create(
        username="beheer-super", is_staff=True, is_superuser=True, rol="beheerder"
    )


@pytest.fixture
def client(superuser: Gebruiker) -> Client:
    client = Client()
    client.force_login(superuser)
    return client


def _request(gebruiker: Gebruiker) -> Any:
    request = RequestFactory().get("/beheer/")
    request.user = gebruiker
    return request


# --------------------------------------------------------------------------- classification


def test_every_admin_is_classified(superuser: Gebruiker) -> None:
    request = _request(superuser)
    fouten = []
    for label in LABELS:
        _, beheer = _beheer(label)
        if label in ALLEEN_LEZEN:
            schrijft = [
                wat
                for wat, mag in (
                    ("toevoegen", beheer.has_add_permission(request)),
                    ("wijzigen", beheer.has_change_permission(request)),
                    ("verwijderen", beheer.has_delete_permission(request)),
                )
                if mag
            ]
            if schrijft:
                fouten.append(f"{label} is alleen-lezen, maar staat {', '.join(schrijft)} toe")
            if beheer.get_actions(request):
                fouten.append(f"{label} is alleen-lezen, maar heeft acties")
            for inline in beheer.get_inline_instances(request):
                if inline.has_add_permission(request, None) or inline.has_change_permission(
                    request
                ):
                    fouten.append(f"{label}: inline {type(inline).__name__} schrijft")
        elif label in GEVALLEN:
            if not isinstance(beheer, ViaDiensten):
                fouten.append(f"{label} schrijft, maar niet via de services (geen ViaDiensten)")
            onbekend = set(beheer.get_actions(request)) - {"delete_selected"}
            onbekend -= set(GEVALLEN[label].acties)
            if onbekend:
                fouten.append(f"{label}: actie(s) {sorted(onbekend)} zonder test in GEVALLEN")
        else:
            fouten.append(f"{label} staat niet in ALLEEN_LEZEN of GEVALLEN")
    assert not fouten, "\n".join(fouten)
    assert not set(GEVALLEN) & set(ALLEEN_LEZEN)
    assert set(GEVALLEN) | set(ALLEEN_LEZEN) == set(LABELS), "verouderd in de tabellen"


# --------------------------------------------------------------------------- read-only


def _een_object(model: type[models.Model]) -> models.Model:
    obj = model._default_manager.order_by("pk").first()
    if obj is None and _label(model) == "axes.accesslog":
        from axes.models import AccessLog

        obj = AccessLog.objects.create(
            username="x", ip_address="192.0.2.1", user_agent="t", http_accept="*", path_info="/"
        )
    if obj is None and _label(model) == "axes.accessfailurelog":
        from axes.models import AccessFailureLog

        obj = AccessFailureLog.objects.create(
            username="x", ip_address="192.0.2.1", user_agent="t", http_accept="*", path_info="/"
        )
    if obj is None and _label(model) == "aanlevering.aanlevering":
        from regietafel.aanlevering.models import Aanlevering
        from regietafel.aanlevering.services import importeer_realisatie

        csv = b"gemeente;soort;aantal;peildatum\nAssen;oekraine;831;01-12-2025\n"
        importeer_realisatie(csv, door=None, bestandsnaam="realisatie.csv")
        obj = Aanlevering.objects.order_by("pk").first()
    assert obj is not None, f"geen {_label(model)} in de demo"
    return obj


@pytest.mark.parametrize("label", sorted(ALLEEN_LEZEN))
def test_a_read_only_admin_refuses_every_write(label: str, client: Client) -> None:
    model, _ = _beheer(label)
    obj = _een_object(model)
    rij, aantal, kop = _rij(obj), model._default_manager.count(), _kop()
    wijzig = _url(label, "change", obj.pk)
    pagina = client.get(wijzig)
    assert pagina.status_code == 200  # readable
    data = toepassen(velden(pagina.content.decode()), {})
    pogingen = [
        client.post(_url(label, "add"), data),
        client.post(wijzig, {**data, "_save": "Opslaan"}),
        client.post(_url(label, "delete", obj.pk), {"post": "yes"}),
        client.post(
            _url(label, "changelist"),
            {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"},
        ),
    ]
    assert [p.status_code for p in pogingen[:3]] == [403, 403, 403]
    assert pogingen[3].status_code in (200, 302)  # no such action: the list again
    assert (_rij(obj), model._default_manager.count(), _kop()) == (rij, aantal, kop)


# --------------------------------------------------------------------------- through the services


MET_OBJECT = sorted(label for label, g in GEVALLEN.items() if g.object is not None)


@pytest.mark.parametrize("label", MET_OBJECT)
def test_a_change_goes_through_the_service(
    label: str, client: Client, superuser: Gebruiker
) -> None:
    geval = GEVALLEN[label]
    assert geval.object is not None
    obj = geval.object()
    voor = _kop()
    antwoord = beheer_post(client, _url(label, "change", obj.pk), geval.wijziging())
    assert antwoord.status_code == 302, _fouten(antwoord)
    vers = type(obj)._default_manager.get(pk=obj.pk)
    assert geval.gelukt(vers)
    regels = _nieuwe_historie(voor, geval.historie_van(vers))
    assert regels, f"{label}: gewijzigd zonder historieregel"
    assert {(r.door_id, r.bron) for r in regels} == {(superuser.pk, "beheerscherm")}
    assert keten.controleer().in_orde


@pytest.mark.parametrize(
    "label, nummer",
    [(label, n) for label in MET_OBJECT for n in range(len(GEVALLEN[label].ongeldig))],
)
def test_a_refused_change_leaves_the_data(label: str, nummer: int, client: Client) -> None:
    geval = GEVALLEN[label]
    assert geval.object is not None
    obj = geval.object()
    wijziging = geval.ongeldig[nummer]()
    rij, kop = _rij(obj), _kop()
    antwoord = beheer_post(client, _url(label, "change", obj.pk), wijziging)
    assert antwoord.status_code in (200, 302)
    if antwoord.status_code == 302:  # refused when writing: back to the form with the reason
        assert antwoord["Location"] == _url(label, "change", obj.pk)
    else:
        assert b"errornote" in antwoord.content or b"errorlist" in antwoord.content
    assert (_rij(obj), _kop()) == (rij, kop), f"{label}: {wijziging} is toch geschreven"


@pytest.mark.parametrize(
    "label", sorted(label for label, g in GEVALLEN.items() if g.ongeldig_object is not None)
)
def test_a_record_that_is_closed_stays_closed(label: str, client: Client) -> None:
    """An ended location is not changed or reopened through the admin either."""
    geval = GEVALLEN[label]
    assert geval.ongeldig_object is not None
    obj = geval.ongeldig_object()
    rij, kop = _rij(obj), _kop()
    for wijziging in ({"status": "gepland"}, {"bijzonderheden": "heropend"}):
        antwoord = beheer_post(client, _url(label, "change", obj.pk), wijziging)
        assert antwoord.status_code in (200, 302)
        assert (_rij(obj), _kop()) == (rij, kop)


@pytest.mark.parametrize(
    "label", sorted(label for label, g in GEVALLEN.items() if g.nieuw is not None)
)
def test_an_add_goes_through_the_service(label: str, client: Client, superuser: Gebruiker) -> None:
    geval = GEVALLEN[label]
    assert geval.nieuw is not None
    model, _ = _beheer(label)
    velden_ = geval.nieuw()  # may make what it needs (a cyclus) first
    bestaand = set(model._default_manager.values_list("pk", flat=True))
    voor = _kop()
    antwoord = beheer_post(client, _url(label, "add"), velden_)
    assert antwoord.status_code == 302, _fouten(antwoord)
    nieuw = model._default_manager.exclude(pk__in=bestaand)
    assert nieuw.count() == 1
    regels = _nieuwe_historie(voor, geval.historie_van(nieuw.get()))
    assert regels and regels[0].actie in ("aangemaakt", "API-sleutel aangemaakt")
    assert regels[0].door_id == superuser.pk


@pytest.mark.parametrize(
    "label", sorted(label for label, g in GEVALLEN.items() if g.nieuw_ongeldig is not None)
)
def test_a_refused_add_writes_nothing(label: str, client: Client) -> None:
    geval = GEVALLEN[label]
    assert geval.nieuw_ongeldig is not None
    model, _ = _beheer(label)
    velden_ = geval.nieuw_ongeldig()
    rijen, kop = list(model._default_manager.order_by("pk").values()), _kop()
    antwoord = beheer_post(client, _url(label, "add"), velden_)
    assert antwoord.status_code in (200, 302)
    assert list(model._default_manager.order_by("pk").values()) == rijen
    assert _kop() == kop


@pytest.mark.parametrize("label", sorted(GEVALLEN))
def test_a_delete_goes_through_the_service_or_is_not_offered(
    label: str, client: Client, superuser: Gebruiker
) -> None:
    geval = GEVALLEN[label]
    model, beheer = _beheer(label)
    if geval.verwijderbaar is None:
        assert not beheer.has_delete_permission(_request(superuser))
        obj = geval.object() if geval.object else _een_object(model)
        rij = _rij(obj)
        antwoord = client.post(_url(label, "delete", obj.pk), {"post": "yes"})
        assert antwoord.status_code == 403 and _rij(obj) == rij
        return
    obj = geval.verwijderbaar()
    historie_van = geval.historie_van(obj)
    meegaand = _meegaand(obj)
    voor = _kop()
    antwoord = client.post(_url(label, "delete", _object_url_id(label, obj)), {"post": "yes"})
    assert antwoord.status_code == 302
    assert _rij(obj) is None
    assert _nieuwe_historie(voor, historie_van), f"{label}: verwijderd zonder historieregel"
    for ander in meegaand:  # what cascaded with it has its own entry
        assert _rij(ander) is None and _nieuwe_historie(voor, ander)
    if geval.onverwijderbaar is not None:
        blijft = geval.onverwijderbaar()
        rij, kop = _rij(blijft), _kop()
        antwoord = client.post(
            _url(label, "delete", _object_url_id(label, blijft)), {"post": "yes"}
        )
        assert antwoord.status_code in (200, 302, 403)
        assert (_rij(blijft), _kop()) == (rij, kop)


def _meegaand(obj: models.Model) -> list[models.Model]:
    if isinstance(obj, BonusRegeling):
        return list(Spuk3Bedrag.objects.filter(regeling=obj))
    return []


# --------------------------------------------------------------------------- actions


def _acties(label: str) -> set[str]:
    """The actions the admin offers a superuser (an unsaved one: no query)."""
    _, beheer = _beheer(label)
    return set(beheer.get_actions(_request(Gebruiker(is_superuser=True, is_staff=True))))


ACTIES = sorted((label, actie) for label in GEVALLEN for actie in _acties(label))


def _regeling_2026() -> BonusRegeling:
    from regietafel.rapportage.services import maak_bonusregeling

    return maak_bonusregeling(
        door=None,
        cyclus=Cyclus.objects.get(code="spreidingswet-2026"),
        provincie=drenthe(),
        spuk1_per_plek=1,
        spuk2_per_plek=1,
        spuk3_provincie=1,
    )


SELECTIES: dict[tuple[str, str], Callable[[], list[models.Model]]] = {
    ("accounts.gebruiker", "delete_selected"): lambda: [_gebruiker(f"weg-{n}") for n in (1, 2)],
    ("accounts.gebruiker", "deactiveer"): lambda: [_gebruiker(f"actief-{n}") for n in (1, 2)],
    ("auth.group", "delete_selected"): lambda: [
        Group.objects.create(name=f"Weg {n}") for n in (1, 2)
    ],
    ("axes.accessattempt", "delete_selected"): lambda: [_poging(f"blok-{n}") for n in (1, 2)],
    ("opgaven.cyclus", "delete_selected"): lambda: [_cyclus(f"weg-{n}") for n in (1, 2)],
    ("opgaven.provincieopgave", "delete_selected"): lambda: list(
        ProvincieOpgave.objects.filter(provincie__naam="Drenthe").order_by("pk")[:2]
    ),
    ("opgaven.opgave", "delete_selected"): lambda: list(
        Opgave.objects.filter(gemeente__naam="Assen").order_by("pk")[:2]
    ),
    ("opgaven.broninvulling", "delete_selected"): lambda: list(
        BronInvulling.objects.filter(provincie__naam="Drenthe").order_by("pk")[:2]
    ),
    ("rapportage.bonusregeling", "delete_selected"): lambda: [
        _regeling_met_bedrag(),
        _regeling_2026(),
    ],
    ("woo.ambtsdrager", "delete_selected"): lambda: [_ambtsdrager(f"Weg {n}") for n in (1, 2)],
}
"""Per admin and action: two records to select."""


def test_every_action_has_a_selection() -> None:
    assert set(ACTIES) == set(SELECTIES), "een actie zonder selectie in SELECTIES (of verouderd)"


@pytest.mark.parametrize("label, actie", ACTIES)
def test_every_action_goes_through_the_service(
    label: str, actie: str, client: Client, superuser: Gebruiker
) -> None:
    geval = GEVALLEN[label]
    selectie = SELECTIES[(label, actie)]()
    assert len(selectie) == 2
    historie = [geval.historie_van(o) for o in selectie]
    meegaand = [a for o in selectie for a in _meegaand(o)]
    voor = _kop()
    data = {
        "action": actie,
        "_selected_action": [str(_object_url_id(label, o)) for o in selectie],
        "post": "yes",
    }
    antwoord = client.post(_url(label, "changelist"), data)
    assert antwoord.status_code == 302, _fouten(antwoord)
    for obj, van in zip(selectie, historie, strict=True):
        if actie == "delete_selected":
            assert _rij(obj) is None, f"{label}: {obj} niet verwijderd"
        else:
            assert geval.acties[actie](type(obj)._default_manager.get(pk=obj.pk))
        assert _nieuwe_historie(voor, van), f"{label}: {actie} zonder historieregel voor {obj}"
    for ander in meegaand:
        assert _rij(ander) is None and _nieuwe_historie(voor, ander)
    assert keten.controleer().in_orde


def test_one_refusal_undoes_the_whole_selection(client: Client, superuser: Gebruiker) -> None:
    """Deleting the selected users, the acting superuser among them: the service refuses that
    one, so none is deleted (and no history written)."""
    weg = _gebruiker("selectie-weg")
    rijen, kop = [_rij(weg), _rij(superuser)], _kop()
    antwoord = client.post(
        _url("accounts.gebruiker", "changelist"),
        {"action": "delete_selected", "_selected_action": [weg.pk, superuser.pk], "post": "yes"},
    )
    assert antwoord.status_code == 302, _fouten(antwoord)
    assert [_rij(weg), _rij(superuser)] == rijen
    assert _kop() == kop
    pagina = client.get(antwoord["Location"])
    assert "U kunt uzelf niet verwijderen" in pagina.content.decode()


def test_an_inline_row_goes_through_the_service(client: Client, superuser: Gebruiker) -> None:
    """A SPUK 3 amount added on the bonus scheme's page, then changed and deleted there."""
    regeling = _regeling()
    url = _url("rapportage.bonusregeling", "change", regeling.pk)
    voor = _kop()
    from regietafel.rapportage.services import verwijder_spuk3_bedrag

    eerste = regeling.spuk3_bedragen.select_related("gemeente").order_by("pk").first()
    if eerste is not None:  # every gemeente has an amount: make room for one
        verwijder_spuk3_bedrag(door=None, bedrag=eerste)
    zonder = Gemeente.objects.filter(provincie=regeling.provincie).exclude(
        pk__in=regeling.spuk3_bedragen.values("gemeente")
    )[0]
    voor = _kop()
    antwoord = beheer_post(client, url, _nieuwe_rij(regeling, zonder, 4321))
    assert antwoord.status_code == 302, _fouten(antwoord)
    bedrag = Spuk3Bedrag.objects.get(regeling=regeling, gemeente=zonder)
    assert bedrag.bedrag == 4321
    assert [r.actie for r in _nieuwe_historie(voor, bedrag)] == ["aangemaakt"]
    rijen = velden(client.get(url).content.decode())
    index = next(
        k.split("-")[1]
        for k, v in rijen.items()
        if k.endswith("-id") and k.startswith("spuk3_bedragen-") and v == [str(bedrag.pk)]
    )
    voor = _kop()
    assert beheer_post(client, url, {f"spuk3_bedragen-{index}-bedrag": "5000"}).status_code == 302
    bedrag.refresh_from_db()
    assert bedrag.bedrag == 5000
    assert [r.actie for r in _nieuwe_historie(voor, bedrag)] == ["gewijzigd"]
    voor = _kop()
    antwoord = beheer_post(client, url, {f"spuk3_bedragen-{index}-DELETE": "on"})
    assert antwoord.status_code == 302
    assert _rij(bedrag) is None
    assert [r.actie for r in _nieuwe_historie(voor, bedrag)] == ["verwijderd"]


def test_the_password_is_set_through_the_service(client: Client, superuser: Gebruiker) -> None:
    gebruiker = _gebruiker("wachtwoord-test")
    url = reverse("admin:auth_user_password_change", args=[gebruiker.pk])
    voor = _kop()
    antwoord = client.post(
        url,
        {
            "password1": "Een-ander-wachtwoord-2025",
            "password2": "Een-ander-wachtwoord-2025",
            "set_usable_password": "true",
            "usable_password": "true",
        },
    )
    assert antwoord.status_code == 302, _fouten(antwoord)
    gebruiker.refresh_from_db()
    assert gebruiker.check_password("Een-ander-wachtwoord-2025")
    regels = _nieuwe_historie(voor, gebruiker)
    assert [r.actie for r in regels] == ["wachtwoord gewijzigd"]
    assert "Een-ander" not in str(regels[0].wijzigingen)


def test_a_beheerder_cannot_make_a_superuser(drenthe: Provincie) -> None:
    """The service's own rule, also through the admin: only a superuser hands out rights."""
    beheerder = Gebruiker.objects.create(username="beheer-rol", rol="beheerder", is_staff=True)
    from django.contrib.auth.models import Permission

    beheerder.user_permissions.add(*Permission.objects.filter(content_type__app_label="accounts"))
    client = Client()
    client.force_login(beheerder)
    doel = _gebruiker("beheer-doel")
    rij, kop = _rij(doel), _kop()
    antwoord = beheer_post(
        client, _url("accounts.gebruiker", "change", doel.pk), {"is_superuser": "on"}
    )
    assert antwoord.status_code == 200
    assert "Alleen een superuser" in antwoord.content.decode()
    assert (_rij(doel), _kop()) == (rij, kop)


def _fouten(antwoord: Any) -> str:
    """The form errors of an answer that should have been a redirect."""
    import re

    tekst = antwoord.content.decode(errors="replace") if hasattr(antwoord, "content") else ""
    return " | ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', tekst, re.S))[:2000]
