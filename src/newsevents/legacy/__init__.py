"""Legacy TABARI/PETRARCH dictionaries: read them and code with them over our spaCy parse.

``readers`` reads the dictionary formats (verb patterns, actors, agents, discards,
issues) into plain dataclasses; ``coder.code_analysis`` applies a set of them to an
analysis. See ``docs/legacy.md``.
"""
