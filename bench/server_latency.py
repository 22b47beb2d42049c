"""The server's own view of its latency: the request histogram of ``/metrics``, read before
and after a measured window, as percentiles per route.

The load generator's figures include its own delays (1,000 greenlets on one interpreter,
on the machine the server uses too); the server's histogram starts when a worker's
middleware sees the request and ends when the response is sent, so the two together say
whether a slow figure is the server's or the generator's. The histogram has buckets
(5, 10, 25, 50, 100, 150, 250, 500 ms …): a percentile is interpolated within its bucket.
"""

from __future__ import annotations

import requests
from prometheus_client.parser import text_string_to_metric_families

Buckets = dict[tuple[str, str], list[tuple[float, float]]]
"""Per (method, route): (upper bound in seconds, requests at or below it), ascending."""


def read_buckets(base: str) -> Buckets:
    """The request histogram's cumulative buckets now, summed over every worker."""
    text = requests.get(f"{base}/metrics", timeout=30).text
    found: dict[tuple[str, str], dict[float, float]] = {}
    for family in text_string_to_metric_families(text):
        if family.name != "advocate_request_seconds":
            continue
        for sample in family.samples:
            if not sample.name.endswith("_bucket"):
                continue
            key = (sample.labels["method"], sample.labels["route"])
            bound = float(sample.labels["le"])
            found.setdefault(key, {})[bound] = sample.value
    return {key: sorted(bounds.items()) for key, bounds in found.items()}


def window(before: Buckets, after: Buckets) -> Buckets:
    """The requests answered between two reads."""
    counted = {}
    for key, buckets in after.items():
        earlier = dict(before.get(key, []))
        counted[key] = [(bound, count - earlier.get(bound, 0.0)) for bound, count in buckets]
    return counted


def percentile(buckets: list[tuple[float, float]], share: float) -> float:
    """The ``share`` percentile in milliseconds, interpolated in its bucket (inf: beyond
    the last finite bucket)."""
    total = buckets[-1][1] if buckets else 0.0
    if total <= 0:
        return 0.0
    wanted = share * total
    lower, below = 0.0, 0.0
    for bound, count in buckets:
        if count >= wanted:
            if bound == float("inf"):
                return float("inf")
            inside = (wanted - below) / (count - below) if count > below else 1.0
            return 1000 * (lower + inside * (bound - lower))
        lower, below = bound, count
    return float("inf")


def print_window(counted: Buckets) -> dict[str, float]:
    """Print each route's requests, p50 and p95 as the server timed them; the p95s."""
    title = "as the server timed them (/metrics)"
    print(f"\n{title:<48}{'requests':>9}{'p50':>7}{'p95':>7}  (ms)")
    p95s = {}
    for (method, route), buckets in sorted(counted.items(), key=lambda item: item[0][1]):
        total = buckets[-1][1] if buckets else 0
        if total <= 0 or route.endswith("/metrics"):
            continue
        p95s[f"{method} {route}"] = percentile(buckets, 0.95)
        print(
            f"{method + ' ' + route:<48}{total:>9.0f}{percentile(buckets, 0.5):>7.0f}"
            f"{p95s[f'{method} {route}']:>7.0f}"
        )
    return p95s


def probe(base: str, token: str, paths: list[str], seconds: float, every: float = 0.1) -> None:
    """A third view, from a process of its own: ``paths`` asked in turn every ``every``
    seconds on one keep-alive connection, timed around the socket; each path's p50/p95
    printed. What locust's greenlets add to a request shows as locust's figure minus
    this one; what the worker's loop kept waiting before its middleware saw a request,
    as this one minus the histogram's."""
    import http.client
    import statistics
    import time
    from urllib.parse import urlsplit

    where = urlsplit(base)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=30)
    headers = {"Authorization": f"Bearer {token}"}
    times: dict[str, list[float]] = {path: [] for path in paths}
    deadline = time.monotonic() + seconds
    turn = 0
    while time.monotonic() < deadline:
        path = paths[turn % len(paths)]
        turn += 1
        started = time.perf_counter()
        connection.request("GET", path, headers=headers)
        answer = connection.getresponse()
        answer.read()
        times[path].append(1000 * (time.perf_counter() - started))
        time.sleep(every)
    print(f"\n{'a probe of its own (one connection)':<48}{'requests':>9}{'p50':>7}{'p95':>7}  (ms)")
    for path, taken in times.items():
        if len(taken) >= 2:
            p95 = statistics.quantiles(taken, n=20)[-1]
            name = path.split("?")[0]
            print(f"GET {name:<44}{len(taken):>9}{statistics.median(taken):>7.0f}{p95:>7.0f}")


if __name__ == "__main__":  # python server_latency.py BASE TOKEN SECONDS PATH…
    import sys

    probe(sys.argv[1], sys.argv[2], sys.argv[4:], float(sys.argv[3]))
