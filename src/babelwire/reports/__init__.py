"""Digest reports (``babelwire report``): what happened since a time, as Markdown, HTML or PDF."""
