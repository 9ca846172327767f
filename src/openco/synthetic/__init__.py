"""A seeded synthetic population for examples, tests and benchmarks.

Families with children, their close-network maps, the professionals of five service units per
area, the meetings and plans made with some of the families, and workers' concerns, drawn with
:class:`random.Random` from a seed (no NumPy needed). Names are invented; ids are counters.
Nothing here touches files or the clock. :func:`example_map` is a small hand-made map for
docs and pictures. See ``docs/synthetic.md``.

:func:`generate_cases` takes the concerns on through the workflow, to cases at various stages.

Imports :mod:`openco.model` and :mod:`openco.errors` only, but for ``cases``, which builds its
cases with :mod:`openco.process` so that they keep the workflow's rules.
"""

from openco.synthetic.cases import area_records as area_records
from openco.synthetic.cases import generate_cases as generate_cases
from openco.synthetic.config import DEFAULT_CONFIG as DEFAULT_CONFIG
from openco.synthetic.config import PopulationConfig as PopulationConfig
from openco.synthetic.example import example_follow_up_map as example_follow_up_map
from openco.synthetic.example import example_map as example_map
from openco.synthetic.population import AreaPopulation as AreaPopulation
from openco.synthetic.population import SyntheticFamily as SyntheticFamily
from openco.synthetic.population import area_sizes as area_sizes
from openco.synthetic.population import generate_network_maps as generate_network_maps
from openco.synthetic.population import generate_population as generate_population

__all__ = [
    "DEFAULT_CONFIG",
    "AreaPopulation",
    "PopulationConfig",
    "SyntheticFamily",
    "area_records",
    "area_sizes",
    "example_follow_up_map",
    "example_map",
    "generate_cases",
    "generate_network_maps",
    "generate_population",
]
