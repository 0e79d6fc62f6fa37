"""Rule packs offered by installed packages through the ``lmcoop.rules`` entry-point group.

Each test installs a tiny distribution (a ``.dist-info`` folder and a module) into its own
temporary folder on ``sys.path``, the way pip would lay it out, so the real
``importlib.metadata`` discovery runs.
"""

from __future__ import annotations

import io
import itertools
import os
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import lmcoop
from conftest import EXAMPLES, ROOT
from lmcoop.rules import ENTRY_POINT_GROUP, RulePackError, RuleSet

WETLAND_PACK = """
[people]
positions = ["Chief Wetland Warden"]
honorifics = ["Tok Guru"]

[organizations]
head_nouns = ["Wetland Authority"]
"""
_names = itertools.count()

Install = Callable[..., str]


@pytest.fixture
def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Install:
    """install(entry_points={"name": "attr"}, module_code=..., files={...}) → the distribution's name."""

    def _install(entry_points: dict[str, str], module_code: str, files: dict[str, str | bytes] | None = None) -> str:
        number = next(_names)
        module = f"fake_lmcoop_pack_{number}"
        dist = f"fake-lmcoop-pack-{number}"
        site = tmp_path / f"site{number}"
        info = site / f"{dist.replace('-', '_')}-1.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n", encoding="utf-8")
        lines = [f"[{ENTRY_POINT_GROUP}]"] + [
            f"{name} = {value if ':' in value else f'{module}:{value}'}" for name, value in entry_points.items()
        ]
        (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (site / f"{module}.py").write_text(textwrap.dedent(module_code), encoding="utf-8")
        for name, content in (files or {}).items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (site / name).write_bytes(data)
        monkeypatch.syspath_prepend(str(site))
        return dist

    return _install


PATH_MODULE = """
from pathlib import Path

def pack():
    return Path(__file__).with_name("wetlands.toml")
"""


def test_installed_packs_are_not_used_unless_asked(install: Install) -> None:
    install({"wetlands": "pack"}, PATH_MODULE, {"wetlands.toml": WETLAND_PACK})
    assert "Chief Wetland Warden" not in lmcoop.Parser().rules.people.positions
    assert "Chief Wetland Warden" not in lmcoop.default_parser().rules.people.positions


def test_parser_with_plugins_adds_the_installed_words(install: Install) -> None:
    install({"wetlands": "pack"}, PATH_MODULE, {"wetlands.toml": WETLAND_PACK})
    rules = lmcoop.Parser(plugins=True).rules
    assert "Chief Wetland Warden" in rules.people.positions
    assert "Tok Guru" in rules.people.honorifics
    assert "Wetland Authority" in rules.organizations.head_nouns
    assert set(RuleSet.default().people.positions) <= set(rules.people.positions)  # added to, not replaced


def test_plugins_stack_on_rule_files(install: Install, tmp_path: Path) -> None:
    install({"wetlands": "pack"}, PATH_MODULE, {"wetlands.toml": WETLAND_PACK})
    local = tmp_path / "local.toml"
    local.write_text('[people]\npositions = ["Reef Keeper"]\n', encoding="utf-8")
    rules = lmcoop.Parser.from_files(local, plugins=True).rules
    assert {"Reef Keeper", "Chief Wetland Warden"} <= set(rules.people.positions)


@pytest.mark.parametrize(
    "module_code",
    [
        # a resource that is not a file on disk (importlib.resources.files() of a zipped package)
        """
        import zipfile
        from pathlib import Path
        def pack():
            return zipfile.Path(Path(__file__).with_name("packs.zip"), "wetlands.toml")
        """,
        # a mapping of sections
        """
        PACK = {"people": {"positions": ["Chief Wetland Warden"]}}
        def pack():
            return PACK
        """,
        # a RuleSet
        """
        from lmcoop import RuleSet
        def pack():
            return RuleSet.model_validate({"people": {"positions": ["Chief Wetland Warden"]}})
        """,
        # a plain string path, not behind a function
        """
        import os
        pack = os.path.join(os.path.dirname(__file__), "wetlands.toml")
        """,
    ],
    ids=["resource", "mapping", "ruleset", "str-path"],
)
def test_every_documented_form_of_a_pack_loads(install: Install, module_code: str) -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("wetlands.toml", WETLAND_PACK)
    install({"wetlands": "pack"}, module_code, {"wetlands.toml": WETLAND_PACK, "packs.zip": archive.getvalue()})
    assert "Chief Wetland Warden" in RuleSet.default().with_plugins().people.positions


def test_a_bad_pack_names_the_distribution_entry_point_key_and_expectation(install: Install) -> None:
    dist = install({"broken": "pack"}, PATH_MODULE, {"wetlands.toml": '[people]\npositions = "Warden"\n'})
    with pytest.raises(RulePackError) as caught:
        lmcoop.Parser(plugins=True)
    message = str(caught.value)
    assert dist in message
    assert "'broken'" in message
    assert "people.positions" in message
    assert "list" in message.lower()


def test_a_pack_with_an_unknown_section_is_refused(install: Install) -> None:
    install({"typo": "pack"}, "def pack():\n    return {'peple': {'positions': ['Warden']}}\n")
    with pytest.raises(RulePackError, match=r"'typo'.*peple"):
        RuleSet.default().with_plugins()


def test_a_pack_that_does_not_import_names_itself(install: Install) -> None:
    dist = install({"missing": "no_such_module_for_lmcoop:pack"}, "")
    with pytest.raises(RulePackError, match=r"'missing'.*ModuleNotFoundError") as caught:
        lmcoop.Parser(plugins=True)
    assert dist in str(caught.value)


def test_a_pack_of_the_wrong_type_says_what_was_expected(install: Install) -> None:
    install({"number": "pack"}, "pack = 42\n")
    with pytest.raises(RulePackError, match=r"'number'.*expected a path to a TOML rule pack.*got int"):
        lmcoop.Parser(plugins=True)


def test_a_pack_file_that_is_not_toml_names_the_file(install: Install) -> None:
    install({"wetlands": "pack"}, PATH_MODULE, {"wetlands.toml": "[people\n"})
    with pytest.raises(RulePackError, match=r"'wetlands'.*wetlands\.toml.*not valid TOML"):
        lmcoop.Parser(plugins=True)


def test_packs_apply_in_entry_point_name_order(install: Install) -> None:
    install(
        {"b-second": "second", "a-first": "first"},
        "def first():\n    return {'people': {'positions': ['Alpha Warden']}}\n"
        "def second():\n    return {'people': {'positions': ['Beta Warden']}}\n",
    )
    positions = RuleSet.default().with_plugins().people.positions
    assert positions.index("Alpha Warden") < positions.index("Beta Warden")


def test_no_installed_packs_leaves_the_rules_as_they_are() -> None:
    assert RuleSet.default().with_plugins() == RuleSet.default()


def test_the_command_line_uses_plugins_only_with_the_flag(install: Install, tmp_path: Path) -> None:
    install({"broken": "pack"}, "pack = 42\n")
    gold = str(ROOT / "tests" / "data" / "gold.jsonl")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}

    def lmcoop_cli(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "lmcoop", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, env=env)

    sample = str(EXAMPLES / "sample_article.txt")
    for command in (["evaluate", gold], ["parse", sample], ["render", sample]):
        assert lmcoop_cli(*command).returncode == 0, command
        flagged = lmcoop_cli(command[0], "--plugins", *command[1:])
        assert flagged.returncode == 2, command
        assert "'broken'" in flagged.stderr and "expected a path to a TOML rule pack" in flagged.stderr
