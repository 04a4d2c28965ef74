"""The rule base as documentation (the listing behind knowledge_base.md) and kb check."""
