"""The one screen on a big local store: from a caller's number to their history shown, and
the app's cold start to an interactive window beside a bare PySide6 window's.

Run: .venv/bin/python bench/bench_one_screen.py [--customers 1000000] [--lookups 300]
     [--stores both|plain|encrypted] [--starts 7] [--only-starts]

(--only-starts: the cold starts and the demo's restarts alone, without the lookups.)

The local store (bench/out/local-<N>.sqlite, built once, a few minutes for a million) holds
the demo data's first 2,000 customers with their whole histories (the stories among
them), a customer of ten years with 500 interactions over 40 cases, and plain customers
with one product each up to N. The lookups run in the real window: the caller bar's
search (off the UI thread), the history read, and the panels filled, timed from the number
going in to the history on screen. Goals: p95 < 50 ms; cold start within 3x a bare window.

The console's store is encrypted (SQLCipher, a raw 32-byte key from the keyring): the
lookups run on the plain store and on an encrypted copy of it (bench/out/…-encrypted,
made once), in alternating rounds so the machine's load weighs on both alike; the cold
start opens the encrypted copy, its key handed to the app by a keyring of the bench's
own (bench_keyring.py, named in PYTHON_KEYRING_BACKEND: the keyring library loads it
where the console loads its keyring, on a worker once the window is up). (The key is a
constant: the data are made up.)

"Callers searchable" is a search answered: the bench types the story caller's number
(1-800-GE-CARES) into the caller bar as soon as the window is shown, and the mark is the
caller found ("Loading…" until the local store can be read); its CPU time (the process's,
all threads) beside it is the steadier figure on a busy machine.

Then demo mode: ``advocate-console --demo`` restarted on a demo seeded and synced once
(2,000 customers), timed to callers searchable. Goal: within 1 s of launch.

The suggested remedies for the same callers' newest cases, read from the plain store as
the form reads them (rules, what worked before for the model, the raise), after the
remedy outcomes are derived afresh (timed on its own, once). Goal: p95 < 30 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = Path(__file__).resolve().parent / "out"
BENCH_KEY = bytes(range(32))  # the made-up data's store key: no secret
ROUNDS = 4  # alternating plain / encrypted rounds of lookups
_QAPP = None  # the QApplication of the lookups, held here (see time_lookups)
RICH_CUSTOMERS = 2000
BATCH = 20_000
FIRST = ["Maria", "James", "Aisha", "Wei", "Olga", "Ravi", "Lena", "Tom", "Ines", "Kofi"]
LAST = ["Garcia", "Smith", "Okafor", "Chen", "Novak", "Iyer", "Berg", "Lee", "Costa", "Mensah"]


def plain_number(j: int) -> str:
    """Plain customer *j*'s phone: San Francisco numbers 415-200-0000 onwards, all valid."""
    return f"+1415{2_000_000 + j:07d}"


VETERAN_PHONE = "+16175550142"
"""The customer of ten years, with 500 interactions over 40 cases."""


