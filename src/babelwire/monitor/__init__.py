"""The continuous monitor: polling sources, source health, and hooks run after each ingest."""
