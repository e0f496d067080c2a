-- Rows with a transition still to come (next_at set) are few, however many rows there are: the
-- settler's UPDATE and the backlog count find them through these partial indexes instead of
-- scanning the table. At a million custom images the scan held SQLite's writer for ~200 ms every
-- second, and every request waiting to record its nonce waited with it (docs/performance.md).
CREATE INDEX custom_images_pending ON custom_images (next_at) WHERE next_at IS NOT NULL;
CREATE INDEX instances_pending ON instances (next_at) WHERE next_at IS NOT NULL;
CREATE INDEX snapshots_pending ON snapshots (next_at) WHERE next_at IS NOT NULL;
