"""Writes for scenarios: the only way views, commands and tests change them.

Each function takes the acting user as ``door=``, validates, writes in one transaction and
records an audit entry. A scenario must always make a valid ``Casus`` (the domain's own
checks: an uitruil cannot give away more than the giver offers, a group needs two members).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from regietafel.audit.services import registreer
from regietafel.core import opmaak
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.opgaven.models import (
    Cyclus,
    CyclusSoort,
    Opgave,
    ProvincieOpgave,
    Soort,
    Stadium,
)
from regietafel.verdeling.models import (
    Scenario,
    ScenarioGemeente,
    ScenarioUitruil,
    ScenarioUitruilGroep,
)
from regietafel.verdeling.permissions import mag_bewerken
from regietafel.verdeling.queries import casus_van, laatste_inwonertallen, oekraine_voor_r3

SCENARIO_VELDEN = ("naam", "toelichting", "opgave_regulier", "opgave_amv", "oekraine_totaal")
"""The fields of a scenario a user may change."""

GEMEENTE_VELDEN = (
    "verslag_regulier",
    "verslag_amv",
    "kansrijk_regulier",
    "kansrijk_amv",
    "historisch_gemiddelde",
    "oekraine_plaatsen",
)
"""The fields of a gemeente in a scenario a user may change; the indicative numbers and the
inhabitants come from the register and the minister and are not edited here."""

KOPIEER_VELDEN = (
    "inwoners",
    "indicatief_regulier",
    "indicatief_amv",
    *GEMEENTE_VELDEN,
)

UitruilRegel = tuple[int, int, int]
"""(van gemeente id, voor gemeente id, reguliere plaatsen)."""
GroepLid = tuple[str, int]
"""(groep label, gemeente id)."""


def _mag(door: Any, provincie: Provincie) -> None:
    """The service checks the actor too, not only the view (the API, the CLI and imports call
    it as well); ``door=None`` is the system (the command line, the demo)."""
    if door is not None and not mag_bewerken(door, provincie):
        raise PermissionDenied(
            f"Alleen het secretariaat van {provincie.naam} mag de scenario's van die provincie wijzigen."
        )


def _controleer(scenario: Scenario) -> None:
    """Refuse a scenario the domain cannot compute (the transaction then rolls back)."""
    try:
        casus_van(scenario)
    except ValueError as fout:
        raise ValidationError(str(fout)) from fout


@transaction.atomic
def maak_scenario(
    *, door: Any, provincie: Provincie, cyclus: Cyclus, naam: str, toelichting: str = ""
) -> Scenario:
    """A scenario filled from what is stored for ``cyclus`` in ``provincie``.

    Indicative numbers from the indicatief stage, the verslag from the aanbod stage, the
    provincial opgave from the earliest ProvincieOpgave of the cyclus, inhabitants from the
    latest Inwonertal. For the Ukraine criterion: the provincial Ukraine number and each
    gemeente's realised Ukraine places as known on the cyclus's verslag deadline (editable).
    """
    _mag(door, provincie)
    naam = naam.strip()
    if not naam:
        raise ValidationError("Geef het scenario een naam.")
    if cyclus.soort != CyclusSoort.SPREIDINGSWET:
        raise ValidationError(f"{cyclus} is geen cyclus van de Spreidingswet.")
    gemeenten = list(Gemeente.objects.filter(provincie=provincie).order_by("naam"))
    if not gemeenten:
        raise ValidationError(f"{provincie} heeft geen gemeenten in het register.")

    opgaven: dict[tuple[int, str, str], int] = {
        (g, soort, stadium): aantal
        for g, soort, stadium, aantal in Opgave.objects.filter(
            cyclus=cyclus,
            gemeente__provincie=provincie,
            soort__in=[Soort.REGULIER, Soort.AMV],
            stadium__in=[Stadium.INDICATIEF, Stadium.AANBOD],
        ).values_list("gemeente_id", "soort", "stadium", "aantal")
    }
    provinciaal: dict[str, ProvincieOpgave] = {}
    for po in ProvincieOpgave.objects.filter(
        cyclus=cyclus, provincie=provincie, soort__in=[Soort.REGULIER, Soort.AMV]
    ).order_by("-geldig_vanaf"):
        provinciaal[po.soort] = po  # the earliest wins
    inwoners = laatste_inwonertallen(gemeenten)

    oekraine_totaal, oekraine_plaatsen = oekraine_voor_r3(provincie, cyclus)
    scenario = Scenario(
        naam=naam,
        cyclus=cyclus,
        provincie=provincie,
        toelichting=toelichting.strip()
        or "\n".join(_bronnen(cyclus, provinciaal, inwoners, oekraine_totaal)),
        opgave_regulier=provinciaal[Soort.REGULIER].aantal if Soort.REGULIER in provinciaal else 0,
        opgave_amv=provinciaal[Soort.AMV].aantal if Soort.AMV in provinciaal else 0,
        oekraine_totaal=oekraine_totaal.aantal if oekraine_totaal else None,
        aangemaakt_door=door if getattr(door, "pk", None) else None,
    )
    scenario.full_clean()
    scenario.save()
    ScenarioGemeente.objects.bulk_create(
        ScenarioGemeente(
            scenario=scenario,
            gemeente=g,
            inwoners=inwoners[g.pk].aantal if g.pk in inwoners else 0,
            indicatief_regulier=opgaven.get((g.pk, Soort.REGULIER, Stadium.INDICATIEF), 0),
            indicatief_amv=opgaven.get((g.pk, Soort.AMV, Stadium.INDICATIEF), 0),
            verslag_regulier=opgaven.get((g.pk, Soort.REGULIER, Stadium.AANBOD), 0),
            verslag_amv=opgaven.get((g.pk, Soort.AMV, Stadium.AANBOD), 0),
            oekraine_plaatsen=oekraine_plaatsen[g.pk].aantal if g.pk in oekraine_plaatsen else 0,
        )
        for g in gemeenten
    )
    _controleer(scenario)
    registreer(
        door=door,
        actie="aangemaakt",
        obj=scenario,
        wijzigingen={
            "naam": [None, scenario.naam],
            "cyclus": [None, str(cyclus)],
            "provincie": [None, str(provincie)],
            "opgave_regulier": [None, scenario.opgave_regulier],
            "opgave_amv": [None, scenario.opgave_amv],
            "oekraine_totaal": [None, scenario.oekraine_totaal],
            "gemeenten": [None, len(gemeenten)],
        },
    )
    return scenario


def _bronnen(
    cyclus: Cyclus,
    provinciaal: Mapping[str, ProvincieOpgave],
    inwoners: Mapping[int, Any],
    oekraine_totaal: Any,
) -> list[str]:
    """Where a new scenario's numbers come from, line by line (its default toelichting)."""
    bronnen = [
        f"Ingevuld uit {cyclus}: indicatieve verdeling en aanbod in het verslag per gemeente."
    ]
    for soort in (Soort.REGULIER, Soort.AMV):
        if soort in provinciaal:
            po = provinciaal[soort]
            bronnen.append(
                f"Provinciale opgave {soort}: {po.aantal} (vanaf {opmaak.datum(po.geldig_vanaf)}"
                f"{', ' + po.bron if po.bron else ''})."
            )
        else:
            bronnen.append(f"Geen provinciale opgave {soort} opgeslagen: 0 ingevuld.")
    if inwoners:
        jaren = sorted({r.jaar for r in inwoners.values()})
        bronnen.append(f"Inwoners op 1 januari {', '.join(map(str, jaren))}.")
    if oekraine_totaal is not None:
        bronnen.append(
            f"Oekraïne-totaal {oekraine_totaal.aantal} (vanaf {opmaak.datum(oekraine_totaal.geldig_vanaf)}); "
            "Oekraïne-plaatsen: de laatste realisatie vóór de deadline van het verslag "
            "(de methode van de minister telt 01-01-2023 t/m 01-09-2024: controleer deze cijfers)."
        )
    bronnen.append("Kansrijke initiatieven en historisch gemiddelde: niet opgeslagen, 0 ingevuld.")
    return bronnen


