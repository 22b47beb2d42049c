"""How the main window holds its parts: placeholders until a part is ready, a part put
in a splitter's place, and docks that open tall enough to work in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QSplitter, QWidget


def placeholder(text: str) -> QLabel:
    """A quiet line where a part will be, saying why it is not there yet."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setMargin(12)
    return label


def three_columns(
    left: QWidget, middle: QWidget, right_top: QWidget
) -> tuple[QSplitter, QSplitter]:
    """The history, the form and the call over the people to bring in: the right
    column's splitter and the columns' splitter."""
    right = QSplitter(Qt.Orientation.Vertical)
    right.setObjectName("callSplitter")
    right.setChildrenCollapsible(False)
    right.addWidget(right_top)
    columns = QSplitter(Qt.Orientation.Horizontal)
    columns.setObjectName("mainSplitter")
    columns.setChildrenCollapsible(False)
    for index, part in enumerate((left, middle, right)):
        columns.addWidget(part)
        columns.setStretchFactor(index, 1)
    return right, columns


def replace_in_splitter(splitter: QSplitter, index: int, widget: QWidget) -> None:
    """Put ``widget`` in the splitter's ``index`` place, keeping the sizes."""
    sizes = splitter.sizes()
    old = splitter.replaceWidget(index, widget)
    if old is not None:
        old.deleteLater()
    splitter.setSizes(sizes)


def bottom_dock(window: QMainWindow, title: str, name: str, waiting: str) -> QDockWidget:
    """A dock at the bottom, hidden until asked for, saying ``waiting`` until its panel
    arrives; shown, it takes about a third of the window, not the three rows it asks."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(placeholder(waiting))
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    dock.visibilityChanged.connect(lambda shown: shown and _make_room(window, dock))
    return dock


def _make_room(window: QMainWindow, dock: QDockWidget) -> None:
    if not dock.isFloating() and dock.height() < window.height() // 3:
        window.resizeDocks([dock], [window.height() * 2 // 5], Qt.Orientation.Vertical)
