"""Publishing: the outputs (tables, JSON, the HTML report for editors)."""
