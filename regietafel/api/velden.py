"""DRF's fields and serializers with Dutch validation messages, for every input the API takes.

DRF writes its messages in English (its Dutch catalogue is partial and informal), and a
field copies them into its validators when it is made, so they are set here, on the classes
the API's input serializers use. ``tests/api/test_problemen.py`` walks every input
serializer of the API and fails on a message that is not one of these.
"""

from __future__ import annotations

from typing import Any

from django.core.validators import ProhibitNullCharactersValidator
from rest_framework import serializers
from rest_framework.validators import ProhibitSurrogateCharactersValidator

ALGEMEEN = {
    "required": "Dit veld is verplicht.",
    "null": "Dit veld mag niet leeg (null) zijn.",
}


class CharField(serializers.CharField):
    default_error_messages = {
        **ALGEMEEN,
        "invalid": "Geen geldige tekst.",
        "blank": "Dit veld mag niet leeg zijn.",
        "max_length": "Hoogstens {max_length} tekens.",
        "min_length": "Ten minste {min_length} tekens.",
    }

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):  # DRF would take 0 for "0"; the schema says string
            self.fail("invalid")
        if self.max_length is not None and len(data) > self.max_length:  # before trimming,
            self.fail("max_length", max_length=self.max_length)  # as the schema's maxLength
        return str(super().to_internal_value(data))

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators = [  # type: ignore[has-type]
            v
            for v in self.validators  # type: ignore[has-type]
            if not isinstance(
                v, ProhibitNullCharactersValidator | ProhibitSurrogateCharactersValidator
            )
        ]
        self.validators += [GeenNulTekens(), GeenSurrogaten()]


class GeenNulTekens(ProhibitNullCharactersValidator):
    message = "Tekst mag geen nul-tekens (\\x00) bevatten."


class GeenSurrogaten(ProhibitSurrogateCharactersValidator):
    message = "Tekst mag geen losse surrogaattekens bevatten: U+{code_point:X}."


class IntegerField(serializers.IntegerField):
    default_error_messages = {
        **ALGEMEEN,
        "invalid": "Geef een geheel getal.",
        "max_value": "Hoogstens {max_value}.",
        "min_value": "Ten minste {min_value}.",
        "max_string_length": "Dit getal is te lang.",
    }

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):  # JSON: a number, not "12"
            self.fail("invalid")
        return int(super().to_internal_value(data))


class BooleanField(serializers.BooleanField):
    default_error_messages = {**ALGEMEEN, "invalid": "Geef true of false."}


class DateField(serializers.DateField):
    default_error_messages = {
        **ALGEMEEN,
        "invalid": "Geen geldige datum; schrijf haar als JJJJ-MM-DD.",
        "datetime": "Geef een datum (JJJJ-MM-DD) zonder tijd.",
    }


class ChoiceField(serializers.ChoiceField):
    default_error_messages = {**ALGEMEEN, "invalid_choice": '"{input}" is geen geldige keuze.'}


class FileField(serializers.FileField):
    default_error_messages = {
        **ALGEMEEN,
        "required": "Er is geen bestand meegestuurd.",
        "invalid": "Dit is geen bestand; stuur het als multipart/form-data.",
        "no_name": "Het bestand heeft geen naam.",
        "empty": "Het bestand is leeg.",
        "max_length": "De bestandsnaam is te lang: hoogstens {max_length} tekens (nu {length}).",
    }


class ListSerializer(serializers.ListSerializer):  # type: ignore[type-arg]
    default_error_messages = {
        **ALGEMEEN,
        "not_a_list": "Geef een lijst, geen {input_type}.",
        "empty": "De lijst mag niet leeg zijn.",
        "max_length": "Hoogstens {max_length} elementen.",
        "min_length": "Ten minste {min_length} elementen.",
    }


SERIALIZER_MELDINGEN = {**ALGEMEEN, "invalid": "Geef een object, geen {datatype}."}


def _lijst_in_het_nederlands(cls: type) -> None:
    """``many=True`` makes the ListSerializer its Meta names: ours, also in a subclass's Meta."""
    meta = cls.__dict__.get("Meta")
    if meta is not None and not hasattr(meta, "list_serializer_class"):
        meta.list_serializer_class = ListSerializer


class Serializer(serializers.Serializer):  # type: ignore[type-arg]
    """An input serializer with Dutch messages (also for a list of it: ``many=True``)."""

    default_error_messages = SERIALIZER_MELDINGEN

    class Meta:
        list_serializer_class = ListSerializer

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _lijst_in_het_nederlands(cls)


class ModelSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    """A model serializer whose generated fields are the Dutch ones above."""

    default_error_messages = SERIALIZER_MELDINGEN
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        **{
            model_veld: {
                serializers.CharField: CharField,
                serializers.IntegerField: IntegerField,
                serializers.BooleanField: BooleanField,
                serializers.DateField: DateField,
                serializers.FileField: FileField,
            }.get(veld, veld)
            for model_veld, veld in serializers.ModelSerializer.serializer_field_mapping.items()
        },
    }
    serializer_choice_field = ChoiceField

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _lijst_in_het_nederlands(cls)
