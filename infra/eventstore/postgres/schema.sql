-- PostgreSQL event store (ARCHITECTURE.md, "PostgreSQL event store"). Idempotent: safe to run at every start.
CREATE TABLE IF NOT EXISTS es_streams (
  stream_id text PRIMARY KEY,
  -- revision of the stream's last event; -1 marks a row locked for a stream that has no events yet
  revision bigint NOT NULL
);

CREATE TABLE IF NOT EXISTS es_events (
  position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_id uuid NOT NULL UNIQUE,
  stream_id text NOT NULL,
  category text NOT NULL,
  revision bigint NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (stream_id, revision)
);

-- Readers follow (transaction_id, position) below the oldest running transaction, so an event that
-- commits late is never skipped.
CREATE INDEX IF NOT EXISTS es_events_global ON es_events (transaction_id, position);
CREATE INDEX IF NOT EXISTS es_events_category ON es_events (category, transaction_id, position);

-- Appends a batch of stream appends in the caller's transaction. Each item is
-- {"s": stream, "c": category, "e": expected, "k": 1 when the caller chose event ids,
--  "ev": [{"i": id, "t": type, "d": data, "m": metadata}]}
-- and gets one result row; a conflict or duplicate affects only its own item.
-- Every statement below is a keyed lookup or insert. The cached plans are made while the tables are
-- still small, when a sequential scan looks cheaper; it never is once they grow, hence enable_seqscan.
CREATE OR REPLACE FUNCTION es_append_batch(p_batch jsonb)
RETURNS TABLE (item int, outcome text, last_revision bigint, last_position bigint, txid text)
LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE
  v_item jsonb;
  v_index int := 0;
  v_stream text;
  v_expected text;
  v_count int;
  v_current bigint;
  v_claimed boolean;
  v_conflict boolean;
  v_stored int;
  v_stored_in_stream int;
  v_stored_txid text;
  v_appended boolean := false;
BEGIN
  FOR v_item IN SELECT value FROM jsonb_array_elements(p_batch) LOOP
    item := v_index;
    v_index := v_index + 1;
    v_stream := v_item->>'s';
    v_expected := v_item->>'e';
    v_count := jsonb_array_length(v_item->'ev');
    txid := pg_current_xact_id()::text;
    v_claimed := false;

    -- Fast path: ids we generated cannot be retries, so one statement claims the revisions.
    IF v_item->>'k' IS NULL THEN
      IF v_expected = 'no_stream' THEN
        INSERT INTO es_streams (stream_id, revision) VALUES (v_stream, v_count - 1) ON CONFLICT DO NOTHING;
        v_claimed := FOUND;
        v_current := -1;
      ELSIF v_expected IN ('any', 'stream_exists') THEN
        UPDATE es_streams s SET revision = s.revision + v_count
          WHERE s.stream_id = v_stream AND s.revision >= 0 RETURNING s.revision - v_count INTO v_current;
        v_claimed := FOUND;
      ELSE
        UPDATE es_streams s SET revision = s.revision + v_count
          WHERE s.stream_id = v_stream AND s.revision = v_expected::bigint RETURNING s.revision - v_count INTO v_current;
        v_claimed := FOUND;
      END IF;
    END IF;

    IF NOT v_claimed THEN
      -- Careful path: lock the stream row (creating a placeholder) so the checks cannot race a writer.
      SELECT s.revision INTO v_current FROM es_streams s WHERE s.stream_id = v_stream FOR UPDATE;
      IF NOT FOUND THEN
        INSERT INTO es_streams (stream_id, revision) VALUES (v_stream, -1) ON CONFLICT DO NOTHING;
        IF FOUND THEN
          v_current := -1;
        ELSE
          SELECT s.revision INTO v_current FROM es_streams s WHERE s.stream_id = v_stream FOR UPDATE;
        END IF;
      END IF;

      -- A retry of events already stored: the same answer as the first time, no new events.
      SELECT count(*), count(*) FILTER (WHERE e.stream_id = v_stream), max(e.revision), max(e.position),
             (array_agg(e.transaction_id::text ORDER BY e.position DESC))[1]
        INTO v_stored, v_stored_in_stream, last_revision, last_position, v_stored_txid
        FROM es_events e
        WHERE e.event_id = ANY (ARRAY(SELECT (x->>'i')::uuid FROM jsonb_array_elements(v_item->'ev') AS x));
      IF v_stored > 0 THEN
        outcome := CASE WHEN v_stored = v_count AND v_stored_in_stream = v_count THEN 'duplicate' ELSE 'duplicate_conflict' END;
        txid := v_stored_txid;
        RETURN NEXT;
        CONTINUE;
      END IF;

      v_conflict := CASE v_expected
        WHEN 'any' THEN false
        WHEN 'no_stream' THEN v_current <> -1
        WHEN 'stream_exists' THEN v_current = -1
        ELSE v_current <> v_expected::bigint
      END;
      IF v_conflict THEN
        outcome := 'conflict';
        last_revision := v_current;
        last_position := NULL;
        RETURN NEXT;
        CONTINUE;
      END IF;
      UPDATE es_streams SET revision = v_current + v_count WHERE stream_id = v_stream;
    END IF;

    WITH inserted AS (
      INSERT INTO es_events (event_id, stream_id, category, revision, type, data, metadata)
      SELECT (x.e->>'i')::uuid, v_stream, v_item->>'c', v_current + x.ord, x.e->>'t', x.e->'d', x.e->'m'
      FROM jsonb_array_elements(v_item->'ev') WITH ORDINALITY AS x(e, ord)
      ORDER BY x.ord
      RETURNING position
    )
    SELECT max(inserted.position) INTO last_position FROM inserted;
    outcome := 'appended';
    last_revision := v_current + v_count;
    v_appended := true;
    RETURN NEXT;
  END LOOP;
  IF v_appended THEN
    PERFORM pg_notify('es_events', '');
  END IF;
END;
$$;
