"""Requests for a lead's approval of remedies beyond an advocate's authority, and answers."""
