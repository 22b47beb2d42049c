"""A SIP party for the telephony tests and the dial benchmark: one process, one PJSUA2 phone.

It plays its own tone into every call and, on request, records what it hears to a WAV,
so a test can tell from the recording who was heard. It talks to the test on stdin
(one command per line) and stdout (one JSON event per line):

    commands: call <uri> | answer | hangup | transfer <uri> | record <path> |
              stop-recording | quit
    events:   ready, registered, incoming, answering, state (with the SIP code), media,
              transferred, recorded, error

With ``--registrar`` it registers there as ``sip:<name>@<registrar's host>``, so it is
reached through the registrar, as a company's desk phone or a customer's line would be.

Run: ``python sip_peer.py --port 0 --tone 700 --on-call answer``.
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
import threading
import time
from typing import Any

import pjsua2 as pj

STATES = {
    pj.PJSIP_INV_STATE_CALLING: "calling",
    pj.PJSIP_INV_STATE_INCOMING: "incoming",
    pj.PJSIP_INV_STATE_EARLY: "early",
    pj.PJSIP_INV_STATE_CONNECTING: "connecting",
    pj.PJSIP_INV_STATE_CONFIRMED: "confirmed",
    pj.PJSIP_INV_STATE_DISCONNECTED: "disconnected",
}


def emit(event: str, **fields: Any) -> None:
    """One event line for the test; ``t`` is this machine's monotonic clock, ``wall`` the
    time of day (to compare with what a server stamped)."""
    print(
        json.dumps({"event": event, "t": time.monotonic(), "wall": time.time(), **fields}),
        flush=True,
    )


class PeerCall(pj.Call):
    """A call of the peer; it plays the tone and feeds the recorder once media is up."""

    def __init__(self, peer: Peer, account: pj.Account, call_id: int = pj.PJSUA_INVALID_ID):
        super().__init__(account, call_id)
        self.peer = peer
        self.media: pj.AudioMedia | None = None

    def onCallState(self, prm: pj.OnCallStateParam) -> None:
        info = self.getInfo()
        state = STATES.get(info.state, str(info.state))
        emit("state", state=state, code=info.lastStatusCode, reason=info.lastReason)
        if info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
            self.peer.ended(self)

    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:
        info = self.getInfo()
        for index, media in enumerate(info.media):
            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                self.media = self.getAudioMedia(index)
                self.peer.tone.startTransmit(self.media)
                if self.peer.recorder is not None:
                    self.media.startTransmit(self.peer.recorder)
                emit("media")

    def onCallTransferRequest(self, prm: pj.OnCallTransferRequestParam) -> None:
        # Told to call someone else (SIP REFER): the new call plays and records like this one.
        call = PeerCall(self.peer, self.peer.account)
        self.peer.calls.append(call)
        prm.newCall = call
        emit("transferred", to=prm.dstUri)

    def onCallTransferStatus(self, prm: pj.OnCallTransferStatusParam) -> None:
        emit("transfer-status", code=prm.statusCode, final=bool(prm.finalNotify))
        if prm.finalNotify and prm.statusCode // 100 == 2:
            self.hangup(pj.CallOpParam())  # handed over: this line's part is done


class PeerAccount(pj.Account):
    """Answers, rings or refuses incoming calls, as the peer was told to."""

    def __init__(self, peer: Peer) -> None:
        super().__init__()
        self.peer = peer

    def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:
        call = PeerCall(self.peer, self, prm.callId)
        self.peer.calls.append(call)
        emit("incoming", remote=call.getInfo().remoteUri)
        self.peer.on_incoming(call)

    def onRegState(self, prm: pj.OnRegStateParam) -> None:
        info = self.getInfo()
        if info.regIsActive and info.regStatus // 100 == 2:
            emit("registered", code=info.regStatus)


class Peer:
    """The endpoint, its account, its tone and its calls."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.calls: list[PeerCall] = []
        self.finished: list[PeerCall] = []  # kept alive until the loop, outside callbacks
        self.recording = ""
        self.recorder: pj.AudioMediaRecorder | None = None
        self.answer_at: float | None = None
        self.ep = pj.Endpoint()
        self.ep.libCreate()
        config = pj.EpConfig()
        config.uaConfig.threadCnt = 0
        config.uaConfig.mainThreadOnly = False
        config.uaConfig.userAgent = f"advocate-test-peer/{args.name}"
        config.logConfig.level = args.log_level
        config.logConfig.consoleLevel = args.log_level
        config.medConfig.sndAutoCloseTime = -1
        config.medConfig.noVad = True
        self.ep.libInit(config)
        transport = pj.TransportConfig()
        transport.port = args.port
        transport.boundAddress = "127.0.0.1"
        transport_id = self.ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, transport)
        self.port = self.ep.transportGetInfo(transport_id).localName.rsplit(":", 1)[1]
        self.ep.libStart()
        self.ep.audDevManager().setNullDev()
        for codec in self.ep.codecEnum2():
            self.ep.codecSetPriority(codec.codecId, 255 if codec.codecId == args.codec else 0)
        self.account = PeerAccount(self)
        account = pj.AccountConfig()
        host = args.registrar.split(":", 1)[1] if args.registrar else f"127.0.0.1:{self.port}"
        self.uri = f"sip:{args.name}@{host}"
        account.idUri = f'"{args.name}" <{self.uri}>'
        account.mediaConfig.transportConfig.boundAddress = "127.0.0.1"
        if args.registrar:
            account.regConfig.registrarUri = args.registrar
            account.sipConfig.proxies.append(args.registrar + ";lr")
        self.account.create(account)
        self.tone = pj.ToneGenerator()
        self.tone.createToneGenerator(16000, 1)
        tone = pj.ToneDesc()
        tone.freq1 = tone.freq2 = args.tone
        tone.on_msec, tone.off_msec, tone.volume = 10000, 0, 0
        tones = pj.ToneDescVector()
        tones.append(tone)
        self.tone.play(tones, True)

    def on_incoming(self, call: PeerCall) -> None:
        """Do with a new call what ``--on-call`` says."""
        behaviour = self.args.on_call
        param = pj.CallOpParam()
        if behaviour in ("busy", "decline"):
            param.statusCode = 486 if behaviour == "busy" else 603
            call.answer(param)
            return
        param.statusCode = 180
        call.answer(param)
        if behaviour == "answer":
            self.answer_at = time.monotonic() + self.args.answer_after

    def answer(self) -> None:
        """Answer the newest ringing call."""
        self.answer_at = None
        for call in reversed(self.calls):
            if call.getInfo().state in (pj.PJSIP_INV_STATE_INCOMING, pj.PJSIP_INV_STATE_EARLY):
                param = pj.CallOpParam()
                param.statusCode = 200
                emit("answering")
                call.answer(param)
                return

    def ended(self, call: PeerCall) -> None:
        """Forget a finished call (its object is deleted outside the callback)."""
        if call in self.calls:
            self.calls.remove(call)
        self.finished.append(call)

    def command(self, line: str) -> bool:
        """Carry out one command; False when told to quit."""
        word, _, rest = line.strip().partition(" ")
        if word == "call":
            call = PeerCall(self, self.account)
            self.calls.append(call)
            param = pj.CallOpParam(True)
            call.makeCall(rest.strip(), param)
        elif word == "answer":
            self.answer()
        elif word == "transfer":  # the oldest call goes to <uri> (blind transfer, REFER)
            call = next(c for c in self.calls if c.isActive())
            call.xfer(rest.strip(), pj.CallOpParam(True))
        elif word == "hangup":
            for call in list(self.calls):
                if call.isActive():
                    call.hangup(pj.CallOpParam())
        elif word == "record":
            self.stop_recording(report=False)
            self.recorder = pj.AudioMediaRecorder()
            self.recorder.createRecorder(rest.strip())
            self.recording = rest.strip()
            for call in self.calls:
                if call.media is not None and call.isActive():
                    call.media.startTransmit(self.recorder)
        elif word == "stop-recording":
            self.stop_recording(report=True)
        elif word == "quit":
            return False
        return True

    def stop_recording(self, report: bool) -> None:
        """Close the WAV; it is complete once the file writer has flushed (~20 ms)."""
        if self.recorder is None:
            return
        self.recorder = None  # the last reference: pjsua2 closes and finalises the file
        deadline = time.monotonic() + 0.1
        while time.monotonic() < deadline:
            self.ep.libHandleEvents(10)
        if report:
            emit("recorded", path=self.recording)

    def run(self, commands: queue.Queue[str]) -> None:
        """Handle SIP events and commands until told to quit or stdin closes."""
        emit("ready", uri=self.uri, port=int(self.port))
        while True:
            self.ep.libHandleEvents(5)
            if self.answer_at is not None and time.monotonic() >= self.answer_at:
                self.answer()
            self.finished.clear()
            try:
                line = commands.get_nowait()
            except queue.Empty:
                continue
            try:
                if not self.command(line):
                    return
            except pj.Error as error:
                emit("error", message=error.info())

    def close(self) -> None:
        """Delete every pjsua2 object, then the library (the other order aborts)."""
        self.stop_recording(report=False)
        for call in self.calls:
            if call.isActive():
                call.hangup(pj.CallOpParam())
        self.ep.libHandleEvents(20)
        self.calls.clear()
        self.finished.clear()
        self.tone = None
        self.account.shutdown()
        self.account = None
        self.ep.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)
        self.ep = None


def main() -> int:
    """Run one peer until ``quit`` or the end of stdin."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--name", default="peer")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tone", type=int, required=True, help="Hz of the tone it plays")
    parser.add_argument(
        "--on-call", choices=["answer", "ring", "busy", "decline"], default="answer"
    )
    parser.add_argument("--registrar", default="", help="e.g. sip:127.0.0.1:5060")
    parser.add_argument("--answer-after", type=float, default=0.0)
    parser.add_argument("--codec", default="PCMU/8000/1")
    parser.add_argument("--log-level", type=int, default=0)
    args = parser.parse_args()
    commands: queue.Queue[str] = queue.Queue()

    def read_stdin() -> None:
        for line in sys.stdin:
            commands.put(line)
        commands.put("quit")

    threading.Thread(target=read_stdin, daemon=True).start()
    peer = Peer(args)
    try:
        peer.run(commands)
    finally:
        peer.close()
        emit("closed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
