"""drafts: machine-suggested records beside reviewed ones, and what happened apart from what was planned

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01

Drafting (``icadb draft``) writes records that a program suggested; the build
loads them with review_status machine_suggested. This revision:

- adds ``drafts`` (one row per drafted record: its document, the drafter's
  confidence) and ``draft_notes`` (why each inferred field says what it says);
- adds ``evidence.suggested``: 1 for a quote a program suggested adding to a
  record (a draft's ``add_evidence_to``), not yet reviewed;
- adds ``sentences.party_phrases``: the phrases that stand for the article's
  parties ("the two sides"), which bring a sentence that names no country to
  the review queue;
- carries ``review_status`` into every analyst view (evidence_trail,
  proposal_tracker, series_history, people_appearances; timeline had it), and
  ``occurrence`` (whether the status says it took place: occurred, intended,
  unverified) into timeline and india_dyads, whose grain becomes partner, year,
  kind, occurrence and review status; country_activity counts only reviewed
  records, and what took place apart from what was planned or rumoured;
- the review queue takes sentences that name a series or an organisation, and
  those that name no country but stand for the parties, and no longer counts a
  draft's quote as settling a sentence.

The summary tables are computed again from the data already here, with the
SQL frozen below (``RECOMPUTED``); the next build computes them again anyway.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from icadb import pgsql

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Derived tables this revision computes again, with new meanings, and the SQL it fills each with (their
# old rows are not kept as they were; tests/test_migrations.py checks each holds what its SQL computes).
RECOMPUTED = {
    "summary_timeline": "TIMELINE_ROWS",
    "summary_country_activity": "COUNTRY_ACTIVITY_ROWS",
    "summary_india_dyads": "INDIA_DYADS_ROWS",
}

TIMELINE_ROWS = """
-- timeline (computed at the end of every build into summary_timeline, which the
-- view timeline reads): one row per record (meeting, agreement, exercise,
-- proposal, facility, activity), with its date at its precision, the ISO3 codes
-- of every country involved (a JSON array, sorted, for Datasette's
-- _facet_array), how many evidence quotes back it and when it was first
-- reported. Quotes a program suggested for a record (evidence.suggested) are
-- counted apart, in suggested_quotes, and never in sources or first_reported.
select
    rec.kind,
    rec.record_id,
    rec.title,
    rec.date,
    rec.date_precision,
    rec.date_earliest,
    rec.date_latest,
    rec.year,
    rec.month,
    rec.status,
    case
        when rec.status in ('planned', 'proposed', 'offered') then 'intended'
        when rec.status = 'rumoured' then 'unverified'
        else 'occurred'
    end as occurrence,
    rec.category,
    (
        select json_group_array(involved.iso3)
        from (
            select distinct rc.iso3
            from record_countries as rc
            where rc.record_id = rec.record_id
            order by rc.iso3
        ) as involved
    ) as countries,
    (
        select count(*)
        from evidence as ev
        where ev.record_id = rec.record_id and ev.suggested = 0
    ) as sources,
    (
        select count(*)
        from evidence as ev
        where ev.record_id = rec.record_id and ev.suggested = 1
    ) as suggested_quotes,
    (
        select doc.published_on
        from evidence as ev
        inner join documents as doc on doc.document_id = ev.document_id
        where ev.record_id = rec.record_id and ev.suggested = 0
        order by doc.published_earliest, doc.document_id
        limit 1
    ) as first_reported,
    rec.summary,
    ser.name as series,
    rec.edition,
    pla.name as place,
    pla.country_iso3 as place_country,
    pla.latitude,
    pla.longitude,
    rec.review_status
