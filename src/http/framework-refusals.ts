import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FieldProblem } from '../errors.js';
import { problemBody, sendProblem } from './problem.js';

/**
 * Refusals made before a route runs, by Fastify's router or by Node's HTTP parser, leave as
 * problem+json like every other error instead of the frameworks' own JSON or bare text.
 */

/** Fastify's `frameworkErrors` option: a URL the router cannot decode, or a path parameter too long. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void sendProblem(reply, 414, 'params: a path segment is longer than any this API takes', [
      { field: 'params', message: 'is too long' },
    ]);
    return;
  }
  // FST_ERR_BAD_URL: a broken %-escape, or one that decodes to a broken Unicode character.
  void sendProblem(reply, 400, 'params: the path is not valid text', [
    { field: 'params', message: 'is not valid text (a broken %-escape or Unicode character)' },
  ]);
}

/**
 * What Node's parser refused, as [status, problem]. A header overflow whose request line alone takes
 * most of the limit is a URL too long (414); otherwise the headers are (431). Node counts both
 * against one limit, so the request line's length is the only way to tell them apart.
 */
function parserRefusal(error: ConnectionError): { status: number; detail: string; errors: FieldProblem[] } {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return { status: 408, detail: 'the request took too long to arrive', errors: [] };
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    // Fastify's type says a serialized buffer; Node hands over the Buffer being parsed.
    const raw: unknown = error.rawPacket;
    const lineEnd = Buffer.isBuffer(raw) ? raw.indexOf('\r\n') : -1;
    if (lineEnd === -1 || lineEnd > maxHeaderSize / 2)
      return {
        status: 414,
        detail: 'the URL is longer than this API accepts',
        errors: [{ field: 'query', message: 'the URL is too long' }],
      };
    return {
      status: 431,
      detail: `headers: together larger than ${maxHeaderSize} bytes`,
      errors: [{ field: 'headers', message: 'are too large' }],
    };
  }
  if (error.code === 'HPE_INVALID_HEADER_TOKEN' || error.code === 'HPE_INVALID_HEADER_VALUE')
    return {
      status: 400,
      detail: 'headers: a header is not valid (a NUL or control character, or a bad name)',
      errors: [{ field: 'headers', message: 'has a header that is not valid' }],
    };
  return { status: 400, detail: 'the request is not valid HTTP', errors: [] };
}

/**
 * Fastify's `clientErrorHandler`: Node raises these before there is a request or reply, so the
 * answer is written to the socket by hand, then the connection is closed (the parser is lost).
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { status, detail, errors } = parserRefusal(error);
    const body = JSON.stringify(problemBody(status, detail, errors));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
