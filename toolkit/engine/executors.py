"""Where batches of articles are measured: this process, a process pool, or a Dask cluster.

Each executor maps a picklable module-level function ``fn(item, shared)`` over an iterable of
items and yields the results **in input order**, keeping at most ``window`` items in flight, so
the input is consumed lazily and memory stays bounded however long the corpus is. The
scheduling itself is left to existing engines: :mod:`concurrent.futures` on one machine,
Dask's distributed scheduler (https://distributed.dask.org) beyond one.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Protocol, Self, TypeVar

from toolkit.errors import ParameterError, ToolkitError

if TYPE_CHECKING:
    from distributed import Client

Scheduler = Literal["processes", "dask"]
SCHEDULERS: tuple[Scheduler, ...] = ("processes", "dask")

T = TypeVar("T")
S = TypeVar("S")
R = TypeVar("R")


class Executor(Protocol):
    """Maps ``fn(item, shared)`` over items, yielding results in input order."""

    description: str

    def map_ordered(self, fn: Callable[[T, S], R], items: Iterable[T], shared: S) -> Iterator[R]:
        """Results of ``fn(item, shared)`` for each item, in the order of ``items``."""
        ...

    def close(self) -> None:
        """Release workers (and a Dask client the executor created itself)."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None: ...


class _Closing:
    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


class SerialExecutor(_Closing):
    """Runs everything in this process (``jobs=1``)."""

    description = "serial (1 process)"

    def map_ordered(self, fn: Callable[[T, S], R], items: Iterable[T], shared: S) -> Iterator[R]:
        """Results of ``fn(item, shared)`` computed one after the other."""
        for item in items:
            yield fn(item, shared)


class ProcessExecutor(_Closing):
    """A pool of ``jobs`` worker processes on this machine (forkserver start method)."""

    def __init__(self, jobs: int, window: int) -> None:
        self.jobs = jobs
        self.window = window
        self.description = f"processes ({jobs} workers)"
        self._pool: ProcessPoolExecutor | None = None

    def map_ordered(self, fn: Callable[[T, S], R], items: Iterable[T], shared: S) -> Iterator[R]:
        """Results of ``fn(item, shared)`` computed by the pool, at most ``window`` in flight.

        Worker processes start by importing the script that created the pool (forkserver, as
        spawn); a script that calls ``analyze(jobs=N)`` at its top level, without
        ``if __name__ == "__main__":``, would start pools inside them. That breaks the pool, and
        the error then says so instead of showing ``BrokenProcessPool``.
        """
        if self._pool is None:
            # forkserver: safe with threads in the parent (pyarrow, Dask) and the 3.14 default.
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context)
        pool = self._pool
        try:
            yield from _ordered(lambda item: pool.submit(fn, item, shared), items, self.window)
        except BrokenProcessPool as error:
            raise ToolkitError(
                f"The worker processes stopped ({error}). If your script calls toolkit with "
                'jobs > 1 at its top level, put that code under `if __name__ == "__main__":` '
                "(worker processes import the script that starts them), or use jobs=1."
            ) from error

    def close(self) -> None:
        """Shut the pool down."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskExecutor(_Closing):
    """Submits each item as a task to a Dask ``distributed.Client``.

    ``shared`` is scattered once to every worker. A client passed in stays open; one created
    here from an address (or a local cluster) is closed by ``close``.
    """

    def __init__(self, client: Client, window: int, *, owned: bool) -> None:
        self.client = client
        self.window = window
        self.owned = owned
        self.description = f"dask ({getattr(client.scheduler, 'address', 'local')})"

    def map_ordered(self, fn: Callable[[T, S], R], items: Iterable[T], shared: S) -> Iterator[R]:
        """Results of ``fn(item, shared)`` computed on the cluster, at most ``window`` in flight."""
        client = self.client
        shared_future = client.scatter(shared, broadcast=True, hash=False)

        def submit(item: T) -> Any:
            return client.submit(fn, item, shared_future, pure=False)

        yield from _ordered(submit, items, self.window)

    def close(self) -> None:
        """Close the client and its local cluster when this executor created them."""
        if self.owned:
            cluster = self.client.cluster
            self.client.close()
            if cluster is not None:
                cluster.close()


def _ordered(submit: Callable[[T], Any], items: Iterable[T], window: int) -> Iterator[R]:
    """Submit items lazily, keep ``window`` futures pending, yield results in order."""
    pending: deque[Future[R]] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def make_executor(
    jobs: int = 1,
    *,
    scheduler: Scheduler = "processes",
    client: Client | None = None,
    address: str | None = None,
) -> Executor:
    """The executor for these options.

    ``client``: a ``distributed.Client`` to run on (implies Dask). ``scheduler="dask"`` with
    ``address`` ("tcp://HOST:PORT") connects to a running Dask scheduler; without one it starts
    a local cluster of ``jobs`` single-threaded worker processes. Otherwise ``jobs`` > 1 uses a
    process pool and ``jobs=1`` this process.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ParameterError(
            f"The 'jobs' parameter must be a positive integer. Got {jobs!r} instead."
        )
    if scheduler not in SCHEDULERS:
        raise ParameterError(
            f"The 'scheduler' parameter must be one of {set(SCHEDULERS)}. Got {scheduler!r} "
            "instead."
        )
    if address is not None and scheduler != "dask":
        raise ParameterError(
            "The 'address' parameter (--dask-address) needs scheduler='dask' (--scheduler dask)."
        )
    window = 4 * jobs
    if client is not None:
        return DaskExecutor(client, window=max(window, 8), owned=False)
    if scheduler == "dask":
        return DaskExecutor(_connect(address, jobs), window=max(window, 8), owned=True)
    if jobs == 1:
        return SerialExecutor()
    return ProcessExecutor(jobs, window)


def _connect(address: str | None, jobs: int) -> Client:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ParameterError(
            "scheduler='dask' needs Dask: pip install 'toolkit[scale]' (dask[distributed])."
        ) from None
    if address is not None:
        return Client(address)
    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, dashboard_address=":0")
    return Client(cluster)
