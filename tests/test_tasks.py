"""run_task and SerialQueue: answers on the UI thread, order kept, nothing let go on a worker."""

from __future__ import annotations

import gc
import threading
import time

from PySide6.QtWidgets import QWidget

from advocate_console.tasks import SerialQueue, pending_tasks, run_task


def wait_for_tasks(qtbot) -> None:
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=5000)


def test_the_answer_and_the_error_arrive_on_the_ui_thread(qtbot):
    seen = []
    run_task(lambda: 6 * 7, lambda value: seen.append((value, threading.current_thread())))

    def fail():
        raise ValueError("the store is locked")

    run_task(fail, on_error=lambda error: seen.append((str(error), threading.current_thread())))
    wait_for_tasks(qtbot)
    assert sorted(seen, key=str) == sorted(
        [(42, threading.main_thread()), ("the store is locked", threading.main_thread())],
        key=str,
    )


class Probe(QWidget):
    """A widget that notes the thread its Python side dies on."""

    died_on: list[threading.Thread] = []

    def __del__(self) -> None:
        Probe.died_on.append(threading.current_thread())


def test_a_widget_held_only_by_a_task_dies_on_the_ui_thread(qtbot):
    # A lambda over ``self`` is often the last reference to a widget; dropped on the
    # worker, the widget would be destroyed there and Qt would crash.
    Probe.died_on.clear()
    for _ in range(20):
        probe = Probe()
        run_task(lambda probe=probe: time.sleep(0.001) or id(probe))
        del probe
    wait_for_tasks(qtbot)
    gc.collect()
    assert Probe.died_on == [threading.main_thread()] * 20


def test_a_serial_queue_runs_in_the_order_given_and_can_be_waited_for(qtbot):
    queue = SerialQueue()
    ran: list[int] = []
    answers: list[int] = []
    for number in range(10):
        # The first tasks are the slowest: on a pool they would finish last.
        queue.run_task(
            lambda n=number: time.sleep((10 - n) / 1000) or ran.append(n) or n, answers.append
        )
    assert queue.wait(5.0)
    assert ran == list(range(10))
    wait_for_tasks(qtbot)
    assert answers == list(range(10))


def test_a_failing_task_does_not_stop_the_queue(qtbot):
    queue = SerialQueue()
    errors: list[str] = []
    answers: list[str] = []

    def fail():
        raise OSError("disk full")

    queue.run_task(fail, on_error=lambda error: errors.append(str(error)))
    queue.run_task(lambda: "saved", answers.append)
    wait_for_tasks(qtbot)
    assert errors == ["disk full"]
    assert answers == ["saved"]


def test_an_answer_for_a_deleted_owner_is_dropped(qtbot):
    # The one check that a widget still exists when its result comes back.
    import shiboken6

    gone, kept = QWidget(), QWidget()
    qtbot.addWidget(kept)
    seen: list[str] = []
    started = threading.Event()
    release = threading.Event()

    def slow(name: str) -> str:
        started.set()
        release.wait(5)
        return name

    run_task(lambda: slow("gone"), seen.append, seen.append, owner=gone)
    run_task(lambda: slow("kept"), seen.append, owner=kept)
    queue = SerialQueue()
    queue.run_task(lambda: slow("queued"), seen.append, owner=gone)
    assert started.wait(5)
    shiboken6.delete(gone)  # the window closed while the store was answering
    release.set()
    wait_for_tasks(qtbot)
    assert seen == ["kept"]
