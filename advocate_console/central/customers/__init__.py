"""Customers: search by anything a caller says, history, creation and bulk import."""
