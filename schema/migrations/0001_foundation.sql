-- 0001 foundation: extensions every later migration may rely on.
-- (schema_migrations itself is created by the migration runner.)
-- Accent-insensitive Dutch search ("prive" finds "privé").
CREATE EXTENSION IF NOT EXISTS unaccent;
-- gen_random_uuid(), digest() for stable identifiers and hashes.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
