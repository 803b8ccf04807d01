import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath, pngSize, runChromium } from './chromium.js';
import { ntk, repoRoot } from './run-ntk.js';

// Zoë's record: accented names, emoji in her own words, a note and a quotation in Urdu.
const record = 'fixtures/many-voices/ZK-07-2021-03-09.yaml';
const artifacts = join(repoRoot, 'test-artifacts');
const names = ['Zoë Łukasz-Dáithí', 'Siân', 'Łukasz', 'Dáithí', 'نانی فرزانہ'];
const urdu = 'نانی فرزانہ نے بتایا کہ زوئی ہر جمعہ کو ان کے گھر آتی ہے';
const childsWords = (yaml: string) => /x😀+/u.exec(yaml)![0];

describe('every character as written: Zoë in the terminal, in git diff, in Markdown', () => {
  it('ntk summary on an 80-column terminal: no U+FFFD, no line wider than 80 columns, her words whole', async () => {
    const r = await ntk(['summary', record, '--today', '2021-06-01'], { env: { COLUMNS: '80' } });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain('\uFFFD');
    expect(Math.max(...r.stdout.split('\n').map((l) => stringWidth(l)))).toBeLessThanOrEqual(80);
    for (const name of names) expect(r.stdout).toContain(name);
    expect(r.stdout.replace(/\s+/g, '')).toContain(childsWords(await readFile(join(repoRoot, record), 'utf8')));
    expect(r.stdout).toContain('"No more shouting 🙅🏽‍♀️🔇"');
  });

  it('ntk diff-textconv (what git diff shows): no U+FFFD, lines within 78 columns, the Urdu note whole', async () => {
    const r = await ntk(['diff-textconv', record]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain('\uFFFD');
    expect(Math.max(...r.stdout.split('\n').map((l) => stringWidth(l)))).toBeLessThanOrEqual(78);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(urdu);
    expect(r.stdout.replace(/\s+/g, '')).toContain(childsWords(await readFile(join(repoRoot, record), 'utf8')));
  });

  it('ntk summary --format markdown keeps every name, emoji and the Urdu text intact', async () => {
    const r = await ntk(['summary', record, '--format', 'markdown', '--today', '2021-06-01']);
    expect(r.exitCode).toBe(0);
    for (const name of names) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('"وہ بہت خوش بچی ہے"');
    expect(r.stdout).toContain('"Mummy does my hair 💇‍♀️ and Dáithí plays Lego with me 🧱🧱🧱"');
  });
});

// Skipped only on a developer's machine without Chromium; in CI a missing browser fails the run.
const skipBrowser = !chromiumAvailable && !process.env.CI;

describe.skipIf(skipBrowser)("Zoë's summary sheet as a page, in headless Chromium", () => {
  it('declares its language, isolates each free text for direction, and renders (screenshot kept in test-artifacts/)', { timeout: 90_000 }, async () => {
    if (!chromiumAvailable) throw new Error(`${chromiumPath} is not installed; .ci/run installs it (apt-get install chromium)`);
    await mkdir(artifacts, { recursive: true });
    const html = join(artifacts, 'summary-ZK-07.html');
    const r = await ntk(['summary', record, '--format', 'html', '--evidence', '--today', '2021-06-01', '--output', html, '--force']);
    expect(r.exitCode).toBe(0);
    const page = await readFile(html, 'utf8');
    expect(page).toContain('<html lang="en-GB">');
    expect(page).toContain('<bdi>Nani Farzana (نانی فرزانہ)</bdi>');
    // A paragraph of the child's words takes its own direction; the Urdu quotation sits in an English paragraph.
    expect(page).toMatch(/<p dir="auto">&quot;No more shouting 🙅🏽‍♀️🔇&quot;/u);
    expect(page).toContain('&quot;وہ بہت خوش بچی ہے&quot;');
    // Nani Farzana's words in Urdu are a paragraph of their own, laid out right to left.
    expect(page).toMatch(/<p dir="auto">نانی فرزانہ: زوئی کی ماں بہت محنت کرتی ہے۔[^<]*<\/p>/u);
    expect(page).not.toContain('\uFFFD');
    const png = join(artifacts, 'summary-ZK-07-screen.png');
    await runChromium(html, [`--screenshot=${png}`, '--window-size=1240,1754']);
    expect((await stat(png)).size).toBeGreaterThan(50_000);
    expect(pngSize(await readFile(png))).toEqual({ width: 1240, height: 1754 });
  });
});
