"""Where cases live on disk: the case store, atomic files, schema upgrades, settings, backups,
checks and erasure."""

from krachtoverleg.core.store.case_store import CaseSummary, Store, store_dir_from

__all__ = ["CaseSummary", "Store", "store_dir_from"]
