DROP INDEX "companies_tags_idx";--> statement-breakpoint
DROP INDEX "companies_search_idx";--> statement-breakpoint
DROP INDEX "companies_name_trgm_idx";--> statement-breakpoint
DROP INDEX "contacts_tags_idx";--> statement-breakpoint
DROP INDEX "contacts_search_idx";--> statement-breakpoint
DROP INDEX "contacts_full_name_trgm_idx";--> statement-breakpoint
DROP INDEX "contacts_email_trgm_idx";--> statement-breakpoint
DROP INDEX "deals_tags_idx";--> statement-breakpoint
DROP INDEX "deals_search_idx";--> statement-breakpoint
DROP INDEX "deals_name_trgm_idx";
--> statement-breakpoint
-- Those GIN indexes could serve the runtime role only through the LEAKPROOF marks of migration
-- 0008, which are withdrawn below: evaluated on rows the policy hides, the operators leak by
-- timing (an index scan walks every organization's postings) and ILIKE also by error (a pattern
-- ending in a backslash fails only on a row that matches up to it). Search now finds candidates
-- in organization-keyed terms instead (docs/decisions/014).
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION ts_match_vq(tsvector, tsquery) NOT LEAKPROOF;
    ALTER FUNCTION arraycontains(anyarray, anyarray) NOT LEAKPROOF;
    ALTER FUNCTION arrayoverlap(anyarray, anyarray) NOT LEAKPROOF;
    ALTER FUNCTION texticlike(text, text) NOT LEAKPROOF;
    ALTER FUNCTION similarity_op(text, text) NOT LEAKPROOF;
    ALTER FUNCTION numeric_eq(numeric, numeric) NOT LEAKPROOF;
    ALTER FUNCTION numeric_ne(numeric, numeric) NOT LEAKPROOF;
    ALTER FUNCTION numeric_lt(numeric, numeric) NOT LEAKPROOF;
    ALTER FUNCTION numeric_le(numeric, numeric) NOT LEAKPROOF;
    ALTER FUNCTION numeric_gt(numeric, numeric) NOT LEAKPROOF;
    ALTER FUNCTION numeric_ge(numeric, numeric) NOT LEAKPROOF;
  ELSIF EXISTS (
    SELECT 1 FROM pg_proc
    WHERE proleakproof AND oid IN (
      'ts_match_vq(tsvector, tsquery)'::regprocedure, 'arraycontains(anyarray, anyarray)'::regprocedure,
      'arrayoverlap(anyarray, anyarray)'::regprocedure, 'texticlike(text, text)'::regprocedure,
      'similarity_op(text, text)'::regprocedure, 'numeric_eq(numeric, numeric)'::regprocedure,
      'numeric_ne(numeric, numeric)'::regprocedure, 'numeric_lt(numeric, numeric)'::regprocedure,
      'numeric_le(numeric, numeric)'::regprocedure, 'numeric_gt(numeric, numeric)'::regprocedure,
      'numeric_ge(numeric, numeric)'::regprocedure)
  ) THEN
    -- Someone ran migration 0008's statements by hand as a superuser (decision 011 said to).
    RAISE WARNING 'Search operators are still LEAKPROOF and only a superuser can undo it: run the ALTER FUNCTION … NOT LEAKPROOF statements of migration 0011 as a superuser (docs/decisions/014).';
  END IF;
