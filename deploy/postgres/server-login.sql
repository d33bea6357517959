-- The login api and worker connect as (docker compose runs this with psql at every start, as the
-- owner of the database): a member of spanner_server, which migration 0012 gives its rights.
-- It owns nothing, is no superuser and has no BYPASSRLS. Safe to run again: it only catches up.
\set ON_ERROR_STOP on
\getenv login POSTGRES_SERVER_USER
\getenv password POSTGRES_SERVER_PASSWORD

-- Migration 0012 creates the group too; here it is needed first, to put the login in it.
SELECT 'CREATE ROLE spanner_server NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE'
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'spanner_server') \gexec

SELECT format('CREATE ROLE %I LOGIN', :'login')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'login') \gexec

-- Also on every later start, so a changed POSTGRES_SERVER_PASSWORD takes effect.
ALTER ROLE :"login" WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'password';

SELECT format('GRANT spanner_server TO %I', :'login')
  WHERE NOT pg_has_role(:'login', 'spanner_server', 'MEMBER') \gexec
