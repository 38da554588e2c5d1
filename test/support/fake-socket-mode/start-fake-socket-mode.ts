// A Slack Socket Mode stand-in on 127.0.0.1: apps.connections.open tickets, hello, envelopes, acks, disconnects.
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  ACK_DEADLINE_MS,
  type AckProblems,
  clock,
  type EnvelopeRecord,
  envelopeMessage,
  MAX_RETRIES,
  newEnvelope,
} from './envelope-book.js';
import type { FakeSocketMode, SocketConnectionRecord } from './fake-socket-mode-types.js';

export type { DisconnectReason, FakeSocketMode, SocketConnectionRecord } from './fake-socket-mode-types.js';

/** Starts the fake on 127.0.0.1; `appToken` is the only token `apps.connections.open` accepts (any `xapp-…` if unset). */
export async function startFakeSocketMode(
  options: { appToken?: string; appId?: string } = {},
): Promise<FakeSocketMode> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/link/' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const { port } = wss.address() as AddressInfo;
  const envelopes: EnvelopeRecord[] = [];
  const connections: SocketConnectionRecord[] = [];
  const problems: AckProblems = { late: [], stray: [], unaccepted: [] };
  const tickets = new Set<string>();
  const open = new Map<number, WebSocket>();
  let enabled = true;
  let lose = 0;
  let nextTicket = 1;
  const waiters: (() => void)[] = [];

  const current = (): [number, WebSocket] | undefined => [...open].at(-1);

  function send(record: EnvelopeRecord, reason: string): void {
    const target = current();
    if (!target || record.done) return; // sent when a connection says hello
    const [connection, ws] = target;
    const delivery = { attempt: record.deliveries.length, connection, at: clock(), reason };
    record.deliveries.push(delivery);
    ws.send(envelopeMessage(record, delivery));
    clearTimeout(record.timer);
    record.timer = setTimeout(() => {
      problems.late.push(record.envelopeId);
      if (record.deliveries.length > MAX_RETRIES) record.settle(null);
      else send(record, 'timeout');
    }, ACK_DEADLINE_MS);
  }

  function onAck(text: string): void {
    let message: { envelope_id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return void problems.stray.push(`not JSON: ${text.slice(0, 40)}`);
    }
    const record = envelopes.find((e) => e.envelopeId === message.envelope_id);
    if (!record) return void problems.stray.push(String(message.envelope_id));
    const payload = (typeof message.payload === 'object' && message.payload) || {};
    const last = record.deliveries.at(-1)?.at ?? clock();
    const ack = {
      at: clock(),
      payload: payload as Record<string, unknown>,
      afterMs: clock() - last,
      lost: lose > 0,
    };
    record.acks.push(ack);
    if (ack.lost) {
      lose -= 1;
      return;
    }
    if (ack.afterMs > ACK_DEADLINE_MS) problems.late.push(record.envelopeId);
    if (!record.acceptsResponsePayload && Object.keys(payload).length > 0)
      problems.unaccepted.push(record.envelopeId);
    if (!record.done) record.settle(ack.payload);
  }

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const ticket = new URL(req.url ?? '/', 'ws://local').searchParams.get('ticket') ?? '';
    if (!tickets.delete(ticket)) return void ws.close(1008, 'invalid ticket');
    const record: SocketConnectionRecord = { id: connections.length + 1, openedAt: clock() };
    connections.push(record);
    open.set(record.id, ws);
    ws.on('message', (data) => onAck(data.toString()));
    ws.on('close', () => {
      open.delete(record.id);
      record.closedAt = clock();
      record.end ??= 'closed';
      // What was written to this connection and never acked goes out again on the next one.
      for (const e of envelopes.filter((x) => !x.done && x.deliveries.at(-1)?.connection === record.id)) {
        clearTimeout(e.timer);
      }
    });
    const pinger = setInterval(() => ws.ping(), 5_000);
    pinger.unref();
    ws.on('close', () => clearInterval(pinger));
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: open.size,
        debug_info: { host: 'fake-socket-mode', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: options.appId ?? 'AFAKEAPP' },
      }),
    );
    // Never sent (no socket then), or sent on a socket that is gone: out on this one.
    const waiting = envelopes.filter((x) => {
      const last = x.deliveries.at(-1);
      return !x.done && (!last || !open.has(last.connection));
    });
    for (const e of waiting) send(e, e.deliveries.length > 0 ? 'connection_lost' : '');
    for (const wake of waiters.splice(0)) wake();
  });

  return {
    envelopes,
    connections,
    problems,
    openConnection(token) {
      if (!token?.startsWith('xapp-'))
        return { ok: false, error: token ? 'not_allowed_token_type' : 'not_authed' };
      if (options.appToken && token !== options.appToken) return { ok: false, error: 'invalid_auth' };
      if (!enabled) return { ok: false, error: 'socket_mode_disabled' };
      const ticket = `t${nextTicket++}-${Math.random().toString(36).slice(2)}`;
      tickets.add(ticket);
      return {
        ok: true,
        url: `ws://127.0.0.1:${port}/link/?ticket=${ticket}&app_id=${options.appId ?? 'AFAKEAPP'}`,
      };
    },
    async deliver(type, payload) {
      const record = newEnvelope(type, payload);
      envelopes.push(record);
      send(record, '');
      await record.acked;
      return record;
    },
    disconnect(reason) {
      if (reason === 'link_disabled') enabled = false;
      const message = JSON.stringify({
        type: 'disconnect',
        reason,
        debug_info: { host: 'fake-socket-mode' },
      });
      for (const ws of open.values()) ws.send(message);
    },
    dropSocket() {
      for (const [id, ws] of open) {
        const record = connections.find((c) => c.id === id);
        if (record) record.end = 'dropped';
        ws.terminate();
      }
    },
    loseNextAcks(n) {
      lose += n;
    },
    enable() {
      enabled = true;
    },
    waitForConnections(count, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`fewer than ${count} Socket Mode connections in ${timeoutMs} ms`)),
          timeoutMs,
        );
        const check = () => {
          if (connections.length >= count && open.size > 0) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      });
    },
    isConnected: () => open.size > 0,
    async close() {
      for (const e of envelopes) clearTimeout(e.timer);
      for (const ws of open.values()) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