END
$$;
--> statement-breakpoint
-- Every company, contact and deal's search terms, each prefixed with its organization and kind:
-- a lookup walks only its own organization's postings, so its time says nothing about the others.
-- No RLS and no grant to the runtime role: read only through search_ids(), written only by triggers.
CREATE TABLE search_terms (
  record_id uuid PRIMARY KEY,
  terms tsvector NOT NULL
);
--> statement-breakpoint
REVOKE ALL ON search_terms FROM spanner_app;
--> statement-breakpoint
-- The prefix of an organization's terms of one kind: the whole organization id, so two
-- organizations never share a posting list.
CREATE FUNCTION search_key(org uuid, kind text) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT replace(org::text, '-', '') || kind || ':' $$;
--> statement-breakpoint
-- A value as a quoted tsquery lexeme.
CREATE FUNCTION search_lexeme(value text) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT '''' || replace(replace(value, '\', '\\'), '''', '''''') || '''' $$;
--> statement-breakpoint
-- `query` with `prefix` before every lexeme. The terms carry no positions, so phrase operators
-- (to_tsquery makes them of hyphenated words) become AND: a superset, rechecked on the record.
CREATE FUNCTION search_query_prefixed(query tsquery, prefix text) RETURNS tsquery LANGUAGE sql IMMUTABLE
  AS $$
    SELECT string_agg(
      CASE WHEN token LIKE '''%' THEN '''' || replace(replace(prefix, '\', '\\'), '''', '''''') || substr(token, 2)
           WHEN token LIKE '<%' THEN '&'
           ELSE token END, '' ORDER BY ordinal)::tsquery
    FROM regexp_matches(query::text, '''(?:[^'']|'''')*''|<[0-9]*-?>|[^''<]+', 'g') WITH ORDINALITY AS match(parts, ordinal),
      LATERAL (SELECT match.parts[1] AS token) AS tokens
  $$;
--> statement-breakpoint
-- The three-character windows of every run of letters and digits: what a `contains` value and
-- the text it is found in share (pg_trgm's unpadded trigrams, in the database's own lower()).
CREATE FUNCTION search_windows(value text) RETURNS text[] LANGUAGE sql IMMUTABLE
  AS $$
    SELECT coalesce(array_agg(DISTINCT substr(run.parts[1], start, 3)), '{}')
    FROM regexp_matches(lower(coalesce(value, '')), '[[:alnum:]]{3,}', 'g') AS run(parts),
      generate_series(1, length(run.parts[1]) - 2) AS start
  $$;
--> statement-breakpoint
-- A record's terms: `w` word lexemes (the search column), `f` trigrams of the name global search
-- compares for typos, `c` windows of the field `contains` filters use, `g` tag ids.
CREATE FUNCTION search_record_terms(org uuid, kind text, words tsvector, fuzzy text, contained text, tag_ids uuid[]) RETURNS tsvector
  LANGUAGE sql STABLE SET search_path = public, pg_temp
  AS $$
    SELECT array_to_tsvector(coalesce(array_agg(search_key(org, kind) || term), '{}'))
    FROM (
      SELECT 'w' || lexeme FROM unnest(tsvector_to_array(words)) AS lexeme
      UNION SELECT 'f' || gram FROM unnest(show_trgm(coalesce(fuzzy, ''))) AS gram
      UNION SELECT 'c' || gram FROM unnest(search_windows(contained)) AS gram
      UNION SELECT 'g' || tag::text FROM unnest(tag_ids) AS tag
    ) AS terms(term)
  $$;
--> statement-breakpoint
-- The ids of the transaction's organization's records of `kind` whose terms match `query`
-- (lexemes without the organization prefix: the function adds it from app_org_id(), so no caller
-- can look into another organization's postings). Only candidates: callers read the records
-- through RLS and recheck the real condition there.
CREATE FUNCTION search_ids(kind text, query tsquery) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 200
  AS $$ SELECT record_id FROM search_terms WHERE terms @@ search_query_prefixed($2, search_key(app_org_id(), $1)) $$;
--> statement-breakpoint
-- Word prefixes: the `q` of lists and global search.
CREATE FUNCTION search_words_query(query tsquery) RETURNS tsquery LANGUAGE sql IMMUTABLE
  AS $$ SELECT search_query_prefixed(query, 'w') $$;
--> statement-breakpoint
-- Records whose fuzzy name may be similar to `phrase` (pg_trgm's `%`). Similarity at least t
-- needs at least ceil(t × n) of the phrase's n trigrams; any m of them then hold at least
-- ceil(t × n) − (n − m), so "two of these m" (or "one" when fewer are needed) is a superset.
-- Trigrams that start a word are the commonest and are left out first.
CREATE FUNCTION search_fuzzy_query(phrase text) RETURNS tsquery LANGUAGE plpgsql STABLE SET search_path = public, pg_temp
  AS $$
DECLARE
  grams text[] := array(SELECT 'f' || gram FROM unnest(show_trgm(coalesce(phrase, ''))) AS gram ORDER BY gram LIKE ' %', gram);
  threshold numeric := coalesce(nullif(current_setting('pg_trgm.similarity_threshold', true), ''), '0.3')::numeric;
  needed int := ceil(cardinality(grams) * threshold - 0.0001);
  chosen text[] := grams[1 : least(cardinality(grams), 24)];
  still_needed int := needed - (cardinality(grams) - cardinality(chosen));
  alternatives text[] := '{}';
BEGIN
  IF cardinality(grams) = 0 THEN
    RETURN NULL;
  END IF;
  IF still_needed <= 1 THEN
    RETURN array_to_string(array(SELECT search_lexeme(gram) FROM unnest(chosen) AS gram), ' | ')::tsquery;
  END IF;
  chosen := chosen[1 : cardinality(grams) - needed + 2];
  FOR at IN 1 .. cardinality(chosen) - 1 LOOP
    alternatives := alternatives || (search_lexeme(chosen[at]) || ' & (' ||
      array_to_string(array(SELECT search_lexeme(gram) FROM unnest(chosen[at + 1 :]) AS gram), ' | ') || ')');
  END LOOP;
  RETURN array_to_string(alternatives, ' | ')::tsquery;
END
$$;
--> statement-breakpoint
-- Records whose `contains` field may hold `value`: every window of it.
CREATE FUNCTION search_contains_query(value text) RETURNS tsquery LANGUAGE sql IMMUTABLE
  AS $$ SELECT nullif(array_to_string(array(SELECT search_lexeme('c' || gram) FROM unnest(search_windows(value)) AS gram), ' & '), '')::tsquery $$;
--> statement-breakpoint
-- Records with every tag (`every`) or any of them.
CREATE FUNCTION search_tags_query(tag_ids uuid[], every boolean) RETURNS tsquery LANGUAGE sql IMMUTABLE
  AS $$ SELECT nullif(array_to_string(array(SELECT search_lexeme('g' || tag::text) FROM unnest(tag_ids) AS tag), CASE WHEN every THEN ' & ' ELSE ' | ' END), '')::tsquery $$;
--> statement-breakpoint
-- Keeps a record's terms current. SECURITY DEFINER: the runtime role writes records, not terms.
CREATE FUNCTION search_terms_refresh() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  terms tsvector;
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_terms WHERE record_id = OLD.id;
    RETURN NULL;
  END IF;
  -- Each branch names only its own table's columns (plpgsql plans a statement when it first runs it).
  IF TG_TABLE_NAME = 'contacts' THEN
    terms := search_record_terms(NEW.org_id, 'contact', NEW.search, NEW.full_name, NEW.email, NEW.tag_ids);
  ELSIF TG_TABLE_NAME = 'companies' THEN
    terms := search_record_terms(NEW.org_id, 'company', NEW.search, NEW.name, NEW.name, NEW.tag_ids);
  ELSE
    terms := search_record_terms(NEW.org_id, 'deal', NEW.search, NEW.name, NEW.name, NEW.tag_ids);
  END IF;
  INSERT INTO search_terms (record_id, terms) VALUES (NEW.id, terms)
  ON CONFLICT (record_id) DO UPDATE SET terms = excluded.terms WHERE search_terms.terms IS DISTINCT FROM excluded.terms;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_terms_refresh AFTER INSERT OR DELETE OR UPDATE OF org_id, name, domain, industry, city, tag_ids ON companies
  FOR EACH ROW EXECUTE FUNCTION search_terms_refresh();
--> statement-breakpoint
CREATE TRIGGER search_terms_refresh AFTER INSERT OR DELETE OR UPDATE OF org_id, first_name, last_name, email, job_title, tag_ids ON contacts
  FOR EACH ROW EXECUTE FUNCTION search_terms_refresh();
--> statement-breakpoint
CREATE TRIGGER search_terms_refresh AFTER INSERT OR DELETE OR UPDATE OF org_id, name, tag_ids ON deals
  FOR EACH ROW EXECUTE FUNCTION search_terms_refresh();
--> statement-breakpoint
-- Rebuilds every organization's terms (after this migration, or a bulk load that bypassed the
-- triggers). Run by the owner: a plain owner is bound by the forced RLS, so it visits the
-- organizations one at a time, found through their members (users has no forced RLS).
CREATE FUNCTION search_terms_rebuild() RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp
  AS $$
DECLARE
  org uuid;
  organization_ids uuid[] := '{}';
  member uuid;
  previous_org text := coalesce(current_setting('app.org_id', true), '');
  previous_user text := coalesce(current_setting('app.user_id', true), '');
BEGIN
  DELETE FROM search_terms;
  FOR member IN SELECT id FROM users LOOP
    PERFORM set_config('app.user_id', member::text, true);
    organization_ids := organization_ids || array(SELECT org_id FROM memberships WHERE user_id = member);
  END LOOP;
  FOR org IN SELECT DISTINCT unnest(organization_ids) LOOP
    PERFORM set_config('app.org_id', org::text, true);
    INSERT INTO search_terms (record_id, terms)
    SELECT id, search_record_terms(org_id, 'company', search, name, name, tag_ids) FROM companies WHERE org_id = org
    UNION ALL SELECT id, search_record_terms(org_id, 'contact', search, full_name, email, tag_ids) FROM contacts WHERE org_id = org
    UNION ALL SELECT id, search_record_terms(org_id, 'deal', search, name, name, tag_ids) FROM deals WHERE org_id = org;
  END LOOP;
  PERFORM set_config('app.org_id', previous_org, true), set_config('app.user_id', previous_user, true);
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION search_terms_rebuild() FROM PUBLIC, spanner_app;
--> statement-breakpoint
SELECT search_terms_rebuild();
--> statement-breakpoint
-- After the rows: one build is much faster than a million inserts into the index.
CREATE INDEX search_terms_idx ON search_terms USING gin (terms);
