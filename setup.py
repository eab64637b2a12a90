"""Build hook: the curated glossary.yaml at the top of the repository ships inside the
package, as flashcards/glossary/glossary.yaml (the metadata is in pyproject.toml).

The repository keeps one copy, at the top, where curators edit it; this copies it into
every wheel at build time. An editable install copies nothing: the package finds the
repository's file (flashcards.glossary.layers.shipped_path). MANIFEST.in puts the file
in the sdist, so a wheel built from the sdist ships it too.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

GLOSSARY = Path(__file__).resolve().parent / "glossary.yaml"
PACKAGED = ("flashcards", "glossary", "glossary.yaml")


class BuildPyWithGlossary(build_py):
    """build_py, plus the glossary copied into the built package."""

    def run(self):
        super().run()
        if self.editable_mode:
            return
        if not GLOSSARY.is_file():
            raise SystemExit(f"error: {GLOSSARY} is missing: the package ships it")
        target = Path(self.build_lib, *PACKAGED)
        self.mkpath(str(target.parent))
        self.copy_file(str(GLOSSARY), str(target))

    def get_outputs(self, include_bytecode=1):
        outputs = super().get_outputs(include_bytecode)
        return outputs if self.editable_mode else [*outputs, str(Path(self.build_lib, *PACKAGED))]


setup(cmdclass={"build_py": BuildPyWithGlossary})
