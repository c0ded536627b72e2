"""Engines: the same extraction run in this process or a process pool (local), or on a Dask cluster (dask), behind
one interface (base.Engine); dask_bag is the Dask bag API for Python users."""