def veteran_records():
    """A customer since 2016 with 40 cases and 500 timeline entries, 3 products."""
    from advocate_console.domain import (
        Case,
        CaseStatus,
        Collection,
        Customer,
        Interaction,
        InteractionKind,
        Product,
        Tier,
    )

    rng = random.Random(11)

    def new_id() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    now = datetime.now(UTC)
    customer = Customer(
        id=new_id(),
        display_name="Walter Okafor",
        phones=[VETERAN_PHONE],
        emails=["walter.okafor@example.net"],
        tier=Tier.PLATINUM,
        customer_since=date(2016, 3, 1),
        lifetime_value_cents=4_200_000,
    )
    products = [
        Product(
            id=new_id(),
            customer_id=customer.id,
            brand="Halvorsen",
            name=name,
            model_number=model,
            serial_number=f"VET{n:05d}",
            purchase_date=date(2016 + 3 * n, 5, 1),
            warranty_end=date(2018 + 3 * n, 5, 1),
        )
        for n, (name, model) in enumerate(
            [("Front-load washer", "HFW27"), ("Gas range", "HGR30"), ("Dishwasher", "HDW24Q3")]
        )
    ]
    cases = [
        Case(
            id=new_id(),
            customer_id=customer.id,
            product_id=products[n % 3].id,
            category="product failure",
            status=CaseStatus.OPEN if n == 0 else CaseStatus.CLOSED,
            summary=f"Problem {n} with the {products[n % 3].name.lower()}",
            opened_at=now - timedelta(days=90 * n + 2),
        )
        for n in range(40)
    ]
    kinds = list(InteractionKind)
    interactions = [
        Interaction(
            id=new_id(),
            customer_id=customer.id,
            case_id=cases[n % 40].id,
            kind=kinds[n % len(kinds)],
            occurred_at=now - timedelta(days=7 * n + 1),
            summary=f"Entry {n}: called about {cases[n % 40].summary.lower()}",
            body="Talked it through; notes of the call.",
        )
        for n in range(500)
    ]
    return (
        [(Collection.CUSTOMERS, customer)]
        + [(Collection.PRODUCTS, product) for product in products]
        + [(Collection.CASES, case) for case in cases]
        + [(Collection.INTERACTIONS, entry) for entry in interactions]
    )


def _demo_collections():
    from advocate_console.domain import Collection

    return [
        (Collection.CUSTOMERS, "customers"),
        (Collection.PRODUCTS, "products"),
        (Collection.CASES, "cases"),
        (Collection.INTERACTIONS, "interactions"),
        (Collection.RESOLUTIONS, "resolutions"),
        (Collection.FOLLOW_UPS, "follow_ups"),
        (Collection.CARDS, "cards"),
    ]


