"""openco: early open cooperation with families, as a typed Python library.

General layout (each layer imports only from the layers above it in this list):

* :mod:`openco.errors` - every exception openco raises.
* :mod:`openco.model` - families, close networks, professionals, concerns, meetings and plans
  as frozen attrs values. No I/O, no clock.
* :mod:`openco.process` - the concern-to-plan workflow and the statutory track.
* :mod:`openco.io` - JSON documents in and out (cattrs).
* :mod:`openco.analysis` - network analysis (networkx behind a private module).
* :mod:`openco.testing` - Hypothesis strategies for users' own tests (``openco[testing]``).
* :mod:`openco.cli` - the ``openco`` command.

The package namespace itself holds only metadata; import from the subpackages.
"""

# Imported under private names: the package namespace holds only __version__.
from importlib.metadata import PackageNotFoundError as _PackageNotFoundError
from importlib.metadata import version as _version

try:
    __version__ = _version("openco")
except _PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = ["__version__"]
