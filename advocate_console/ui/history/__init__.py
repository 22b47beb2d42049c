"""The history panel's parts, composed by
:class:`advocate_console.ui.history_panel.HistoryPanel`."""
