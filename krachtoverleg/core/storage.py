"""A TinyDB storage that writes atomically, and can group many changes into one write.

TinyDB's own JSONStorage rewrites the file in place (a crash leaves it half-written) and
CachingMiddleware delays writes (a crash loses them); this storage does neither."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from krachtoverleg.core.atomic import write_atomic
from krachtoverleg.core.errors import StoreError


def encode(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def decode(raw: bytes, what: str) -> Any:
    if not raw.strip():
        raise StoreError(f"{what} is leeg; het bestand is beschadigd.")
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise StoreError(f"{what} is beschadigd (geen geldige JSON).") from None


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | Path, what: str = "Bestand") -> None:
        self.path = Path(path)
        self.what = what
        self._pending: dict[str, Any] | None = None
        self._batching = False
        self._dirty = False

    def read(self) -> dict[str, Any] | None:
        if self._pending is not None:
            return self._pending
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        data = decode(raw, self.what)
        if self._batching:
            self._pending = data
        return data

    def write(self, data: dict[str, Any]) -> None:
        if self._batching:
            self._pending, self._dirty = data, True
            return
        write_atomic(self.path, encode(data))

    def begin(self) -> None:
        self._batching, self._pending, self._dirty = True, None, False

    def commit(self) -> dict[str, Any] | None:
        """Write everything changed since `begin` in one atomic replace; return the data."""
        data, dirty = self._pending, self._dirty
        self.rollback()
        if data is not None and dirty:
            write_atomic(self.path, encode(data))
        return data

    def rollback(self) -> None:
        self._pending, self._batching, self._dirty = None, False, False

    def close(self) -> None:
        pass
