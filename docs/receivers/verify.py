"""Verifies the X-Chime-Signature header of a Chime callback.

Python 3.8+, standard library only; copy this file into your service.

The header is "t=<unix seconds>,v1=<hex HMAC-SHA256>", the HMAC taken over
"<t>.<run id>.<raw body>" with the namespace's signing secret. Verify the raw body bytes as they
arrived, before parsing them (re-serialised JSON will not match). A request is accepted when a
v1 matches (compared in constant time) and t is within five minutes of now, so a captured
request cannot be replayed later. The run id is the same on every retry: keep it to ignore
duplicates.

    from verify import verify_chime_signature
    # with Flask:
    result = verify_chime_signature(request.headers.get("X-Chime-Signature"),
                                    request.headers.get("X-Chime-Run-Id"),
                                    request.get_data(), os.environ["CHIME_SECRET"])
    if not result.valid:
        abort(401, result.message)
"""
import hashlib
import hmac
import re
import sys
import time
from typing import NamedTuple, Optional

TOLERANCE_SECONDS = 5 * 60
_T = re.compile(r"t=(\d{1,12})")
_V1 = re.compile(r"v1=([0-9a-fA-F]{64})")


class Result(NamedTuple):
    valid: bool
    reason: str = ""  # missing_header, malformed_header, too_old, too_new or mismatch
    message: str = ""
    signed_at: Optional[int] = None


def verify_chime_signature(header: Optional[str], run_id: Optional[str], body: bytes,
                           secret: str, now: Optional[float] = None) -> Result:
    """Checks a callback's signature; `now` (unix seconds) defaults to the system clock."""
    if not secret:
        raise ValueError("no signing secret configured")
    if not header or not run_id:
        return Result(False, "missing_header",
                      "no X-Chime-Run-Id header" if header else "no X-Chime-Signature header")
    t = None
    signatures = []
    for part in header.split(","):
        item = part.strip()
        if _T.fullmatch(item):
            t = int(item[2:])
        elif _V1.fullmatch(item):
            signatures.append(item[3:].lower())
    if t is None or not signatures:
        return Result(False, "malformed_header",
                      "X-Chime-Signature must be t=<unix seconds>,v1=<64 hex digits>")
    now = int(time.time()) if now is None else int(now)
    if t < now - TOLERANCE_SECONDS:
        return Result(False, "too_old", f"signed at {t}, more than 5 minutes before now ({now})")
    if t > now + TOLERANCE_SECONDS:
        return Result(False, "too_new",
                      f"signed at {t}, more than 5 minutes after now ({now}); check the clocks")
    mac = hmac.new(secret.encode("utf-8"), f"{t}.{run_id}.".encode("utf-8"), hashlib.sha256)
    mac.update(body)
    expected = mac.hexdigest()
    matches = False
    for signature in signatures:
        # Constant time, and no early exit.
        matches = hmac.compare_digest(expected, signature) or matches
    if matches:
        return Result(True, signed_at=t)
    return Result(False, "mismatch", "the signature does not match the body and run id")


if __name__ == "__main__":
    # python3 verify.py <signature header> <run id> <body file> <now, unix seconds>, secret in
    # the CHIME_SECRET environment variable: prints "valid" (exit 0) or "<reason>: <message>".
    import os

    header_arg, run_id_arg, body_file, now_arg = sys.argv[1:5]
    with open(body_file, "rb") as f:
        outcome = verify_chime_signature(header_arg, run_id_arg, f.read(),
                                         os.environ["CHIME_SECRET"], float(now_arg))
    print("valid" if outcome.valid else f"{outcome.reason}: {outcome.message}")
    sys.exit(0 if outcome.valid else 1)
