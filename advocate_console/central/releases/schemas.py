"""What an administrator publishes; the answer clients read is ``api.schemas.Release``."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from advocate_console.domain.releases import (
    CHANNEL_PATTERN,
    MAX_NOTES_URL,
    VERSION_PATTERN,
    is_notes_url,
)


class PublishRelease(BaseModel):
    """A release to announce on a channel (``advocate-central publish-release``)."""

    model_config = ConfigDict(extra="forbid")

    channel: str = Field(pattern=CHANNEL_PATTERN, description="e.g. stable, beta")
    version: str = Field(pattern=VERSION_PATTERN, description="e.g. 1.4.2")
    notes_url: str = Field(max_length=MAX_NOTES_URL, description="the release notes, https://…")

    @field_validator("notes_url")
    @classmethod
    def _web_address(cls, value: str) -> str:
        # Consoles open it in the browser: https only (they check again).
        if not is_notes_url(value):
            raise ValueError("must be an https:// web address like https://example.com/notes/1.4")
        return value
