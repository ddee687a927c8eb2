from __future__ import annotations

from typing import Any

from django import forms

from regietafel.accounts.models import Gebruiker
from regietafel.core.datum import Datumveld
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.historie.queries import model_keuzes


class WijzigingenFilter(forms.Form):
    """The filters of the Wijzigingen list (GET): soort record, gemeente, gebruiker, periode."""

    provincie = forms.ModelChoiceField(
        label="Provincie", queryset=Provincie.objects.none(), required=False, empty_label="alle"
    )
    soort = forms.ChoiceField(label="Soort record", required=False)
    gemeente = forms.ModelChoiceField(
        label="Gemeente", queryset=Gemeente.objects.none(), required=False, empty_label="alle"
    )
    door = forms.ModelChoiceField(
        label="Gebruiker", queryset=Gebruiker.objects.none(), required=False, empty_label="alle"
    )
    van = Datumveld(label="Van", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    tot = Datumveld(
        label="Tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, provincie_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = [("", "alle"), *model_keuzes()]  # type: ignore[attr-defined]
        gemeenten = Gemeente.objects.order_by("naam")
        gebruikers = Gebruiker.objects.order_by("username")
        if provincie_id is None:
            self.fields["provincie"].queryset = Provincie.objects.order_by("naam")  # type: ignore[attr-defined]
        else:
            del self.fields["provincie"]
            gemeenten = gemeenten.filter(provincie_id=provincie_id)
            gebruikers = gebruikers.filter(provincie_id=provincie_id)
        self.fields["gemeente"].queryset = gemeenten  # type: ignore[attr-defined]
        self.fields["door"].queryset = gebruikers  # type: ignore[attr-defined]
        for veld in self.fields.values():
            klasse = "utrecht-select" if isinstance(veld, forms.ChoiceField) else "utrecht-textbox"
            veld.widget.attrs.setdefault("class", klasse)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        van, tot = data.get("van"), data.get("tot")
        if van and tot and van > tot:
            raise forms.ValidationError("De begindatum ligt na de einddatum.")
        return data
