"""The lead's Approvals dock and the words of authority and approvals."""
