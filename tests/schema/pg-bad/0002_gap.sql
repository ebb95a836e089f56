-- expect: migrations are numbered [2], not 1..1 without gaps
-- Alone, a migration numbered 2 leaves a gap where 1 should be.
CREATE TABLE users (id bigserial PRIMARY KEY);
