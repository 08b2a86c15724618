-- PostgreSQL event store (ARCHITECTURE.md, "PostgreSQL event store"). Idempotent: safe to run at every start.
-- Processes starting together (API workers) would collide in the catalog even with IF NOT EXISTS: the
-- script runs as one transaction, serialised by this lock.
SELECT pg_advisory_xact_lock(hashtext('booking-rush:event-store-schema'));
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
  v_txid text := pg_current_xact_id()::text;
  v_fast_idx int[];
  v_fast_stream text[];
  v_fast_expected text[];
  v_fast_count int[];
  v_claimed_idx int[];
  v_claimed_prev bigint[];
  v_item jsonb;
  v_index int;
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
  v_categories text[] := '{}';
BEGIN
  -- Set-based path for the common case: ids we generated (so no retry to detect) and a stream that
  -- appears once in the batch. Rows are claimed in stream order, as everywhere, so flushes running
  -- at once cannot deadlock.
  SELECT coalesce(array_agg(q.idx ORDER BY q.s), '{}'), array_agg(q.s ORDER BY q.s),
         array_agg(q.e ORDER BY q.s), array_agg(q.n ORDER BY q.s)
    INTO v_fast_idx, v_fast_stream, v_fast_expected, v_fast_count
    FROM (
      SELECT (t.ord - 1)::int AS idx, t.value->>'s' AS s, t.value->>'e' AS e,
             jsonb_array_length(t.value->'ev') AS n, t.value->>'k' AS k,
             count(*) OVER (PARTITION BY t.value->>'s') AS per_stream
        FROM jsonb_array_elements(p_batch) WITH ORDINALITY AS t(value, ord)
    ) q
   WHERE q.k IS NULL AND q.per_stream = 1;

  IF cardinality(v_fast_idx) > 0 THEN
    PERFORM 1 FROM es_streams s
      WHERE s.stream_id = ANY (v_fast_stream) ORDER BY s.stream_id FOR UPDATE;
    WITH f AS (
      SELECT * FROM unnest(v_fast_idx, v_fast_stream, v_fast_expected, v_fast_count) AS f(idx, s, e, n)
    ),
    created AS (
      INSERT INTO es_streams (stream_id, revision)
      SELECT f.s, f.n - 1 FROM f WHERE f.e = 'no_stream' ORDER BY f.s
      ON CONFLICT DO NOTHING
      RETURNING es_streams.stream_id, es_streams.revision
    ),
    advanced AS (
      UPDATE es_streams t SET revision = t.revision + f.n
        FROM f
       WHERE t.stream_id = f.s AND f.e <> 'no_stream' AND t.revision >= 0
         AND CASE WHEN f.e IN ('any', 'stream_exists') THEN true ELSE t.revision = f.e::bigint END
      RETURNING t.stream_id, t.revision
    )
    SELECT coalesce(array_agg(f.idx), '{}'), array_agg(c.revision - f.n)
      INTO v_claimed_idx, v_claimed_prev
      FROM f JOIN (SELECT * FROM created UNION ALL SELECT * FROM advanced) c ON c.stream_id = f.s;

    IF cardinality(v_claimed_idx) > 0 THEN
      v_appended := true;
      SELECT array_agg(DISTINCT p_batch->c.idx->>'c') INTO v_categories FROM unnest(v_claimed_idx) AS c(idx);
      RETURN QUERY
      WITH c AS (
        SELECT * FROM unnest(v_claimed_idx, v_claimed_prev) AS c(idx, prev) ORDER BY 1
      ),
      inserted AS (
        INSERT INTO es_events (event_id, stream_id, category, revision, type, data, metadata)
        SELECT (x.e->>'i')::uuid, p_batch->c.idx->>'s', p_batch->c.idx->>'c', c.prev + x.ord,
               x.e->>'t', x.e->'d', x.e->'m'
          FROM c, jsonb_array_elements(p_batch->c.idx->'ev') WITH ORDINALITY AS x(e, ord)
         ORDER BY c.idx, x.ord
        RETURNING es_events.stream_id, es_events.revision, es_events.position
      )
      SELECT c.idx, 'appended'::text, max(i.revision), max(i.position), v_txid
        FROM c JOIN inserted i ON i.stream_id = p_batch->c.idx->>'s'
       GROUP BY c.idx;
    END IF;
  ELSE
    v_claimed_idx := '{}';
  END IF;

  -- Everything else, one append at a time: caller-chosen ids (a retry may be a duplicate), several
  -- appends to one stream, and the claims above that failed (a conflict, or a stream to create).
  FOR v_item, v_index IN
    SELECT t.value, (t.ord - 1)::int FROM jsonb_array_elements(p_batch) WITH ORDINALITY AS t(value, ord)
     WHERE NOT ((t.ord - 1)::int = ANY (v_claimed_idx))
  LOOP
    item := v_index;
    v_stream := v_item->>'s';
    v_expected := v_item->>'e';
    v_count := jsonb_array_length(v_item->'ev');
    txid := v_txid;
    v_claimed := false;

    -- Ids we generated cannot be retries, so one statement may claim the revisions.
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
    IF NOT (v_item->>'c' = ANY (v_categories)) THEN
      v_categories := v_categories || (v_item->>'c');
    END IF;
    RETURN NEXT;
  END LOOP;
  -- The payload names the categories appended, so watchers can ignore the others; an empty payload
  -- (too many to list within NOTIFY's 8000 bytes) wakes everyone.
  IF v_appended THEN
    PERFORM pg_notify('es_events',
      CASE WHEN octet_length(array_to_string(v_categories, ',')) < 7900
           THEN array_to_string(v_categories, ',') ELSE '' END);
  END IF;
END;
$$;
