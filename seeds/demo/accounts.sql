-- Demo schools and accounts for development (seeds/manifest.development).
--
-- Both schools are FICTITIOUS: the names, BRIN codes (99xx is not issued)
-- and people are made up for trying the application; only the
-- municipalities and their holiday regions are real (Groningen lies in
-- region noord, Maastricht in region zuid: seeds/calendar).
-- Every demo account has the password "leerlijn-demo" (argon2id hashes
-- made with libsodium's crypto_pwhash_str, OPSLIMIT/MEMLIMIT_INTERACTIVE).
-- Idempotent: rows that exist are left as they are.

INSERT INTO school (id, brin, vestiging, name, type, municipality, region,
    first_level, last_level, demo)
VALUES
  ('00000000-0000-4000-a000-00000000000a', '99XA', '00',
   'Demoschool A (fictief, basisschool)', 'PO', 'Groningen', 'noord',
   'groep-1', 'groep-8', true),
  ('00000000-0000-4000-a000-00000000000b', '99XB', '00',
   'Demoschool B (fictief, middelbare school)', 'VO', 'Maastricht', 'zuid',
   'havo-1', 'vwo-6', true)
ON CONFLICT DO NOTHING;

INSERT INTO app_user (id, email, display_name, password_hash,
    password_changed_at, demo)
VALUES
  ('00000000-0000-4000-b000-000000000001', 'admin@demo.leerlijn.example',
   'Demo beheerder', '$argon2id$v=19$m=65536,t=2,p=1$/IIsO3A/drWsq9e8CHmNxw$j9TfkGszR62iceY4GuGg5UrhglCsGiw3+fnCyhKvO1s', now(), true),
  ('00000000-0000-4000-b000-000000000002', 'curator@demo.leerlijn.example',
   'Demo curator', '$argon2id$v=19$m=65536,t=2,p=1$OibycSssWo03hftZLLhixQ$zoNd/TRcju1boAQYu/iCOEkTOHPhdyS/Tybw0kgcbIE', now(), true),
  ('00000000-0000-4000-b000-000000000003', 'coordinator-a@demo.leerlijn.example',
   'Demo coördinator A', '$argon2id$v=19$m=65536,t=2,p=1$+zAqAsuheZh6zSUSVgftRA$MK2boOwLkaZlNyDOK9z2shmHVKUdInB9we8atTF8rZs', now(), true),
  ('00000000-0000-4000-b000-000000000004', 'teacher-a@demo.leerlijn.example',
   'Demo leerkracht A', '$argon2id$v=19$m=65536,t=2,p=1$VPhmazDOftr/EYRF/sYwhA$Yzu2kELr4PF1wNYqohbg8y+ypxzAXRdNpTnnPJEVwuw', now(), true),
  ('00000000-0000-4000-b000-000000000005', 'teacher2-a@demo.leerlijn.example',
   'Demo leerkracht A (tweede)', '$argon2id$v=19$m=65536,t=2,p=1$+z58EHzy+0EO2/gCBhz3NA$E6NZlhm/R03hr6PKZsKX4xoBDQI4RnIPTdcHHlxlHFM', now(), true),
  ('00000000-0000-4000-b000-000000000006', 'coordinator-b@demo.leerlijn.example',
   'Demo coördinator B', '$argon2id$v=19$m=65536,t=2,p=1$FeqIjKD721N+QNNtHQrLEA$3M7sWRL55tznF13WRci37N/nbJ0OoTbd3jdMH+gcSYA', now(), true),
  ('00000000-0000-4000-b000-000000000007', 'teacher-b@demo.leerlijn.example',
   'Demo docent B', '$argon2id$v=19$m=65536,t=2,p=1$0ZrVbnp9vLYQ2whdb7NKFA$0PNAc1qiYTLzl26wbMQGK1VF2Cg2pZQTc8f95wGZTm0', now(), true),
  ('00000000-0000-4000-b000-000000000008', 'inspector@demo.leerlijn.example',
   'Demo inspecteur (alleen school A)', '$argon2id$v=19$m=65536,t=2,p=1$oUIOkZkYs43YFj3SUGVrAg$bN6rgHYPQ8mMiGrjr84IvmIjLscoSInnaoYCE+YT1TQ', now(), true)
ON CONFLICT DO NOTHING;

INSERT INTO user_role (user_id, role)
VALUES
  ('00000000-0000-4000-b000-000000000001', 'admin'),
  ('00000000-0000-4000-b000-000000000002', 'curator'),
  ('00000000-0000-4000-b000-000000000008', 'inspector')
ON CONFLICT DO NOTHING;

INSERT INTO membership (user_id, school_id, role)
VALUES
  ('00000000-0000-4000-b000-000000000003', '00000000-0000-4000-a000-00000000000a', 'coordinator'),
  ('00000000-0000-4000-b000-000000000004', '00000000-0000-4000-a000-00000000000a', 'teacher'),
  ('00000000-0000-4000-b000-000000000005', '00000000-0000-4000-a000-00000000000a', 'teacher'),
  ('00000000-0000-4000-b000-000000000006', '00000000-0000-4000-a000-00000000000b', 'coordinator'),
  ('00000000-0000-4000-b000-000000000007', '00000000-0000-4000-a000-00000000000b', 'teacher')
ON CONFLICT DO NOTHING;

-- The demo inspector sees school A only, so that "another school" can be
-- tried with it.
INSERT INTO inspector_scope (user_id, school_id)
VALUES ('00000000-0000-4000-b000-000000000008', '00000000-0000-4000-a000-00000000000a')
ON CONFLICT DO NOTHING;
