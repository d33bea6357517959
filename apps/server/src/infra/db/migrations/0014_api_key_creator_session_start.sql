-- A login session keeps the time of its sign-in, for the absolute lifetime of refresh tokens.
ALTER TABLE "sessions" ADD COLUMN "family_started_at" timestamp with time zone DEFAULT now() NOT NULL;
--> statement-breakpoint
-- An API key never acts with more than its creator's current role: presenting a key also shows
-- its creator's membership in the key's organization (none when they were removed), so the key
-- and that role are read in one query before the organization is known.
CREATE POLICY creator_of_presented_key ON memberships FOR SELECT
  USING (
    app_secret_hash() IS NOT NULL
    AND EXISTS (
      SELECT 1 FROM api_keys
      WHERE api_keys.key_hash = app_secret_hash() AND api_keys.org_id = memberships.org_id AND api_keys.created_by = memberships.user_id
    )
  );
