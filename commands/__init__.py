"""One module per ``ccadvisor`` command (see cli.py); shared options live in common.py."""
