"""fieldreport: conflict news in, sourced and geolocated event data out."""

__version__ = "0.1.0"
