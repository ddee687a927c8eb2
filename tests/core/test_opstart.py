"""The console script starts without the cyclic garbage collector and switches it back on."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from regietafel.core import opstart


def test_a_command_runs_with_the_collector_on_and_the_start_up_frozen() -> None:
    code = (
        "import sys; sys.argv = ['regietafel', 'shell', '-c', "
        "'import gc; print(gc.isenabled(), gc.get_freeze_count() > 10000)']; "
        "from regietafel.__main__ import main; main()"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert uit.stdout.splitlines()[-1].split() == ["True", "True"]


def test_klaar_only_switches_on_what_begin_switched_off() -> None:
    assert gc.isenabled()
    try:
        gc.disable()
        opstart.begin()  # already off: not ours to switch on
        opstart.klaar()
        assert not gc.isenabled()
    finally:
        gc.enable()
    opstart.begin()
    assert not gc.isenabled()
    opstart.klaar()
    assert gc.isenabled()
    gc.unfreeze()


def test_main_in_process_leaves_the_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Django is set up already (CoreConfig.ready will not run again): main() itself ends it."""
    from regietafel.__main__ import main

    monkeypatch.setattr(sys, "argv", ["regietafel", "verdeel", "--help"])
    with pytest.raises(SystemExit):
        main()
    assert gc.isenabled()
    gc.unfreeze()
