"""Alert channels: signed webhooks, email over SMTP, and an Atom feed per watchlist."""
