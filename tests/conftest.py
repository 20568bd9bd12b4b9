"""Shared test settings: hypothesis profiles.

The default profile keeps CI fast; ``HYPOTHESIS_PROFILE=thorough`` searches much harder;
``HYPOTHESIS_PROFILE=mutation`` is for the mutation pass (``mutmut run``, see docs/design.md):
the same examples for every mutant, and no database carrying one mutant's failures to the next.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "fast",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=2_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "mutation",
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    # mutmut runs each test many times in one process, on new instances of its class.
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
