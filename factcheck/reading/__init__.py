"""Reading documents: files and records in, normalised Arabic text and tokens out."""
