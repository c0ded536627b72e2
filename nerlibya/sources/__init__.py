"""Sources: where texts come from. Files, folders and standard input (files), JSONL records (jsonl), globs and
fsspec URLs (urls); each yields `TextInput` or `FailedInput` (items), decoded in exactly one place."""
