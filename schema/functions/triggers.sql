-- functions/triggers.sql: helpers for the statement triggers of the other
-- function files (the stores derived by rules, the versions of plans).
--
-- Applied again, as a whole, whenever this file changes or a numbered
-- migration runs (see docs/database.md): every statement must be
-- repeatable (CREATE OR REPLACE; a constraint trigger is dropped first).

-- Attach p_function as AFTER ... FOR EACH STATEMENT triggers of p_table:
-- for the i-th event of p_events (INSERT, UPDATE, DELETE, TRUNCATE) the
-- trigger named p_names[i], which reads the transition tables of its event
-- (new_rows for INSERT and UPDATE, old_rows for UPDATE and DELETE).
-- A trigger of that name is replaced.
CREATE OR REPLACE FUNCTION statement_triggers_attach(p_table regclass,
    p_events text[], p_names text[], p_function text)
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
	i integer;
BEGIN
	FOR i IN 1 .. cardinality(p_events) LOOP
		EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER %s ON %s '
		    '%s FOR EACH STATEMENT EXECUTE FUNCTION %I()',
		    p_names[i], p_events[i], p_table,
		    CASE p_events[i]
			WHEN 'INSERT' THEN 'REFERENCING NEW TABLE AS new_rows'
			WHEN 'UPDATE' THEN 'REFERENCING OLD TABLE AS old_rows '
			    'NEW TABLE AS new_rows'
			WHEN 'DELETE' THEN 'REFERENCING OLD TABLE AS old_rows'
			ELSE '' END,
		    p_function);
	END LOOP;
END
$$;

-- The triggers by which a store of rows derived by rules follows table
-- p_table (p_prefix: the store's prefix, such as lesson_warning_): after
-- TRUNCATE the function p_prefix || 'on_truncate', after each event of
-- p_events ('INSERT,UPDATE,DELETE') the function p_prefix || 'on_' ||
-- p_table, with the triggers named p_prefix || 'truncate' and p_prefix ||
-- the event in lower case.
CREATE OR REPLACE FUNCTION store_triggers_attach(p_prefix text, p_table text,
    p_events text)
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
	evs text[] := string_to_array(p_events, ',');
BEGIN
	PERFORM statement_triggers_attach(p_table::regclass, '{TRUNCATE}',
	    ARRAY[p_prefix || 'truncate'], p_prefix || 'on_truncate');
	PERFORM statement_triggers_attach(p_table::regclass, evs,
	    array(SELECT p_prefix || lower(e) FROM unnest(evs) e),
	    p_prefix || 'on_' || p_table);
END
$$;

-- The query, for EXECUTE in a statement trigger function of event p_op
-- (only that function sees its transition tables), of the rows the
-- statement wrote and removed as two JSON arrays (NULL: none): new_rows
-- (INSERT, UPDATE) and old_rows (UPDATE, DELETE).
CREATE OR REPLACE FUNCTION transition_rows_sql(p_op text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
	SELECT format('SELECT %s, %s',
	    CASE WHEN p_op = 'DELETE' THEN 'NULL::jsonb'
		ELSE '(SELECT jsonb_agg(n) FROM new_rows n)' END,
	    CASE WHEN p_op = 'INSERT' THEN 'NULL::jsonb'
		ELSE '(SELECT jsonb_agg(o) FROM old_rows o)' END)
$$;
