"""krachtoverleg: a strengths-based case meeting on the shared screen."""

__version__ = "0.1.0"
