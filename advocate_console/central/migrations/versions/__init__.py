"""Revision files, one per schema change, named by date."""
