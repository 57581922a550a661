"""namenorm translit and namenorm systems."""

from __future__ import annotations

from click.testing import CliRunner

from namenorm.cli import cli
from namenorm.translit import systems


def test_translit(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        ["translit", "Святлана Ціханоўская", "--lang", "be", "--system", "lacinka"],
        catch_exceptions=False,
    )
    assert (result.exit_code, result.stdout) == (0, "Sviatłana Cichanoŭskaja\n")


def test_translit_defaults_to_the_news_system(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["translit", "Аляксандр Лукашэнка", "--lang", "be"], catch_exceptions=False
    )
    assert result.stdout == "Aliaksandr Lukashenka\n"


def test_translit_reads_stdin_line_by_line(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        ["translit", "-", "--lang", "ru", "--system", "iso9"],
        input="Лукашенко\nМинск",
        catch_exceptions=False,
    )
    assert result.stdout == "Lukašenko\nMinsk"


def test_translit_usage_errors(runner: CliRunner) -> None:
    system = runner.invoke(
        cli, ["translit", "x", "--lang", "be", "--system", "nope"], catch_exceptions=False
    )
    assert system.exit_code == 2
    names = ", ".join(s.name for s in systems("be"))
    assert system.stderr.endswith(
        f"Error: unknown system 'nope' for lang 'be'; expected one of {names}\n"
    )
    lang = runner.invoke(cli, ["translit", "x", "--lang", "pl"], catch_exceptions=False)
    assert lang.exit_code == 2
    assert (
        "Error: Invalid value for '--lang' / '-l': 'pl' is not one of 'be', 'ru', 'uk'."
        in lang.stderr
    )


def test_systems_lists_every_system(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["systems"], catch_exceptions=False)
    width = max(len(s.name) for s in systems())
    assert result.stdout.splitlines() == [
        f"{s.lang}  {s.name:<{width}}  {s.description}" for s in systems()
    ]


def test_systems_with_sources(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["systems", "--lang", "uk", "--sources"], catch_exceptions=False)
    lines = result.stdout.splitlines()
    found = systems("uk")
    width = max(len(s.name) for s in found)
    assert lines[0] == f"uk  {found[0].name:<{width}}  {found[0].description}"
    assert lines[1] == f"    {'':<{width}}  source: {found[0].source}"
    assert len(lines) == 2 * len(found)
