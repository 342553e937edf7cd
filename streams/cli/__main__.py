"""`python -m streams.cli ...` runs the `parley` command."""

import sys

from streams.cli.main import main

sys.exit(main())
