"""Scorers for the public gold sets (read at run time from ../shared/data, never copied)."""
