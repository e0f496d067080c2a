-- Live custom images per owner and region, kept in the same transaction as every insert and
-- delete, so ListCustomImages answers TotalCount without counting a million rows.
CREATE TABLE image_counts (
    account_id VARCHAR(16) NOT NULL,
    region_id  VARCHAR(64) NOT NULL,
    live       BIGINT      NOT NULL,
    PRIMARY KEY (account_id, region_id)
);
INSERT INTO image_counts (account_id, region_id, live)
    SELECT account_id, region_id, COUNT(*) FROM custom_images WHERE deleted_at IS NULL GROUP BY account_id, region_id;
CREATE INDEX instances_image ON instances (image_id);
-- the page order of ListCustomImages (newest first, id as tie-breaker) straight from the index
DROP INDEX custom_images_owner;
CREATE INDEX custom_images_owner ON custom_images (account_id, region_id, deleted_at, created_at, image_id);
