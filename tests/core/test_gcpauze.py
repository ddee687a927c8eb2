"""``core.gcpauze``: no cyclic garbage collection while a PDF is made, and the collector as it
was afterwards, also when PDFs are made in several threads at once or one fails."""

from __future__ import annotations

import gc
import threading

import pytest

from regietafel.core import gcpauze, weasy


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    assert gc.isenabled()
    with gcpauze.pauze():
        assert not gc.isenabled()
        with gcpauze.pauze():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_failure_inside_switches_it_on_again() -> None:
    with pytest.raises(ValueError), gcpauze.pauze():
        raise ValueError
    assert gc.isenabled()


def test_a_process_without_the_collector_keeps_it_off() -> None:
    gc.disable()
    try:
        with gcpauze.pauze():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_threads_share_the_pause_and_the_last_one_switches_it_on() -> None:
    binnen = threading.Barrier(2)
    eerste_klaar = threading.Event()
    gezien: list[bool] = []

    def eerste() -> None:
        with gcpauze.pauze():
            binnen.wait()
        eerste_klaar.set()

    def tweede() -> None:
        with gcpauze.pauze():
            binnen.wait()
            eerste_klaar.wait(timeout=10)
            gezien.append(gc.isenabled())

    draden = [threading.Thread(target=eerste), threading.Thread(target=tweede)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=10)
    assert gezien == [False]
    assert gc.isenabled()


def test_weasy_pdf_prints_with_the_collector_paused() -> None:
    gezien: list[bool] = []

    class Html:
        def __init__(self, string: str) -> None:
            self.string = string

        def write_pdf(self, **opties: object) -> bytes:
            gezien.append(gc.isenabled())
            return f"{self.string} {sorted(opties)}".encode()

    def klasse() -> type[Html]:
        gezien.append(gc.isenabled())
        return Html

    assert weasy.pdf("<p>x</p>", klasse=klasse, pdf_tags=True) == b"<p>x</p> ['pdf_tags']"
    assert gezien == [False, False]
    assert gc.isenabled()
