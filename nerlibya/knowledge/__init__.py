"""What nerlibya knows, read from models/: the knowledge base (kb), each language's word lists (lexicon) and
the one loader of those data files (datafiles)."""
