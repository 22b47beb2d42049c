"""An import-linter contract import-linter lacks: which Qt modules a package may use.

import-linter sees an external package only whole (``PySide6``), never its modules, so
"QtCore but no widgets" cannot be said with its own contracts. This one reads the import
lines themselves; each exception to the rule is named in the contract, down to the class.
``lint-imports`` loads it from ``pyproject.toml`` (``contract_types``).
"""

from __future__ import annotations

import re

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck

_FROM = re.compile(r"from\s+PySide6\.(\w+)\s+import\s*\(?([\w\s,]*)")
_IMPORT = re.compile(r"import\s+PySide6\.(\w+)")


class QtModulesContract(Contract):
    """The modules of ``source_modules``, and every module of the app they import
    (directly or not), use only the ``allowed`` Qt modules, plus the ``exceptions``
    (``"advocate_console.sync.engine: PySide6.QtNetwork.QNetworkInformation"``)."""

    source_modules = fields.ListField(subfield=fields.ModuleField())
    allowed = fields.ListField(subfield=fields.StringField())
    exceptions = fields.ListField(subfield=fields.StringField(), required=False, default=[])

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        """Every Qt name imported where it may not be, with the line it is on."""
        allowed = {str(name) for name in self.allowed}
        exceptions = {str(item).replace(" ", "") for item in self.exceptions}
        modules: set[str] = set()
        for source in self.source_modules:
            modules |= {source.name} | graph.find_descendants(source.name)
        for module in list(modules):
            modules |= graph.find_upstream_modules(module)
        root = self.session_options["root_packages"][0]
        modules = {m for m in modules if m.split(".")[0] == root}  # not PySide6 itself
        found = []
        for module in sorted(modules):
            if "PySide6" not in graph.find_modules_directly_imported_by(module):
                continue
            for detail in graph.get_import_details(importer=module, imported="PySide6"):
                for name in _qt_names(detail["line_contents"]):
                    qt_module = name.split(".")[1] if "." in name else ""
                    if qt_module in allowed or f"{module}:{name}" in exceptions:
                        continue
                    found.append((module, detail["line_number"], name))
        return ContractCheck(kept=not found, metadata={"found": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        """One line per Qt name imported where it may not be."""
        for module, line, name in check.metadata["found"]:
            output.print_error(f"{module}:{line} imports {name}", bold=False)
            output.new_line()


def _qt_names(line: str) -> list[str]:
    """``from PySide6.QtGui import QDesktopServices, QIcon`` → the two qualified names."""
    match = _FROM.search(line)
    if match:  # a name list over several lines shows here as "(": the module then
        module = match.group(1)
        names = [name.strip() for name in match.group(2).split(",") if name.strip()]
        return [f"PySide6.{module}.{name}" for name in names] or [f"PySide6.{module}.*"]
    match = _IMPORT.search(line)
    if match:
        return [f"PySide6.{match.group(1)}"]
    return ["PySide6"] if "PySide6" in line else []
