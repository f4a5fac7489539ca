"""Examine many files, each under its own time and memory budget, in a pool of worker processes.

A reader that runs away (a PDF that makes pdfium abort, a file that takes minutes or all the memory)
must cost only its own file. Each worker process has an address-space limit (RLIMIT_AS) and reads one
file at a time; the parent waits for its answer at most `seconds`. A worker that dies (abort, kill,
out of memory) or overruns is replaced, the file gets its one-line error, and the batch goes on. Workers
are reused across files (starting one costs the readers' import, about half a second). They are plain
`python -m gongkai.isolate` processes talking pickles over two pipes, so they work the same under any
caller (a console script, pytest, `python -c`), with none of multiprocessing's re-import of `__main__`.

Outcomes come back in the order of the paths (what `--json` prints), as soon as they are known.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

from gongkai.examine import Outcome, examine_file

MB = 1024 * 1024


@dataclass(frozen=True)
class Budget:
    """What one file may cost, and how many files are read at once."""

    seconds: float = 60.0
    memory_mb: int = 2048  # address space of a worker (virtual: pdfium and the interpreter reserve ~500 MB)
    jobs: int = 1


STARTED = "started"  # a worker's first answer to a path: it has begun reading
STARTUP_SECONDS = 120  # a new worker that has not begun reading by then is taken as dead

FAULT_ENV = "GONGKAI_FAULT_INJECTION"  # tests only: a file starting with FAULT_MARK makes its worker fail
FAULT_MARK = b"#gongkai-fault:"


def _fault(path: str) -> None:
    """Tests of isolation need a worker that aborts, is killed, hangs or runs out of memory on demand."""
    try:
        with open(path, "rb") as f:
            head = f.read(64)
    except OSError:
        return
    if not head.startswith(FAULT_MARK):
        return
    what = head[len(FAULT_MARK) :].split()[0].decode()
    if what == "abort":
        os.abort()
    if what == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if what == "hang":
        time.sleep(3600)
    if what == "memory":
        bytearray(64 * 1024 * MB)


def _serve(conn: Connection, memory_mb: int) -> None:
    """A worker: read the paths sent, answer with their outcomes, until the pipe closes."""
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]  # a limit set on the batch itself stays in force
    limit = memory_mb * MB if hard == resource.RLIM_INFINITY else min(memory_mb * MB, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    faults = os.environ.get(FAULT_ENV) == "1"
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        conn.send(STARTED)  # the file's clock starts now, not while the worker was still importing
        try:
            if faults:
                _fault(path)
            outcomes = examine_file(path)
        except MemoryError:
            outcomes = [Outcome(path, error=f"读取所需内存超过上限（{memory_mb} MB），未读取")]
        except Exception as e:  # a bug in a check must cost this file only, said in one line
            outcomes = [Outcome(path, error=f"检查时发生内部错误（{type(e).__name__}: {e}）")]
        conn.send(outcomes)


class _Duplex:
    """Two one-way pipe ends as one connection."""

    def __init__(self, reader: Connection, writer: Connection) -> None:
        self.recv, self.send = reader.recv, writer.send


class _Worker:
    def __init__(self, memory_mb: int) -> None:
        child_reads, parent_writes = os.pipe()
        parent_reads, child_writes = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gongkai.isolate", str(child_reads), str(child_writes), str(memory_mb)],
            pass_fds=(child_reads, child_writes),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,  # the command's stdout is its JSON: nothing else may write there
            stderr=subprocess.DEVNULL,  # a dying reader's last words are not the person's business
        )
        os.close(child_reads)
        os.close(child_writes)
        self.send_conn = Connection(parent_writes, readable=False)
        self.conn = Connection(parent_reads, writable=False)
        self.index: int | None = None  # the position of the path being read
        self.path = ""
        self.given = 0.0
        self.started: float | None = None

    def give(self, index: int, path: str) -> None:
        self.index, self.path, self.given, self.started = index, path, time.monotonic(), None
        self.send_conn.send(path)

    def stop(self, kill: bool = False) -> None:
        if kill or self.index is not None:
            self.process.kill()
        self.send_conn.close()  # an idle worker ends when its pipe closes
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.conn.close()


def _death(exitcode: int | None, budget: Budget) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = str(-exitcode)
        if name == "SIGKILL":
            return f"读取进程被终止（SIGKILL，可能是内存超过上限 {budget.memory_mb} MB），未读取"
        return f"读取进程异常退出（{name}，文件可能已损坏或过于复杂），未读取"
    return f"读取进程异常退出（退出码 {exitcode}），未读取"


def examine_isolated(
    paths: list[str], budget: Budget = Budget(), done: Callable[[], None] | None = None
) -> Iterator[list[Outcome]]:
    """The outcomes of each path, in order; `done` is called as each file finishes (a progress bar)."""
    if not paths:
        return
    workers = [_Worker(budget.memory_mb) for _ in range(max(1, min(budget.jobs, len(paths))))]
    results: dict[int, list[Outcome]] = {}
    pending = iter(enumerate(paths))
    emitted = 0
    try:
        for w in workers:
            _feed(w, pending)
        while emitted < len(paths):
            busy = [w for w in workers if w.index is not None]
            ready = wait([w.conn for w in busy], timeout=0.5)
            for i, w in enumerate(workers):
                if w.index is None:
                    continue
                answer = _answer(w, ready, budget)
                if answer is None:
                    continue
                results[w.index] = answer
                w.index = None
                if done:
                    done()
                if w.process.poll() is not None:
                    w.stop(kill=True)
                    w = workers[i] = _Worker(budget.memory_mb)
                _feed(w, pending)
            while emitted in results:
                yield results.pop(emitted)
                emitted += 1
    finally:
        for w in workers:
            w.stop()


def _feed(worker: _Worker, pending: Iterator[tuple[int, str]]) -> None:
    nxt = next(pending, None)
    if nxt is not None:
        worker.give(*nxt)


def _answer(w: _Worker, ready: list, budget: Budget) -> list[Outcome] | None:
    """The worker's outcomes if it has answered, died or overrun; None while it is still reading."""
    if w.conn in ready:
        try:
            answer = w.conn.recv()
            if answer != STARTED:
                return answer
            w.started = time.monotonic()
            return None
        except (EOFError, OSError):  # the pipe closed: the worker died
            try:
                code = w.process.wait(5)
            except subprocess.TimeoutExpired:
                w.process.kill()
                code = w.process.wait()
            return [Outcome(w.path, error=_death(code, budget))]
    now = time.monotonic()
    late = now - w.started > budget.seconds if w.started else now - w.given > STARTUP_SECONDS + budget.seconds
    if late:
        w.process.kill()
        w.process.wait()
        return [Outcome(w.path, error=f"读取超时（超过 {budget.seconds:g} 秒），已中止")]
    return None


__all__ = ["Budget", "examine_isolated"]

if __name__ == "__main__":  # a worker: python -m gongkai.isolate READ_FD WRITE_FD MEMORY_MB
    _reader, _writer = (
        Connection(int(sys.argv[1]), writable=False),
        Connection(int(sys.argv[2]), readable=False),
    )
    _serve(_Duplex(_reader, _writer), int(sys.argv[3]))
