-- On SQLite, spent nonces move to a log file of their own beside the database (Database.nonceLog,
-- NonceRepository): nonce batches then neither queue behind the database's writes and checkpoints
-- nor change its data version. The table is kept under another name until NonceRepository has
-- moved its rows to the log, which it does once, then drops it.
ALTER TABLE nonces RENAME TO nonces_v1;
