import sys

from samplegen.browser.corpus import main

sys.exit(main())
