"""``python -m namenorm``: the same command line as the ``namenorm`` script."""

from .cli import main

if __name__ == "__main__":
    main()
