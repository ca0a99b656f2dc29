import { describe, expect, it } from 'vitest';
import { parseArguments, parseHeader, usage } from '../../src/cli/arguments.ts';

/** The sentence of a refused command line; fails the test when it was accepted. */
function refusal(argv: string[]): string {
  const parsed = parseArguments(argv);
  if (parsed.ok) throw new Error(`accepted: ${JSON.stringify(parsed.value)}`);
  return parsed.message;
}

describe('parseArguments', () => {
  it('reads inspect with a source and every option', () => {
    expect(parseArguments(['inspect', 'body.json', '--status', '404', '--header', 'Retry-After: 30', '-H', 'X-Request-Id:  r-1 ', '--lang', 'de-CH', '--json'])).toEqual({
      ok: true,
      value: { command: 'inspect', source: 'body.json', status: 404, headers: [['Retry-After', '30'], ['X-Request-Id', 'r-1']], language: 'de-CH', json: true },
    });
  });

  it('takes options before the source as well as after it', () => {
    expect(parseArguments(['--json', 'inspect', '--status=200', 'x.json'])).toEqual({ ok: true, value: { command: 'inspect', source: 'x.json', status: 200, headers: [], json: true } });
  });

  it('reads - as standard input and a URL as a source', () => {
    expect(parseArguments(['inspect', '-'])).toMatchObject({ ok: true, value: { source: '-' } });
    expect(parseArguments(['inspect', 'https://example.com/a?b=1'])).toMatchObject({ ok: true, value: { source: 'https://example.com/a?b=1' } });
  });

  it("reads a shell locale such as $LANG's de_CH.UTF-8 as the tag de-CH", () => {
    expect(parseArguments(['inspect', 'x', '--lang', 'de_CH'])).toMatchObject({ ok: true, value: { language: 'de-CH' } });
    expect(parseArguments(['inspect', 'x', '--lang', 'de_CH.UTF-8'])).toMatchObject({ ok: true, value: { language: 'de-CH' } });
    expect(parseArguments(['inspect', 'x', '--lang', 'fr_LU.utf8'])).toMatchObject({ ok: true, value: { language: 'fr-LU' } });
  });

  it('accepts an Accept-Language list as --lang', () => {
    expect(parseArguments(['inspect', 'x', '--lang', 'de-LU, fr;q=0.8'])).toMatchObject({ ok: true, value: { language: 'de-LU, fr;q=0.8' } });
  });

  it('answers --help and --version whatever else is given', () => {
    expect(parseArguments(['--help'])).toEqual({ ok: true, value: { command: 'help' } });
    expect(parseArguments(['inspect', '-h'])).toEqual({ ok: true, value: { command: 'help' } });
    expect(parseArguments(['--version'])).toEqual({ ok: true, value: { command: 'version' } });
  });

  it('names an unknown option', () => {
    expect(refusal(['inspect', 'x', '--colour'])).toBe("unknown option '--colour'");
    expect(refusal(['inspect', 'x', '-x'])).toBe("unknown option '-x'");
  });

  it('says when an option lacks its value or takes none', () => {
    expect(refusal(['inspect', 'x', '--status'])).toMatch(/--status <value>.*missing/);
    expect(refusal(['inspect', 'x', '--json=yes'])).toMatch(/--json.*does not take an argument/);
  });

  it('answers no arguments at all with the help, as a usage error, and reads help as --help', () => {
    expect(parseArguments([])).toEqual({ ok: true, value: { command: 'bare' } });
    expect(parseArguments(['help'])).toEqual({ ok: true, value: { command: 'help' } });
    expect(parseArguments(['help', 'inspect'])).toEqual({ ok: true, value: { command: 'help' } });
  });

  it('refuses a missing command, an unknown command, a missing source and a second source', () => {
    expect(refusal(['--json'])).toMatch(/command is missing/);
    expect(refusal(['show', 'x'])).toMatch(/unknown command "show"/);
    expect(refusal(['inspect'])).toMatch(/inspect needs a source/);
    expect(refusal(['inspect', 'a.json', 'b.json'])).toMatch(/one source, not also "b.json"/);
  });

  it('refuses a --status that is not an HTTP status', () => {
    for (const status of ['abc', '99', '600', '4040', '40.4', '']) expect(refusal(['inspect', 'x', '--status', status])).toMatch(/100 to 599/);
  });

  it('says that --status is empty, not that its code is a second source, for --status= 404', () => {
    expect(refusal(['inspect', 'x.json', '--status=', '404'])).toBe('--status needs an HTTP status from 100 to 599, but it is empty: write --status 404 or --status=404');
  });

  it('refuses an empty --lang', () => {
    expect(refusal(['inspect', 'x', '--lang', ' '])).toMatch(/--lang needs a language tag/);
    expect(refusal(['inspect', 'x', '--lang=', 'de'])).toMatch(/--lang needs a language tag/);
  });

  it('reads --timeout as seconds, and refuses one that is not a number above 0 or is over a day', () => {
    expect(parseArguments(['inspect', 'x', '--timeout', '5'])).toMatchObject({ ok: true, value: { timeoutMs: 5000 } });
    expect(parseArguments(['inspect', 'x', '--timeout=0.25'])).toMatchObject({ ok: true, value: { timeoutMs: 250 } });
    for (const timeout of ['0', '-1', 'abc', '', '1e3', '86401']) expect(refusal(['inspect', 'x', `--timeout=${timeout}`])).toBe(`--timeout needs a number of seconds above 0 and at most 86400, not "${timeout}"`);
  });

  it('keeps Node’s advice for a --header value that starts with a dash', () => {
    expect(refusal(['inspect', 'x', '-H', '--json'])).toBe("option '-H' argument is ambiguous; to specify an option argument starting with a dash use '--header=-XYZ' or '-H-XYZ'");
    expect(parseArguments(['inspect', 'x', '--header=-X: 1'])).toMatchObject({ ok: true, value: { headers: [['-X', '1']] } });
  });
});

