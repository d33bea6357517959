import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { signUp, TEST_PASSWORD, type SignedUp } from '../../../test/identity.js';
import { KNOWN_DEVICE_COOKIE } from './auth.routes.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: { RATE_LIMIT_AUTH_PER_IP: '10', RATE_LIMIT_AUTH_PER_ACCOUNT: '5', RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '20' },
  });
});
afterAll(() => t.close());

const newOwner = (): Promise<SignedUp> => signUp(t.app);

function login(email: string, password: string, from: string, knownDevice?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: from,
    payload: { email, password },
    ...(knownDevice ? { cookies: { [KNOWN_DEVICE_COOKIE]: knownDevice } } : {}),
  });
}

async function attack(email: string, attempts: number, from: (attempt: number) => string) {
  const answers = [];
  for (let attempt = 0; attempt < attempts; attempt++) answers.push(await login(email, 'not the password at all', from(attempt)));
  return answers;
}

const knownDeviceOf = (response: { cookies: { name: string; value: string }[] }) =>
  response.cookies.find((cookie) => cookie.name === KNOWN_DEVICE_COOKIE)?.value;

describe('sign-in limits', () => {
  it('let the owner sign in while an attacker fails 50 times from another address', async () => {
    const owner = await newOwner();
    const answers = await attack(owner.email, 50, () => '203.0.113.66');
    expect(answers.at(-1)!.statusCode).toBe(429);
    expect((await login(owner.email, TEST_PASSWORD, '198.51.100.7')).statusCode).toBe(200);
  });

  it('never count successful sign-ins: 20 in a row from one address all succeed', async () => {
    const owner = await newOwner();
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await login(owner.email, TEST_PASSWORD, '198.51.100.20')).statusCode).toBe(200);
    }
  });

  it('still stop an attacker with 429 and Retry-After, even once the right password is tried', async () => {
    const owner = await newOwner();
    const answers = await attack(owner.email, 6, () => '203.0.113.77');
    expect(answers.slice(0, 5).map((answer) => answer.statusCode)).toEqual([401, 401, 401, 401, 401]);
    expect(answers[5]!.statusCode).toBe(429);
    expect(answers[5]!.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect((await login(owner.email, TEST_PASSWORD, '203.0.113.77')).statusCode).toBe(429);
  });

  it('limit one address trying many accounts', async () => {
    const refused = [];
    for (let attempt = 0; attempt < 11; attempt++) refused.push((await login(`nobody-${attempt}@example.com`, 'wrong password', '203.0.113.88')).statusCode);
    expect(refused.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(refused[10]).toBe(429);
  });

  it('let a client that signed in before through when failures come from everywhere, but not a new client', async () => {
    const owner = await newOwner();
    const first = await login(owner.email, TEST_PASSWORD, '198.51.100.30');
    const device = knownDeviceOf(first);
    expect(device).toBeDefined();
    await attack(owner.email, 20, (attempt) => `203.0.113.${100 + attempt}`);

    expect((await login(owner.email, TEST_PASSWORD, '198.51.100.31')).statusCode).toBe(429);
    // The known device comes through, even from an address the attacker shares.
    expect((await login(owner.email, TEST_PASSWORD, '203.0.113.100', device)).statusCode).toBe(200);
    expect((await login(owner.email, TEST_PASSWORD, '198.51.100.31', `${device!.slice(0, -2)}xx`)).statusCode).toBe(429);
  });

  it('keep the known-device cookie for sign-in only, out of reach of scripts and other accounts', async () => {
    const [owner, other] = [await newOwner(), await newOwner()];
    const response = await login(owner.email, TEST_PASSWORD, '198.51.100.40');
    const cookie = response.cookies.find((candidate) => candidate.name === KNOWN_DEVICE_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth/login' });
    await attack(other.email, 20, (attempt) => `203.0.113.${150 + attempt}`);
    expect((await login(other.email, TEST_PASSWORD, '198.51.100.41', cookie!.value)).statusCode).toBe(429);
  });
});
