/**
 * The host's side of the engine channel against a scripted engine side: what crosses for a call,
 * a file registration and a print request, and what callers see when the engine has gone.
 */
import { describe, expect, it } from 'vitest';
import { connectEngine } from '../../../../../electron/engine/host/engine-client.js';
import type { FromEngine, ToEngine } from '../../../../../electron/engine/host/protocol.js';
import { ApiError } from '../../../../../shared/api/errors.js';

/** A channel whose engine side records what it got and answers through `reply`. */
function scriptedEngine(reply: (message: ToEngine, send: (message: FromEngine) => void) => void) {
  const received: ToEngine[] = [];
  let toHost: (message: FromEngine) => void = () => {};
  const send = (message: FromEngine) => queueMicrotask(() => toHost(message));
  const channel = {
    post: (message: ToEngine) => {
      received.push(message);
      reply(message, send);
    },
    listen: (listener: (message: FromEngine) => void) => {
      toHost = listener;
    },
  };
  return { channel, received, send };
}

describe('connectEngine', () => {
  it('posts each Api call with its own id and resolves with its reply; failures keep their code', async () => {
    const { channel, received } = scriptedEngine((message, send) => {
      if (message.kind !== 'call') return;
      send(
        message.method === 'getProject'
          ? { kind: 'reply', id: message.id, envelope: { ok: true, value: { name: 'town' } } }
          : {
              kind: 'reply',
              id: message.id,
              envelope: { ok: false, error: { code: 'no-project', message: 'Open a project.' } },
            },
      );
    });
    const engine = connectEngine(channel);
    const [a, b] = await Promise.allSettled([engine.api.getProject({}), engine.api.listDatasets({})]);
    expect(a).toEqual({ status: 'fulfilled', value: { name: 'town' } });
    expect(b.status === 'rejected' && b.reason).toBeInstanceOf(ApiError);
    expect(b.status === 'rejected' && b.reason).toMatchObject({ code: 'no-project' });
    expect(received.map((m) => m.kind === 'call' && [m.id, m.method])).toEqual([
      [1, 'getProject'],
      [2, 'listDatasets'],
    ]);
  });

  it('registers files on the host side and tells the engine first, with the mode', () => {
    const { channel, received } = scriptedEngine(() => {});
    const engine = connectEngine(channel);
    const read = engine.files.register('/data/extract.csv');
    const write = engine.files.registerTarget('/out/profile.pdf', 'Profile.pdf');
    expect(received).toEqual([
      { kind: 'adopt', ref: read, path: '/data/extract.csv' },
      { kind: 'adopt', ref: write, path: '/out/profile.pdf' },
    ]);
    expect([read.mode, write.mode]).toEqual(['read', 'write']);
    expect(() => engine.files.resolveTarget(read)).toThrow(
      expect.objectContaining({ code: 'invalid-argument' }),
    );
  });

  it('answers the engine’s print request with the host’s printer, and refuses when it has none', async () => {
    const printed: [string, string][] = [];
    const pdf = Uint8Array.from([37, 80, 68, 70]);
    const hostReplies: ToEngine[] = [];
    const run = async (printPdf?: (html: string, o: { marking: string }) => Promise<Uint8Array>) => {
      const { channel, received, send } = scriptedEngine(() => {});
      connectEngine(channel, printPdf ? { printPdf } : {});
      send({ kind: 'host-call', id: 7, name: 'printPdf', html: '<p>x</p>', marking: 'OFFICIAL' });
      await new Promise((resolve) => setTimeout(resolve, 0));
      hostReplies.push(...received);
    };
    await run(async (html, { marking }) => {
      printed.push([html, marking]);
      return pdf;
    });
    await run();
    expect(printed).toEqual([['<p>x</p>', 'OFFICIAL']]);
    expect(hostReplies).toEqual([
      { kind: 'host-reply', id: 7, envelope: { ok: true, value: pdf } },
      {
        kind: 'host-reply',
        id: 7,
        envelope: { ok: false, error: { code: 'failed', message: 'This host cannot print PDFs.' } },
      },
    ]);
  });

  it('fails calls in flight and later calls when the engine has gone, instead of hanging', async () => {
    const { channel, received } = scriptedEngine(() => {});
    const engine = connectEngine(channel);
    const inFlight = engine.api.getProject({});
    engine.fail('The engine has stopped.');
    await expect(inFlight).rejects.toMatchObject({ code: 'failed', message: 'The engine has stopped.' });
    await expect(engine.api.getProject({})).rejects.toMatchObject({ code: 'failed' });
    expect(received).toHaveLength(1);
  });

  it('passes engine events to subscribers until they unsubscribe', async () => {
    const { channel, send } = scriptedEngine(() => {});
    const engine = connectEngine(channel);
    const seen: unknown[] = [];
    const off = engine.events.subscribe((event) => seen.push(event));
    send({ kind: 'event', event: { type: 'project', reason: 'opened' } });
    await Promise.resolve();
    off();
    send({ kind: 'event', event: { type: 'project', reason: 'closed' } });
    await Promise.resolve();
    expect(seen).toEqual([{ type: 'project', reason: 'opened' }]);
  });
});
