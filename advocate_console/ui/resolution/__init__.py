"""The resolution form's sections, one widget each, composed by
:class:`advocate_console.ui.resolution_form.ResolutionForm`."""