@transaction.atomic
def kopieer_scenario(*, door: Any, scenario: Scenario, naam: str = "") -> Scenario:
    """A copy with every gemeente, uitruil and group; ``kopie_van`` points to the original."""
    _mag(door, scenario.provincie)
    kopie = Scenario(
        naam=naam.strip() or f"Kopie van {scenario.naam}"[:200],
        cyclus=scenario.cyclus,
        provincie=scenario.provincie,
        toelichting=scenario.toelichting,
        opgave_regulier=scenario.opgave_regulier,
        opgave_amv=scenario.opgave_amv,
        oekraine_totaal=scenario.oekraine_totaal,
        aangemaakt_door=door if getattr(door, "pk", None) else None,
        kopie_van=scenario,
    )
    kopie.full_clean()
    kopie.save()
    ScenarioGemeente.objects.bulk_create(
        ScenarioGemeente(
            scenario=kopie,
            gemeente_id=r.gemeente_id,
            **{veld: getattr(r, veld) for veld in KOPIEER_VELDEN},
        )
        for r in scenario.gemeenten.all()
    )
    ScenarioUitruil.objects.bulk_create(
        ScenarioUitruil(scenario=kopie, van_id=u.van_id, voor_id=u.voor_id, regulier=u.regulier)
        for u in scenario.uitruil.all()
    )
    ScenarioUitruilGroep.objects.bulk_create(
        ScenarioUitruilGroep(scenario=kopie, groep=lid.groep, gemeente_id=lid.gemeente_id)
        for lid in scenario.uitruil_groepen.all()
    )
    registreer(
        door=door,
        actie="gekopieerd",
        obj=kopie,
        wijzigingen={
            "kopie_van": [None, f"{scenario} (#{scenario.pk})"],
            "naam": [None, kopie.naam],
        },
    )
    return kopie


