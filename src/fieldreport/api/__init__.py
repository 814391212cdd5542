"""The JSON API (and the web page) over a fieldreport store."""

from fieldreport.api.app import create_app

__all__ = ["create_app"]
