-- Tenant settings as functions, so policies read the same everywhere. After a transaction the
-- settings read '' rather than NULL (and PGlite behaves the same), hence nullif.
CREATE OR REPLACE FUNCTION app_org_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
-- Organization-owned tables: RLS enabled and forced (the table owner is bound too).
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The active organization, plus those the signed-in user belongs to (organization switcher).
CREATE POLICY tenant_isolation ON organizations
  USING (id = app_org_id() OR id IN (SELECT org_id FROM memberships WHERE user_id = app_user_id()))
  WITH CHECK (id = app_org_id());
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The active organization's members, plus the signed-in user's own memberships elsewhere.
CREATE POLICY tenant_isolation ON memberships
  USING (org_id = app_org_id() OR user_id = app_user_id())
  WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
-- Global tables belong to the auth service, which runs as the owner. The runtime role may read
-- the profile of people who share the active organization, never a password hash or a session.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY visible_profiles ON users FOR SELECT
  USING (id = app_user_id() OR id IN (SELECT user_id FROM memberships WHERE org_id = app_org_id()));
--> statement-breakpoint
REVOKE ALL ON users FROM spanner_app;
--> statement-breakpoint
GRANT SELECT (id, email, name, email_verified_at, created_at, updated_at) ON users TO spanner_app;
--> statement-breakpoint
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON sessions FROM spanner_app;
