"""Hypothesis profiles, and nothing else.

* ``dev`` (the default): few examples, so that the suite runs in seconds while you work.
* ``ci``: more examples and no deadline (CI machines are slow and shared), for CI runs.

Choose with the environment variable ``HYPOTHESIS_PROFILE``, e.g. ``HYPOTHESIS_PROFILE=ci pytest``.
"""

import datetime as dt
import os

from hypothesis import settings

settings.register_profile("dev", max_examples=20, deadline=dt.timedelta(seconds=1))
settings.register_profile("ci", max_examples=100, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
