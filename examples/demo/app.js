/**
 * The demo page: what a frontend writes with faultline. Every answer, in whichever dialect,
 * arrives as one `ApiResult`; the page never looks at a dialect's own body shape.
 * Server text is shown with `textContent` only, never as markup.
 */
import { createClient, toFormData } from '/dist/fetch.js';
import { createLocalizer, negotiateLanguage, supportedLanguages } from '/dist/i18n.js';

const demoApiKey = 'demo-key';
const $ = (selector) => document.querySelector(selector);

/** Makes an element with text (never HTML) and children. */
function element(tag, text, ...children) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  node.append(...children);
  return node;
}

// ---------------------------------------------------------------------------------------------
// Language: the 15 languages and 6 variants of seed 003, each locale fetched when picked.

const localizer = createLocalizer();
const loadedLocales = new Set();
let language = 'en';

async function loadLocale(tag) {
  if (loadedLocales.has(tag)) return;
  const response = await fetch(`/locales/${tag}.json`);
  if (!response.ok) throw new Error(`No texts for ${tag}`);
  localizer.addLocale(tag, await response.json());
  loadedLocales.add(tag);
}

/** A variant holds only what differs from its language: load both, and English, the fallback. */
async function useLanguage(tag) {
  const base = tag.split('-')[0];
  await Promise.all([...new Set(['en', base, tag])].map(loadLocale));
  language = tag;
  document.documentElement.lang = tag;
  for (const render of rerenders.values()) render();
}

/** What is on screen in a language, drawn again when the language changes. */
const rerenders = new Map();
const show = (key, render) => {
  rerenders.set(key, render);
  render();
};

/** One client per API; `language` is sent as Accept-Language. A relative base URL is the page's origin. */
const clientFor = (family, options = {}) => createClient({
  baseUrl: `/api/${family}/`,
  apiKey: family === '003' ? demoApiKey : undefined,
  language,
  ...options,
});

// ---------------------------------------------------------------------------------------------
// Showing an error

/** An error box: faultline's title and description in the user's language, the server's detail as written. */
function renderError(container, error) {
  const localized = localizer.localize(error, language);
  const ids = [
    localized.status === undefined ? undefined : `HTTP ${localized.status}`,
    `kind ${localized.kind}`,
    `dialect ${localized.dialect}`,
    localized.code === undefined ? undefined : `code ${localized.code}`,
    localized.requestId === undefined ? undefined : `request id ${localized.requestId}`,
  ].filter((part) => part !== undefined);
  const box = element('div', undefined, element('strong', localized.title));
  box.className = 'error';
  if (localized.detail !== undefined) box.append(element('p', localized.detail));
  box.append(element('p', localizer.describe(localized, language)));
  const advice = localizer.retryAdvice(localized, language);
  if (advice !== undefined) box.append(element('p', advice));
  box.append(element('p', ids.join(' · ')));
  box.lastChild.className = 'meta';
  container.replaceChildren(box);
  return localized;
}

/** Marks each issue next to its input (issue.path[0] names it); the rest go under the form. */
function markFields(form, issues) {
  for (const slot of form.querySelectorAll('[data-error-for]')) slot.textContent = '';
  for (const input of form.querySelectorAll('input')) input.removeAttribute('aria-invalid');
  const unplaced = [];
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (slot === null) {
      unplaced.push(issue);
      continue;
    }
    slot.textContent = slot.textContent === '' ? issue.message : `${slot.textContent} ${issue.message}`;
    form.elements.namedItem(name)?.setAttribute('aria-invalid', 'true');
  }
  return unplaced;
}

// ---------------------------------------------------------------------------------------------
// 1. The form

$('#customer-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const family = $('#dialect').value;
  const field = (name) => form.elements.namedItem(name).value;
  const json = { name: field('name'), email: field('email') };
  const result = await clientFor(family).post('customers', { json });
  $('#form-raw').textContent = JSON.stringify(result.ok ? result.value.body : result.error.body, null, 2);
  show('form', () => {
    if (result.ok) {
      markFields(form, []);
      const saved = result.value.data;
      $('#form-result').replaceChildren(element('p', `Created customer ${saved.id} (${saved.name}, ${saved.email}) — HTTP ${result.value.status}, dialect ${result.value.dialect}`));
      $('#form-result').firstChild.className = 'success';
      return;
    }
    const localized = renderError($('#form-result'), result.error);
    const unplaced = markFields(form, localized.issues);
    if (unplaced.length > 0) $('#form-result').append(element('ul', undefined, ...unplaced.map((issue) => element('li', issue.message))));
  });
});

// ---------------------------------------------------------------------------------------------
// 2. The rate limit: wait what the server says (error.retryAfterMs), then retry by ourselves.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function countDown(ms, display) {
  const end = Date.now() + ms;
  for (let left = ms; left > 0; left = end - Date.now()) {
    display.textContent = `⏳ ${Math.ceil(left / 1000)} s`;
    await sleep(Math.min(left, 250));
  }
  display.textContent = '';
}

