-- The server (api, worker) logs in as a role of its own, never as the owner of these tables: an
-- operator creates it IN ROLE spanner_server (README, "Database roles"). Migrations keep running
-- as the owner. Roles are cluster-wide: several databases on one server share this one.
DO $$
BEGIN
  CREATE ROLE spanner_server NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object THEN
  NULL;
END
$$;
--> statement-breakpoint
-- Membership lets the login switch to spanner_app per transaction (SET ROLE needs it on
-- PostgreSQL 15; 16+ also needs the SET option, on by default). Inheriting spanner_app's grants
-- means a query that forgot the tenant switch meets the forced policies and sees no rows.
DO $$
BEGIN
  IF NOT EXISTS (
    SELECT FROM pg_auth_members
    WHERE roleid = 'spanner_app'::regrole AND member = 'spanner_server'::regrole
  ) THEN
    GRANT spanner_app TO spanner_server;
  END IF;
END
$$;
--> statement-breakpoint
-- The global tables of the auth service and the development mailbox, with exactly the rights the
-- server uses (nothing deletes their rows). RLS is on for them: these policies admit the server's
-- login, while spanner_app inside a tenant transaction keeps its narrower ones.
GRANT SELECT, INSERT, UPDATE ON users, sessions, user_tokens TO spanner_server;
--> statement-breakpoint
GRANT SELECT, INSERT ON dev_mailbox TO spanner_server;
--> statement-breakpoint
CREATE POLICY server_accounts ON users TO spanner_server USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY server_sessions ON sessions TO spanner_server USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY server_links ON user_tokens TO spanner_server USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY server_mailbox ON dev_mailbox TO spanner_server USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The organization switcher shows the user's organizations and memberships elsewhere, but a
-- write reaches only the active organization's rows.
ALTER POLICY tenant_isolation ON organizations USING (id = app_org_id());
--> statement-breakpoint
CREATE POLICY switcher ON organizations FOR SELECT
  USING (id IN (SELECT org_id FROM memberships WHERE user_id = app_user_id()));
--> statement-breakpoint
ALTER POLICY tenant_isolation ON memberships USING (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY switcher ON memberships FOR SELECT USING (user_id = app_user_id());
