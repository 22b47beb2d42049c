"""Accounts for admins: list, add, change, disable and sign out users, reset passwords."""
