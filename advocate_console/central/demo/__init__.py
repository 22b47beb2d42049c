"""Deterministic, realistic demo data: customers with their products, cases and history.

Used by ``advocate-central seed`` and by demo mode. ``generator`` makes the records;
``accounts`` holds the demo's users; each story the product exists for is a module of
``stories``; the rest are the words (``names``, ``places``, ``catalog``, ``phrases``,
``contacts``) and the parts of a regular customer's life. All dates are relative to
``today``, so the stories stay true whenever the data is made.
"""

DEMO_DATA_VERSION = 4
"""Raised when the demo data changes, so a demo seeded before is seeded afresh
(2: call attempts; 3: a year of cases that tells its story; 4: limits and approvals)."""
