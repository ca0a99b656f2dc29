/**
 * Seed 003's multipart requests: "the json data request part must be of type
 * `application/json`. The binary data must be sent as a separate part of the request."
 */

/** How to build the form. */
export interface FormDataOptions {
  /** The name of the JSON part (seed 003's example calls it `data`). @default 'data' */
  readonly jsonPart?: string | undefined;
}

/**
 * A `multipart/form-data` body: `json` as one part of type `application/json` (none when `json`
 * is `undefined`), then each file as a binary part under its key (a `File` keeps its own name).
 * Send it as `body`, without a `Content-Type`: `fetch` writes the boundary.
 * @example
 * await api.post('/documents', { body: toFormData({ title: 'Contract' }, { document: pdf }) });
 */
export function toFormData(json: unknown, files: Readonly<Record<string, Blob>>, options?: FormDataOptions): FormData {
  const form = new FormData();
  // `undefined` is no JSON (JSON.stringify gives it back, not text): a form of files alone has no JSON part.
  if (json !== undefined) form.append(options?.jsonPart ?? 'data', new Blob([JSON.stringify(json)], { type: 'application/json' }));
  for (const name of Object.keys(files)) {
    const file = files[name]!;
    if (typeof File === 'function' && file instanceof File) form.append(name, file, file.name);
    else form.append(name, file, name);
  }
  return form;
}
