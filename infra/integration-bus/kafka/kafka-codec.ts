import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { DeliveredMessage, OutgoingMessage } from '../../ports/integration-bus';

/** Values travel as JSON text, headers as UTF-8 strings. */
export function encodeMessage(message: OutgoingMessage): Message {
  return {
    key: message.key,
    value: JSON.stringify(message.value ?? null),
    headers: { ...message.headers },
  };
}

export function decodeMessage(topic: string, partition: number, message: KafkaMessage): DeliveredMessage {
  const text = message.value?.toString('utf8');
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? '',
    value: text === undefined ? null : (JSON.parse(text) as unknown),
    headers: decodeHeaders(message.headers),
  };
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const first = Array.isArray(raw) ? raw[0] : raw;
    if (first !== undefined) decoded[name] = first.toString();
  }
  return decoded;
}

/** Kafka commits the offset of the next message to read. */
export const nextOffset = (offset: string): string => (BigInt(offset) + 1n).toString();
