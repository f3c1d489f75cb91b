import type { FastifyReply } from 'fastify';
import { sendProblem } from './problem.js';

/**
 * Multipart refusals (too large, too many parts, not multipart) as problem+json naming `file`;
 * anything else is rethrown. One wording for every upload route (evidence, police attachments).
 */
export function refuseUpload(reply: FastifyReply, error: unknown, limitMb: number) {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return sendProblem(reply, 413, `file: larger than ${limitMb} MB`, [
      { field: 'file', message: `larger than ${limitMb} MB` },
    ]);
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return sendProblem(reply, 415, 'headers/content-type: send multipart/form-data with the field "file"', [
      { field: 'headers/content-type', message: 'must be multipart/form-data' },
    ]);
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return sendProblem(reply, 422, 'file: send exactly one file and no other fields', [
      { field: 'file', message: 'send exactly one file' },
    ]);
  throw error;
}
