"""Fills the English plural forms that are still empty in advocate_console_en.ts, the
mechanical way: "%n caller(s)" → "%n caller" and "%n callers". It prints each one it
filled: read them, and fix by hand the few that need more than an "s" (a verb that
agrees: "%n card is" / "%n cards are"). Run by scripts/translations."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PLURAL = re.compile(r"\((e?s)\)")


def fill(path: Path) -> list[str]:
    """Fill the empty plural forms of ``path`` in place; returns the sources filled."""
    tree = ET.parse(path)
    filled = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        forms = message.findall("translation/numerusform")
        if message.get("numerus") != "yes" or translation is None or len(forms) != 2:
            continue
        if any((form.text or "").strip() for form in forms):
            continue
        source = message.findtext("source") or ""
        forms[0].text = PLURAL.sub("", source)
        forms[1].text = PLURAL.sub(r"\1", source)
        translation.attrib.pop("type", None)
        filled.append(f"{forms[0].text!r} / {forms[1].text!r}")
    if filled:
        with path.open("wb") as out:
            out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(out, encoding="utf-8", xml_declaration=False)
            out.write(b"\n")
    return filled


if __name__ == "__main__":
    for line in fill(Path(sys.argv[1])):
        print("filled:", line)
