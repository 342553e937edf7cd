"""What every part of an extraction shares: the spaCy pipeline (`pipeline`, `memo_attributes`), the one code path
(`run`: `extract`, `extract_batch`), the output types (`types`), time words (`dates`), wire datelines
(`datelines`), small text helpers (`text`), the scorer (`scoring`) and the extractor version (`version`).

Importing this package loads nothing: `version` and `types` stay free of spaCy, for the worker's main process.
"""
