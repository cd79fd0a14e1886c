"""Figures: every number of a document read, with its kind, bounds and frame (the claims)."""