def _normaal_uitruil(regels: Sequence[UitruilRegel]) -> list[UitruilRegel]:
    return [(int(v), int(w), int(n)) for v, w, n in regels]


def _normaal_groepen(leden: Sequence[GroepLid]) -> list[GroepLid]:
    return sorted(dict.fromkeys((str(label).strip(), int(g)) for label, g in leden))


def _wijzig_velden(
    scenario: Scenario, velden: Mapping[str, Any], wijzigingen: dict[str, list[Any]]
) -> None:
    """Set the scenario's own fields (unsaved); each change old → new in ``wijzigingen``."""
    for veld, waarde in velden.items():
        if veld not in SCENARIO_VELDEN:
            raise ValidationError(f"Het veld {veld!r} van een scenario kan niet worden gewijzigd.")
        if isinstance(waarde, str):  # browsers send a textarea's line breaks as CRLF
            waarde = waarde.replace("\r\n", "\n").strip()
        oud = getattr(scenario, veld)
        if oud != waarde:
            wijzigingen[veld] = [oud, waarde]
            setattr(scenario, veld, waarde)


def _wijzig_gemeenten(
    rijen: Mapping[int, ScenarioGemeente],
    gemeenten: Mapping[int, Mapping[str, int]],
    wijzigingen: dict[str, list[Any]],
) -> list[ScenarioGemeente]:
    """Set the gemeenten's fields (unsaved, checked); returns the rows that changed."""
    gewijzigd: list[ScenarioGemeente] = []
    for gemeente_id, waarden in gemeenten.items():
        rij = rijen.get(int(gemeente_id))
        if rij is None:
            raise ValidationError(f"Gemeente {gemeente_id} hoort niet bij dit scenario.")
        veranderd = False
        for veld, waarde in waarden.items():
            if veld not in GEMEENTE_VELDEN:
                raise ValidationError(
                    f"Het veld {veld!r} van een gemeente kan niet worden gewijzigd."
                )
            if getattr(rij, veld) != waarde:
                wijzigingen[f"{rij.gemeente.naam}.{veld}"] = [getattr(rij, veld), waarde]
                setattr(rij, veld, waarde)
                veranderd = True
        if veranderd:
            rij.full_clean(exclude=["scenario", "gemeente"])
            gewijzigd.append(rij)
    return gewijzigd


