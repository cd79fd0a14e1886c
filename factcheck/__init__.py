"""factcheck: find where Arabic news reports disagree about the same figure."""
__version__ = "0.1.0"