from records as rec
left join series as ser on ser.series_id = rec.series_id
left join places as pla on pla.place_id = rec.place_id
"""

COUNTRY_ACTIVITY_ROWS = """
-- country_activity (computed at the end of every build into summary_country_activity, which the
-- view country_activity reads): one row per country involved in any record.
-- Only reviewed records (review_status reviewed or needs_review) are counted,
-- and each only once per country:
-- - the kind counts are records the country takes part in (any role but
--   "subject") whose status says they took place (occurrence 'occurred'), except
--   proposals, which count every proposal, offer, invitation or request made,
--   whatever became of it (but not rumoured ones);
-- - planned counts records of other kinds that are planned or proposed, not yet
--   taken place as of the report; rumoured counts records reported as rumour;
-- - discussed_in counts records where the country is only discussed;
-- - records counts them all, and first_date / last_date span them;
-- - drafts counts machine-suggested records that involve the country, which
--   are in none of the other counts.
with

involvement as (
    select
        rc.iso3,
        rc.record_id,
        min(rc.role = 'subject') as only_subject
    from record_countries as rc
    group by rc.iso3, rc.record_id
),

classified as (
    select
        inv.iso3,
        inv.only_subject,
        rec.kind,
        rec.date_earliest,
        rec.date_latest,
        rec.review_status = 'machine_suggested' as is_draft,
        case
            when rec.status in ('planned', 'proposed', 'offered') then 'intended'
            when rec.status = 'rumoured' then 'unverified'
            else 'occurred'
        end as occurrence
    from involvement as inv
    inner join records as rec on rec.record_id = inv.record_id
),

activity as (
    select
        cla.iso3,
        sum(not cla.is_draft and not cla.only_subject and cla.kind = 'meeting' and cla.occurrence = 'occurred')
            as meetings,
        sum(not cla.is_draft and not cla.only_subject and cla.kind = 'exercise' and cla.occurrence = 'occurred')
            as exercises,
        sum(not cla.is_draft and not cla.only_subject and cla.kind = 'agreement' and cla.occurrence = 'occurred')
            as agreements,
        sum(not cla.is_draft and not cla.only_subject and cla.kind = 'proposal' and cla.occurrence <> 'unverified')
            as proposals,
        sum(not cla.is_draft and not cla.only_subject and cla.kind = 'facility' and cla.occurrence = 'occurred')
            as facilities,
        sum(not cla.is_draft and not cla.only_subject and cla.kind = 'activity' and cla.occurrence = 'occurred')
            as activities,
        sum(not cla.is_draft and not cla.only_subject and cla.kind <> 'proposal' and cla.occurrence = 'intended')
            as planned,
        sum(not cla.is_draft and not cla.only_subject and cla.occurrence = 'unverified') as rumoured,
        sum(not cla.is_draft and cla.only_subject) as discussed_in,
        sum(not cla.is_draft) as records,
        min(case when not cla.is_draft then cla.date_earliest end) as first_date,
        max(case when not cla.is_draft then cla.date_latest end) as last_date,
        sum(cla.is_draft) as drafts
    from classified as cla
    group by cla.iso3
)

select
    act.iso3,
    cou.name,
    cou.is_central_asia,
    act.meetings,
    act.exercises,
    act.agreements,
    act.proposals,
    act.facilities,
    act.activities,
    act.planned,
    act.rumoured,
    act.discussed_in,
    act.records,
    act.first_date,
    act.last_date,
    act.drafts
from activity as act
inner join countries as cou on cou.iso3 = act.iso3
"""

INDIA_DYADS_ROWS = """
-- india_dyads (computed at the end of every build into summary_india_dyads, which the
-- view india_dyads reads): one row per partner country, year, kind of record,
-- occurrence and review status (the COW/ATOP "dyad-year" shape, long form): how
-- many records involve both India and the partner, each in any role but
-- "subject". occurrence says whether the records' status says they took place
-- ('occurred'), had not yet ('intended': planned, proposed, offered) or are
-- rumoured ('unverified'): count what happened with occurrence = 'occurred'.
-- review_status tells drafts (machine_suggested) from reviewed records.
-- Undated records have an empty year.
with

taking_part as (
    select distinct
        rc.record_id,
        rc.iso3
    from record_countries as rc
    where rc.role <> 'subject'
),

