"""corpus views: document_countries, co_mentions, review_queue

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-23

The SQL is frozen here as it was in schema/views/ at this revision.
"""

from collections.abc import Sequence

from alembic import op

from icadb import pgsql

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = {
    "document_countries": """
-- document_countries: one row per document and country it mentions, with how
-- often and in how many sentences.
select
    men.document_id,
    doc.title as document_title,
    doc.published_on,
    men.iso3,
    cou.name,
    count(*) as mentions,
    count(distinct men.sentence_id) as sentences,
    min(men.char_start) as first_char
from mentions as men
inner join documents as doc on doc.document_id = men.document_id
inner join countries as cou on cou.iso3 = men.iso3
where men.entity_type = 'country'
group by men.document_id, men.iso3
""",
    "co_mentions": """
-- co_mentions: one row per pair of countries named in the same sentence, with
-- how many sentences and documents name both, and the first such sentence.
with

sentence_countries as (
    select distinct
        men.sentence_id,
        men.document_id,
        men.iso3
    from mentions as men
    where men.entity_type = 'country'
),

pairs as (
    select
        one.iso3 as iso3_a,
        two.iso3 as iso3_b,
        one.sentence_id,
        one.document_id
    from sentence_countries as one
    inner join sentence_countries as two
        on two.sentence_id = one.sentence_id and one.iso3 < two.iso3
),

pair_counts as (
    select
        par.iso3_a,
        par.iso3_b,
        count(*) as sentences,
        count(distinct par.document_id) as documents,
        min(par.sentence_id) as example_sentence_id
    from pairs as par
    group by par.iso3_a, par.iso3_b
)

select
    pc.iso3_a,
    cou_a.name as name_a,
    pc.iso3_b,
    cou_b.name as name_b,
    pc.sentences,
    pc.documents,
    ex.document_id as example_document_id,
    ex.text as example_sentence
from pair_counts as pc
inner join countries as cou_a on cou_a.iso3 = pc.iso3_a
inner join countries as cou_b on cou_b.iso3 = pc.iso3_b
inner join sentences as ex on ex.sentence_id = pc.example_sentence_id
""",
    "review_queue": """
-- review_queue: one row per sentence that names India and either a Central
-- Asian state or a cooperation term, and that no curator has settled yet:
-- no evidence or conflict quote cites it and it is not skipped in
-- seeds/coverage.yaml. The curators' to-do list for a new article.
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

candidates as (
    select sen.*
    from sentences as sen
    where sen.sentence_id in (select ind.sentence_id from india as ind)
        and (
            sen.sentence_id in (select cas.sentence_id from central_asia as cas)
            or sen.cooperation_terms <> '[]'
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
    can.sentence_id
from candidates as can
inner join documents as doc on doc.document_id = can.document_id
where not exists (
    select 1 from evidence as ev
    where ev.document_id = can.document_id and ev.char_start < can.char_end and ev.char_end > can.char_start
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


def upgrade() -> None:
    for name, sql in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS\n{pgsql.sql(sql)}")


def downgrade() -> None:
    for name in reversed(list(VIEWS)):
        op.execute(f"DROP VIEW {name}")
