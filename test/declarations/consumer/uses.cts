// The CommonJS declarations (`require`: index.d.cts, fetch.d.cts), checked as uses.ts checks the ES ones.
import { normalize, type HeadersInput } from 'faultline';
import type { BodyInput } from 'faultline/fetch';

const headers: HeadersInput = [['x-request-id', 'a1']];
normalize({ status: 404, headers });
// @ts-expect-error -- a number is no headers
normalize({ status: 404, headers: 42 });
export const body: BodyInput = new Uint8Array(4);
// @ts-expect-error -- a plain object is no body
export const notBody: BodyInput = { name: 'report' };
