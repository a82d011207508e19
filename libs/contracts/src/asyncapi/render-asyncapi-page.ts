type Json = Record<string, unknown>;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const refName = (ref: unknown) =>
  String((ref as { $ref?: string })?.$ref ?? '')
    .split('/')
    .pop() ?? '';

/** Who sends and who receives on a channel, read from the document's operations. */
function partiesOf(operations: Json, channelId: string): { send: string[]; receive: string[] } {
  const parties = { send: [] as string[], receive: [] as string[] };
  for (const [id, operation] of Object.entries(operations) as [string, Json][]) {
    if (refName(operation.channel) !== channelId) continue;
    const service = id.split(/_(publishes|consumes)_/)[0].replace(/_/g, '-');
    parties[operation.action === 'send' ? 'send' : 'receive'].push(service);
  }
  return parties;
}

function messageSection(id: string, message: Json): string {
  const payload = JSON.stringify(message.payload, null, 2);
  return `<article id="${escapeHtml(id)}">
<h4><code>${escapeHtml(String(message.title))}</code></h4>
<p>${escapeHtml(String(message.summary ?? ''))}</p>
<details><summary>Envelope and payload schema (JSON Schema)</summary><pre>${escapeHtml(payload)}</pre></details>
</article>`;
}

/**
 * A readable page for an AsyncAPI 3 document, rendered on the server: no script and nothing fetched from
 * elsewhere, so it works behind the gateway's content security policy and offline.
 */
export function renderAsyncApiPage(document: Json, links: { json: string; openApi: string }): string {
  const info = document.info as Json;
  const channels = document.channels as Record<string, Json>;
  const operations = (document.operations ?? {}) as Json;
  const messages = (document.components as Json).messages as Record<string, Json>;
  const toc = Object.entries(channels)
    .map(
      ([id, ch]) =>
        `<li><a href="#${escapeHtml(id)}"><code>${escapeHtml(String(ch.address))}</code></a></li>`,
    )
    .join('\n');
  const sections = Object.entries(channels).map(([id, channel]) => {
    const { send, receive } = partiesOf(operations, id);
    const channelMessages = Object.values(channel.messages as Json).map((ref) => refName(ref));
    return `<section id="${escapeHtml(id)}">
<h3>Topic <code>${escapeHtml(String(channel.address))}</code></h3>
<p>${escapeHtml(String(channel.description ?? ''))}</p>
<p><strong>Gửi / Published by:</strong> ${escapeHtml(send.join(', ') || '—')} ·
<strong>Nhận / Consumed by:</strong> ${escapeHtml(receive.join(', ') || '—')}</p>
${channelMessages.map((m) => messageSection(m, messages[m] ?? {})).join('\n')}
</section>`;
  });
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(String(info.title))} — AsyncAPI ${escapeHtml(String(document.asyncapi))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
pre{background:#f6f8fa;padding:1rem;overflow:auto;font-size:.8rem}section{border-top:1px solid #ddd;margin-top:2rem}
article{margin-left:1rem}code{background:#f6f8fa;padding:0 .2rem}</style></head>
<body>
<h1>Sự kiện tích hợp / ${escapeHtml(String(info.title))}</h1>
<p>${escapeHtml(String(info.description ?? ''))}</p>
<p>AsyncAPI ${escapeHtml(String(document.asyncapi))} · version ${escapeHtml(String(info.version))} ·
<a href="${escapeHtml(links.json)}">JSON document</a> · <a href="${escapeHtml(links.openApi)}">HTTP API (OpenAPI)</a></p>
<h2>Topics</h2>
<ul>${toc}</ul>
${sections.join('\n')}
</body></html>
`;
}
