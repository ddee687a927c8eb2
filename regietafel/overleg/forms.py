"""Forms of the overleg pages; every save goes through ``services``."""

from __future__ import annotations

from typing import Any

from django import forms

from regietafel.core import opmaak
from regietafel.overleg.models import (
    Actie,
    ActieStatus,
    Agendapunt,
    Brief,
    Overleg,
)
from regietafel.overleg.services import (
    ACTIE_VELDEN,
    AGENDAPUNT_VELDEN,
    BRIEF_VELDEN,
    OVERLEG_VELDEN,
)


class _Utrecht:
    """Utrecht CSS classes on the widgets."""

    def _stijl(self) -> None:
        for veld in self.fields.values():  # type: ignore[attr-defined]
            w = veld.widget
            if isinstance(w, forms.CheckboxInput):
                w.attrs.setdefault("class", "utrecht-checkbox utrecht-checkbox--html-input")
            elif isinstance(w, forms.Select | forms.SelectMultiple):
                w.attrs.setdefault("class", "utrecht-select utrecht-select--html-select")
            elif isinstance(w, forms.Textarea):
                w.attrs.setdefault("class", "utrecht-textarea")
                w.attrs.setdefault("rows", 4)
            elif isinstance(w, forms.ClearableFileInput | forms.FileInput):
                w.attrs.setdefault("class", "utrecht-file-input")
            else:
                w.attrs.setdefault("class", "utrecht-textbox utrecht-textbox--html-input")


class OverlegForm(_Utrecht, forms.ModelForm):
    class Meta:
        model = Overleg
        fields = list(OVERLEG_VELDEN)
        widgets = {
            "datum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "begintijd": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "eindtijd": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stijl()

    def validate_unique(self) -> None:
        """Uniqueness is the service's (it needs the provincie)."""


class AgendapuntForm(_Utrecht, forms.ModelForm):
    class Meta:
        model = Agendapunt
        fields = list(AGENDAPUNT_VELDEN)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["letter"].widget.attrs["maxlength"] = 2
        self._stijl()

    def validate_unique(self) -> None:
        """Uniqueness is the service's."""


class BijlageForm(_Utrecht, forms.Form):
    bestand = forms.FileField(label="Bestand")
    titel = forms.CharField(label="Titel (leeg: de bestandsnaam)", required=False, max_length=300)
    persoonsgegevens = forms.BooleanField(
        label="Bevat persoonsgegevens (alleen het secretariaat ziet het; verwijderd na de bewaartermijn)",
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stijl()


class RapportForm(_Utrecht, forms.Form):
    peildatum = forms.DateField(
        label="Peildatum van de stand van zaken",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stijl()


class BesluitForm(_Utrecht, forms.Form):
    tekst = forms.CharField(label="Besluit", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stijl()


class ActieForm(_Utrecht, forms.ModelForm):
    class Meta:
        model = Actie
        fields = list(ACTIE_VELDEN)
        widgets = {
            "omschrijving": forms.Textarea(attrs={"rows": 2}),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stijl()

    def validate_unique(self) -> None:
        """Uniqueness is the service's."""


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=ActieStatus.choices)
    overleg = forms.IntegerField(required=False)


class BriefForm(_Utrecht, forms.ModelForm):
    bestand = forms.FileField(label="Bijlage (PDF, DOCX, tekst, e-mail)", required=False)
    agendapunten = forms.ModelMultipleChoiceField(
        queryset=Agendapunt.objects.none(), required=False, label="Gekoppelde agendapunten"
    )

    class Meta:
        model = Brief
        fields = [*BRIEF_VELDEN, "agendapunten"]
        widgets = {
            "ontvangen": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "opvolging_deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "tekst": forms.Textarea(attrs={"rows": 6}),
            "opvolging": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, agendapunten: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if agendapunten is not None:
            veld: Any = self.fields["agendapunten"]
            veld.queryset = agendapunten
            veld.label_from_instance = lambda p: (
                f"PRT {opmaak.datum(p.overleg.datum)} — {p.nummer}{p.letter} {p.titel}"
            )
        self._stijl()

    def validate_unique(self) -> None:
        """Uniqueness is the service's."""


class ZoekForm(forms.Form):
    q = forms.CharField(
        label="Zoeken in overleggen, acties, besluiten, brieven en bijlagen",
        required=False,
        max_length=200,
    )
