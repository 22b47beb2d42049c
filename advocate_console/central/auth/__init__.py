"""Signing in: advocates, passwords, bearer tokens and roles."""
