"""Text utilities, pure and spaCy-free: folding and name keys (normalize), transliteration variants, name shapes,
language detection."""
