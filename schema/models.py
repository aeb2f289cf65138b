"""SQLAlchemy models: the schema the migrations must produce.

The models are the reference for ``alembic check`` and for the schema test;
the product never creates tables from them (migrations do). Grain and column
meanings are documented in ``schema/codebook.yaml``.

Records use class-table inheritance: ``records`` holds what every meeting,
agreement, exercise and proposal has (title, dates, place, status, evidence);
``meetings``, ``agreements``, ``exercises`` and ``proposals`` add what only
that kind has. Link tables and evidence point at ``records``, so every
reference has a real foreign key.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    Text,
    UniqueConstraint,
    text as sql_text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, declared_attr, mapped_column

from icadb.schema import vocab

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The CHECKs are written in SQL that SQLite and PostgreSQL both run the same
# way: a character class is "trim() of those characters leaves nothing", and a
# real calendar day is checked against its month's length (leap years too).
DIGITS = "0123456789"
LOWER = "abcdefghijklmnopqrstuvwxyz"
UPPER = LOWER.upper()
# JSON text: TEXT on SQLite (with a json_valid CHECK), jsonb on PostgreSQL.
JSON_TEXT = Text().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def in_vocab(column: str, values: dict[str, str] | tuple[str, ...], name: str | None = None) -> CheckConstraint:
    """CHECK that *column* holds one of *values* (NULL passes; NOT NULL is separate)."""
    listed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({listed})", name=name or column)


def only(column: str, chars: str, length: int | None = None) -> str:
    """SQL: *column* is made of *chars* only (and has *length* characters, if given)."""
    sized = f"length({column}) = {length} AND " if length is not None else ""
    return f"{sized}trim({column}, '{chars}') = ''"


def day_sql(column: str) -> str:
    """SQL: *column* is a real calendar day written YYYY-MM-DD (NULL passes, as every CHECK lets it)."""
    year = f"CAST(substr({column}, 1, 4) AS INTEGER)"
    month = f"substr({column}, 6, 2)"
    leap = f"({year} % 4 = 0 AND ({year} % 100 <> 0 OR {year} % 400 = 0))"
    last = (f"CASE WHEN {month} IN ('04', '06', '09', '11') THEN '30' "
            f"WHEN {month} = '02' THEN CASE WHEN {leap} THEN '29' ELSE '28' END ELSE '31' END")
    shape = (f"length({column}) = 10 AND substr({column}, 5, 1) = '-' AND substr({column}, 8, 1) = '-' "
             f"AND {only(f'replace({column}, {chr(39)}-{chr(39)}, {chr(39)}{chr(39)})', DIGITS)}")
    return (f"CASE WHEN {shape} THEN {month} BETWEEN '01' AND '12' AND substr({column}, 9, 2) BETWEEN '01' AND ({last}) "
            f"WHEN {column} IS NOT NULL THEN 1 = 0 END")


def month_sql(column: str) -> str:
    """SQL: *column* is a month written YYYY-MM."""
    return (f"length({column}) = 7 AND substr({column}, 5, 1) = '-' "
            f"AND {only(f'replace({column}, {chr(39)}-{chr(39)}, {chr(39)}{chr(39)})', DIGITS)} "
            f"AND substr({column}, 6, 2) BETWEEN '01' AND '12'")


def year_sql(column: str) -> str:
    """SQL: *column* is a year written YYYY."""
    return only(column, DIGITS, 4)


def is_day(column: str, name: str) -> CheckConstraint:
    """CHECK that *column* is a real calendar day written YYYY-MM-DD."""
    return CheckConstraint(day_sql(column), name=name)


def date_at_precision(date: str, precision: str, name: str, unknown: bool = True) -> CheckConstraint:
    """CHECK that *date* is written exactly at *precision* (empty when unknown)."""
    return CheckConstraint(
        (f"({precision} = 'unknown' AND {date} IS NULL) OR " if unknown else f"({date} IS NULL AND {precision} IS NULL) OR ")
        + f"({precision} = 'year' AND {year_sql(date)})"
        f" OR ({precision} = 'month' AND {month_sql(date)})"
        f" OR ({precision} = 'day' AND {day_sql(date)})",
        name=name,
    )


def slug(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} <> '' AND {only(column, LOWER + DIGITS + '-')}", name=f"{column}_slug")


def json_text(column: str, name: str) -> tuple[CheckConstraint, CheckConstraint]:
    """CHECK that *column* holds JSON: json_valid on SQLite; on PostgreSQL, where the
    column is jsonb (so always JSON), that it is not a JSON null."""
    return (CheckConstraint(f"json_valid({column})", name=name).ddl_if(dialect="sqlite"),
            CheckConstraint(f"jsonb_typeof({column}) <> 'null'", name=name).ddl_if(dialect="postgresql"))


class Country(Base):
    __tablename__ = "countries"
    __table_args__ = (
        CheckConstraint(only("iso3", UPPER, 3), name="iso3_format"),
        CheckConstraint(only("iso2", UPPER, 2), name="iso2_format"),
        CheckConstraint(only("iso_numeric", DIGITS, 3), name="iso_numeric_format"),
        CheckConstraint("is_central_asia IN (0, 1)", name="is_central_asia_bool"),
        CheckConstraint("capital_latitude BETWEEN -90 AND 90", name="capital_latitude_range"),
        CheckConstraint("capital_longitude BETWEEN -180 AND 180", name="capital_longitude_range"),
    )

    iso3: Mapped[str] = mapped_column(Text, primary_key=True)
    iso2: Mapped[str] = mapped_column(Text, unique=True)
    iso_numeric: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    iso_name: Mapped[str] = mapped_column(Text)
    official_name: Mapped[str | None] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(Text, index=True)
    subregion: Mapped[str | None] = mapped_column(Text)
    is_central_asia: Mapped[int] = mapped_column(Integer)
    capital: Mapped[str | None] = mapped_column(Text)
    capital_latitude: Mapped[float | None] = mapped_column(Float)
    capital_longitude: Mapped[float | None] = mapped_column(Float)


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        slug("document_id"),
        in_vocab("title_basis", vocab.TITLE_BASIS),
        in_vocab("date_precision", vocab.DATE_PRECISION),
        in_vocab("date_basis", vocab.DATE_BASIS),
        date_at_precision("published_on", "date_precision", "published_on_precision"),
        is_day("published_earliest", "published_earliest_day"),
        is_day("published_latest", "published_latest_day"),
        CheckConstraint("published_earliest <= published_latest", name="published_order"),
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
        CheckConstraint("char_count = length(text)", name="char_count_matches"),
    )

    document_id: Mapped[str] = mapped_column(Text, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    title_basis: Mapped[str] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text, index=True)
    published_on: Mapped[str | None] = mapped_column(Text)
    date_precision: Mapped[str] = mapped_column(Text)
    date_basis: Mapped[str] = mapped_column(Text)
    date_note: Mapped[str | None] = mapped_column(Text)
    published_earliest: Mapped[str | None] = mapped_column(Text)
    published_latest: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    original_filename: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(Text, unique=True)
    char_count: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)


class Organization(Base):
    __tablename__ = "organizations"
    __table_args__ = (slug("org_id"), in_vocab("org_type", vocab.ORG_TYPE))

    org_id: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    abbreviation: Mapped[str | None] = mapped_column(Text)
    org_type: Mapped[str] = mapped_column(Text, index=True)
    parent_org_id: Mapped[str | None] = mapped_column(ForeignKey("organizations.org_id"), index=True)
    country_iso3: Mapped[str | None] = mapped_column(ForeignKey("countries.iso3"), index=True)
    description: Mapped[str] = mapped_column(Text)
    source_document_id: Mapped[str] = mapped_column(ForeignKey("documents.document_id"), index=True)
    source_quote: Mapped[str] = mapped_column(Text)


class Person(Base):
    __tablename__ = "people"
    __table_args__ = (slug("person_id"),)

    person_id: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    position: Mapped[str] = mapped_column(Text)
    country_iso3: Mapped[str] = mapped_column(ForeignKey("countries.iso3"), index=True)
    source_document_id: Mapped[str] = mapped_column(ForeignKey("documents.document_id"), index=True)
    source_quote: Mapped[str] = mapped_column(Text)


class Place(Base):
    __tablename__ = "places"
    __table_args__ = (
        slug("place_id"),
        in_vocab("place_type", vocab.PLACE_TYPE),
        in_vocab("coordinate_precision", vocab.COORDINATE_PRECISION),
        CheckConstraint("latitude BETWEEN -90 AND 90", name="latitude_range"),
        CheckConstraint("longitude BETWEEN -180 AND 180", name="longitude_range"),
    )

    place_id: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    place_type: Mapped[str] = mapped_column(Text)
    country_iso3: Mapped[str] = mapped_column(ForeignKey("countries.iso3"), index=True)
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    coordinate_precision: Mapped[str] = mapped_column(Text)
    coordinate_source: Mapped[str] = mapped_column(Text)


class Series(Base):
    __tablename__ = "series"
    __table_args__ = (
        slug("series_id"),
        in_vocab("kind", vocab.RECORD_KIND),
        in_vocab("frequency", vocab.FREQUENCY),
    )

    series_id: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    frequency: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)


class Record(Base):
    __tablename__ = "records"
    __table_args__ = (
        slug("record_id"),
        in_vocab("kind", vocab.RECORD_KIND),
        in_vocab("status", vocab.STATUS),
        in_vocab("category", vocab.CATEGORY),
        in_vocab("review_status", vocab.REVIEW_STATUS),
        in_vocab("date_precision", vocab.DATE_PRECISION),
        in_vocab("date_basis", vocab.DATE_BASIS),
        in_vocab("end_date_precision", ("day", "month", "year"), name="end_date_precision"),
        date_at_precision("date", "date_precision", "date_precision_format"),
        date_at_precision("end_date", "end_date_precision", "end_date_format", unknown=False),
        CheckConstraint("date_precision = 'unknown' OR date_basis IS NOT NULL", name="dated_has_basis"),
        is_day("date_earliest", "date_earliest_day"),
        is_day("date_latest", "date_latest_day"),
        CheckConstraint("date_earliest <= date_latest", name="date_order"),
        CheckConstraint("year IS NULL OR year = CAST(substr(date, 1, 4) AS INTEGER)", name="year_matches_date"),
        CheckConstraint("month IS NULL OR month = substr(date, 1, 7)", name="month_matches_date"),
        CheckConstraint("edition IS NULL OR (edition > 0 AND series_id IS NOT NULL)", name="edition_in_series"),
        UniqueConstraint("record_id", "kind"),
    )

    record_id: Mapped[str] = mapped_column(Text, primary_key=True)
    kind: Mapped[str] = mapped_column(Text, index=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text, index=True)
    category: Mapped[str] = mapped_column(Text, index=True)
    date: Mapped[str | None] = mapped_column(Text)
    date_precision: Mapped[str] = mapped_column(Text, index=True)
    date_basis: Mapped[str | None] = mapped_column(Text)
    date_note: Mapped[str | None] = mapped_column(Text)
    end_date: Mapped[str | None] = mapped_column(Text)
    end_date_precision: Mapped[str | None] = mapped_column(Text)
    date_earliest: Mapped[str | None] = mapped_column(Text, index=True)
    date_latest: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    month: Mapped[str | None] = mapped_column(Text)
    place_id: Mapped[str | None] = mapped_column(ForeignKey("places.place_id"), index=True)
    place_note: Mapped[str | None] = mapped_column(Text)
    review_status: Mapped[str] = mapped_column(Text, index=True)
    note: Mapped[str | None] = mapped_column(Text)
    series_id: Mapped[str | None] = mapped_column(ForeignKey("series.series_id"), index=True)
    edition: Mapped[int | None] = mapped_column(Integer)


# -- the record kinds ------------------------------------------------------------
# Each kind of record has a table of what only that kind has, tied to its
# records row. A kind table is one class below; everything else that lists the
# kinds (the loaders, the record page, diff, the drafter, the benchmarks, the
# tests) reads them from kinds(). A kind column's vocabulary (its CHECK and the
# loaders' check) and what the loaders say it expects are in its ``info``.


def vocab_column(values: dict[str, str], *, index: bool = False) -> Mapped[str]:
    """A required kind column holding one of *values* (a vocabulary of schema/vocab.py)."""
    return mapped_column(Text, index=index, info={"vocab": values})


def meeting_ref(expected: str) -> Mapped[str | None]:
    """An optional kind column naming a meeting record (checked once every record is read)."""
    return mapped_column(ForeignKey("meetings.record_id"), index=True, info={"expected": expected, "meeting": True})


class KindTable:
    """The table of one kind of record: its rows are tied to records rows of that kind."""

    KIND: str

    record_id: Mapped[str] = mapped_column(Text, primary_key=True)

    @declared_attr
    def kind(cls) -> Mapped[str]:
        return mapped_column(Text, server_default=cls.KIND)

    @declared_attr.directive
    def __table_args__(cls) -> tuple:
        vocabularies = [in_vocab(name, column.column.info["vocab"]) for name, column in vars(cls).items()
                        if isinstance(column, MappedColumn) and "vocab" in column.column.info]
        return (
            CheckConstraint(f"kind = '{cls.KIND}'", name="kind_fixed"),
            ForeignKeyConstraint(["record_id", "kind"], ["records.record_id", "records.kind"]),
            *vocabularies,
        )

    @classmethod
    def fields(cls) -> list[Column]:
        """The columns only this kind has (not record_id and kind), in table order."""
        return [column for column in cls.__table__.columns if column.name not in ("record_id", "kind")]


class Meeting(KindTable, Base):
    __tablename__ = "meetings"
    KIND = "meeting"

    meeting_level: Mapped[str] = vocab_column(vocab.MEETING_LEVEL, index=True)
    format: Mapped[str] = vocab_column(vocab.FORMAT)
    mode: Mapped[str] = vocab_column(vocab.MEETING_MODE)
    sidelines_of: Mapped[str | None] = meeting_ref("the id of the meeting this one was held beside")


class Agreement(KindTable, Base):
    __tablename__ = "agreements"
    KIND = "agreement"

    agreement_type: Mapped[str] = vocab_column(vocab.AGREEMENT_TYPE, index=True)
    made_at: Mapped[str | None] = meeting_ref("the id of the meeting where it was reached")


class Exercise(KindTable, Base):
    __tablename__ = "exercises"
    KIND = "exercise"

    exercise_name: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str] = vocab_column(vocab.FORMAT)
    frequency: Mapped[str] = vocab_column(vocab.FREQUENCY)


class Proposal(KindTable, Base):
    __tablename__ = "proposals"
    KIND = "proposal"

    proposal_type: Mapped[str] = vocab_column(vocab.PROPOSAL_TYPE, index=True)
    made_at: Mapped[str | None] = meeting_ref("the id of the meeting where it was made")


class Facility(KindTable, Base):
    __tablename__ = "facilities"
    KIND = "facility"

    facility_type: Mapped[str] = vocab_column(vocab.FACILITY_TYPE, index=True)


class Activity(KindTable, Base):
    __tablename__ = "activities"
    KIND = "activity"

    activity_type: Mapped[str] = vocab_column(vocab.ACTIVITY_TYPE, index=True)


def kinds() -> dict[str, type[KindTable]]:
    """Every kind of record and its table's model, in the order of the vocabulary (vocab.RECORD_KIND)."""
    tables = {model.KIND: model for model in KindTable.__subclasses__()}
    return {kind: tables[kind] for kind in vocab.RECORD_KIND}


