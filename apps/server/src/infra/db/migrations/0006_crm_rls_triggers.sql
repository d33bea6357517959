-- CRM records belong to an organization: RLS enabled and forced, one policy per table.
ALTER TABLE tags ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tags FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON tags
  USING (org_id = app_org_id())
  WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE companies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE companies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON companies
  USING (org_id = app_org_id())
  WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON contacts
  USING (org_id = app_org_id())
  WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE contact_companies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contact_companies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON contact_companies
  USING (org_id = app_org_id())
  WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE pipelines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE pipelines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON pipelines
  USING (org_id = app_org_id())
  WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE pipeline_stages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE pipeline_stages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON pipeline_stages
  USING (org_id = app_org_id())
  WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE deals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE deals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON deals
  USING (org_id = app_org_id())
  WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE deal_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE deal_contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON deal_contacts
  USING (org_id = app_org_id())
  WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE deal_stage_history ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE deal_stage_history FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON deal_stage_history
  USING (org_id = app_org_id())
  WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON tasks
  USING (org_id = app_org_id())
  WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON notes
  USING (org_id = app_org_id())
  WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
-- Time-ordered ids for rows the database writes itself (PostgreSQL 15 has no uuidv7()).
CREATE OR REPLACE FUNCTION uuid_generate_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(
    set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1),
    'hex')::uuid
$$;
--> statement-breakpoint
-- Every write bumps the version (the ETag) and the update time, whatever SQL did it: bulk
-- updates and imports cannot leave a stale ETag behind.
CREATE OR REPLACE FUNCTION touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER touch BEFORE UPDATE ON tags FOR EACH ROW EXECUTE FUNCTION touch_row();
--> statement-breakpoint
CREATE TRIGGER touch BEFORE UPDATE ON companies FOR EACH ROW EXECUTE FUNCTION touch_row();
--> statement-breakpoint
CREATE TRIGGER touch BEFORE UPDATE ON contacts FOR EACH ROW EXECUTE FUNCTION touch_row();
--> statement-breakpoint
CREATE TRIGGER touch BEFORE UPDATE ON pipelines FOR EACH ROW EXECUTE FUNCTION touch_row();
--> statement-breakpoint
CREATE TRIGGER touch BEFORE UPDATE ON pipeline_stages FOR EACH ROW EXECUTE FUNCTION touch_row();
--> statement-breakpoint
CREATE TRIGGER touch BEFORE UPDATE ON deals FOR EACH ROW EXECUTE FUNCTION touch_row();
--> statement-breakpoint
CREATE TRIGGER touch BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION touch_row();
--> statement-breakpoint
CREATE TRIGGER touch BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch_row();
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON tags FOR EACH ROW EXECUTE FUNCTION audit_row('org_id', 'id');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON companies FOR EACH ROW EXECUTE FUNCTION audit_row('org_id', 'id');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON contacts FOR EACH ROW EXECUTE FUNCTION audit_row('org_id', 'id');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON contact_companies FOR EACH ROW EXECUTE FUNCTION audit_row('org_id', 'id');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON pipelines FOR EACH ROW EXECUTE FUNCTION audit_row('org_id', 'id');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON pipeline_stages FOR EACH ROW EXECUTE FUNCTION audit_row('org_id', 'id');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON deals FOR EACH ROW EXECUTE FUNCTION audit_row('org_id', 'id');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON deal_contacts FOR EACH ROW EXECUTE FUNCTION audit_row('org_id', 'id');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON tasks FOR EACH ROW EXECUTE FUNCTION audit_row('org_id', 'id');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON notes FOR EACH ROW EXECUTE FUNCTION audit_row('org_id', 'id');
--> statement-breakpoint
-- A deal's status, close time and stage time follow its stage, however the stage was set.
CREATE OR REPLACE FUNCTION deal_stage_fields() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stage_kind text;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.stage_id IS NOT DISTINCT FROM OLD.stage_id THEN
    RETURN NEW;
  END IF;
  SELECT kind INTO stage_kind FROM pipeline_stages WHERE id = NEW.stage_id;
  NEW.status := coalesce(stage_kind, 'open');
  NEW.stage_changed_at := now();
  NEW.closed_at := CASE WHEN stage_kind IN ('won', 'lost') THEN now() END;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stage_fields BEFORE INSERT OR UPDATE OF stage_id ON deals FOR EACH ROW EXECUTE FUNCTION deal_stage_fields();
--> statement-breakpoint
-- The stage history is written here and only here (like audit_log): the runtime role reads it.
CREATE OR REPLACE FUNCTION record_deal_stage() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.stage_id IS NOT DISTINCT FROM OLD.stage_id THEN
    RETURN NULL;
  END IF;
  INSERT INTO deal_stage_history (id, org_id, deal_id, from_stage_id, to_stage_id, actor_user_id, actor_api_key_id, at)
  VALUES (
    uuid_generate_v7(),
    NEW.org_id,
    NEW.id,
    CASE WHEN TG_OP = 'UPDATE' THEN OLD.stage_id END,
    NEW.stage_id,
    app_user_id(),
    nullif(current_setting('app.api_key_id', true), '')::uuid,
    now()
  );
  RETURN NULL;
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION record_deal_stage() FROM PUBLIC, spanner_app;
--> statement-breakpoint
CREATE TRIGGER stage_history AFTER INSERT OR UPDATE OF stage_id ON deals FOR EACH ROW EXECUTE FUNCTION record_deal_stage();
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON deal_stage_history FROM spanner_app;
