-- The runtime role: the server queries tenant data as spanner_app inside withTenant(), so Row Level
-- Security applies to every query. It cannot log in and has no BYPASSRLS; migrations run as the owner.
-- Roles are cluster-wide: several databases on one server (test clones, staging) share it.
DO $$
BEGIN
  CREATE ROLE spanner_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object THEN
  NULL;
END
$$;
--> statement-breakpoint
-- The migrating role switches to spanner_app per transaction (set_config('role', …, true)), which
-- needs membership when it is not a superuser (managed PostgreSQL).
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'spanner_app', 'MEMBER') THEN
    EXECUTE format('GRANT spanner_app TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO spanner_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO spanner_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO spanner_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO spanner_app;
