"""One router per resource: incidents, articles, stats, export."""
