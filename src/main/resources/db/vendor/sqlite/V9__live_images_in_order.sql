-- Nothing to do on SQLite: its planner treats "deleted_at IS NULL" as an equality, so
-- custom_images_owner (account_id, region_id, deleted_at, created_at, image_id) already gives
-- ListCustomImages its live images in page order. (PostgreSQL's V9 adds an index for that.) The
-- version exists on both engines so that exports of either import into the other.
SELECT 1;
