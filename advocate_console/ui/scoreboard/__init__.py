"""The scoreboard (View ▸ Scoreboard): the advocate's own score, and a lead's team, what is
broken and who helps, as tables and charts, exported as CSV or a one-page PDF."""
