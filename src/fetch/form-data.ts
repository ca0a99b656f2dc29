/**
 * Seed 003's multipart requests: "the json data request part must be of type
 * `application/json`. The binary data must be sent as a separate part of the request."
 */

/** How to build the form. */
export interface FormDataOptions {
  /** The name of the JSON part (seed 003's example calls it `data`). @default 'data' */
  readonly jsonPart?: string | undefined;
}

/** A file as React Native's FormData takes it: a local `uri` its native side reads, with a name and a type. */
export interface NativeFile {
  readonly uri: string;
  readonly name?: string | undefined;
  readonly type?: string | undefined;
}

/** React Native names itself in `navigator.product`. */
const isReactNative = (): boolean => typeof navigator !== 'undefined' && navigator.product === 'ReactNative';

/**
 * A `multipart/form-data` body: `json` as one part of type `application/json` (none when `json`
 * is `undefined`), then each file as a binary part under its key (a `File` keeps its own name);
 * `files` left out or `undefined` (`null` too, from JavaScript) sends the JSON part alone.
 * Send it as `body`, without a `Content-Type`: `fetch` writes the boundary. In React Native, a
 * file is a `{uri, name, type}` and the JSON part goes as text of its type: its native side sends
 * no Blob ("Unrecognized FormData part" on Android).
 * @example
 * await api.post('/documents', { body: toFormData({ title: 'Contract' }, { document: pdf }) });
 */
export function toFormData(json: unknown, files?: Readonly<Record<string, Blob | NativeFile>> | undefined, options?: FormDataOptions): FormData {
  // `null` means none, as for the client's options. A list's files went as parts named "0", "1",
  // a number or function was dropped unsaid, a text failed on its letters ("0 must be a Blob"): said at once.
  if (files != null && (typeof files !== 'object' || Array.isArray(files))) throw new TypeError(`files must be a record of part names to Blobs or Files, not ${Array.isArray(files) ? 'an array' : `a ${typeof files}`}`);
  const form = new FormData();
  const native = isReactNative();
  // `undefined` is no JSON (JSON.stringify gives it back, not text): a form of files alone has no JSON part.
  if (json !== undefined) {
    const text = JSON.stringify(json);
    // React Native's FormData takes a part as `{string, type}` and sends it with that type.
    form.append(options?.jsonPart ?? 'data', native ? ({ string: text, type: 'application/json' } as unknown as Blob) : new Blob([text], { type: 'application/json' }));
  }
  if (files == null) return form;
  for (const name of Object.keys(files)) {
    const file = files[name]!;
    if (native && typeof (file as Partial<NativeFile> | null)?.uri === 'string') form.append(name, file as unknown as Blob);
    else if (typeof File === 'function' && file instanceof File) form.append(name, file, file.name);
    // A Blob by shape, of any realm; any other value was sent as the text "[object Object]".
    else if (typeof (file as Partial<Blob> | null)?.arrayBuffer === 'function') form.append(name, file as Blob, name);
    else throw new TypeError(`${name} must be a Blob or a File, or in React Native a { uri, name, type }`);
  }
  return form;
}
