-- Invitations and API keys belong to an organization: RLS enabled and forced.
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON invitations
  USING (org_id = app_org_id())
  WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON api_keys
  USING (org_id = app_org_id())
  WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
-- Presenting a secret is what finds its row before the organization is known: a caller that sets
-- app.secret_hash sees the one invitation or key with that hash, and nothing else.
CREATE OR REPLACE FUNCTION app_secret_hash() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.secret_hash', true), '') $$;
--> statement-breakpoint
CREATE POLICY lookup_by_secret ON invitations FOR SELECT USING (token_hash = app_secret_hash());
--> statement-breakpoint
CREATE POLICY lookup_by_secret ON api_keys FOR SELECT USING (key_hash = app_secret_hash());
--> statement-breakpoint
-- The audit log is read by the organization and written only by the trigger below.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_log
  USING (org_id = app_org_id())
  WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM spanner_app;
--> statement-breakpoint
-- Global tables of the auth and mail services: not for the runtime role at all.
ALTER TABLE user_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON user_tokens FROM spanner_app;
--> statement-breakpoint
ALTER TABLE dev_mailbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON dev_mailbox FROM spanner_app;
--> statement-breakpoint
-- One audit entry per written row: who (user or API key, from the transaction's settings), what
-- (table, row, action), and each changed field's old and new value. Secrets (*_hash) and
-- bookkeeping columns are left out. Arguments: the organization column, then the row id column.
-- SECURITY DEFINER: the runtime role may not write audit_log itself.
CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  row_data jsonb := coalesce(new_row, old_row);
  row_org uuid := (row_data ->> TG_ARGV[0])::uuid;
  changed jsonb;
BEGIN
  -- Rows that go because their organization is deleted leave no history behind.
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM organizations WHERE id = row_org) THEN
    RETURN NULL;
  END IF;
  SELECT coalesce(jsonb_object_agg(field, jsonb_build_object('old', old_row -> field, 'new', new_row -> field)), '{}'::jsonb)
    INTO changed
    FROM jsonb_object_keys(coalesce(new_row, old_row)) AS field
    WHERE field NOT IN ('version', 'created_at', 'updated_at', 'last_used_at')
      AND field NOT LIKE '%\_hash'
      AND (old_row -> field) IS DISTINCT FROM (new_row -> field);
  IF TG_OP = 'UPDATE' AND changed = '{}'::jsonb THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_log (org_id, actor_user_id, actor_api_key_id, table_name, row_id, action, changes, request_id)
  VALUES (
    row_org,
    app_user_id(),
    nullif(current_setting('app.api_key_id', true), '')::uuid,
    TG_TABLE_NAME,
    row_data ->> TG_ARGV[1],
    lower(TG_OP),
    changed,
    nullif(current_setting('app.request_id', true), '')
  );
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Deleting an organization deletes its history with it.
CREATE OR REPLACE FUNCTION purge_organization_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  DELETE FROM audit_log WHERE org_id = OLD.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION audit_row() FROM PUBLIC, spanner_app;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION purge_organization_audit() FROM PUBLIC, spanner_app;
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON organizations FOR EACH ROW EXECUTE FUNCTION audit_row('id', 'id');
--> statement-breakpoint
CREATE TRIGGER purge_audit AFTER DELETE ON organizations FOR EACH ROW EXECUTE FUNCTION purge_organization_audit();
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION audit_row('org_id', 'user_id');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON invitations FOR EACH ROW EXECUTE FUNCTION audit_row('org_id', 'id');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON api_keys FOR EACH ROW EXECUTE FUNCTION audit_row('org_id', 'id');
