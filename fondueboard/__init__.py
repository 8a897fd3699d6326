"""Fondueboard: the data side (schema, import, demo, CLI) of the executive dashboard."""
