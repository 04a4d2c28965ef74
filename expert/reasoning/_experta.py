"""The one place where experta is made importable on Python >= 3.10.

experta 1.9.4 (the current release) pins ``frozendict==1.2``. That frozendict declares
``class frozendict(collections.Mapping)``, and the ``collections.Mapping`` alias was removed in
Python 3.10, so ``import experta`` dies with AttributeError on a fresh Python 3.11 install.

pip cannot be told to ignore a dependency's exact pin from setup.cfg, and a newer frozendict
would conflict with that pin, so instead we put the alias back (pointing at the very same
``collections.abc.Mapping`` class) before experta is first imported. It changes nothing for code
that already uses ``collections.abc``. ``expert/__init__.py`` imports this module first, so every
import path through the ``expert`` package is covered; tests/test_compat.py checks it in a clean
interpreter.
"""
import collections
import collections.abc

for _name in ("Mapping", "MutableMapping", "Sequence", "Iterable", "Callable", "Hashable"):
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))

import experta  # noqa: E402,F401  (imported here so the fix is proven at import time)
