"""Advocates' authority: their limits, what they gave this month, and the server's refusal
of remedies beyond it (unless a lead approved them)."""
