"""`python -m newsevents` runs the command line, as the `newsevents` script does."""

import sys

from newsevents.cli import main

sys.exit(main())
