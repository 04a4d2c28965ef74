"""Explaining a result: why not, what if, sensitivity, and the step display."""
