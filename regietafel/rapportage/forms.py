"""The form for a report's texts: one field per section of ``teksten.SECTIES``."""

from __future__ import annotations

from typing import Any

from django import forms

from regietafel.rapportage.teksten import secties


class TekstenForm(forms.Form):
    versie_datum = forms.DateField(
        label="Versiedatum",
        widget=forms.DateInput(
            attrs={"type": "date", "class": "utrecht-textbox"}, format="%Y-%m-%d"
        ),
        error_messages={
            "required": "Vul de versiedatum in.",
            "invalid": "Vul een datum in (JJJJ-MM-DD).",
        },
    )
    adressering = forms.CharField(
        label="Aan",
        required=False,
        max_length=300,
        help_text="Bijvoorbeeld: Bestuurlijke PRT Drenthe d.d. 19 november 2025.",
        widget=forms.TextInput(
            attrs={"class": "utrecht-textbox", "aria-describedby": "id_adressering-uitleg"}
        ),
    )

    def __init__(self, *args: Any, soort: str, brieven: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.soort = soort
        self.brieven = brieven
        for sectie in secties(soort, brieven=brieven):
            self.fields[f"tekst_{sectie.sleutel}"] = forms.CharField(
                label=sectie.titel,
                required=False,
                help_text=(
                    f"{sectie.uitleg} Een lege regel begint een nieuwe alinea; een regel die met "
                    f"'- ' begint is een opsommingsteken."
                ),
                widget=forms.Textarea(
                    attrs={
                        "class": "utrecht-textarea",
                        "rows": 6,
                        "aria-describedby": f"id_tekst_{sectie.sleutel}-uitleg",
                    }
                ),
            )

    def teksten(self) -> dict[str, str]:
        return {
            s.sleutel: self.cleaned_data[f"tekst_{s.sleutel}"]
            for s in secties(self.soort, brieven=self.brieven)
        }

    @staticmethod
    def beginwaarden(teksten: dict[str, str]) -> dict[str, str]:
        return {f"tekst_{k}": v for k, v in teksten.items()}
