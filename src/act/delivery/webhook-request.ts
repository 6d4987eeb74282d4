/** A webhook POST ready for the transport. */
export interface WebhookRequest {
  url: string;
  /** The stored payload, byte for byte: the rule writer built the exact body the receiver expects. */
  body: string;
  headers: Record<string, string>;
}

/** The request, or why this delivery can never be sent as stored. */
export type WebhookBuild = { ok: true; request: WebhookRequest } | { ok: false; error: string };

/**
 * Builds the POST of a webhook delivery: JSON body as stored, `Idempotency-Key` so the receiver can
 * drop the duplicate an at-least-once sender may produce after a crash. Refuses a URL that is not
 * http(s) and a payload that is not JSON, naming the fix.
 */
export function buildWebhookRequest(d: { id: string; destination: string; payload: string; idempotencyKey: string }): WebhookBuild {
  let url: URL;
  try {
    url = new URL(d.destination);
  } catch {
    return { ok: false, error: `The webhook destination of delivery ${d.id} is not a URL. Put an http(s) URL in the rule.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: `The webhook destination of delivery ${d.id} uses ${url.protocol} — only http: and https: are sent. Put an http(s) URL in the rule.` };
  }
  try {
    JSON.parse(d.payload);
  } catch {
    return { ok: false, error: `The payload of delivery ${d.id} is not valid JSON, so it cannot be posted. The rule that wrote it needs fixing; report it as a bug.` };
  }
  return {
    ok: true,
    request: {
      url: url.toString(),
      body: d.payload,
      headers: { 'content-type': 'application/json', 'idempotency-key': d.idempotencyKey, 'user-agent': 'Ecoute-Delivery/1' },
    },
  };
}
