-- What discovery saw is stored gzip-compressed (`db/repos/packed-json.ts`), no longer as jsonb: a
-- step's findings and the watch's baseline of them. On a 100,000-number account one step's
-- findings are 12,500 entries: written as jsonb they touched ~22 MB more of PGlite's WASM memory
-- (which never shrinks), as gzip ~1 MB (bench/scale). Rows written before keep their JSON as plain
-- UTF-8 bytes, which the reader tells from gzip by its magic.
ALTER TABLE steps
  ALTER COLUMN findings TYPE bytea USING convert_to(findings::text, 'UTF8');

ALTER TABLE watch_baselines
  ALTER COLUMN findings TYPE bytea USING convert_to(findings::text, 'UTF8');