def build_store(customers: int) -> Path:
    """The local store of ``customers`` customers (reused when already built)."""
    from advocate_console.central.demo.generator import demo_batches
    from advocate_console.domain import Collection, Customer, Product, Tier
    from advocate_console.store import CallerDirectory, Replica, open_store

    folder = OUT / f"local-{customers}-v2"
    path = folder / "local.sqlite"
    if path.exists():
        store = open_store(path)
        count = CallerDirectory(store).count()
        store.close()
        if count == customers + 1:  # the veteran besides: reused, not rebuilt every run
            return folder
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("local.sqlite*"):
        stale.unlink()
    store = open_store(path)
    replica = Replica(store)
    started = time.perf_counter()
    DEMO_COLLECTIONS = _demo_collections()
    rich = min(RICH_CUSTOMERS, customers)
    for batch in demo_batches(rich, seed=1, batch_size=500):
        replica.apply(
            [
                (collection, record)
                for collection, name in DEMO_COLLECTIONS
                for record in getattr(batch, name)
            ]
        )
    replica.apply(veteran_records())
    rng = random.Random(7)
    since = date(2016, 1, 1)
    for start in range(rich, customers, BATCH):
        records = []
        for j in range(start, min(start + BATCH, customers)):
            first, last = FIRST[j % 10], LAST[(j // 10) % 10]
            customer = Customer.model_construct(
                id=uuid.UUID(int=rng.getrandbits(128), version=4),
                version=1,
                display_name=f"{first} {last} {j}",
                phones=[plain_number(j)],
                emails=[f"{first.lower()}.{last.lower()}.{j}@example.net"],
                address=None,
                tier=Tier.STANDARD,
                customer_since=since + timedelta(days=j % 3000),
                lifetime_value_cents=(j * 37) % 500_000,
            )
            product = Product.model_construct(
                id=uuid.UUID(int=rng.getrandbits(128), version=4),
                version=1,
                customer_id=customer.id,
                brand="Halvorsen",
                name="Front-load washer",
                model_number="HFW27",
                serial_number=f"HB{j:09d}",
                purchase_date=since + timedelta(days=j % 3000),
                warranty_end=since + timedelta(days=j % 3000 + 730),
                replaced_by_id=None,
            )
            records += [(Collection.CUSTOMERS, customer), (Collection.PRODUCTS, product)]
        replica.apply(records)
        print(f"\rbuilding the local store: {start + BATCH:,}/{customers:,}", end="", flush=True)
    print(f"\rbuilt {customers:,} customers in {time.perf_counter() - started:.0f} s" + " " * 20)
    store.close()
    return folder


def encrypted_copy(folder: Path, customers: int) -> Path:
    """An encrypted copy of the plain store in ``folder``, made once with BENCH_KEY."""
    from advocate_console.store import CallerDirectory, open_store
    from advocate_console.store.encryption import encrypt_plain_store

    copy = OUT / f"{folder.name}-encrypted"
    path = copy / "local.sqlite"
    if path.exists():
        store = open_store(path, key=BENCH_KEY)
        count = CallerDirectory(store).count()
        store.close()
        if count == customers + 1:  # (the veteran)
            return copy
    copy.mkdir(parents=True, exist_ok=True)
    for stale in copy.glob("local.sqlite*"):
        stale.unlink()
    started = time.perf_counter()
    plain = open_store(folder / "local.sqlite")  # its log folded in, so the file is whole
    with plain.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    plain.close()
    shutil.copyfile(folder / "local.sqlite", path)
    encrypt_plain_store(path, BENCH_KEY)
    print(f"encrypted a copy of the store in {time.perf_counter() - started:.0f} s")
    return copy


def sample_numbers(folder: Path, count: int, plain: int) -> list[str]:
    """Phone numbers to look up: the story caller, the veteran, then half customers with
    real histories and half plain ones, written the way people type them."""
    from sqlalchemy import select

    from advocate_console.store import open_store
    from advocate_console.store.models import CustomerPhoneRow

    store = open_store(folder / "local.sqlite")
    with store.session() as session:
        rich = list(
            session.scalars(
                select(CustomerPhoneRow.e164)
                .where(~CustomerPhoneRow.e164.like("+1415%"))
                .limit(RICH_CUSTOMERS * 2)
            )
        )
    store.close()
    rng = random.Random(3)
    picked = ["1-800-GE-CARES", VETERAN_PHONE]
    picked += rng.sample(rich, min((count - 2) // 2, len(rich)))
    picked += (
        [plain_number(RICH_CUSTOMERS + rng.randrange(plain)) for _ in range(count - len(picked))]
        if plain
        else []
    )
    spelled = []
    for index, number in enumerate(picked):
        digits = number[2:] if number.startswith("+1") else number
        if index % 3 == 1 and len(digits) == 10 and digits.isdigit():
            number = f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
        spelled.append(number)
    return spelled


def time_lookups(
    folder: Path, numbers: list[str], key: bytes | None = None
) -> dict[str, list[float]]:
    """Milliseconds from a number typed to the history on screen, in the real window (on
    the store encrypted with ``key``, if given)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from advocate_console.app import settle_start_up_objects
    from advocate_console.store import CallerDirectory, open_store
    from advocate_console.store.resolutions import CaseWork
    from advocate_console.ui.main_window import MainWindow
    from advocate_console.ui.resolution_form import ResolutionForm
    from advocate_console.ui.theme import apply_theme

    global _QAPP
    # Held by the module: a QApplication dropped with this function's locals would die
    # before the window does (heap corruption at exit).
    _QAPP = app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app)
    store = open_store(folder / "local.sqlite", key=key)
    directory = CallerDirectory(store)
    window = MainWindow(directory)
    window.add_case_work(ResolutionForm(CaseWork(store, "Bench Advocate")))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    settle_start_up_objects()
    figures: dict[str, list[float]] = {"shown": [], "find": [], "history": [], "rows": []}
    loop = QEventLoop()
    shown_at: list[float] = []
    window.sig_history_shown.connect(
        lambda _id: (shown_at.append(time.perf_counter()), loop.quit())
    )
    give_up = QTimer()  # one timer, restarted per lookup: a stale one must not end the next
    give_up.setSingleShot(True)
    give_up.setInterval(5000)
    give_up.timeout.connect(loop.quit)
    for number in numbers:
        shown_at.clear()
        started = time.perf_counter()
        window.caller_bar.field.setText(number)
        window.caller_bar.search_now()
        give_up.start()
        loop.exec()
        give_up.stop()
        if not shown_at:
            print(f"  no history shown for {number}")
            continue
        app.processEvents()  # the panels paint
        figures["shown"].append((time.perf_counter() - started) * 1000)
        history = window.history.history
        figures["rows"].append(len(history.interactions) + len(history.cases))
        # The two store reads on their own, for the breakdown.
        t0 = time.perf_counter()
        directory.find(number)
        t1 = time.perf_counter()
        directory.history(history.customer.id)
        figures["find"].append((t1 - t0) * 1000)
        figures["history"].append((time.perf_counter() - t1) * 1000)
        window.history.show_history(None)
        window.shown.customer_id = None
    window.close()
    window.deleteLater()
    app.processEvents()
    store.close()
    return figures


def time_suggestions(folder: Path, numbers: list[str]) -> tuple[list[float], int, float]:
    """Milliseconds to read the suggested remedies of each caller's newest case; the
    remedy outcomes derived afresh first: how many, in how many milliseconds."""
    from advocate_console.store import CallerDirectory, open_store
    from advocate_console.store.suggestions import RemedyAdvisor, read_rule_file, refresh

    store = open_store(folder / "local.sqlite")
    started = time.perf_counter()
    derived = refresh(store.engine, afresh=True)
    derive_ms = (time.perf_counter() - started) * 1000
    directory = CallerDirectory(store)
    advisor = RemedyAdvisor(store, read_rule_file())
    timings = []
    for number in numbers:
        found = directory.find(number)
        history = directory.history(found[0].customer.id) if len(found) == 1 else None
        if history is None or not history.cases:
            continue
        case = max(history.cases, key=lambda c: c.opened_at)
        started = time.perf_counter()
        advisor.suggestions(history, case)
        timings.append((time.perf_counter() - started) * 1000)
    store.close()
    return timings, derived, derive_ms


BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.resize(1366, 768); window.show()
app.processEvents()
print("ready", time.time() - float(sys.argv[1]), flush=True)
"""

APP = """
import sys, time
# The app's module first, as the installed advocate-console script imports it (Qt loads
# when the window is made; a module imported after PySide6 costs more: PySide6 reads
# the source of every module imported after it, looking for its __feature__ switches,
# until the app's run_console stops that, see app/pyside_features.py).
from advocate_console import app as console_app
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

started = float(sys.argv[2])
STORY_CALLER = "1-800-GE-CARES"  # the demo's story caller, in both stores
real_exec = QApplication.exec

def exec_then_report(*_args):
    def window():
        found = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]
        return found[0] if found and found[0].isVisible() else None

    def ready():
        QApplication.processEvents()
        print("ready", time.time() - started, flush=True)
        # The advocate types the caller's number as soon as the window is there; the
        # caller bar answers once the local store is open ("Loading..." until then).
        bar = window().caller_bar
        bar.sig_search_finished.connect(answered)
        bar.field.setText(STORY_CALLER)
        bar.search_now()  # (not the typing pause: the start is timed, not the debounce)

    def answered(matches):
        if matches:  # the caller found in the local store
            print("searchable", time.time() - started, flush=True)
            print("searchable-cpu", time.process_time(), flush=True)  # (all threads)
            QApplication.quit()

    QTimer.singleShot(0, ready)
    return real_exec()

QApplication.exec = exec_then_report
sys.exit(console_app.main(["advocate-console", "--data-dir", sys.argv[1], *EXTRA]))
"""

SYNCED_ONCE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from advocate_console import app as console_app
from advocate_console.domain import Collection

real_exec = QApplication.exec

def exec_until_synced(*_args):
    def synced():  # the demo is seeded and its customers are in the local store
        found = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]
        directory = found[0].directory if found else None
        if directory is not None and directory.count(Collection.CUSTOMERS) >= 2000:
            QApplication.quit()
        else:
            QTimer.singleShot(200, synced)

    QTimer.singleShot(0, synced)
    return real_exec()

QApplication.exec = exec_until_synced
sys.exit(console_app.main(["advocate-console", "--demo", "--data-dir", sys.argv[1]]))
"""


def demo_folder() -> Path:
    """A demo seeded and synced once (the restarts are timed, not the first run)."""
    folder = OUT / "demo-restart"
    if not (folder / "demo" / "local.sqlite").exists():
        print("seeding and syncing the demo once…", flush=True)
        environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        subprocess.run(
            [sys.executable, "-c", SYNCED_ONCE, str(folder)],
            env=environment,
            check=True,
            timeout=600,
            capture_output=True,
        )
    return folder


def time_start(
    code: str, *args: str, runs: int, extra: str = "", store_key: bytes | None = None
) -> dict[str, list[float]]:
    """Milliseconds from spawning a Python process to each mark it prints ("ready": the
    window shown and its event loop running), and the process's CPU time to its exit.
    ``store_key``: the keyring (bench_keyring.py) hands the console this key."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # installed apps run compiled code
    if store_key is not None:  # the keyring library loads it as the console's keyring
        here = str(Path(__file__).resolve().parent)
        path = os.pathsep.join(p for p in (here, environment.get("PYTHONPATH")) if p)
        environment.update(
            PYTHONPATH=path,
            PYTHON_KEYRING_BACKEND="bench_keyring.BenchKeyring",
            BENCH_STORE_KEY=store_key.hex(),
        )
    marks: dict[str, list[float]] = {}
    for run in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        spawned = time.time()
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                f"EXTRA = [{extra}]\n" + code,
                *args[:1],
                repr(spawned),
                *args[1:],
            ],
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        lines = [line.split() for line in done.stdout.splitlines() if line.strip()]
        if not any(line[0] == "ready" for line in lines):
            raise RuntimeError(f"the start did not get ready: {done.stdout}{done.stderr[-2000:]}")
        if run == 0:
            continue  # the first run compiles bytecode, as an installer would have
        for name, seconds in ((line[0], line[1]) for line in lines if len(line) == 2):
            marks.setdefault(name, []).append(float(seconds) * 1000)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        marks.setdefault("cpu", []).append(cpu * 1000)
    return marks


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def _load() -> str:
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def describe(name: str, values: list[float]) -> str:
    p95 = _p95(values)
    values = sorted(values)
    return (
        f"{name}: median {statistics.median(values):.1f} ms, p95 {p95:.1f} ms, max {values[-1]:.1f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=300)
    parser.add_argument("--starts", type=int, default=7)
    parser.add_argument("--stores", choices=["both", "plain", "encrypted"], default="both")
    parser.add_argument(
        "--only-starts",
        action="store_true",
        help="only the cold starts and the demo's restarts (no lookups or remedies)",
    )
    args = parser.parse_args()
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · load {_load()}")
    folder = build_store(args.customers)
    encrypted = encrypted_copy(folder, args.customers)
    if args.only_starts:
        time_starts(encrypted, args.starts)
        return 0
    for name, where in (("plain", folder), ("encrypted", encrypted)):
        size = sum(f.stat().st_size for f in where.glob("local.sqlite*")) / 1e6
        print(f"local store ({name}): {args.customers:,} customers, {size:,.0f} MB")
    plain = max(0, args.customers - RICH_CUSTOMERS)
    numbers = sample_numbers(folder, args.lookups, plain)
    kinds = {"plain": None, "encrypted": BENCH_KEY}
    if args.stores != "both":
        kinds = {args.stores: kinds[args.stores]}
    figures: dict[str, dict[str, list[float]]] = {kind: {} for kind in kinds}
    for round_ in range(ROUNDS):  # alternating, so the machine's load weighs on both
        chunk = numbers[round_::ROUNDS]
        for kind, key in kinds.items():
            found = time_lookups(encrypted if key else folder, chunk, key)
            for name, values in found.items():
                figures[kind].setdefault(name, []).extend(values)
    for kind, found in figures.items():
        print(f"number → history shown, {len(found['shown'])} callers, {kind} store:")
        print("  " + describe("in the window (search, read, panels painted)", found["shown"]))
        print("  " + describe("store: find the caller", found["find"]))
        print("  " + describe("store: read the history", found["history"]))
        print(f"  biggest history: {max(found['rows'])} cases and interactions")
    if len(figures) == 2:
        ratio = _p95(figures["encrypted"]["shown"]) / _p95(figures["plain"]["shown"])
        print(f"  encrypted / plain, p95 in the window: {ratio:.2f}x (goal ≤ 1.15x)")
    numbers = sample_numbers(folder, args.lookups, plain)
    suggested, derived, derive_ms = time_suggestions(folder, numbers)
    print(f"suggested remedies, {len(suggested)} callers with a case (goal: p95 < 30 ms):")
    print("  " + describe("store: rules, what worked before, the raise", suggested))
    print(f"  remedy outcomes derived afresh: {derived:,} resolutions in {derive_ms:.0f} ms")
    time_starts(encrypted, args.starts)
    return 0


def time_starts(encrypted: Path, starts: int) -> None:
    """The cold starts beside a bare window's, and the demo's restarts; prints them."""
    print(f"load {_load()}")
    bare = time_start(BARE, runs=starts)
    console = time_start(APP, str(encrypted), runs=starts, store_key=BENCH_KEY)
    ratio = statistics.median(console["ready"]) / statistics.median(bare["ready"])
    cpu_ratio = statistics.median(console["cpu"]) / statistics.median(bare["cpu"])
    print(f"cold start, process spawn included ({starts} starts each, compiled bytecode):")
    print("  " + describe("bare PySide6 window: shown", bare["ready"]))
    print("  " + describe("Advocate Console: window shown and interactive", console["ready"]))
    print(f"    ({ratio:.2f}x the bare window)")
    print(
        "  "
        + describe(
            "Advocate Console: a number typed answered from the local store (encrypted)",
            console["searchable"],
        )
    )
    searchable = statistics.median(console["searchable"]) / statistics.median(bare["ready"])
    print(f"    ({searchable:.2f}x the bare window; goal 3x)")
    print("  " + describe("  its CPU time to then", console["searchable-cpu"]))
    searchable_cpu = statistics.median(console["searchable-cpu"]) / statistics.median(bare["cpu"])
    print(f"    ({searchable_cpu:.2f}x the bare window's CPU time)")
    print("  " + describe("CPU time of the bare window's process", bare["cpu"]))
    print("  " + describe("CPU time of the console's process", console["cpu"]))
    print(f"    ({cpu_ratio:.2f}x; the console's includes the store, sync and phone loading)")
    folder = demo_folder()
    demo = time_start(APP, str(folder), runs=starts, extra="'--demo'")
    print(f"demo mode restarted ({starts} starts, the demo seeded and synced before):")
    print("  " + describe("window shown and interactive", demo["ready"]))
    print("  " + describe("callers searchable (goal: within 1 s)", demo["searchable"]))
    print("  " + describe("  its CPU time to then", demo["searchable-cpu"]))
    print(f"load {_load()}")


if __name__ == "__main__":
    sys.exit(main())
