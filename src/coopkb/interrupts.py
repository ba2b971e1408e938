"""Ctrl-C held back while Pydantic builds the models' validators.

Pydantic-core builds each model's validator in Rust; a KeyboardInterrupt raised in the middle
becomes a Rust panic (older releases: ``PanicException`` and a "thread panicked" message written
straight to stderr), which no handler of coopkb can turn back into a quiet exit. The models are
built once, on the first import of the validation modules; during that import SIGINT is
blocked, and an interrupt that came meanwhile is delivered as soon as it is over, as an ordinary
KeyboardInterrupt. Everything else stays interruptible.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask") or (
        threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
