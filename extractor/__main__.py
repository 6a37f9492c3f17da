"""``python -m extractor`` runs the ``reqx`` command line."""

from extractor.cli import main

if __name__ == "__main__":
    main()
