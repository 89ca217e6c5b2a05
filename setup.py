"""Build hook: ship the top-level ``seeds/`` folder inside the package.

``seeds/`` at the repository root stays the source of truth; the wheel gets a
copy at ``summitcli/seeds`` so the bundled corpus works after ``pip install .``
from any directory. Editable installs read the root folder directly.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithSeeds(build_py):
    def run(self):
        super().run()
        source = Path(__file__).parent / "seeds"
        target = Path(self.build_lib) / "summitcli" / "seeds"
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            for item in source.iterdir():
                if item.is_file() and item.suffix in {".txt", ".md", ".yaml"}:
                    shutil.copy2(item, target / item.name)


setup(cmdclass={"build_py": BuildWithSeeds})
