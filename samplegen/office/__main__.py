import sys

from samplegen.office.corpus import main

sys.exit(main())
