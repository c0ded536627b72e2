"""The one way nerlibya components set a Doc's entities: spans that never share a token.

spaCy refuses entity spans that share a token (E1010), and a statistical model, a KB match and a rule that
widens a name (an initial, a head noun, a byline) can each propose one. Every component that sets `doc.ents`
hands its spans to `set_entities`, which keeps a non-overlapping subset whatever it was given, so no input
can make a component fail on overlapping spans.

Priority when spans share a token: a span with a KB id beats one without; then the longer span; then the
earlier one (spaCy's `filter_spans` order). Empty spans are dropped.
"""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span


def entity_priority(span: Span) -> tuple[bool, int, int]:
    """Sort key, best first: a KB id, then length, then position."""
    return (not (span.id or span.kb_id), span.start - span.end, span.start)


def non_overlapping(spans: Iterable[Span]) -> list[Span]:
    """The spans that win under `entity_priority`, in text order, no two sharing a token."""
    ordered = sorted((s for s in spans if s.end > s.start), key=lambda s: (s.start, s.end))
    if all(a.end <= b.start for a, b in zip(ordered, ordered[1:])):
        return ordered  # the usual case: nothing to choose
    taken: set[int] = set()
    kept = []
    for span in sorted(ordered, key=entity_priority):
        if taken.isdisjoint(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def set_entities(doc: Doc, spans: Iterable[Span], *, outside: Iterable[Span] = (), default: str = "outside") -> list[Span]:
    """`doc.set_ents` with `non_overlapping(spans)`; the `outside` spans (tokens to make 'O') that touch a
    kept entity are left out. Returns the entities set."""
    kept = non_overlapping(spans)
    outside = list(outside)
    if outside:
        taken = {i for span in kept for i in range(span.start, span.end)}
        outside = [s for s in outside if taken.isdisjoint(range(s.start, s.end))]
    doc.set_ents(kept, outside=outside or None, default=default)
    return kept
