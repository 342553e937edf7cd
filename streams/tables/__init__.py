"""The per-country contact tables: the fold rule (fold.py) and the agents and mirror that run it (agents.py)."""
