"""Bicep: a parser of our own for the current language, and lowering into the template model."""