dyad_records as (
    select
        partner.iso3 as partner_iso3,
        rec.year,
        rec.kind,
        case
            when rec.status in ('planned', 'proposed', 'offered') then 'intended'
            when rec.status = 'rumoured' then 'unverified'
            else 'occurred'
        end as occurrence,
        rec.review_status,
        rec.record_id
    from taking_part as india
    inner join taking_part as partner
        on partner.record_id = india.record_id and partner.iso3 <> india.iso3
    inner join records as rec on rec.record_id = india.record_id
    where india.iso3 = 'IND'
)

select
    'IND' as india_iso3,
    dyr.partner_iso3,
    cou.name as partner_name,
    cou.is_central_asia as partner_is_central_asia,
    dyr.year,
    dyr.kind,
    dyr.occurrence,
    dyr.review_status,
    count(*) as records,
    json_group_array(dyr.record_id) as record_ids
from dyad_records as dyr
inner join countries as cou on cou.iso3 = dyr.partner_iso3
group by dyr.partner_iso3, dyr.year, dyr.kind, dyr.occurrence, dyr.review_status
"""

VIEWS = {
    "timeline": """
-- timeline: one row per record (meeting, agreement, exercise, proposal,
-- facility, activity), with its date at its precision, the ISO3 codes of every
-- country involved (a JSON array, sorted, for Datasette's _facet_array), how
-- many evidence quotes back it and when it was first reported, whether its
-- status says it took place (occurrence) and whether a person has reviewed it
-- (review_status: machine_suggested marks a draft). Computed at the
-- end of every build (schema/summaries/timeline.sql) into summary_timeline, so
-- counting, faceting and paging the view cost the same as a table's.
select
    stl.kind,
    stl.record_id,
    stl.title,
    stl.date,
    stl.date_precision,
    stl.date_earliest,
    stl.date_latest,
    stl.year,
    stl.month,
    stl.status,
    stl.occurrence,
    stl.category,
    stl.countries,
    stl.sources,
    stl.suggested_quotes,
    stl.first_reported,
    stl.summary,
    stl.series,
    stl.edition,
    stl.place,
    stl.place_country,
    stl.latitude,
    stl.longitude,
    stl.review_status
from summary_timeline as stl
""",
    "evidence_trail": """
-- evidence_trail: one row per evidence quote, with the record it backs and
-- the document it comes from. review_status is machine_suggested for a quote
-- a program suggested (evidence.suggested) and for every quote of a draft.
select
    rec.kind,
    ev.record_id,
    rec.title,
    ev.document_id,
    doc.title as document_title,
    doc.publisher,
    doc.published_on,
    ev.quote,
    ev.evidence_id,
    ev.char_start,
    ev.char_end,
    ev.note,
    case when ev.suggested = 1 then 'machine_suggested' else rec.review_status end as review_status
from evidence as ev
inner join records as rec on rec.record_id = ev.record_id
inner join documents as doc on doc.document_id = ev.document_id
""",
    "country_activity": """
-- country_activity: one row per country involved in any record: what it took
-- part in, what was only planned or rumoured, and drafts apart. The counts
-- are computed at the end of every build (schema/summaries/country_activity.sql)
-- into summary_country_activity, so the view answers at once at any size.
select
    sca.iso3,
    sca.name,
    sca.is_central_asia,
    sca.meetings,
    sca.exercises,
    sca.agreements,
    sca.proposals,
    sca.facilities,
    sca.activities,
    sca.planned,
    sca.rumoured,
    sca.discussed_in,
    sca.records,
    sca.first_date,
    sca.last_date,
    sca.drafts
from summary_country_activity as sca
""",
    "india_dyads": """
-- india_dyads: one row per partner country, year, kind of record, occurrence
-- and review status (India's dyads; occurrence = 'occurred' for what happened).
-- Computed at the end of every build (schema/summaries/india_dyads.sql) into
-- summary_india_dyads, so the view answers at once at any size.
select
    sid.india_iso3,
    sid.partner_iso3,
    sid.partner_name,
    sid.partner_is_central_asia,
    sid.year,
    sid.kind,
    sid.occurrence,
    sid.review_status,
    sid.records,
    sid.record_ids
from summary_india_dyads as sid
""",
    "proposal_tracker": """
-- proposal_tracker: one row per proposal, offer, invitation or request, with
-- who made it, to whom, at which meeting, its status, and every later mention
-- (evidence from documents other than the one that first reported it; quotes
-- a program suggested are left out until a person accepts them).
-- Everything is looked up row by row through indexes, so a page of the view
-- costs the same at any size.
with

tracked as (
    select
        rec.record_id,
        rec.title,
        pro.proposal_type,
        rec.status,
        rec.date,
        rec.date_precision,
        rec.date_earliest,
        rec.category,
        pro.made_at,
        rec.summary,
        rec.review_status,
        (
            select ev.document_id
            from evidence as ev
            inner join documents as doc on doc.document_id = ev.document_id
            where ev.record_id = rec.record_id and ev.suggested = 0
            order by doc.published_earliest, doc.document_id
            limit 1
        ) as first_document_id
    from proposals as pro
    inner join records as rec on rec.record_id = pro.record_id
)

select
    trk.record_id,
    trk.title,
    trk.proposal_type,
    trk.status,
    trk.date,
    trk.date_precision,
    trk.date_earliest,
    trk.category,
    (
        select json_group_array(who.iso3)
        from (
            select rc.iso3
            from record_countries as rc
            where rc.record_id = trk.record_id and rc.role = 'proposer'
            order by rc.iso3
        ) as who
    ) as proposers,
    (
        select json_group_array(who.iso3)
        from (
            select rc.iso3
            from record_countries as rc
            where rc.record_id = trk.record_id and rc.role = 'target'
            order by rc.iso3
        ) as who
    ) as targets,
    trk.made_at,
    mtg.title as made_at_title,
    mtg.date as made_at_date,
    (
        select doc.published_on
        from documents as doc
        where doc.document_id = trk.first_document_id
    ) as first_reported,
    (
        select count(*)
        from evidence as ev
        where ev.record_id = trk.record_id and ev.suggested = 0 and ev.document_id <> trk.first_document_id
    ) as later_mentions,
    (
        select json_group_array(json_object(
            'document_id', mention.document_id,
            'published_on', mention.published_on,
            'quote', mention.quote
        ))
        from (
            select
                doc.document_id,
                doc.published_on,
                ev.quote
            from evidence as ev
            inner join documents as doc on doc.document_id = ev.document_id
            where ev.record_id = trk.record_id and ev.suggested = 0 and ev.document_id <> trk.first_document_id
            order by doc.published_earliest, ev.evidence_id
        ) as mention
    ) as later_mention_quotes,
    trk.summary,
    trk.review_status
from tracked as trk
left join records as mtg on mtg.record_id = trk.made_at
""",
    "series_history": """
-- series_history: one row per record that belongs to a recurring format, with
-- its position in the series (by date, then edition), place and countries.
select
    ser.series_id,
    ser.name as series,
    ser.kind,
    row_number() over (
        partition by rec.series_id
        order by rec.date_earliest is null, rec.date_earliest, rec.edition, rec.record_id
    ) as position,
    rec.edition,
    rec.record_id,
    rec.title,
    rec.date,
    rec.date_precision,
    rec.date_earliest,
    rec.status,
    pla.name as place,
    pla.country_iso3 as place_country,
    (
        select json_group_array(involved.iso3)
        from (
            select distinct rc.iso3
            from record_countries as rc
            where rc.record_id = rec.record_id
            order by rc.iso3
        ) as involved
    ) as countries,
    rec.review_status
from records as rec
inner join series as ser on ser.series_id = rec.series_id
left join places as pla on pla.place_id = rec.place_id
""",
    "people_appearances": """
-- people_appearances: one row per person per record per role: who appears
-- where, in which role.
select
    per.person_id,
    per.name,
    per.position,
    per.country_iso3,
    rp.role,
    rec.kind,
    rec.record_id,
    rec.title,
    rec.date,
    rec.date_precision,
    rec.date_earliest,
    pla.name as place,
    rec.review_status
from record_people as rp
inner join people as per on per.person_id = rp.person_id
inner join records as rec on rec.record_id = rp.record_id
left join places as pla on pla.place_id = rec.place_id
""",
    "review_queue": """
-- review_queue: one row per sentence that may report an event of cooperation
-- and that no curator has settled yet. A sentence may report one when it names
-- India together with a Central Asian state, or when it names a series, an
-- organisation or a cooperation term together with India, a Central Asian
-- state, a person of one of them ("Doval offered ..."), or a phrase that stands
-- for the parties ("the two sides", "both countries", "Central Asian states";
-- seeds/reference/party_phrases.yaml) in a document that names India. It is settled when a quote of a reviewed record or of a conflict
-- cites it, or seeds/coverage.yaml skips it. A draft does not settle it:
-- drafted_as lists the drafts and suggested quotes that cite it, still to be
-- reviewed.
with

india as (
    select distinct men.sentence_id
    from mentions as men
    where men.iso3 = 'IND'
),

central_asia as (
    select distinct men.sentence_id
    from mentions as men
    inner join countries as cou on cou.iso3 = men.iso3
    where cou.is_central_asia = 1
),

their_people as (
    select distinct men.sentence_id
    from mentions as men
    inner join people as per on per.person_id = men.person_id
    inner join countries as cou on cou.iso3 = per.country_iso3
    where per.country_iso3 = 'IND' or cou.is_central_asia = 1
),

named_bodies as (
    select distinct men.sentence_id
    from mentions as men
    where men.entity_type in ('organization', 'series')
),

india_documents as (
    select distinct men.document_id
    from mentions as men
    where men.iso3 = 'IND'
),

candidates as (
    select sen.*
    from sentences as sen
    where (
        sen.sentence_id in (select ind.sentence_id from india as ind)
        and sen.sentence_id in (select cas.sentence_id from central_asia as cas)
    )
    or (
        (
            sen.sentence_id in (select nb.sentence_id from named_bodies as nb)
            or sen.cooperation_terms <> '[]'
        )
        and (
            sen.sentence_id in (select ind.sentence_id from india as ind)
            or sen.sentence_id in (select cas.sentence_id from central_asia as cas)
            or sen.sentence_id in (select tp.sentence_id from their_people as tp)
            or (
                sen.party_phrases <> '[]'
                and sen.document_id in (select idoc.document_id from india_documents as idoc)
            )
        )
    )
)

select
    can.document_id,
    doc.title as document_title,
    doc.published_on,
    doc.published_earliest,
    can.position,
    can.char_start,
    can.char_end,
    can.text,
    (
        select json_group_array(named.iso3)
        from (
            select distinct men.iso3
            from mentions as men
            where men.sentence_id = can.sentence_id and men.entity_type = 'country'
            order by men.iso3
        ) as named
    ) as countries,
    can.cooperation_terms,
    can.party_phrases,
    (
        select json_group_array(drafted.record_id)
        from (
            select distinct ev.record_id
            from evidence as ev
            inner join records as rec on rec.record_id = ev.record_id
            where ev.document_id = can.document_id and ev.char_start < can.char_end and ev.char_end > can.char_start
                and (ev.suggested = 1 or rec.review_status = 'machine_suggested')
            order by ev.record_id
        ) as drafted
    ) as drafted_as,
    can.sentence_id
from candidates as can
inner join documents as doc on doc.document_id = can.document_id
where not exists (
    select 1
    from evidence as ev
    inner join records as rec on rec.record_id = ev.record_id
    where ev.document_id = can.document_id and ev.char_start < can.char_end and ev.char_end > can.char_start
        and ev.suggested = 0 and rec.review_status <> 'machine_suggested'
)
    and not exists (
        select 1 from conflict_quotes as cq
        where cq.document_id = can.document_id and cq.char_start < can.char_end and cq.char_end > can.char_start
    )
    and not exists (
        select 1 from coverage_skips as cs
        where cs.document_id = can.document_id and cs.char_start < can.char_end and cs.char_end > can.char_start
    )
""",
}

# Where each view was last defined before this revision (for the downgrade).
EARLIER_VIEWS = {
    "timeline": ("0014", "TIMELINE"),
    "evidence_trail": ("0003", "VIEWS"),
    "country_activity": ("0012", "VIEWS"),
    "india_dyads": ("0012", "VIEWS"),
    "proposal_tracker": ("0013", "PROPOSAL_TRACKER"),
    "series_history": ("0008", "VIEWS"),
    "people_appearances": ("0008", "VIEWS"),
    "review_queue": ("0011", "VIEWS"),
}
EARLIER_SUMMARIES = {
    "summary_timeline": ("0014", "TIMELINE_ROWS", "ORDER BY 2"),
    "summary_country_activity": ("0012", "COUNTRY_ACTIVITY_ROWS", "ORDER BY 1"),
    "summary_india_dyads": ("0012", "INDIA_DYADS_ROWS", "ORDER BY 2, 5, 6"),
}
DYAD_COLUMNS_BEFORE = "india_iso3, partner_iso3, partner_name, partner_is_central_asia, year, kind, records, record_ids"
DYAD_COLUMNS = ("india_iso3, partner_iso3, partner_name, partner_is_central_asia, year, kind, occurrence, review_status, "
                "records, record_ids")


def _earlier(revision_id: str, attribute: str, name: str | None = None) -> str:
    frozen = getattr(op.get_context().script.get_revision(revision_id).module, attribute)
    return frozen[name] if isinstance(frozen, dict) else frozen


def _columns_of(sql: str) -> str:
    """The columns *sql* selects, in order (so rows go into a table whose columns were added later)."""
    cursor = op.get_bind().exec_driver_sql(f"SELECT * FROM ({pgsql.sql(sql)}) AS q LIMIT 0")
    return ", ".join(cursor.keys())


def _dyads_table(unique: tuple[str, ...], extra: bool) -> None:
    columns = [
        sa.Column("summary_id", sa.Integer(), nullable=False),
        sa.Column("india_iso3", sa.Text(), nullable=False),
        sa.Column("partner_iso3", sa.Text(), nullable=False),
        sa.Column("partner_name", sa.Text(), nullable=False),
        sa.Column("partner_is_central_asia", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
    ]
    if extra:
        columns += [sa.Column("occurrence", sa.Text(), nullable=False), sa.Column("review_status", sa.Text(), nullable=False)]
    columns += [sa.Column("records", sa.Integer(), nullable=False), sa.Column("record_ids", pgsql.json_type(), nullable=False)]
    op.create_table(
        "summary_india_dyads",
        *columns,
        sa.ForeignKeyConstraint(["india_iso3"], ["countries.iso3"], name=op.f("fk_summary_india_dyads_india_iso3_countries")),
        sa.ForeignKeyConstraint(["partner_iso3"], ["countries.iso3"],
                                name=op.f("fk_summary_india_dyads_partner_iso3_countries")),
        sa.PrimaryKeyConstraint("summary_id", name=op.f("pk_summary_india_dyads")),
        sa.UniqueConstraint(*unique, name=op.f("uq_summary_india_dyads_" + "_".join(unique))),
    )
    op.create_index(op.f("ix_summary_india_dyads_year"), "summary_india_dyads", ["year"], unique=False)
    if extra:
        op.create_index(op.f("ix_summary_india_dyads_occurrence"), "summary_india_dyads", ["occurrence"], unique=False)


def _drop_dyads_table(extra: bool) -> None:
    if extra:
        op.drop_index(op.f("ix_summary_india_dyads_occurrence"), table_name="summary_india_dyads")
    op.drop_index(op.f("ix_summary_india_dyads_year"), table_name="summary_india_dyads")
    op.drop_table("summary_india_dyads")


def upgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW {name}")
    op.add_column("evidence", sa.Column(
        "suggested", sa.Integer(), sa.CheckConstraint("suggested IN (0, 1)", name=op.f("ck_evidence_suggested_bool")),
        nullable=False, server_default=sa.text("0")))
    op.add_column("sentences", sa.Column(
        "party_phrases", pgsql.json_type(),
        sa.CheckConstraint(pgsql.sql("json_valid(party_phrases)"), name=op.f("ck_sentences_party_phrases_json")),
        nullable=False, server_default=sa.text("'[]'")))
    op.create_table(
        "drafts",
        sa.Column("record_id", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("drafter", sa.Text(), nullable=False),
        sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name=op.f("ck_drafts_confidence_range")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.document_id"], name=op.f("fk_drafts_document_id_documents")),
        sa.ForeignKeyConstraint(["record_id"], ["records.record_id"], name=op.f("fk_drafts_record_id_records")),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_drafts")),
    )
    op.create_index(op.f("ix_drafts_document_id"), "drafts", ["document_id"], unique=False)
    op.create_table(
        "draft_notes",
        sa.Column("draft_note_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Text(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["drafts.record_id"], name=op.f("fk_draft_notes_record_id_drafts")),
        sa.PrimaryKeyConstraint("draft_note_id", name=op.f("pk_draft_notes")),
    )
    op.create_index(op.f("ix_draft_notes_record_id"), "draft_notes", ["record_id"], unique=False)
    op.add_column("summary_timeline", sa.Column("occurrence", sa.Text(), nullable=True))
    op.add_column("summary_timeline", sa.Column("suggested_quotes", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_summary_timeline_occurrence"), "summary_timeline", ["occurrence"], unique=False)
    op.create_index(op.f("ix_summary_timeline_review_status"), "summary_timeline", ["review_status"], unique=False)
    for column in ("planned", "rumoured", "drafts"):
        op.add_column("summary_country_activity", sa.Column(column, sa.Integer(), nullable=True))
    _drop_dyads_table(extra=False)
    _dyads_table(("partner_iso3", "year", "kind", "occurrence", "review_status"), extra=True)
    for table, sql, order in (("summary_timeline", TIMELINE_ROWS, "ORDER BY 2"),
                              ("summary_country_activity", COUNTRY_ACTIVITY_ROWS, "ORDER BY 1")):
        op.execute(f"DELETE FROM {table}")
        op.execute(pgsql.sql(f"INSERT INTO {table} ({_columns_of(sql)}) SELECT * FROM ({sql}) AS q {order}"))
    op.execute(pgsql.sql(f"INSERT INTO summary_india_dyads ({DYAD_COLUMNS}) SELECT * FROM ({INDIA_DYADS_ROWS}) AS q ORDER BY 2, 5, 6, 7, 8"))
    for name, sql in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS\n{pgsql.sql(sql)}")


def downgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW {name}")
    _drop_dyads_table(extra=True)
    _dyads_table(("partner_iso3", "year", "kind"), extra=False)
    for column in ("drafts", "rumoured", "planned"):
        op.execute(f"ALTER TABLE summary_country_activity DROP COLUMN {column}")
    op.drop_index(op.f("ix_summary_timeline_review_status"), table_name="summary_timeline")
    op.drop_index(op.f("ix_summary_timeline_occurrence"), table_name="summary_timeline")
    for column in ("suggested_quotes", "occurrence"):
        op.execute(f"ALTER TABLE summary_timeline DROP COLUMN {column}")
    for table, (revision_id, attribute, order) in EARLIER_SUMMARIES.items():
        sql = _earlier(revision_id, attribute)
        columns = DYAD_COLUMNS_BEFORE if table == "summary_india_dyads" else _columns_of(sql)
        op.execute(f"DELETE FROM {table}")
        op.execute(pgsql.sql(f"INSERT INTO {table} ({columns}) SELECT * FROM ({sql}) AS q {order}"))
    op.drop_index(op.f("ix_draft_notes_record_id"), table_name="draft_notes")
    op.drop_table("draft_notes")
    op.drop_index(op.f("ix_drafts_document_id"), table_name="drafts")
    op.drop_table("drafts")
    # ALTER TABLE DROP COLUMN (SQLite 3.35+): the columns were added by ALTER TABLE
    # with their CHECK inline, which batch mode would copy to the rebuilt table.
    op.execute("ALTER TABLE sentences DROP COLUMN party_phrases")
    op.execute("ALTER TABLE evidence DROP COLUMN suggested")
    for name, (revision_id, attribute) in EARLIER_VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS\n{pgsql.sql(_earlier(revision_id, attribute, name))}")
