import { path, request } from '../api.js';
import type { Attachment } from '../types.js';

/** Sends an order or warrant PDF as multipart `file`; the server checks its content, not its name. */
export function uploadOrder(requestId: string, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<Attachment>(path`/police/api/requests/${requestId}/attachments`, {
    method: 'POST',
    body: form,
  });
}
