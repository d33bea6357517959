-- The generated search columns (the tsvector, a contact's full name) follow other fields: recording
-- them stored a whole search vector in every audit entry of a record whose name changed.
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
    WHERE field NOT IN ('version', 'created_at', 'updated_at', 'last_used_at', 'search', 'full_name')
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
