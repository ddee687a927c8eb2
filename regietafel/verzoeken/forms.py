"""Forms of the verzoeken pages; plain POST forms that work without JavaScript."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from regietafel.core.datum import Datumveld
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.locaties.models import Locatie, LocatieType
from regietafel.verzoeken.models import Gereedheid


class Datum(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def datumveld(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return Datumveld(label=label, required=required, widget=Datum(), help_text=help_text)


def notitieveld(label: str = "Notities") -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class VerzoekFormulier(forms.Form):
    van_wie = forms.CharField(
        label="Van wie",
        max_length=200,
        help_text="Bijvoorbeeld: Ministerie van Asiel en Migratie, Programmadirectie Realisatie Onderdak.",
    )
    ontvangen_op = datumveld("Ontvangen op")
    plaatsen = forms.IntegerField(label="Gevraagde plaatsen", min_value=1)
    periode_van = datumveld("Periode van")
    periode_tot = datumveld("Periode tot en met")
    activeringstermijn_dagen = forms.IntegerField(
        label="Activeringstermijn (dagen)",
        min_value=0,
        initial=3,
        help_text="Binnen hoeveel dagen een locatie in gebruik moet kunnen worden genomen.",
    )
    bemensing = forms.CharField(label="Bemensing", max_length=200, required=False)
    notities = notitieveld()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        van, tot = data.get("periode_van"), data.get("periode_tot")
        if van and tot and tot < van:
            self.add_error("periode_tot", "De periode eindigt vóór zij begint.")
        return data


class KandidaatFormulier(forms.Form):
    gemeente = forms.ModelChoiceField(label="Gemeente", queryset=Gemeente.objects.none())
    locatie = forms.ModelChoiceField(
        label="Bestaande locatie",
        queryset=Locatie.objects.none(),
        required=False,
        help_text="Kies een locatie uit het register, of geef hieronder een naam.",
    )
    naam = forms.CharField(label="Naam", max_length=200, required=False)
    plaatsen = forms.IntegerField(label="Plaatsen", min_value=1)
    gereedheid = forms.ChoiceField(
        label="Gereedheid",
        choices=[(k, v) for k, v in Gereedheid.choices if k != Gereedheid.GEACTIVEERD],
    )
    gereedheid_op = datumveld("Gereedheid per")
    notities = notitieveld()

    def __init__(
        self, *args: Any, provincie: Provincie, geactiveerd: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        gemeente = self.fields["gemeente"]
        locatie = self.fields["locatie"]
        assert isinstance(gemeente, forms.ModelChoiceField)
        assert isinstance(locatie, forms.ModelChoiceField)
        gemeente.queryset = Gemeente.objects.filter(provincie=provincie).order_by("naam")
        locatie.queryset = Locatie.objects.filter(gemeente__provincie=provincie).select_related(
            "gemeente"
        )
        if geactiveerd:
            self.fields["gereedheid"] = forms.ChoiceField(
                label="Gereedheid", choices=[(Gereedheid.GEACTIVEERD, Gereedheid.GEACTIVEERD.label)]
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("naam") and not data.get("locatie") and not self.errors:
            raise forms.ValidationError("Geef een naam of kies een bestaande locatie.")
        return data


class GereedheidFormulier(forms.Form):
    gereedheid = forms.ChoiceField(
        label="Gereedheid",
        choices=[(k, v) for k, v in Gereedheid.choices if k != Gereedheid.GEACTIVEERD],
    )
    gereedheid_op = datumveld("Gereedheid per")
    notities = notitieveld()


class ActiveringFormulier(forms.Form):
    geactiveerd_op = datumveld("Geactiveerd op")
    plaatsen = forms.IntegerField(label="Plaatsen", min_value=1)
    door_wie = forms.CharField(
        label="Geactiveerd door",
        max_length=200,
        help_text="Wie om activering vroeg of besloot, bijvoorbeeld het ministerie of het COA.",
    )
    notities = notitieveld()


class BeeindigFormulier(forms.Form):
    beeindigd_op = datumveld("Beëindigd op")


class PlaatsingFormulier(forms.Form):
    gemeente = forms.ModelChoiceField(
        label="Gemeente (koppelgemeente)", queryset=Gemeente.objects.none()
    )
    locatie = forms.ModelChoiceField(
        label="Hotel uit het locatieregister",
        queryset=Locatie.objects.none(),
        required=False,
        help_text="Alleen locaties van het type hotel voor nareizigers; of geef hieronder de naam.",
    )
    hotel = forms.CharField(label="Hotel", max_length=200, required=False)
    personen = forms.IntegerField(label="Personen", min_value=1)
    geinformeerd_op = datumveld(
        "Gemeente geïnformeerd op",
        required=False,
        help_text="Het COA informeert de gemeente ten minste twee dagen vóór de plaatsing.",
    )
    geplaatst_op = datumveld("Geplaatst op")
    einddatum = datumveld("Einddatum verblijf", required=False)
    notities = notitieveld()

    def __init__(self, *args: Any, provincie: Provincie, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        gemeente = self.fields["gemeente"]
        locatie = self.fields["locatie"]
        assert isinstance(gemeente, forms.ModelChoiceField)
        assert isinstance(locatie, forms.ModelChoiceField)
        gemeente.queryset = Gemeente.objects.filter(provincie=provincie).order_by("naam")
        locatie.queryset = Locatie.objects.filter(
            type=LocatieType.HOTEL_NAREIZIGERS
        ).select_related("gemeente")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("hotel") and not data.get("locatie") and not self.errors:
            raise forms.ValidationError(
                "Geef de naam van het hotel of kies het uit het locatieregister."
            )
        einde, geplaatst = data.get("einddatum"), data.get("geplaatst_op")
        if einde and geplaatst and einde < geplaatst:
            self.add_error("einddatum", "De einddatum ligt vóór de plaatsing.")
        return data


class DatumFormulier(forms.Form):
    datum = Datumveld(label="Signalen op", required=False, widget=Datum())

    def datum_of(self, standaard: dt.date) -> dt.date:
        if self.is_valid() and self.cleaned_data.get("datum"):
            return self.cleaned_data["datum"]
        return standaard
