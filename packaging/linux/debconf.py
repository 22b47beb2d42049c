"""The Debian package's debconf questions, made from the settings' declarations
(``advocate_console.settings``): one for each setting IT may lock, and one for which of
them to lock. IT preseeds them for a silent install; the answers go to
/etc/advocate-console/settings.toml. Run by build-deb:

    python packaging/linux/debconf.py templates   # DEBIAN/templates
    python packaging/linux/debconf.py keys        # the settings asked, space-separated
"""

from __future__ import annotations

import sys
import textwrap

from advocate_console.settings import LOCKABLE, OPTIONS

MANAGED = "/etc/advocate-console/settings.toml"


def templates() -> str:
    """The templates file: a string question per lockable setting, then ``locked``."""
    stanzas = [_question(key) for key in LOCKABLE]
    stanzas.append(
        _stanza(
            "locked",
            "multiselect",
            "Settings the advocates cannot change:",
            f"The settings chosen are locked in {MANAGED}: every advocate on this "
            "computer sees them with a lock, set by the IT department. Choosing none "
            "leaves the file's own list as it is.",
            choices=", ".join(LOCKABLE),
        )
    )
    return "\n".join(stanzas)


def _question(key: str) -> str:
    option = OPTIONS[key]
    name = option.label.replace("&", "") or key.replace("_", " ").capitalize()
    allowed = ""
    if option.choices:
        allowed = " One of: " + ", ".join(option.choices) + "."
    elif option.suggestions:
        allowed = " For example: " + ", ".join(option.suggestions) + "."
    default = option.default_text() if key != "data_dir" else "each user's data folder"
    return _stanza(
        key,
        "string",
        f"{name} ({key}):",
        f"Written to {MANAGED} as {key} for every advocate on this computer.{allowed} "
        f"Empty: the file's value stays (else the built-in default: {default or 'none'}).",
    )


def _stanza(key: str, kind: str, short: str, long: str, choices: str = "") -> str:
    lines = [f"Template: advocate-console/{key}", f"Type: {kind}"]
    if choices:
        lines.append(f"Choices: {choices}")
    lines.append("Default:")
    lines.append(f"Description: {short}")
    lines += [f" {line}" for line in textwrap.wrap(long, 72)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else ""
    if what == "templates":
        sys.stdout.write(templates())
    elif what == "keys":
        print(" ".join(LOCKABLE))
    else:
        sys.exit("usage: debconf.py templates|keys")
