/**
 * Just enough MIME to read back the single-part plain-text messages Tsunagu sends (nodemailer
 * output: UTF-8, quoted-printable or base64 bodies, RFC 2047 encoded subjects). The mail catcher
 * stores what it receives this way, and tests read the links out of arriving mail.
 */
export interface ParsedMail {
  subject: string;
  text: string;
  /** Lower-cased header names; folded lines unfolded, values still encoded. */
  headers: Map<string, string>;
}

export function parseMailMessage(raw: Buffer): ParsedMail {
  const separator = raw.indexOf('\r\n\r\n');
  const [headerEnd, bodyStart] = separator >= 0 ? [separator, separator + 4] : [raw.length, raw.length];
  const headers = parseHeaders(raw.subarray(0, headerEnd).toString('latin1'));
  const body = raw.subarray(bodyStart);
  const contentType = headers.get('content-type') ?? 'text/plain; charset=utf-8';
  const charset = /charset="?([^";\s]+)"?/i.exec(contentType)?.[1] ?? 'utf-8';
  const bytes = decodeTransfer(body, (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase());
  return {
    subject: decodeWords(headers.get('subject') ?? ''),
    text: decodeCharset(bytes, charset).replace(/\r\n/g, '\n'),
    headers,
  };
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n(?=[ \t])/g, '').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeTransfer(body: Buffer, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body.toString('latin1').replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body.toString('latin1').replace(/=\r?\n/g, ''));
  return body;
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const hex = text.slice(index + 1, index + 3);
    if (text[index] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(text.charCodeAt(index));
    }
  }
  return Buffer.from(bytes);
}

/**
 * RFC 2047 encoded words (`=?UTF-8?B?...?=`). A long subject is split into several words, possibly
 * in the middle of a character, so adjacent words are joined as bytes before decoding.
 */
function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  let result = '';
  let pending: { charset: string; bytes: Buffer[] } | null = null;
  let last = 0;
  const flush = () => {
    if (pending) result += decodeCharset(Buffer.concat(pending.bytes), pending.charset);
    pending = null;
  };
  for (const match of value.matchAll(word)) {
    const [whole, charset = 'utf-8', encoding = 'B', text = ''] = match;
    const between = value.slice(last, match.index);
    // Whitespace between two encoded words is folding, not content.
    if (!pending || between.trim() !== '' || pending.charset.toLowerCase() !== charset.toLowerCase()) {
      flush();
      result += between;
    }
    const bytes =
      encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text.replace(/_/g, ' '));
    pending ??= { charset, bytes: [] };
    pending.bytes.push(bytes);
    last = (match.index ?? 0) + whole.length;
  }
  flush();
  return result + value.slice(last);
}

function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}
