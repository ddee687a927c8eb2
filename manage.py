#!/usr/bin/env python
"""Same as the console script ``regietafel``."""

from regietafel.__main__ import main

if __name__ == "__main__":
    main()