describe('parseHeader', () => {
  it('splits a header at its first colon and trims the value', () => {
    expect(parseHeader('Link: <https://a.example/?p=2>; rel="next"')).toEqual(['Link', '<https://a.example/?p=2>; rel="next"']);
    expect(parseHeader('X-Empty:')).toEqual(['X-Empty', '']);
  });

  it('refuses a header without a name, with a name that is not a token, or with a line break', () => {
    expect(parseHeader('no colon')).toMatch(/needs "Name: value"/);
    expect(parseHeader(': value')).toMatch(/needs "Name: value"/);
    expect(parseHeader('Bad Name: value')).toMatch(/needs "Name: value"/);
    expect(parseHeader('X-Injected: a\r\nSet-Cookie: b')).toMatch(/line break/);
  });

  it('refuses a value with characters past Latin-1, naming the header, and takes Latin-1 ones', () => {
    expect(parseHeader('X-Name: 日本')).toBe('--header "X-Name" cannot hold "日": a header value holds only Latin-1 characters');
    expect(parseHeader('X-Mood: ok 🙂')).toBe('--header "X-Mood" cannot hold "🙂": a header value holds only Latin-1 characters');
    expect(parseHeader('X-Name: café')).toEqual(['X-Name', 'café']);
  });
});

describe('usage', () => {
  it('names the command, every option and every exit code', () => {
    for (const text of ['faultline inspect <file | url | ->', '--status', '--header', '--lang', '--timeout <seconds>', '(default 30)', '--json', '--help', '--version', 'curl -i']) expect(usage).toContain(text);
    for (const code of [0, 1, 2, 3, 4, 5, 6]) expect(usage).toMatch(new RegExp(`^  ${code}  `, 'm'));
  });
});
