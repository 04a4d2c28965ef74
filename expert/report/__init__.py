"""Rendering: the report model, the graph, and the Jinja environments (sandboxed for user
templates)."""
