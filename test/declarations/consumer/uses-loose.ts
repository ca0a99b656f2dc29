// A consumer without `strictNullChecks` (`strict: false`, as NestJS's default tsconfig sets it):
// TypeScript then narrows a union on `!result.ok` only when each branch declares the other's
// member, which ApiResult and processBatch's outcome do. Type-checked, never run.
import { normalize, type ApiError } from 'faultline';
import { processBatch } from 'faultline/server';
import { createClient } from 'faultline/fetch';

export async function narrowWithoutStrictNullChecks(): Promise<void> {
  const result = normalize({ status: 404 });
  if (!result.ok) {
    const kind: ApiError['kind'] = result.error.kind;
    console.log(kind);
  }
  if (result.ok) console.log(result.value.data);
  else console.log(result.error.title);
  const fetched = await createClient({ baseUrl: 'https://api.example.com' }).get('/customers');
  console.log(fetched.ok ? fetched.value.status : fetched.error.kind);
  const outcome = await processBatch([], { validate: () => [], save: (items) => items });
  console.log(outcome.ok ? outcome.data.length : outcome.error.failures.length);
}
