"""Shared test builders: cases, evidence, admin fixtures, Case A, packages."""
