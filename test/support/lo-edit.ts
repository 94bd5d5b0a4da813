/** A workbook edited in LibreOffice by its own commands, through UNO (lo_edit.py), as a user would. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The overwrite query would cancel a paste where nobody can answer it. */
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Input"><prop oor:name="ReplaceCellsWarning" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

export type LibreOfficeStep =
  | { op: 'cutPaste'; from: string; to: string }
  | { op: 'insertRows'; before: number; count: number }
  | { op: 'moveColumn'; from: number; before: number }
  | { op: 'unprotect' }
  /** Sheet ▸ Move or Copy Sheet into a new document; the steps after it, and the save, are on the copy. */
  | { op: 'copyToNewDocument' };

/** `source` edited in LibreOffice (a fresh profile in `dir` each time) and saved as .xlsx at `out`. */
export function editInLibreOffice(dir: string, source: string, out: string, sheet: string, steps: LibreOfficeStep[]): string {
  const profile = fs.mkdtempSync(path.join(dir, 'profile-'));
  fs.mkdirSync(path.join(profile, 'user'));
  fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
  const script = path.join(__dirname, 'lo_edit.py');
  const r = spawnSync('/usr/bin/python3', [script, profile, source, out, sheet, JSON.stringify(steps)], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`LibreOffice edit failed (${r.status}): ${r.stderr}`);
  return out;
}

/** Row heights (points) of `rows` before and after `text` is typed into `cell` in LibreOffice, as a user types it. */
export function typeInLibreOffice(
  dir: string,
  file: string,
  sheet: string,
  cell: string,
  text: string,
  rows: number[],
): { before: Record<string, number>; after: Record<string, number>; typed: boolean } {
  const profile = fs.mkdtempSync(path.join(dir, 'profile-'));
  const script = path.join(__dirname, 'lo_type.py');
  const r = spawnSync('/usr/bin/python3', [script, profile, file, sheet, cell, text, JSON.stringify(rows)], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`LibreOffice typing failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}
