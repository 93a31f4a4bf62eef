"""The terminal interface. Thin: it reads from and writes to the core."""
