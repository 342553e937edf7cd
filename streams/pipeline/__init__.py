"""The article pipeline: read `articles`, decode, extract in NLP processes, publish events, commit."""
