"""spaCy pipeline components of nerlibya; importing a module registers its factory."""
