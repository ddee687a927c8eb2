"""The location register in the admin: every write through ``locaties.services`` (the same
rules as the pages: a unique name per gemeente, no end date for "onbepaalde tijd", ending only
with a reason, an ended location is not changed or reopened). A location is ended, not
deleted."""

from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from regietafel.accounts.admin_mixins import BRON, DienstAdmin, gewijzigde_waarden
from regietafel.locaties.models import Locatie, LocatieStatus
from regietafel.locaties.services import VELDEN, beeindig_locatie, maak_locatie, wijzig_locatie


@admin.register(Locatie)
class LocatieAdmin(DienstAdmin):
    list_display = [
        "naam",
        "gemeente",
        "type",
        "plaatsen_regulier",
        "plaatsen_amv",
        "plaatsen_oekraine",
        "plaatsen_bijzonder",
        "beschikbaar_van",
        "beschikbaar_tot",
        "status",
    ]
    list_filter = ["type", "status", "gemeente__provincie"]
    search_fields = ["naam", "gemeente__naam", "bijzonderheden", "reden_beeindiging"]
    list_select_related = ["gemeente"]

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def maak(self, request: HttpRequest, obj: Any, form: Any) -> Locatie:
        if obj.reden_beeindiging:
            raise ValidationError(
                {"reden_beeindiging": "Een nieuwe locatie heeft geen reden van beëindiging."}
            )
        return maak_locatie(
            door=request.user,
            gemeente=obj.gemeente,
            bron=BRON,
            **{v: getattr(obj, v) for v in VELDEN},
        )

    def wijzig(self, request: HttpRequest, obj: Any, form: Any) -> None:
        opgeslagen = Locatie.objects.select_related("gemeente").get(pk=obj.pk)
        waarden = gewijzigde_waarden(form, obj)
        if "gemeente_id" in waarden:
            raise ValidationError({"gemeente": "De gemeente van een locatie ligt vast."})
        beeindigen = (
            obj.status == LocatieStatus.BEEINDIGD and opgeslagen.status != LocatieStatus.BEEINDIGD
        )
        reden = waarden.pop("reden_beeindiging", None)
        if reden is not None and not beeindigen:
            raise ValidationError(
                {"reden_beeindiging": "De reden geeft u bij het beëindigen (status Beëindigd)."}
            )
        if not beeindigen:
            wijzig_locatie(door=request.user, locatie=opgeslagen, bron=BRON, **waarden)
            return
        # Ending: the other changes first, then the end itself with its date and reason.
        overig = {
            v: w
            for v, w in waarden.items()
            if v not in ("status", "beschikbaar_tot", "onbepaalde_tijd")
        }
        if overig:
            wijzig_locatie(door=request.user, locatie=opgeslagen, bron=BRON, **overig)
        if obj.beschikbaar_tot is None:
            raise ValidationError(
                {"beschikbaar_tot": "Vul bij het beëindigen de einddatum in (beschikbaar tot)."}
            )
        beeindig_locatie(
            door=request.user,
            locatie=opgeslagen,
            einddatum=obj.beschikbaar_tot,
            reden=obj.reden_beeindiging,
            bron=BRON,
        )
