/**
 * The checksum of a run record line: the SHA-256 of the run's JSON exactly as written without
 * the checksum, stored as the line's last field (`…,"checksum":"sha256:<hex>"}`). Checking it
 * needs no re-serialisation: the line minus that field is the text that was hashed. It detects a
 * line changed after it was written (an edited shard, a damaged disk); it is not a signature, so
 * it does not stop someone who recomputes it.
 * @module
 */
import { createHash } from 'node:crypto';

const FIELD = ',"checksum":"sha256:';
const HEX = 64;
/** Bytes after the body's closing brace: the field, 64 hex digits, `"}`. */
const SUFFIX = FIELD.length + HEX + 2;
const SUFFIX_RE = /^,"checksum":"sha256:([0-9a-f]{64})"\}$/;

const sha256 = (...parts: Array<string | Uint8Array>): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

/** A record line (with its newline) for the JSON of one run, `json` being `JSON.stringify(run)`. */
export function signedLine(json: string): string {
  return `${json.slice(0, -1)}${FIELD}${sha256(json)}"}\n`;
}

/** What a record line's checksum says. */
export interface LineCheck {
  /** `signed`: it matches; `unsigned`: the line has none (written before checksums); `mismatch`: the line was changed. */
  status: 'signed' | 'unsigned' | 'mismatch';
  /** The SHA-256 of the run's JSON without the checksum: equal digests, equal runs. */
  digest: string;
}

/**
 * Checks the line `bytes` (no newline) whose parsed value `hasChecksum` or not. The digest of an
 * unsigned line is of the whole line, so an old and a new record of the same run compare equal.
 */
export function checkLine(bytes: Uint8Array, hasChecksum: boolean): LineCheck {
  if (!hasChecksum) return { status: 'unsigned', digest: sha256(bytes) };
  const cut = bytes.length - SUFFIX;
  const m = cut > 0 ? SUFFIX_RE.exec(Buffer.from(bytes.subarray(cut)).toString('latin1')) : null;
  if (!m) return { status: 'mismatch', digest: '' };
  const digest = sha256(bytes.subarray(0, cut), '}');
  return { status: digest === m[1] ? 'signed' : 'mismatch', digest };
}
