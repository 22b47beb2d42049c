"""One simulated phone of the demo, in a process of its own: it rings for a moment, then
answers with a short spoken greeting (a WAV, looped with a pause), or refuses as busy.

Run: ``python -m advocate_console.central.bridge.demo_phone --name anil --greeting a.wav``.
It prints one JSON line when it listens (``{"event": "ready", "uri": …}``) and runs until
its standard input closes (the demo's end).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import threading
import time
from typing import Any

import pjsua2 as pj


class DemoCall(pj.Call):
    """A call of the demo phone: the greeting plays into it once audio is up."""

    def __init__(self, phone: DemoPhone, call_id: int) -> None:
        super().__init__(phone.account, call_id)
        self.phone = phone

    def onCallState(self, prm: Any) -> None:
        if self.getInfo().state == pj.PJSIP_INV_STATE_DISCONNECTED:
            self.phone.ended(self)

    def onCallMediaState(self, prm: Any) -> None:
        info = self.getInfo()  # kept: its media list lives only as long as it does
        for index, media in enumerate(info.media):
            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                self.phone.voice.startTransmit(self.getAudioMedia(index))


class DemoAccount(pj.Account):
    """Rings, then answers (or says busy)."""

    def __init__(self, phone: DemoPhone) -> None:
        super().__init__()
        self.phone = phone

    def onIncomingCall(self, prm: Any) -> None:
        self.phone.ringing(DemoCall(self.phone, prm.callId))


class DemoPhone:
    """The endpoint, its account, its voice and its calls."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.calls: list[DemoCall] = []
        self.finished: list[DemoCall] = []
        self.answer_at: dict[int, float] = {}
        self.endpoint = pj.Endpoint()
        self.endpoint.libCreate()
        config = pj.EpConfig()
        config.uaConfig.threadCnt = 0
        config.uaConfig.mainThreadOnly = False
        config.uaConfig.userAgent = f"Advocate Console demo phone ({args.name})"
        config.logConfig.level = config.logConfig.consoleLevel = 0
        config.medConfig.sndAutoCloseTime = -1
        config.medConfig.noVad = True
        self.endpoint.libInit(config)
        transport = pj.TransportConfig()
        transport.boundAddress = "127.0.0.1"
        transport_id = self.endpoint.transportCreate(pj.PJSIP_TRANSPORT_UDP, transport)
        port = self.endpoint.transportGetInfo(transport_id).localName.rsplit(":", 1)[1]
        self.endpoint.libStart()
        self.endpoint.audDevManager().setNullDev()
        self.uri = f"sip:{args.name}@127.0.0.1:{port}"
        self.account = DemoAccount(self)
        account = pj.AccountConfig()
        account.idUri = f'"{args.label or args.name}" <{self.uri}>'
        account.mediaConfig.transportConfig.boundAddress = "127.0.0.1"
        self.account.create(account)
        self.voice = self._voice()

    def _voice(self) -> pj.AudioMedia:
        if self.args.greeting:
            player = pj.AudioMediaPlayer()
            player.createPlayer(self.args.greeting)  # loops: greeting, pause, greeting…
            return player
        tone = pj.ToneGenerator()  # no speech here: a soft tone of its own instead
        tone.createToneGenerator(16000, 1)
        description = pj.ToneDesc()
        description.freq1 = description.freq2 = self.args.tone
        description.on_msec, description.off_msec, description.volume = 400, 1600, 0
        tones = pj.ToneDescVector()
        tones.append(description)
        tone.play(tones, True)
        return tone

    def ringing(self, call: DemoCall) -> None:
        """Ring back, then answer after a moment, or refuse: busy."""
        param = pj.CallOpParam()
        if self.args.busy:
            param.statusCode = 486
            call.answer(param)
            self.finished.append(call)
            return
        param.statusCode = 180
        call.answer(param)
        self.calls.append(call)
        self.answer_at[id(call)] = time.monotonic() + self.args.ring_for

    def ended(self, call: DemoCall) -> None:
        """Forget a finished call (deleted outside the callback)."""
        if call in self.calls:
            self.calls.remove(call)
        self.answer_at.pop(id(call), None)
        self.finished.append(call)

    def run(self, stop: threading.Event) -> None:
        """Handle calls until stopped."""
        print(json.dumps({"event": "ready", "uri": self.uri}), flush=True)
        while not stop.is_set():
            self.endpoint.libHandleEvents(20)
            self.finished.clear()
            now = time.monotonic()
            for call in list(self.calls):
                when = self.answer_at.get(id(call))
                if when is not None and now >= when:
                    del self.answer_at[id(call)]
                    param = pj.CallOpParam()
                    param.statusCode = 200
                    call.answer(param)

    def close(self) -> None:
        """Every pjsua2 object goes before the library."""
        for call in self.calls:
            with contextlib.suppress(pj.Error):
                call.hangup(pj.CallOpParam())
        self.endpoint.libHandleEvents(20)
        self.calls.clear()
        self.finished.clear()
        self.voice = None
        self.account.shutdown()
        self.account = None
        self.endpoint.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)


def main() -> int:
    """Run one demo phone until its standard input closes."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--name", required=True, help="the user part of its SIP address")
    parser.add_argument("--label", default="", help="the name it calls with")
    parser.add_argument("--greeting", default="", help="a WAV it answers with")
    parser.add_argument("--tone", type=int, default=440, help="without a greeting: this tone")
    parser.add_argument("--ring-for", type=float, default=1.5, metavar="SECONDS")
    parser.add_argument("--busy", action="store_true", help="refuse every call as busy")
    args = parser.parse_args()
    stop = threading.Event()

    def wait_for_the_end() -> None:
        for _line in sys.stdin:
            pass
        stop.set()

    threading.Thread(target=wait_for_the_end, daemon=True).start()
    phone = DemoPhone(args)
    try:
        phone.run(stop)
    finally:
        phone.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
