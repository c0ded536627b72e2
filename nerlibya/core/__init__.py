"""The values nerlibya's components hand to each other, as frozen dataclasses; no spaCy import here."""
