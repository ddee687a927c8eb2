"""The console script starts without the cyclic garbage collector and switches it back on."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

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


def test_the_console_script_freezes_at_the_end_also_after_sys_exit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import regietafel.__main__ as console

    gebeurd: list[str] = []

    def main() -> None:
        gebeurd.append("main")
        raise SystemExit(2)

    monkeypatch.setattr(console, "main", main)
    monkeypatch.setattr(opstart.gc, "freeze", lambda: gebeurd.append("freeze"))
    with pytest.raises(SystemExit) as uitgang:
        console.opdracht()
    assert uitgang.value.code == 2
    assert gebeurd == ["main", "freeze"]


def test_the_installed_console_script_is_opdracht() -> None:
    script = Path(sys.executable).with_name("regietafel")
    assert "from regietafel.__main__ import opdracht" in script.read_text()
