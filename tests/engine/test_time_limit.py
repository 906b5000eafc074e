"""linter.time_limit: work that may never end (bashlex on some inputs) is cut off in the main
thread, and another thread hands it to the main thread (the lane) or is told it needs one."""
from __future__ import annotations

import signal
import threading
import time
from typing import Any, Callable

import pytest

from linter import time_limit as tl
from linter.parallel import NeedsMainThread

needs_alarm = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM timer on this platform")


class Expired(Exception):
    pass


def _spin() -> None:
    while True:
        pass


def _in_thread(work: Callable[[], Any], refuses: bool = False,
               runner: tl.MainThreadRunner | None = None) -> tuple[Any, BaseException | None]:
    """Run `work` in a new thread (serving `runner` from this one meanwhile): its value and its exception."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            box["error"] = exc
        finally:
            if runner is not None:
                runner.close()

    thread = threading.Thread(target=run)
    thread.refuses_unguarded_work = refuses  # type: ignore[attr-defined]
    if runner is not None:
        thread.main_thread_runner = runner  # type: ignore[attr-defined]
    thread.start()
    if runner is not None:
        runner.serve()
    thread.join(30)
    assert not thread.is_alive(), "the limited work was never cut off"
    return box.get("value"), box.get("error")


def _where() -> str:
    return threading.current_thread().name


@needs_alarm
def test_the_main_thread_cuts_endless_work_off():
    start = time.monotonic()
    with pytest.raises(Expired):
        tl.run_limited(0.2, Expired, _spin)
    assert 0.2 <= time.monotonic() - start < 10
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL  # given back
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


@needs_alarm
def test_work_that_ends_in_time_returns_its_value_and_leaves_no_alarm():
    assert tl.run_limited(5, Expired, sum, range(10)) == 45
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    time.sleep(3 * tl.RETRY_SECONDS)  # nothing fires later


@needs_alarm
def test_a_raise_the_work_swallows_is_raised_again():
    """The raise can land where it is lost (a gc callback, a bare `except`): the alarm repeats."""
    caught = [0]

    def stubborn() -> None:
        while True:
            try:
                _spin()
            except Expired:
                caught[0] += 1
                if caught[0] == 3:
                    raise

    start = time.monotonic()
    with pytest.raises(Expired):
        tl.run_limited(0.2, Expired, stubborn)
    assert caught[0] == 3 and time.monotonic() - start < 10
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@needs_alarm
def test_work_that_ends_just_as_the_alarm_repeats_leaks_nothing():
    """Many limits about as long as their work: whatever the alarm does, it does inside the call."""
    cut = done = 0
    for i in range(300):
        try:
            tl.run_limited(0.001, Expired, lambda: time.sleep(0.001 * (i % 3)))
            done += 1
        except Expired:
            cut += 1
        spin_until = time.monotonic() + 0.001  # a late raise would land here, outside the call
        while time.monotonic() < spin_until:
            pass
    assert cut + done == 300 and cut > 0
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL


def test_a_main_thread_whose_sigalrm_is_taken_runs_the_work_unguarded():
    if not hasattr(signal, "SIGALRM"):
        pytest.skip("no SIGALRM on this platform")
    previous = signal.signal(signal.SIGALRM, lambda *_: None)  # held, as a fuzzer's handler would be
    try:
        assert tl.run_limited(0.01, Expired, lambda: (time.sleep(0.05), "ran")[1]) == "ran"
    finally:
        signal.signal(signal.SIGALRM, previous)


@needs_alarm
def test_another_thread_hands_the_work_to_the_main_thread_that_serves_it():
    runner = tl.MainThreadRunner()
    value, error = _in_thread(lambda: tl.run_limited(5, Expired, _where), refuses=True, runner=runner)
    assert error is None and value == threading.main_thread().name

    start = time.monotonic()
    value, error = _in_thread(lambda: tl.run_limited(0.2, Expired, _spin), refuses=True,
                                 runner=tl.MainThreadRunner())
    assert isinstance(error, Expired) and time.monotonic() - start < 10


def test_an_error_of_the_handed_work_reaches_the_thread_that_asked():
    def broken() -> None:
        raise ValueError("bad input")

    value, error = _in_thread(lambda: tl.run_limited(5, Expired, broken), runner=tl.MainThreadRunner())
    assert isinstance(error, ValueError) and str(error) == "bad input"


def test_without_a_runner_a_thread_runs_unguarded_or_refuses():
    value, error = _in_thread(lambda: tl.run_limited(1, Expired, lambda: "ran"), refuses=False)
    assert (value, error) == ("ran", None)
    value, error = _in_thread(lambda: tl.run_limited(1, Expired, lambda: "ran"), refuses=True)
    assert value is None and isinstance(error, NeedsMainThread)


# bashlex's loop allocates: once hypothesis has run in this process, its gc callback may be where a
# raise lands and is lost (reported as unraisable); the repeated alarm then raises again
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@needs_alarm
def test_bashlex_hang_found_by_fuzzing_is_bounded_in_a_thread(monkeypatch):
    from linter.sources import shell

    monkeypatch.setattr(shell, "PARSE_SECONDS", 0.3)
    shell.parse_commands.cache_clear()
    shell._parse_piece.cache_clear()
    start = time.monotonic()
    value, error = _in_thread(lambda: shell.parse_commands("'''${''''''''''':"), refuses=True,
                                 runner=tl.MainThreadRunner())
    assert error is None and isinstance(value, tuple)  # the fallback tokenizer's commands
    assert time.monotonic() - start < 10
    shell.parse_commands.cache_clear()
