"""nerlibya: people (with roles), organisations and places in news about Libya, in English and French.

    >>> import nerlibya
    >>> record = nerlibya.extract("Field Marshal Khalifa Haftar met French President Emmanuel Macron.")
    >>> [p.name for p in record.people]
    ['Khalifa Haftar', 'Emmanuel Macron']

Names are imported lazily, so `nerlibya --help` does not pay for importing spaCy.
"""

from importlib import import_module

__version__ = "0.1.0"
_EXPORTS = {
    "Extractor": "api", "extract": "api", "load": "api", "ExtractorSettings": "settings",
    "ArticleRecord": "record", "doc_to_record": "record",
    "NerlibyaError": "errors", "KnowledgeBaseError": "errors", "ModelNotFoundError": "errors",
    "OutputError": "errors",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'nerlibya' has no attribute {name!r}")
