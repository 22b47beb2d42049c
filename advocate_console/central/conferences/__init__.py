"""Conferences on the company's bridge: the API that starts and steers them (routes,
service), and the tables the bridge processes read their work from (models)."""
