"""The case export formats: minutes (Markdown, HTML), action lists, the case file."""
