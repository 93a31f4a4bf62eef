"""How a case file is encoded, and the in-memory TinyDB storage a save works on.

TinyDB's own JSONStorage rewrites the file in place (a crash leaves it half-written) and
CachingMiddleware delays writes (a crash loses them). Here TinyDB only queries and updates the
case's tables in memory; the store then writes the whole file once, atomically (atomic.py)."""

from __future__ import annotations

import json
from typing import Any

from tinydb.storages import Storage

from krachtoverleg.core.errors import StoreError
from krachtoverleg.core.store.safe_read import writable_text


def encode(data: Any) -> bytes:
    # Compact: with indent, Python falls back to its slow pure-Python encoder (3x slower saves).
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def decode(raw: bytes, what: str) -> Any:
    if not raw.strip():
        raise StoreError(f"{what} is leeg; het bestand is beschadigd.")
    try:
        found = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise StoreError(f"{what} is te diep genest; het is beschadigd.") from None
    except ValueError:  # not JSON, not UTF-8, or a number of thousands of digits
        raise StoreError(f"{what} is beschadigd (geen geldige JSON).") from None
    if b"\\u" in raw and not writable_text(found):
        raise StoreError(f"{what} is beschadigd (een teken dat niet bestaat).")
    return found


class PendingStorage(Storage):
    """Holds one case's tables while a save changes them; nothing touches the disk."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.changed = False

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, Any]) -> None:
        self.data, self.changed = data, True

    def close(self) -> None:
        pass
