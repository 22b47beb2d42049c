"""Reading a server's event stream on a thread, for tests: every event lands in a queue."""

from __future__ import annotations

import queue
import threading

import requests

from advocate_console.api.events import PushedEvent, hang_up, sse_lines, text_lines


class StreamReader:
    """``GET /api/v1/events/stream`` with ``token``, read on a thread until closed."""

    def __init__(self, base_url: str, token: str, last_event_id: str | None = None) -> None:
        headers = {"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
        if last_event_id:
            headers["Last-Event-ID"] = last_event_id
        self.events: queue.Queue[PushedEvent] = queue.Queue()
        self._http = requests.Session()
        self.response = self._http.get(
            f"{base_url}/api/v1/events/stream", headers=headers, stream=True, timeout=(5, 60)
        )
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            for event in sse_lines(text_lines(self.response.iter_content(chunk_size=None))):
                self.events.put(event)
        except (requests.RequestException, AttributeError, ValueError):
            pass  # closed by the test

    def next(self, kind: str, timeout: float = 5.0) -> PushedEvent:
        """The next event named ``kind`` (others are passed over); fails after ``timeout``."""
        while True:
            event = self.events.get(timeout=timeout)
            if event.event == kind:
                return event

    def drain(self, kind: str, wait: float) -> list[PushedEvent]:
        """Every event named ``kind`` arriving within ``wait`` seconds."""
        found = []
        try:
            while True:
                event = self.events.get(timeout=wait)
                if event.event == kind:
                    found.append(event)
        except queue.Empty:
            return found

    def ended(self) -> bool:
        """True once the server closed the stream (and every event before is queued)."""
        return not self._thread.is_alive()

    def close(self) -> None:
        """Hang up."""
        hang_up(self.response)
        self._http.close()
