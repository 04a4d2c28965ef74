"""The interview: which question next, the consultation state, its views, saved sessions."""
