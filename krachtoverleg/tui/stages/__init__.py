"""One pane per agenda stage; each declares its stage key (see base.py and registry.py)."""
