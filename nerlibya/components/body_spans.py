"""Bodies found by their head noun take their place among the entity spans: they replace the spans they cover
or cut, unless that would cut a KB name or a person's name."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .bodies import Body


def with_bodies(doc: Doc, spans: list[Span], bodies: list[Body], openers: frozenset[str] = frozenset(),
                owner_links: frozenset[str] = frozenset(), conjunctions: frozenset[str] = frozenset()) -> list[Span]:
    """Bodies found by their head noun replace the spans they cover or cut ('Libya' in 'Libya Sanctions
    Committee', 'Security Directorates Support Force' before 'for the Regions'); a body that would cut a
    KB name or a person's name is left out. A known body written with a word more keeps its id: its head
    noun is the known name's ('Libyan' + 'National Transitional Council', 'Chambre des représentants' +
    'de Libye'). A known organisation ending the body's name after its own complement owns it and stays
    apart ('ministère de la Santé' + 'du GNA'); two known bodies joined by a conjunction stay two."""
    if not bodies:
        return spans
    kept_bodies = []
    for body in bodies:
        start, end = body.start, _before_owner(doc, body, spans, owner_links)
        crossing = [s for s in spans if s.start < end and start < s.end]
        found_already = any((s.start, s.end) == (start, end) and (s.id_ or s.label_ == body.label) for s in crossing)
        cuts_a_name = any((s.id_ or s.label_ == "PERSON") and not (start <= s.start and s.end <= end) for s in crossing)
        cuts_a_name = cuts_a_name or any(s.label_ == "PERSON" and (s.start, s.end) != (start, end) for s in crossing
                                         if body.head < s.start or body.head >= s.end)
        known = next((s.id_ for s in crossing if s.id_ and s.label_ == body.label and s.start <= body.head < s.end), "")
        if not (found_already or cuts_a_name or _joins_two_known(doc, crossing, conjunctions)
                or any(_goes_on_in_lower_case(doc, body, s, openers) for s in crossing)):
            kept_bodies.append((start, end, known, body.label))
    if not kept_bodies:
        return spans
    covered = {i for start, end, _, _ in kept_bodies for i in range(start, end)}
    for i in covered:
        doc[i].ent_id = 0  # set_ents keeps a token's old id ('Misrata' in 'Misrata Military Council')
    out = [s for s in spans if covered.isdisjoint(range(s.start, s.end))]
    out += [Span(doc, start, end, label=label, span_id=known) for start, end, known, label in kept_bodies]
    return sorted(out, key=lambda s: s.start)


def _joins_two_known(doc: Doc, crossing: list[Span], conjunctions: frozenset[str]) -> bool:
    """'la Chambre des représentants et du Haut Conseil d'État': a French body's name may go on through 'et
    de' ('ministère des Affaires étrangères et de la Coopération'), but two known organisations with a
    conjunction between them are a list of two bodies, not one name."""
    known = [s for s in crossing if s.id_ and s.label_ == "ORG"]
    return any(a.id_ != b.id_ and any(doc[i].lower_ in conjunctions for i in range(a.end, b.start))
               for a, b in zip(known, known[1:]))


def _before_owner(doc: Doc, body: Body, spans: list[Span], links: frozenset[str]) -> int:
    """Where the body's name ends before a known organisation that closes it and owns it, after a capitalised
    portfolio or a known name: 'ministère de la Santé' + 'du' + 'GNA', 'ministère des Affaires étrangères' +
    'du gouvernement d'union nationale'; the body's end if none does ('Fédération libyenne des sociétés de la
    Croix-Rouge' is one name), or if the name left would be its head and one word."""
    owner = next((s for s in spans if s.end == body.end and s.start > body.head and s.id_ and s.label_ == "ORG"), None)
    if owner is None:
        return body.end
    end = owner.start
    while end > body.head and doc[end - 1].lower_ in links:
        end -= 1
    named = doc[end - 1].text[:1].isupper() or any(s.id_ and (s.start, s.end) == (body.start, end) for s in spans)
    return end if named and end - body.start >= 3 and end < owner.start else body.end


def _goes_on_in_lower_case(doc: Doc, body: Body, span: Span, openers: frozenset[str]) -> bool:
    """The model's organisation opens where the body does and goes on past it in a lower-case complement
    ('Institut africain' + 'de la gouvernance'), which the head-noun reading stopped short of: kept whole;
    not over a verb ('Conseil de sécurité' + 'ouvre la voie')."""
    return (span.label_ == "ORG" and not span.id_ and span.start == body.start and span.end > body.end
            and doc[body.end].lower_ in openers and all(t.is_lower or t.is_punct for t in doc[body.end : span.end]))