// Handlers keep the elements they started with: a wait may outlast the page (a reload, a test).
$('#ping').addEventListener('click', async (event) => {
  const button = event.currentTarget;
  button.disabled = true;
  const [logElement, errorElement, countdownElement] = [$('#ping-log'), $('#ping-error'), $('#countdown')];
  const log = (line) => (logElement.textContent += `${new Date().toLocaleTimeString()}  ${line}\n`);
  // retry: 0 — this page shows the wait itself instead of letting the client wait quietly.
  const api = clientFor('000', { retry: 0 });
  try {
    for (let sent = 1; sent <= 5; sent++) {
      const result = await api.get('ping');
      if (result.ok) {
        log(`#${sent} ok`);
        rerenders.delete('ping');
        errorElement.replaceChildren();
        continue;
      }
      const error = result.error;
      const remaining = error.rateLimit?.remaining;
      log(`#${sent} ${error.status ?? ''} ${error.kind}${remaining === undefined ? '' : `, ${remaining} left`}`);
      show('ping', () => renderError(errorElement, error));
      // Only a rate limit that says when is worth waiting for; anything else stays on screen.
      if (error.kind !== 'rate_limited' || error.retryAfterMs === undefined) break;
      await countDown(error.retryAfterMs, countdownElement);
      sent--; // the same request again
    }
  } finally {
    button.disabled = false;
  }
});

// ---------------------------------------------------------------------------------------------
// 3. The list, chunk by chunk (seed 003's offset and sliceSize).

$('#load-customers').addEventListener('click', async (event) => {
  const button = event.currentTarget;
  button.disabled = true;
  const [list, errorElement, status] = [$('#customers'), $('#customers-error'), $('#chunk-status')];
  list.replaceChildren();
  errorElement.replaceChildren();
  const api = clientFor('003', {
    onRetry: ({ error, delayMs }) => (status.textContent = `${error.status} ${error.kind}: the client retries in ${delayMs} ms…`),
  });
  const customers = api.paginate('customers', { sliceSize: 5 });
  try {
    for await (const chunk of customers.pages()) {
      list.append(...chunk.map((customer) => element('li', `${customer.firstName} ${customer.lastName} (${customer.id})`)));
      status.textContent = `chunk ${customers.progress.pages}: ${chunk.length} customers, ${customers.progress.items} so far`;
      await sleep(300); // slow enough to watch
    }
    status.textContent = `${customers.progress.items} customers in ${customers.progress.pages} chunks`;
  } catch (thrown) {
    // paginate throws a ResponseError whose .error is the model.
    if (thrown?.error === undefined) throw thrown;
    show('customers', () => renderError(errorElement, thrown.error));
  } finally {
    button.disabled = false;
  }
});

// ---------------------------------------------------------------------------------------------
// 4. The batch import (seed 004): failures[].index names the row.

$('#import').addEventListener('click', async () => {
  const lines = $('#batch-rows').value.split('\n').filter((line) => line.trim() !== '');
  const rows = lines.map((line) => {
    const [name = '', email = ''] = line.split(',').map((part) => part.trim());
    return { name, email };
  });
  const result = await clientFor('004').post('contacts/batch', { json: rows });
  show('batch', () => {
    const container = $('#batch-result');
    if (result.ok) {
      const saved = result.value.data;
      container.replaceChildren(element('p', `All ${saved.length} rows saved (ids ${saved.map((contact) => contact.id).join(', ')}).`));
      container.firstChild.className = 'success';
      return;
    }
    const localized = renderError(container, result.error);
    const reasons = new Map(localized.failures.map((failure) => [failure.index, failure.issues]));
    const table = element('table', undefined, element('tr', undefined, element('th', 'row'), element('th', 'name'), element('th', 'email'), element('th', 'result')));
    rows.forEach((row, index) => {
      const issues = reasons.get(index);
      const outcome = issues === undefined ? 'valid (not saved: all or nothing)' : issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      const line = element('tr', undefined, element('td', String(index + 1)), element('td', row.name), element('td', row.email), element('td', outcome));
      if (issues !== undefined) line.className = 'failed';
      table.append(line);
    });
    container.append(table);
  });
});

// ---------------------------------------------------------------------------------------------
// 5. The upload: a JSON part and a file part (seed 003's multipart).

$('#upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const file = form.elements.namedItem('document').files[0];
  const body = toFormData({ title: form.elements.namedItem('title').value }, file === undefined ? {} : { document: file });
  const result = await clientFor('003').post('documents', { body });
  show('upload', () => {
    if (result.ok) {
      markFields(form, []);
      const saved = result.value.data;
      $('#upload-result').replaceChildren(element('p', `Saved document ${saved.id}: "${saved.title}", ${saved.fileName}, ${saved.size} bytes`));
      $('#upload-result').firstChild.className = 'success';
      return;
    }
    const localized = renderError($('#upload-result'), result.error);
    markFields(form, localized.issues);
  });
});

// ---------------------------------------------------------------------------------------------
// Start: the browser's language by seed 003's rules, and a picker over all of them.

const picker = $('#language');
const nameOf = (tag) => new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
picker.append(...supportedLanguages.map((tag) => {
  const option = element('option', `${tag} — ${nameOf(tag)}`);
  option.value = tag;
  return option;
}));
const initial = negotiateLanguage(navigator.languages.join(','));
picker.value = initial;
picker.addEventListener('change', () => void useLanguage(picker.value));
await useLanguage(initial);
