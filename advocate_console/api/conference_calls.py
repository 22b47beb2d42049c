"""The central API's calls for conferences on the company's bridge.

Never retried: a repeat would ring someone twice (a GET is, being safe).
"""

from __future__ import annotations

import uuid

from .conferences import ConferenceList, ConferenceOut, LegChange, LegOut, NewConference, NewLeg
from .connection import CentralConnection
from .schemas import API_PREFIX

CONFERENCES = f"{API_PREFIX}/conferences"


class ConferenceCalls(CentralConnection):
    """Starting a conference, dialling people in, holding, muting and dropping them."""

    def start_conference(self, body: NewConference) -> ConferenceOut:
        """Start a conference: the bridge rings the advocate's phone first."""
        data = body.model_dump(mode="json", exclude_none=True)
        response = self._request("POST", CONFERENCES, json=data, retry=False)
        return self._parse(ConferenceOut, response)

    def conference(self, conference_id: uuid.UUID) -> ConferenceOut:
        """A conference with every leg, as the bridge last reported it."""
        return self._parse(ConferenceOut, self._request("GET", f"{CONFERENCES}/{conference_id}"))

    def my_conferences(self) -> list[ConferenceOut]:
        """This advocate's conferences still going (to pick them up after a restart)."""
        return self._parse(ConferenceList, self._request("GET", CONFERENCES)).items

    def add_leg(self, conference_id: uuid.UUID, body: NewLeg) -> LegOut:
        """Dial someone into a conference."""
        data = body.model_dump(mode="json", exclude_none=True)
        path = f"{CONFERENCES}/{conference_id}/legs"
        return self._parse(LegOut, self._request("POST", path, json=data, retry=False))

    def change_leg(self, conference_id: uuid.UUID, leg_id: uuid.UUID, change: LegChange) -> LegOut:
        """Hold, mute, join or drop a leg, or say whether it helped."""
        data = change.model_dump(mode="json", exclude_unset=True)
        path = f"{CONFERENCES}/{conference_id}/legs/{leg_id}"
        return self._parse(LegOut, self._request("PATCH", path, json=data, retry=False))

    def end_conference(self, conference_id: uuid.UUID) -> ConferenceOut:
        """Hang up everyone."""
        path = f"{CONFERENCES}/{conference_id}"
        return self._parse(ConferenceOut, self._request("DELETE", path, retry=False))
