"""Rules of the method and the meeting: agenda, planning, timing, naming, what may change."""
