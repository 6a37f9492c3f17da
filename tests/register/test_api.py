"""The register's public names: each one resolves, and nothing heavy loads for `reqx extract`."""

from __future__ import annotations

import subprocess
import sys

import extractor.register as register_package


def test_every_public_name_resolves() -> None:
    for name in register_package.__all__:
        assert getattr(register_package, name) is not None, name
    assert sorted(register_package.__all__) == sorted(register_package._HOMES)


def test_the_cli_does_not_import_sqlalchemy_until_the_register_is_used() -> None:
    check = "import sys, extractor.cli; print('sqlalchemy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
