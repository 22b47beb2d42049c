"""The console's SIP identity on PJSIP: its account, registration, and incoming calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pjsua2 as pj

from .config import SoftphoneConfig
from .legs import Registration


class SipAccount(pj.Account):
    """The console's account: registration state and incoming calls, reported onwards.

    ``guard`` runs each callback's handler so that no exception travels back into PJSIP.
    """

    def __init__(
        self,
        config: SoftphoneConfig,
        guard: Callable[..., None],
        on_incoming_call: Callable[[int], None],
        on_registration: Callable[[Registration], None],
    ) -> None:
        super().__init__()
        self.config = config
        self._guard = guard
        self._on_incoming_call = on_incoming_call
        self._on_registration = on_registration

    def onIncomingCall(self, prm: Any) -> None:
        self._guard(self._on_incoming_call, prm.callId)

    def onRegState(self, prm: Any) -> None:
        self._guard(self.report_registration)

    def report_registration(self) -> None:
        """The registrar answered (or did not): report whether the console is reachable."""
        info = self.getInfo()
        self._on_registration(
            Registration(
                registered=bool(info.regIsActive) and info.regStatus // 100 == 2,
                sip_code=info.regStatus,
                reason=info.regStatusText,
                registrar=self.config.registrar,
            )
        )

    def register_again(self) -> None:
        """Register again now (after the network came back, or to check)."""
        if self.config.registrar:
            self.setRegistration(True)


def account_config(config: SoftphoneConfig, local_uri: str) -> pj.AccountConfig:
    """The PJSUA2 account for ``config``, whose own address is ``local_uri``."""
    account = pj.AccountConfig()
    name = f'"{config.display_name}" ' if config.display_name else ""
    suffix = ";transport=tcp" if config.transport == "tcp" else ""
    account.idUri = f"{name}<{local_uri}>"
    if config.bind_address != "0.0.0.0":  # RTP on the same interface as SIP
        account.mediaConfig.transportConfig.boundAddress = config.bind_address
    if config.registrar:
        account.regConfig.registrarUri = config.registrar + suffix
        account.regConfig.timeoutSec = config.register_every_s
        account.regConfig.retryIntervalSec = config.retry_registration_s
        account.regConfig.firstRetryIntervalSec = config.retry_registration_s
        # A lost registration must never cut the customer off mid-call.
        account.regConfig.dropCallsOnFail = False
        if config.password:
            account.sipConfig.authCreds.append(
                pj.AuthCredInfo("digest", "*", config.auth_user or config.user, 0, config.password)
            )
    return account
