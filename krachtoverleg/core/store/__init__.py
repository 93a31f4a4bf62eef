"""Where cases live: one store interface (engine.py) with two engines beneath it, the folder
store on this computer (folder_store.py) and the team store on PostgreSQL (team_store.py); the
case as one document, atomic files, schema upgrades, settings, backups, checks and erasure."""

from krachtoverleg.core.store.case_document import CaseSummary
from krachtoverleg.core.store.engine import CaseStore

__all__ = ["CaseStore", "CaseSummary"]
