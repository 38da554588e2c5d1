import type { StoredFile } from '../model/types.js';
import type { Workspace } from '../model/workspace.js';

/** The bytes of an upload: the first file of a multipart form (what @slack/web-api sends) or the raw body. */
async function uploadedBytes(raw: Buffer, contentType: string): Promise<Buffer> {
  if (!contentType.startsWith('multipart/form-data')) return raw;
  const form = await new Response(new Uint8Array(raw), {
    headers: { 'content-type': contentType },
  }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  return Buffer.alloc(0);
}

/** Keeps the bytes POSTed to a file's upload URL; undefined when the URL is unknown or already completed. */
export async function storeUpload(
  ws: Workspace,
  fileId: string,
  raw: Buffer,
  contentType: string,
): Promise<StoredFile | undefined> {
  const file = ws.files.get(fileId);
  if (!file || file.completed) return undefined;
  file.bytes = await uploadedBytes(raw, contentType);
  return file;
}
