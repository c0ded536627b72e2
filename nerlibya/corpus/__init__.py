"""Questions across a corpus: one identity per real entity, offices over time, KB entries the corpus suggests.

Each module is a library call the `corpus` and `kb` commands wrap: `store` reads a corpus database, `identity`
clusters per-document observations into entities, `timeline` and `status` date offices, `suggest` and
`kb_merge` grow the knowledge base, `svg` and `datasette` draw and publish. Every import from the rest of
nerlibya goes through `deps`.
"""