@transaction.atomic
def wijzig_scenario(
    *,
    door: Any,
    scenario: Scenario,
    velden: Mapping[str, Any] | None = None,
    gemeenten: Mapping[int, Mapping[str, int]] | None = None,
    uitruil: Sequence[UitruilRegel] | None = None,
    groepen: Sequence[GroepLid] | None = None,
) -> dict[str, list[Any]]:
    """Change a scenario (the cleaned data of the workbench's forms); returns the changes.

    ``velden``: fields of ``SCENARIO_VELDEN``; ``gemeenten``: per gemeente id the fields of
    ``GEMEENTE_VELDEN``; ``uitruil`` and ``groepen`` replace the agreements and the group
    memberships when given (``None`` leaves them). Raises ``ValidationError`` (and writes
    nothing) for unknown fields or gemeenten, or a scenario the domain refuses.
    """
    _mag(door, scenario.provincie)
    wijzigingen: dict[str, list[Any]] = {}
    _wijzig_velden(scenario, velden or {}, wijzigingen)
    rijen = {r.gemeente_id: r for r in scenario.gemeenten.select_related("gemeente")}
    gewijzigd = _wijzig_gemeenten(rijen, gemeenten or {}, wijzigingen)
    namen = {g: r.gemeente.naam for g, r in rijen.items()}

    def naam(gemeente_id: int) -> str:
        if gemeente_id not in namen:
            raise ValidationError(f"Gemeente {gemeente_id} hoort niet bij dit scenario.")
        return namen[gemeente_id]

    if uitruil is not None:
        oud_u = [(u.van_id, u.voor_id, u.regulier) for u in scenario.uitruil.all()]
        nieuw_u = _normaal_uitruil(uitruil)
        if oud_u != nieuw_u:
            wijzigingen["uitruil"] = [
                [f"{naam(v)} → {naam(w)}: {n}" for v, w, n in oud_u],
                [f"{naam(v)} → {naam(w)}: {n}" for v, w, n in nieuw_u],
            ]
            ScenarioUitruil.objects.filter(scenario=scenario).delete()
            ScenarioUitruil.objects.bulk_create(
                ScenarioUitruil(scenario=scenario, van_id=v, voor_id=w, regulier=n)
                for v, w, n in nieuw_u
            )
    if groepen is not None:
        oud_g = sorted((lid.groep, lid.gemeente_id) for lid in scenario.uitruil_groepen.all())
        nieuw_g = _normaal_groepen(groepen)
        if oud_g != nieuw_g:
            wijzigingen["uitruil_groepen"] = [
                [f"{label}: {naam(g)}" for label, g in oud_g],
                [f"{label}: {naam(g)}" for label, g in nieuw_g],
            ]
            ScenarioUitruilGroep.objects.filter(scenario=scenario).delete()
            ScenarioUitruilGroep.objects.bulk_create(
                ScenarioUitruilGroep(scenario=scenario, groep=label, gemeente_id=g)
                for label, g in nieuw_g
            )
    if not wijzigingen:
        return {}
    scenario.full_clean()
    scenario.save()
    ScenarioGemeente.objects.bulk_update(gewijzigd, list(GEMEENTE_VELDEN))
    # Read back what was written, so the check sees exactly the stored scenario.
    _controleer(Scenario.objects.get(pk=scenario.pk))
    registreer(door=door, actie="gewijzigd", obj=scenario, wijzigingen=wijzigingen)
    return wijzigingen


@transaction.atomic
def verwijder_scenario(*, door: Any, scenario: Scenario) -> None:
    """Delete a scenario with its rows; copies of it keep existing (``kopie_van`` is cleared)."""
    _mag(door, scenario.provincie)
    registreer(
        door=door,
        actie="verwijderd",
        obj=scenario,
        wijzigingen={"naam": [scenario.naam, None], "cyclus": [str(scenario.cyclus), None]},
    )
    scenario.delete()
