"""Blocks of bytes consumed in a thread of their own (written to a file, deflated) while the next block is built:
the system's or zlib's time, which lets go of the interpreter, is then not added to ours."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

Block = bytes | memoryview


class Background:
    """Gives each block to ``consume`` in a thread named ``name``, at most ``queued`` blocks behind (memory stays
    bounded). What ``consume`` raised is raised again where the next block is given, or by :meth:`join`."""

    def __init__(self, consume: Callable[[Block], object], name: str, queued: int = 2) -> None:
        self.consume = consume
        self.queue: queue.Queue[Block | None] = queue.Queue(maxsize=queued)
        self.failed: BaseException | None = None
        self.thread: threading.Thread | None = threading.Thread(target=self._run, name=name, daemon=True)
        self.thread.start()

    def put(self, data: Block) -> None:
        """Queue ``data`` (raising what consuming an earlier block raised)."""
        if self.failed is not None:
            raise self.failed
        self.queue.put(data)

    def _run(self) -> None:
        while (data := self.queue.get()) is not None:
            if self.failed is None:
                try:
                    self.consume(data)
                except BaseException as exc:  # noqa: BLE001 - raised again in the thread that gives the blocks
                    self.failed = exc

    def stop(self, *, abandon: bool = False) -> None:
        """Wait for the thread to end; with ``abandon``, the blocks still queued are dropped, not consumed."""
        if self.thread is None:
            return
        if abandon:
            self.failed = self.failed or RuntimeError("stopped")
        self.queue.put(None)
        self.thread.join()
        self.thread = None

    def join(self) -> None:
        """Wait for every block queued to be consumed; raise what consuming one raised."""
        self.stop()
        if self.failed is not None:
            raise self.failed
