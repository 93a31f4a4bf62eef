import sys

from krachtoverleg.cli import main

sys.exit(main())
