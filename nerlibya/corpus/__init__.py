"""Questions across a corpus: one identity per real entity, offices over time, KB entries the corpus suggests.

Each module is a library call the `corpus` and `kb` commands wrap: `store` reads a corpus database, `identity`
clusters per-document observations into entities, `timeline` dates offices, `suggest` and `kb_merge` grow the
knowledge base, `svg` and `datasette` draw and publish. Dates, and a role's status at a date, are pure rules in
`nerlibya.core` (`dates`, `status`) that the roles component shares.
"""
