"""Prometheus metrics at ``/metrics``: requests and latency per route, the change feed's
head, database pool use and open event streams; correct across several workers."""
