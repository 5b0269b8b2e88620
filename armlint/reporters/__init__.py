"""Reporters: pure functions from a RunResult to text, JSON or SARIF."""
