"""Sinks: where records go, one module per format (jsonl, json, csv, table, html, sqlite) behind one protocol
(base.Sink: write, finish, close, and whether it needs the text); partitions writes one file per Dask partition."""
