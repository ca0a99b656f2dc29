/**
 * lib.dom's `HeadersInit` and `BodyInit` under faultline's own names. The published declarations
 * must compile without the DOM lib: a Node-only project (`"lib": ["es2022"]`, `@types/node`) has
 * `Headers`, `Blob`, `FormData`, `URLSearchParams` and `ReadableStream`, but neither alias — it
 * would read `Cannot find name 'HeadersInit'`, or with `skipLibCheck` silently get `any`.
 */

/**
 * A `Headers` of another implementation (node-fetch's, a polyfill's, another realm's), which is
 * no `instanceof Headers` and which faultline reads by this shape.
 */
export interface HeadersShape {
  forEach(callback: (value: string, name: string) => void): void;
}

/**
 * Headers as `new Headers(init)` takes them in every runtime: a `Headers`, `[name, value]` pairs
 * or a record. The same union as lib.dom's `HeadersInit`, so a `HeadersInit` value is accepted,
 * and a `HeadersInput` passes to `fetch` and `new Headers` as it is.
 */
export type HeadersInput = [string, string][] | Record<string, string> | Headers;

/**
 * Headers as faultline takes them: {@link HeadersInput} in its read-only forms (pairs `as const`
 * too), or a `Headers` of another implementation, read by its shape ({@link HeadersShape}).
 */
export type AnyHeaders = readonly (readonly [string, string])[] | Readonly<Record<string, string>> | Headers | HeadersShape;

/**
 * A request body as `fetch` sends it in every runtime: text, bytes, a `Blob`, `FormData`,
 * `URLSearchParams` or a `ReadableStream`; `null` for none. The same union as lib.dom's
 * `BodyInit | null`, so a `BodyInit` value is accepted. Its bytes are an `ArrayBuffer` or a view
 * of one — lib.dom's `ArrayBufferView<ArrayBuffer>`, spelt without the type argument that
 * TypeScript before 5.7 refuses; a view of a `SharedArrayBuffer` is left out, as fetch refuses it.
 */
export type BodyInput = string | ArrayBuffer | (ArrayBufferView & { readonly buffer: ArrayBuffer }) | Blob | FormData | URLSearchParams | ReadableStream | null;
