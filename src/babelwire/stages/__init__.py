"""Pipeline stages: extract, language, dedup, embed, cluster. One module each."""
