"""A time limit for pure-Python work that may never end (bashlex loops forever on some inputs).

The limit is a SIGALRM, so it guards only a process's main thread (and only while nothing else
holds SIGALRM, such as libFuzzer's handler: the work then runs unguarded). Another thread can
hand the work to the main thread while the main thread waits for it: the engine's low-priority
lane does (`MainThreadRunner`). A thread that can do neither and refuses unguarded work
(`refuses_unguarded_work`) gets linter.parallel.NeedsMainThread.
"""
from __future__ import annotations

import queue
import signal
import threading
from typing import Any, Callable, TypeVar

T = TypeVar("T")


def run_limited(seconds: float, expired: type[Exception], work: Callable[..., T], *args: Any) -> T:
    """`work(*args)`, interrupted by `expired` after `seconds`, where a time limit can guard it."""
    thread = threading.current_thread()
    if thread is threading.main_thread():
        return _with_alarm(seconds, expired, work, args) if _alarm_usable() else work(*args)
    runner = getattr(thread, "main_thread_runner", None)
    if isinstance(runner, MainThreadRunner):
        return runner.call(seconds, expired, work, args)
    if getattr(thread, "refuses_unguarded_work", False):
        from linter.parallel import NeedsMainThread

        raise NeedsMainThread("no time limit can guard this thread")
    return work(*args)


RETRY_SECONDS = 0.1  # the alarm repeats while the work goes on: a raise can be lost (e.g. in a gc callback)


def _alarm_usable() -> bool:
    return (
        hasattr(signal, "setitimer")
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN)
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


def _with_alarm(seconds: float, expired: type[Exception], work: Callable[..., T], args: tuple) -> T:
    active = [True]

    def expire(signum: int, frame: object) -> None:
        if active[0]:
            raise expired()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, RETRY_SECONDS)
    try:
        return work(*args)
    finally:
        # first, and with no call before it (where a pending handler could run and raise): from
        # here on, an alarm that is still due does nothing
        active[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Task:
    __slots__ = ("seconds", "expired", "work", "args", "done", "result", "error")

    def __init__(self, seconds: float, expired: type[Exception], work: Callable[..., Any], args: tuple) -> None:
        self.seconds, self.expired, self.work, self.args = seconds, expired, work, args
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None


class MainThreadRunner:
    """Time-limited work of another thread, run in the main thread while it `serve()`s.

    Set it as the other thread's `main_thread_runner`; `close()` when that thread is done (from
    that thread), which ends `serve()`. Handing work over costs two thread switches: meant for
    the rare calls that need a limit (bashlex parses: ~300 on the corpus's 853 Dockerfiles)."""

    def __init__(self) -> None:
        self._tasks: queue.SimpleQueue[_Task | None] = queue.SimpleQueue()

    def call(self, seconds: float, expired: type[Exception], work: Callable[..., T], args: tuple) -> T:
        task = _Task(seconds, expired, work, args)
        self._tasks.put(task)
        task.done.wait()
        if task.error is not None:
            raise task.error
        return task.result

    def close(self) -> None:
        self._tasks.put(None)

    def serve(self) -> None:
        """Run the work handed over, in this (the main) thread, until `close()`."""
        while True:
            task = self._tasks.get()
            if task is None:
                return
            try:
                task.result = run_limited(task.seconds, task.expired, task.work, *task.args)
            except Exception as exc:  # it belongs to the thread that asked
                task.error = exc
            except BaseException as exc:  # Ctrl-C: for this thread too
                task.error = exc
                raise
            finally:
                task.done.set()
