"""The only imports nerlibya.corpus takes from the rest of nerlibya: rewrite these lines if those modules move."""

from __future__ import annotations

from ..errors import KnowledgeBaseError, NerlibyaError  # noqa: F401
from ..knowledge.kb import KIND_FILES, KnowledgeBase, Office, check_kb, load_kb, parse_entry  # noqa: F401
from ..knowledge.datafiles import parse_yaml  # noqa: F401
from ..text.normalize import fold, name_key, name_similarity, spelling_keys  # noqa: F401
