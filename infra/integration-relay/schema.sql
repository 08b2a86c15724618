-- Where each integration relay stands in the event store's global log (checkpoints are opaque text).
CREATE TABLE IF NOT EXISTS integration_relay_checkpoints (
  name text PRIMARY KEY,
  checkpoint text NOT NULL,
  -- Global position of the last relayed event: for the lag in status().
  position bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Event ids a consumer has handled (processOnce): duplicates of at-least-once delivery are skipped.
CREATE TABLE IF NOT EXISTS integration_processed (
  consumer text NOT NULL,
  event_id text NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
