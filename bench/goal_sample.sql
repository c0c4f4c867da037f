-- goal_sample.sql — the goals the lesson-by-goal benchmark asks for.
--
-- 64 leaf goals and 32 goals with descendants (domains, subjects, kernen),
-- chosen by a hash of their id so that every run asks for the same ones.
-- Two of every three are asked for by code with framework= (when the code
-- is unambiguous in its framework), the others by id.  Output, one goal a
-- line: id, framework code, code to send (empty: send the
-- id), has_descendants (t/f).

WITH kids AS (
	SELECT g.id,
	    EXISTS (SELECT 1 FROM goal c WHERE c.parent_id = g.id)
	    OR EXISTS (SELECT 1 FROM goal_relation r
		WHERE r.destination_goal_id = g.id
		AND r.relation_type = 'isChildOf') AS has_descendants
	FROM goal g
), cand AS (
	SELECT g.id, f.code AS framework, g.code, k.has_descendants,
	    g.code IS NOT NULL AND g.code ~ '^[A-Za-z0-9 ._/-]{1,100}$'
	    AND (SELECT count(*) FROM goal o
		WHERE o.framework_id = g.framework_id
		AND (o.code = g.code
		OR catalogue_norm(o.code) = catalogue_norm(g.code))) = 1
		AS code_unique,
	    row_number() OVER (PARTITION BY k.has_descendants
		ORDER BY md5(g.id::text)) AS rn
	FROM goal g JOIN framework f ON f.id = g.framework_id
	JOIN kids k ON k.id = g.id
	WHERE f.kind = 'goals'
)
SELECT id, framework,
    CASE WHEN code_unique AND rn % 3 <> 0 THEN code ELSE '' END,
    has_descendants
FROM cand
WHERE rn <= CASE WHEN has_descendants THEN 32 ELSE 64 END
ORDER BY has_descendants DESC, rn;
