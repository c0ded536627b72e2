from .cli import main

if __name__ == "__main__":  # not when a spawned worker process (e.g. a local Dask cluster) imports it
    main()
