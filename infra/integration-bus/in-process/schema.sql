-- The in-process integration bus, durable in the embedded SQL database: Kafka's model in four tables.
CREATE TABLE IF NOT EXISTS integration_bus_topics (
  topic text PRIMARY KEY,
  partitions integer NOT NULL CHECK (partitions > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The next offset of each topic-partition; its row lock orders concurrent publishers.
CREATE TABLE IF NOT EXISTS integration_bus_partitions (
  topic text NOT NULL REFERENCES integration_bus_topics (topic),
  partition integer NOT NULL,
  next_offset bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (topic, partition)
);

-- Dead-letter topics (`<topic>.dead-letter`) are topics like any other.
CREATE TABLE IF NOT EXISTS integration_bus_messages (
  topic text NOT NULL,
  partition integer NOT NULL,
  "offset" bigint NOT NULL,
  key text NOT NULL,
  value jsonb NOT NULL,
  headers jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (topic, partition, "offset")
);

-- Committed offsets: the next offset a group reads from a topic-partition.
CREATE TABLE IF NOT EXISTS integration_bus_group_offsets (
  group_id text NOT NULL,
  topic text NOT NULL,
  partition integer NOT NULL,
  next_offset bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, topic, partition)
);
