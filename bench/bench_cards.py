"""Render 500 thank-you cards to one PDF and report cards per second (goal: < 20 s).

.venv/bin/python bench/bench_cards.py [--cards 500] [--out bench/out/cards.pdf]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from advocate_console.cards import Addressee, export_pdf, lay_out_card
from advocate_console.central.demo.generator import demo_batches


def main() -> int:
    """Lay out and write the cards; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=500)
    parser.add_argument("--out", type=Path, default=Path("bench/out/cards.pdf"))
    args = parser.parse_args()
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need it alive
    batch = next(iter(demo_batches(200, seed=1)))
    customers = {c.id: c for c in batch.customers}
    samples = [c for c in batch.cards if c.customer_id in customers]
    args.out.parent.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    pages = []
    for number in range(args.cards):
        card = samples[number % len(samples)]
        # A fresh id per card, so every card is written in its own hand.
        card = card.model_copy(update={"id": uuid.UUID(int=number + 1)})
        pages += lay_out_card(card, Addressee(customers[card.customer_id])).pages
    laid_out = time.perf_counter()
    count = export_pdf(pages, args.out)
    finished = time.perf_counter()

    total = finished - started
    print(
        f"cards: {args.cards}  pages: {count}  PDF: {args.out} ({args.out.stat().st_size:,} bytes)"
    )
    print(f"layout: {laid_out - started:.2f} s   painting + PDF: {finished - laid_out:.2f} s")
    print(f"total: {total:.2f} s   {args.cards / total:.1f} cards/s   (goal: 500 cards < 20 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
