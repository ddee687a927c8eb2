"""The shared storage (core.opslag): every kept file goes through ``default_storage``, on
disk (LokaleOpslag, the default) and on S3-compatible object storage (django-storages),
tested against a real ``moto_server`` process."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.files.storage import default_storage

from regietafel.core import opslag
from regietafel.core.opslag import Bestandsmap, LokaleOpslag, alle_namen, checksum
from tests.dienstprocessen import S3_GEHEIM, S3Server

MAP = Bestandsmap("proef", frozenset({"pdf", "txt"}))
PREVIEWS = Bestandsmap("voorbeeld", frozenset({"csv"}), opruimen_na=3600)


@pytest.fixture(params=["lokaal", "s3"])
def opslagsoort(request: pytest.FixtureRequest, settings: Any, tmp_path: Path) -> str:
    """Each test runs against both storages."""
    settings.MEDIA_ROOT = tmp_path / "media"
    if request.param == "s3":
        server: S3Server = request.getfixturevalue("s3")
        bucket = f"proef-{uuid.uuid4().hex[:12]}"
        server.maak_bucket(bucket)
        settings.STORAGES = {**settings.STORAGES, "default": server.storage(bucket, "data")}
    return str(request.param)


def test_default_storage_is_the_local_folder_unless_s3_is_configured(settings: Any) -> None:
    assert isinstance(opslag.opslag(), LokaleOpslag)
    assert settings.STORAGES["default"]["BACKEND"] == "regietafel.core.opslag.LokaleOpslag"


def test_store_read_and_delete(opslagsoort: str) -> None:
    data = b"%PDF-1.4 een brief"
    som = MAP.bewaar(data, "pdf")
    assert som == checksum(data)
    assert MAP.bestaat(som, "pdf")
    assert MAP.lees(som, "pdf") == data
    assert default_storage.exists(f"proef/{som}.pdf")
    # The same content again: still one file.
    assert MAP.bewaar(data, "pdf") == som
    assert list(alle_namen("proef")) == [f"proef/{som}.pdf"]
    assert MAP.verwijder(som, "pdf") is True
    assert MAP.lees(som, "pdf") is None and not MAP.bestaat(som, "pdf")
    assert MAP.verwijder(som, "pdf") is False


def test_names_come_from_checked_checksums_and_extensions(opslagsoort: str) -> None:
    som = MAP.bewaar(b"tekst", "txt")
    assert MAP.lees("../" + som, "txt") is None
    assert MAP.lees(som.upper(), "txt") is None
    assert MAP.lees(som, "exe") is None
    assert MAP.bestandsnaam(som, "docx") is None
    with pytest.raises(ValueError, match="niet bewaard"):
        MAP.bewaar(b"x", "exe")


def test_a_changed_file_reads_as_missing(opslagsoort: str) -> None:
    from django.core.files.base import ContentFile

    som = MAP.bewaar(b"origineel", "txt")
    default_storage.delete(f"proef/{som}.txt")
    default_storage.save(f"proef/{som}.txt", ContentFile(b"vervalst"))
    assert MAP.lees(som, "txt") is None


def test_a_temporary_copy_for_a_library_that_wants_a_path(opslagsoort: str) -> None:
    som = MAP.bewaar(b"%PDF-1.4 pad", "pdf")
    with MAP.tijdelijk_pad(som, "pdf") as pad:
        assert pad is not None and pad.read_bytes() == b"%PDF-1.4 pad"
    assert not pad.exists()
    with MAP.tijdelijk_pad("0" * 64, "pdf") as geen:
        assert geen is None


def test_old_previews_are_removed_at_the_next_store(opslagsoort: str) -> None:
    oud = PREVIEWS.bewaar(b"a;b\n", "csv")
    if opslagsoort == "lokaal":
        pad = Path(default_storage.path(f"voorbeeld/{oud}.csv"))
        os.utime(pad, (1_000_000, 1_000_000))
        PREVIEWS.bewaar(b"c;d\n", "csv")
        assert not PREVIEWS.bestaat(oud, "csv")
    else:
        # Object storage sets the modification time itself, from the real time of the S3
        # process: a fresh file stays. The clock is pinned to a date before any run (the clock
        # passes of `make test` would otherwise make the fresh file years old).
        with time_machine.travel(dt.datetime(2026, 1, 1, tzinfo=dt.UTC), tick=False):
            PREVIEWS.bewaar(b"c;d\n", "csv")
        assert PREVIEWS.bestaat(oud, "csv")
    assert len(list(alle_namen("voorbeeld"))) == (1 if opslagsoort == "lokaal" else 2)


def test_the_local_storage_writes_no_half_files(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    som = MAP.bewaar(b"heel" * 1000, "txt")
    bestanden = sorted(p.name for p in (tmp_path / "media" / "proef").iterdir())
    assert bestanden == [f"{som}.txt"]
    assert oct((tmp_path / "media" / "proef" / f"{som}.txt").stat().st_mode & 0o777) == "0o644"


def test_s3_objects_live_in_the_bucket_under_the_prefix(
    s3: S3Server, settings: Any, tmp_path: Path
) -> None:
    bucket = f"proef-{uuid.uuid4().hex[:12]}"
    s3.maak_bucket(bucket)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": s3.storage(bucket, "regietafel")}
    som = MAP.bewaar(b"in de bucket", "txt")
    assert s3.namen(bucket) == [f"regietafel/proef/{som}.txt"]
    assert not (tmp_path / "media").exists()  # nothing on local disk


def test_s3_settings_from_the_environment(s3: S3Server, tmp_path: Path) -> None:
    """S3_* in the environment (keys also from *_FILE) configure django-storages."""
    import subprocess
    import sys

    sleutelbestand = tmp_path / "geheim"
    sleutelbestand.write_text(S3_GEHEIM + "\n")
    env = {**os.environ, **s3.omgeving("omgeving", prefix="/p/")}
    del env["S3_SECRET_ACCESS_KEY"]
    env["S3_SECRET_ACCESS_KEY_FILE"] = str(sleutelbestand)
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "o = settings.STORAGES['default']; print(o['BACKEND']); "
        "print(o['OPTIONS']['secret_key'], o['OPTIONS']['location'], o['OPTIONS']['endpoint_url'])"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "regietafel.settings"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert uit[0] == "storages.backends.s3.S3Storage"
    assert uit[1] == f"{S3_GEHEIM} p {s3.endpoint}"
    env.pop("S3_SECRET_ACCESS_KEY_FILE")
    fout = subprocess.run(
        [sys.executable, "-m", "regietafel", "check"],
        env={**env, "DJANGO_SETTINGS_MODULE": "regietafel.settings"},
        capture_output=True,
        text=True,
    )
    assert fout.returncode == 1
    assert "S3_ACCESS_KEY_ID en S3_SECRET_ACCESS_KEY horen bij elkaar" in fout.stderr
