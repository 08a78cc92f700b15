"""`python3 -m kiosk`: the same command line as the psoas-kiosk executable."""

import sys

from kiosk.cli import main

sys.exit(main())
