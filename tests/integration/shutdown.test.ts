import { request, type IncomingMessage } from 'node:http';
import { expect, it } from 'vitest';
import { startTestCore } from '../helpers/test-core';

it('closes promptly while a kiosk is still streaming a video (an open HTTP response)', async () => {
  const core = await startTestCore();
  // A 1.4 MB video read by a client that stops reading: the response stays open, as a paused
  // <video> element's does.
  const streaming = await new Promise<IncomingMessage>((resolve, reject) =>
    request(`${core.url}/media/helmet-saves-lives.webm`, (res) => {
      res.pause();
      resolve(res);
    })
      .on('error', reject)
      .end(),
  );
  expect(streaming.statusCode).toBe(200);
  const started = performance.now();
  await core.dispose();
  expect(performance.now() - started).toBeLessThan(5_000);
  streaming.destroy();
}, 30_000);
