"""The core: models, store, interchange, instruments. Imports nothing from Textual."""