class RecordCountry(Base):
    __tablename__ = "record_countries"
    __table_args__ = (in_vocab("role", vocab.ROLE),)

    record_id: Mapped[str] = mapped_column(ForeignKey("records.record_id"), primary_key=True)
    iso3: Mapped[str] = mapped_column(ForeignKey("countries.iso3"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(Text, primary_key=True)
    note: Mapped[str | None] = mapped_column(Text)


class RecordOrganization(Base):
    __tablename__ = "record_organizations"
    __table_args__ = (in_vocab("role", vocab.ROLE),)

    record_id: Mapped[str] = mapped_column(ForeignKey("records.record_id"), primary_key=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("organizations.org_id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(Text, primary_key=True)
    note: Mapped[str | None] = mapped_column(Text)


class RecordPerson(Base):
    __tablename__ = "record_people"
    __table_args__ = (in_vocab("role", vocab.ROLE),)

    record_id: Mapped[str] = mapped_column(ForeignKey("records.record_id"), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.person_id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(Text, primary_key=True)
    note: Mapped[str | None] = mapped_column(Text)


class Evidence(Base):
    __tablename__ = "evidence"
    __table_args__ = (
        CheckConstraint("char_start >= 0 AND char_end > char_start", name="offsets_order"),
        CheckConstraint("length(quote) = char_end - char_start", name="quote_length_matches_offsets"),
        UniqueConstraint("record_id", "document_id", "char_start", "char_end"),
    )

    evidence_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("records.record_id"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.document_id"), index=True)
    quote: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    # 1: a quote a program suggested for this record (a draft's add_evidence_to), not yet reviewed.
    suggested: Mapped[int] = mapped_column(Integer, CheckConstraint("suggested IN (0, 1)", name="suggested_bool"),
                                           server_default=sql_text("0"))


class Draft(Base):
    """A record drafted by a program from one document (its review_status is
    machine_suggested), with the drafter's confidence."""

    __tablename__ = "drafts"
    __table_args__ = (CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence_range"),)

    record_id: Mapped[str] = mapped_column(ForeignKey("records.record_id"), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.document_id"), index=True)
    confidence: Mapped[float] = mapped_column(Float)
    drafter: Mapped[str] = mapped_column(Text)


class DraftNote(Base):
    """Why a draft says what it says about one field: the trigger, the rule and the sentence."""

    __tablename__ = "draft_notes"

    draft_note_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("drafts.record_id"), index=True)
    field: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)


class Figure(Base):
    """A number a source gives about a record (an amount, a count, a span)."""

    __tablename__ = "figures"
    __table_args__ = (
        CheckConstraint("approximate IN (0, 1)", name="approximate_bool"),
        UniqueConstraint("record_id", "label"),
    )

    figure_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("records.record_id"), index=True)
    label: Mapped[str] = mapped_column(Text)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(Text)
    approximate: Mapped[int] = mapped_column(Integer)
    source_text: Mapped[str] = mapped_column(Text)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.evidence_id"), index=True)


class Conflict(Base):
    """Where the sources disagree or are vague: kept as data, never silently resolved."""

    __tablename__ = "conflicts"
    __table_args__ = (slug("conflict_id"), in_vocab("conflict_type", vocab.CONFLICT_TYPE))

    conflict_id: Mapped[str] = mapped_column(Text, primary_key=True)
    conflict_type: Mapped[str] = mapped_column(Text, index=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    handling: Mapped[str] = mapped_column(Text)


class ConflictRecord(Base):
    __tablename__ = "conflict_records"

    conflict_id: Mapped[str] = mapped_column(ForeignKey("conflicts.conflict_id"), primary_key=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("records.record_id"), primary_key=True, index=True)


class ConflictQuote(Base):
    __tablename__ = "conflict_quotes"
    __table_args__ = (
        CheckConstraint("char_start >= 0 AND char_end > char_start", name="offsets_order"),
        CheckConstraint("length(quote) = char_end - char_start", name="quote_length_matches_offsets"),
        UniqueConstraint("conflict_id", "document_id", "char_start", "char_end"),
    )

    quote_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conflict_id: Mapped[str] = mapped_column(ForeignKey("conflicts.conflict_id"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.document_id"), index=True)
    quote: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    claim: Mapped[str] = mapped_column(Text)


class CoverageSkip(Base):
    """A passage the curators read and decided holds no record, with the reason."""

    __tablename__ = "coverage_skips"
    __table_args__ = (
        in_vocab("reason", vocab.SKIP_REASON),
        CheckConstraint("char_start >= 0 AND char_end > char_start", name="offsets_order"),
        CheckConstraint("length(quote) = char_end - char_start", name="quote_length_matches_offsets"),
        UniqueConstraint("document_id", "char_start", "char_end"),
    )

    skip_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.document_id"), index=True)
    quote: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, index=True)
    note: Mapped[str | None] = mapped_column(Text)


class Alias(Base):
    """The gazetteer: every name by which the texts may mention an entity."""

    __tablename__ = "aliases"
    __table_args__ = (
        in_vocab("entity_type", vocab.ENTITY_TYPE),
        in_vocab("origin", vocab.ALIAS_ORIGIN),
        CheckConstraint(
            "(entity_type = 'country') = (iso3 IS NOT NULL)"
            " AND (entity_type = 'organization') = (org_id IS NOT NULL)"
            " AND (entity_type = 'person') = (person_id IS NOT NULL)"
            " AND (entity_type = 'series') = (series_id IS NOT NULL)",
            name="one_entity",
        ),
    )

    alias: Mapped[str] = mapped_column(Text, primary_key=True)
    entity_type: Mapped[str] = mapped_column(Text, index=True)
    iso3: Mapped[str | None] = mapped_column(ForeignKey("countries.iso3"), index=True)
    org_id: Mapped[str | None] = mapped_column(ForeignKey("organizations.org_id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.person_id"), index=True)
    series_id: Mapped[str | None] = mapped_column(ForeignKey("series.series_id"), index=True)
    origin: Mapped[str] = mapped_column(Text)


class BuildInfo(Base):
    """Which data a build holds: one row, written at the end of every build."""

    __tablename__ = "build_info"
    __table_args__ = (CheckConstraint("length(seeds_sha256) = 64", name="seeds_sha256_length"),)

    data_version: Mapped[str] = mapped_column(Text, primary_key=True)
    schema_revision: Mapped[str] = mapped_column(Text)
    seeds_sha256: Mapped[str] = mapped_column(Text)
    icadb_version: Mapped[str] = mapped_column(Text)


class Sentence(Base):
    """A sentence of a document, with its place in the text."""

    __tablename__ = "sentences"
    __table_args__ = (
        CheckConstraint("char_start >= 0 AND char_end > char_start", name="offsets_order"),
        CheckConstraint("length(text) = char_end - char_start", name="text_length_matches_offsets"),
        *json_text("cooperation_terms", "cooperation_terms_json"),
        *json_text("party_phrases", "party_phrases_json"),
        UniqueConstraint("document_id", "position"),
    )

    sentence_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.document_id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    cooperation_terms: Mapped[str] = mapped_column(JSON_TEXT)
    party_phrases: Mapped[str] = mapped_column(JSON_TEXT, server_default=sql_text("'[]'"))


class Mention(Base):
    """A mention of a country, organisation, person or series in a sentence."""

    __tablename__ = "mentions"
    __table_args__ = (
        in_vocab("entity_type", {k: v for k, v in vocab.ENTITY_TYPE.items() if k != "ignore"}),
        CheckConstraint(
            "(entity_type = 'country') = (iso3 IS NOT NULL)"
            " AND (entity_type = 'organization') = (org_id IS NOT NULL)"
            " AND (entity_type = 'person') = (person_id IS NOT NULL)"
            " AND (entity_type = 'series') = (series_id IS NOT NULL)",
            name="one_entity",
        ),
        CheckConstraint("char_start >= 0 AND char_end > char_start", name="offsets_order"),
        CheckConstraint("length(surface) = char_end - char_start", name="surface_length_matches_offsets"),
    )

    mention_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.document_id"), index=True)
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.sentence_id"), index=True)
    entity_type: Mapped[str] = mapped_column(Text, index=True)
    iso3: Mapped[str | None] = mapped_column(ForeignKey("countries.iso3"), index=True)
    org_id: Mapped[str | None] = mapped_column(ForeignKey("organizations.org_id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.person_id"), index=True)
    series_id: Mapped[str | None] = mapped_column(ForeignKey("series.series_id"), index=True)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    surface: Mapped[str] = mapped_column(Text)
