-- Under Row Level Security PostgreSQL applies a query's own conditions only after the policy's,
-- unless their functions are LEAKPROOF; so only then can an index serve them. Without this, a
-- search, a tag filter or an amount range on a million contacts reads the whole organization.
-- These functions raise no error that depends on a row's data: marking them LEAKPROOF lets the
-- GIN and btree indexes answer `q`, `contains`, tags, trigram search and numeric ranges.
-- Only a superuser may do it (the embedded database, a self-managed server); elsewhere the
-- migration says so and search still works, without the indexes (docs/decisions/011).
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION ts_match_vq(tsvector, tsquery) LEAKPROOF;
    ALTER FUNCTION arraycontains(anyarray, anyarray) LEAKPROOF;
    ALTER FUNCTION arrayoverlap(anyarray, anyarray) LEAKPROOF;
    ALTER FUNCTION texticlike(text, text) LEAKPROOF;
    ALTER FUNCTION similarity_op(text, text) LEAKPROOF;
    ALTER FUNCTION numeric_eq(numeric, numeric) LEAKPROOF;
    ALTER FUNCTION numeric_ne(numeric, numeric) LEAKPROOF;
    ALTER FUNCTION numeric_lt(numeric, numeric) LEAKPROOF;
    ALTER FUNCTION numeric_le(numeric, numeric) LEAKPROOF;
    ALTER FUNCTION numeric_gt(numeric, numeric) LEAKPROOF;
    ALTER FUNCTION numeric_ge(numeric, numeric) LEAKPROOF;
  ELSE
    RAISE NOTICE 'Not a superuser: search and numeric filters will not use their indexes under Row Level Security (docs/decisions/011).';
  END IF;
END
$$;
