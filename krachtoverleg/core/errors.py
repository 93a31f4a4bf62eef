"""Errors the core raises. Messages are plain Dutch: they reach the screen and the CLI."""


class KrachtError(Exception):
    """Base of every error the core raises on purpose."""


class ValidationError(KrachtError, ValueError):
    """A value does not fit the model (empty text, unknown kind, impossible date)."""


class UnknownCase(KrachtError, LookupError):
    """No case has that code or id."""


class StoreBusy(KrachtError):
    """Another process holds the write lock of the store."""


class StoreError(KrachtError):
    """The store folder or one of its files cannot be used."""


class CaseFileDamaged(StoreError):
    """A case file that cannot be read as one: nothing is written over it."""


class StoreUnreachable(StoreError):
    """The team store's server cannot be reached; nothing was stored."""


class StoreReadOnly(StoreError):
    """The store can be read but not written here (a read-only disk, no write permission)."""


class InterchangeError(KrachtError):
    """A case file for import is malformed, of an unknown version, or invalid."""
