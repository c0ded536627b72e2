"""Which person a title describes, the way news writes it: pure functions over a sequence of tokens.

Patterns, tried in this order for every title, within one sentence:
- before the name: 'Prime Minister Abdul Hamid Dbeibah', 'le président français Emmanuel Macron'
  (and coordinated titles: 'Prime Minister and Defence Minister X');
- after the name, in apposition: 'Paul Soler, Special Envoy of ...', 'X, a former minister, ...'
  (and titles chained with 'and' after it);
- before the name, in apposition: 'the head of the Presidential Council, Mohamed al-Menfi,';
- a heading's lines: 'William Harlow' / 'Deputy Secretary of State';
- appointment and copula: 'X was appointed governor', 'X, who is the army's spokesman', 'A succeeded B as envoy';
- clauses: 'a government headed by X', 'X, who heads the Y' (title 'head', organisation Y).

A token is anything with spaCy's `text`, `text_with_ws`, `lower_`, `ent_type_`, `ent_iob_`, `is_punct`,
`is_lower` and `is_stop` (a spaCy Doc is such a sequence; tests pass plain records). Nothing here imports spaCy.

The modules, one family of constructions each: `scene` (what the patterns read), `complements` (where a title's
phrase ends), `before`, `apposition`, `lists`, `clauses`, `bodies`, and `attach` (the order they are tried in).
"""

from .attach import attach, holder_by_other_name, of_a_family
from .bodies import bracketed_body, clause_person, country_body_names, in_feminine, modifier_body, person_as_owner
from .lists import people_listed, person_respectively, respective_titles, singled_out
from .scene import Held, Person, RoleWords, Scene, TokenLike, as_phrase_start, is_glued_hyphen, past_spaces

__all__ = ["Held", "Person", "RoleWords", "Scene", "TokenLike", "as_phrase_start", "attach", "bracketed_body",
           "clause_person", "country_body_names", "holder_by_other_name", "in_feminine", "is_glued_hyphen",
           "modifier_body", "of_a_family", "past_spaces", "people_listed", "person_as_owner", "person_respectively",
           "respective_titles", "singled_out"]
