"""The people and records a permission probe needs: each role's own records, a colleague's
(another advocate, Bea), and requests sent as anyone, signed in or not."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from advocate_console.central.auth.service import create_advocate
from advocate_console.central.core.database import Database
from advocate_console.domain import Role

from . import bodies
from .conftest import PASSWORD, USERS, Api, mint_token

COLLEAGUE = "bea"  # a second advocate: "someone else's" records are hers
ANONYMOUS = "anonymous"
WHO = (ANONYMOUS, Role.ADVOCATE, Role.LEAD, Role.ADMIN)
"""Who each route is tried as: signed out, then each role."""


@dataclass
class World:
    """A fresh server with a colleague, a customer, a product and a resource in it."""

    api: Api
    colleague_token: str = ""
    people: dict[Any, dict] = field(default_factory=dict)
    customer: dict = field(default_factory=dict)
    product: dict = field(default_factory=dict)
    resource: dict = field(default_factory=dict)

    @classmethod
    def made(cls, api: Api) -> World:
        """The world on ``api``'s server."""
        db = Database(api.url)
        try:
            create_advocate(db, COLLEAGUE, PASSWORD, Role.ADVOCATE, display_name="Bea Tester")
        finally:
            db.dispose()
        world = cls(api, mint_token(api.url, COLLEAGUE))
        for who in (*USERS, COLLEAGUE):
            world.people[who] = api.client.get("/api/v1/me", headers=world.headers(who)).json()
        world.customer = world.write("customers", Role.LEAD, bodies.customer(phones=[]))
        world.product = world.write("products", Role.LEAD, bodies.product(world.customer["id"]))
        world.resource = world.write("resources", Role.LEAD, bodies.resource())
        return world

    def headers(self, who: Any, **extra: str) -> dict[str, str]:
        """Headers of a request sent as ``who`` (a role, the colleague, or anonymous)."""
        headers = {name.replace("_", "-"): value for name, value in extra.items()}
        if who == COLLEAGUE:
            headers["Authorization"] = f"Bearer {self.colleague_token}"
        elif who != ANONYMOUS:
            headers |= self.api.auth(who)
        return headers

    def name(self, who: Any) -> str:
        """The display name of ``who``."""
        return self.people[who]["display_name"]

    def write(self, path: str, who: Any, body: dict[str, Any]) -> dict[str, Any]:
        """Create a record as ``who``; it must work."""
        response = self.api.client.post(f"/api/v1/{path}", json=body, headers=self.headers(who))
        assert response.status_code == 201, (path, who, response.text)
        return response.json()

    def body(self, path: str, author: Any) -> dict[str, Any]:
        """A valid create body for ``path`` (a case owned by ``author``)."""
        customer_id = self.customer["id"]
        if path == "customers":  # what an advocate may set on a new caller
            return bodies.customer(phones=[], display_name="New Caller") | {
                "lifetime_value_cents": 0
            }
        if path == "products":
            return bodies.product(customer_id)
        if path == "resources":
            return bodies.resource(name="Desk Nine")
        if path == "cases":
            owner = None if author is None else self.name(author)
            return bodies.case(customer_id, owner=owner)
        if path == "resolutions":  # (one per case: each on a case of its own)
            case = self.write("cases", Role.LEAD, bodies.case(customer_id))
            return bodies.resolution(case["id"])
        if path == "call-attempts":
            return {
                "resource_id": self.resource["id"],
                "customer_id": customer_id,
                "category": "product failure",
                "started_at": "2026-11-23T15:00:00Z",
            }
        maker = {
            "interactions": bodies.interaction,
            "follow-ups": bodies.follow_up,
            "cards": bodies.card,
        }[path]
        return maker(customer_id)
