"""Reading what the client gives us: the question catalog, answers files, batch rows, bundled
examples, YAML loading and atomic writes. Never imports the reasoning."""
