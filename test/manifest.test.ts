/**
 * @jest-environment jsdom
 *
 * Offline check of manifest.xml (Microsoft's validation service needs the
 * network): required elements in schema order, resource references, https
 * URLs, and icon files of the declared pixel size.
 */
import * as fs from 'fs';
import * as path from 'path';
import { EXCEL_API } from '../src/excel/requirements';

const ROOT = path.resolve(__dirname, '..');
const DEV_URL = 'https://localhost:3000/';
const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  overrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(xml, 'application/xml');
const root = doc.documentElement;

const children = (parent: Element, ns = NS.app) =>
  Array.from(parent.children).filter((c) => c.namespaceURI === ns);
function child(parent: Element, name: string, ns = NS.app): Element {
  const found = children(parent, ns).filter((c) => c.localName === name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${parent.localName}>, found ${found.length}`);
  return found[0];
}
const all = (name: string, ns: string) => Array.from(doc.getElementsByTagNameNS(ns, name));
const xsiType = (el: Element) => el.getAttributeNS(NS.xsi, 'type');
const defaultValue = (el: Element) => el.getAttribute('DefaultValue') ?? '';

/** Resource id → DefaultValue, per resource kind. */
function resources(kind: 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings'): Map<string, string> {
  const group = all(kind, NS.bt);
  expect(group).toHaveLength(1);
  return new Map(Array.from(group[0].children).map((el) => [el.getAttribute('id') ?? '', defaultValue(el)]));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function assetFor(url: string): string {
  expect(url.startsWith(DEV_URL)).toBe(true);
  return path.join(ROOT, url.slice(DEV_URL.length));
}

describe('manifest.xml', () => {
  test('is well-formed XML for a task pane add-in', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(root.namespaceURI).toBe(NS.app);
    expect(root.localName).toBe('OfficeApp');
    expect(xsiType(root)).toBe('TaskPaneApp');
  });

  test('has the required elements in the order the schema demands', () => {
    expect(children(root).map((c) => c.localName)).toEqual([
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
    ]);
    expect(children(root, NS.overrides).map((c) => c.localName)).toEqual(['VersionOverrides']);
    expect(child(root, 'Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, 'Version').textContent).toMatch(/^\d+(\.\d+){0,3}$/);
    expect(child(root, 'ProviderName').textContent?.trim()).not.toBe('');
    expect(child(root, 'DefaultLocale').textContent).toBe('vi-VN');
    expect(defaultValue(child(root, 'DisplayName'))).toBe('Chấm điểm thi đua');
    expect(defaultValue(child(root, 'Description')).length).toBeGreaterThan(0);
    expect(defaultValue(child(root, 'Description')).length).toBeLessThanOrEqual(250);
  });

  test('targets Excel workbooks with the ExcelApi set the pane checks at runtime (1.8), and may write the document', () => {
    const hosts = children(child(root, 'Hosts'));
    expect(hosts.map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    const sets = children(child(child(root, 'Requirements'), 'Sets'));
    expect(sets.map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toEqual([['ExcelApi', EXCEL_API.minimum]]);
    expect(EXCEL_API.minimum).toBe('1.8');
    expect(child(root, 'Permissions').textContent).toBe('ReadWriteDocument');
    expect(defaultValue(child(child(root, 'DefaultSettings'), 'SourceLocation'))).toBe(`${DEV_URL}taskpane.html`);
  });

  test('puts a "Chấm điểm thi đua" button on the Home tab that shows the task pane', () => {
    const overrides = child(root, 'VersionOverrides', NS.overrides);
    expect(xsiType(overrides)).toBe('VersionOverridesV1_0');
    const host = child(child(overrides, 'Hosts', NS.overrides), 'Host', NS.overrides);
    expect(xsiType(host)).toBe('Workbook');
    const surface = all('ExtensionPoint', NS.overrides);
    expect(surface.map(xsiType)).toEqual(['PrimaryCommandSurface']);
    const tab = child(surface[0], 'OfficeTab', NS.overrides);
    expect(tab.getAttribute('id')).toBe('TabHome');
    const buttons = all('Control', NS.overrides).filter((c) => xsiType(c) === 'Button');
    expect(buttons).toHaveLength(1);
    const [button] = buttons;
    expect(tab.contains(button)).toBe(true);

    const label = child(button, 'Label', NS.overrides).getAttribute('resid')!;
    expect(resources('ShortStrings').get(label)).toBe('Chấm điểm thi đua');
    const action = child(button, 'Action', NS.overrides);
    expect(xsiType(action)).toBe('ShowTaskpane');
    const source = child(action, 'SourceLocation', NS.overrides).getAttribute('resid')!;
    expect(resources('Urls').get(source)).toBe(`${DEV_URL}taskpane.html`);
  });

  test('every resource reference resolves, and strings fit their limits', () => {
    const known = new Set([
      ...resources('Images').keys(),
      ...resources('Urls').keys(),
      ...resources('ShortStrings').keys(),
      ...resources('LongStrings').keys(),
    ]);
    const referenced = Array.from(doc.getElementsByTagName('*'))
      .map((el) => el.getAttribute('resid'))
      .filter((id): id is string => id !== null);
    expect(referenced.length).toBeGreaterThan(5);
    expect(referenced.filter((id) => !known.has(id))).toEqual([]);
    for (const text of resources('ShortStrings').values()) expect(text.length).toBeLessThanOrEqual(125);
    for (const text of resources('LongStrings').values()) expect(text.length).toBeLessThanOrEqual(250);
  });

  test('all text is NFC', () => {
    expect(xml).toBe(xml.normalize('NFC'));
  });

  test('every URL is https and under the dev URL the build rewrites', () => {
    const urls = [
      ...Array.from(doc.getElementsByTagName('*'))
        .map((el) => el.getAttribute('DefaultValue') ?? '')
        .filter((v) => /^[a-z]+:\/\//i.test(v)),
      ...all('AppDomain', NS.app).map((el) => el.textContent ?? ''),
    ];
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      expect(new URL(url).protocol).toBe('https:');
      expect(`${url}/`.startsWith(DEV_URL)).toBe(true);
    }
  });

  test('every icon is a PNG in assets/ of the size it is declared at', () => {
    const declared: [string, number][] = [
      [defaultValue(child(root, 'IconUrl')), 32],
      [defaultValue(child(root, 'HighResolutionIconUrl')), 64],
    ];
    const images = resources('Images');
    for (const img of all('Image', NS.bt).filter((el) => el.hasAttribute('size'))) {
      declared.push([images.get(img.getAttribute('resid')!)!, Number(img.getAttribute('size'))]);
    }
    expect(new Set(declared.map(([, size]) => size))).toEqual(new Set([16, 32, 64, 80]));
    for (const [url, size] of declared) {
      const file = assetFor(url);
      expect(path.dirname(file)).toBe(path.join(ROOT, 'assets'));
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });
});
