"""Matching: stories, candidate pairs of figures, their alignment score, and discrepancies."""
