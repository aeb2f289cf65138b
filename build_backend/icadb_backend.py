"""icadb's build backend: setuptools' own, without its notice on editable installs.

setuptools ends every editable install that uses an import finder with an
InformationOnly notice ("Editable installation. Please be careful with
folders in your working directory with the same name as your package"). This
project must use the finder: schema/ and loaders/ install as icadb.schema and
icadb.loaders. The notice reports no problem, and `pip install -e .` would
print it on every install, so it is silenced here; every other setuptools
warning still shows.
"""

import warnings

from setuptools.build_meta import *  # noqa: F401,F403  (the hooks pip calls)
from setuptools.warnings import InformationOnly

warnings.filterwarnings("ignore", category=InformationOnly)
