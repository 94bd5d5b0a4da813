/**
 * The rubric read back from its rows (rows.ts): each row parsed by its kind,
 * placed under the row its "Thuộc" names, then the whole held against the
 * schema. Every problem is addressed to its row and field.
 */
import { RUBRIC_SHEET_TEXT as T } from '../text/rubric-sheet';
import { describeIssues } from './describe';
import {
  byLabel,
  INFO_KEYS,
  INFO_PATHS,
  keyOf,
  numberOf,
  parseTiers,
  textOf,
  type FormError,
  type FormRow,
  type FormValue,
  type InfoKey,
  type RowField,
  type RowKind,
  type RubricForm,
} from './rows';
import { rubricSchema, rubricShape, type Adjustment, type CriterionNode, type GroupNode, type Rubric, type Section, type SubItem, type TierRule } from './schema';

export interface FormResult {
  /** Built whenever the rows make a rubric's shape; it may still fail the schema's sums, which `errors` lists. */
  rubric: Rubric | null;
  errors: FormError[];
}

/** The fields each kind of row uses; anything typed elsewhere is pointed out, never dropped silently. */
const USED: Record<RowKind, RowField[]> = {
  section: ['id', 'label', 'text', 'points'],
  group: ['parent', 'id', 'label', 'text', 'points'],
  info: ['parent', 'id', 'text'],
  criterion: ['parent', 'id', 'text', 'points', 'method', 'evidence', 'rule', 'note'],
  subItem: ['parent', 'id', 'text', 'points', 'method', 'evidence', 'rule'],
  input: ['parent', 'id', 'text', 'tiers'],
  bonus: ['id', 'text', 'points'],
  bonusItem: ['parent', 'id', 'text'],
  deduction: ['id', 'text', 'points'],
  deductionItem: ['parent', 'id', 'text'],
};

/** Which kinds of row each kind may belong to. */
const PARENTS: Record<RowKind, RowKind[]> = {
  section: [],
  bonus: [],
  deduction: [],
  group: ['section', 'group'],
  info: ['section', 'group'],
  criterion: ['section', 'group'],
  subItem: ['criterion'],
  input: ['criterion'],
  bonusItem: ['bonus'],
  deductionItem: ['deduction'],
};

/** Rows are found by id within their family: criterion 1 and bonus item 1 are different rows. */
const FAMILY: Record<RowKind, string> = {
  section: 'heading', group: 'heading', bonus: 'heading', deduction: 'heading',
  criterion: 'criterion', subItem: 'criterion', info: 'info', input: 'input', bonusItem: 'bonusItem', deductionItem: 'deductionItem',
};

interface Placed {
  kind: RowKind;
  index: number;
  node: Section | GroupNode | CriterionNode | Adjustment | SubItem | { type: 'info' } | TierRule['inputs'][number];
  children?: unknown[];
  inputs?: TierRule['inputs'];
  subItems?: SubItem[];
  rule?: CriterionNode['rule']['kind'];
  note?: string;
}

const isBlank = (v: FormValue) => v === null || (typeof v === 'string' && v.trim() === '');

/** Reads the rows one by one, each under the earlier row its "Thuộc" names. */
class RowReader {
  readonly errors: FormError[] = [];
  /** The row each node came from, so schema issues find their cell. */
  readonly placed = new Map<object, number>();
  readonly sections: Section[] = [];
  readonly adjustments: Partial<Record<'bonus' | 'deduction', Adjustment>> = {};
  private readonly byId = new Map<string, Placed>();
  private readonly criteria: Placed[] = [];

  constructor(private readonly firstLine: number) {}

  err(index: number, field: RowField | null, message: string): void {
    this.errors.push({ place: 'rows', index, field, message });
  }

  read(r: FormRow, index: number): void {
    if (Object.values(r).every(isBlank)) return;
    const kind = byLabel(T.kinds, r.kind);
    if (!kind) return this.err(index, 'kind', T.unknownKind(keyOf(r.kind), Object.values(T.kinds)));
    for (const field of Object.keys(r) as RowField[]) {
      if (field !== 'kind' && !USED[kind].includes(field) && !isBlank(r[field])) this.err(index, field, T.unusedField(T.columns[field], T.kinds[kind]));
    }
    const id = keyOf(r.id);
    if (!id) return this.err(index, 'id', T.needsId);
    const family = `${FAMILY[kind]}:${id}`;
    const earlier = this.byId.get(family);
    if (earlier) return this.err(index, 'id', T.duplicateId(id, this.firstLine + earlier.index));
    const parent = this.parentOf(r, kind, index);
    if (parent === undefined) return;
    const entry = this.place(kind, r, id, index, parent);
    if (entry) this.byId.set(family, entry);
  }

  private parentOf(r: FormRow, kind: RowKind, index: number): Placed | null | undefined {
    const parentId = keyOf(r.parent);
    const allowed = PARENTS[kind];
    if (allowed.length === 0) return null;
    if (!parentId) return void this.err(index, 'parent', T.parentNeeded(allowed.map((k) => T.kinds[k])));
    const found = allowed.map((k) => this.byId.get(`${FAMILY[k]}:${parentId}`)).find((p) => p && allowed.includes(p.kind));
    if (found) return found;
    const other = [...this.byId.entries()].find(([family]) => family.endsWith(`:${parentId}`))?.[1];
    return void this.err(index, 'parent', other ? T.wrongParent(T.kinds[other.kind], allowed.map((k) => T.kinds[k])) : T.parentMissing(parentId));
  }

  private points(r: FormRow, index: number): number {
    const n = numberOf(r.points);
    if (n === null) this.err(index, 'points', T.needsPoints);
    else if (typeof n === 'object') this.err(index, 'points', n.error);
    return typeof n === 'number' ? n : 0;
  }

  private keep<N extends object>(node: N, index: number): N {
    this.placed.set(node, index);
    return node;
  }

  private place(kind: RowKind, r: FormRow, id: string, index: number, parent: Placed | null): Placed | null {
    const text = textOf(r.text);
    switch (kind) {
      case 'section': {
        const node = this.keep<Section>({ type: 'section', id, label: textOf(r.label), title: text, points: this.points(r, index), children: [] }, index);
        this.sections.push(node);
        return { kind, index, node, children: node.children };
      }
      case 'bonus':
      case 'deduction': {
        if (this.adjustments[kind]) return this.err(index, 'kind', T.oneSection(T.kinds[kind])), null;
        const node = this.keep<Adjustment>({ id, title: text, cap: this.points(r, index), items: [] }, index);
        this.adjustments[kind] = node;
        return { kind, index, node };
      }
      case 'group': {
        const node = this.keep<GroupNode>({ type: 'group', id, label: textOf(r.label), title: text, points: this.points(r, index), children: [] }, index);
        parent!.children!.push(node);
        return { kind, index, node, children: node.children };
      }
      case 'info': {
        const node = this.keep({ type: 'info' as const, id, text }, index);
        parent!.children!.push(node);
        return { kind, index, node };
      }
      case 'criterion':
        return this.placeCriterion(r, id, text, index, parent!);
      case 'subItem': {
        if (!isBlank(r.rule) && byLabel(T.rules, r.rule) !== 'manual') this.err(index, 'rule', T.subItemManual);
        const sub = this.keep<SubItem>({ id, text, points: this.points(r, index), method: textOf(r.method), evidence: textOf(r.evidence), rule: { kind: 'manual' } }, index);
        (parent!.subItems ??= []).push(sub);
        return { kind, index, node: sub };
      }
      case 'input': {
        if (parent!.rule !== 'tiers') return this.err(index, 'parent', T.inputUnderNonTiers), null;
        const tiers = parseTiers(textOf(r.tiers));
        if (!tiers) this.err(index, 'tiers', T.badTiers);
        const input = this.keep({ key: id, label: text, tiers: tiers ?? [] }, index);
        parent!.inputs!.push(input);
        return { kind, index, node: input };
      }
      case 'bonusItem':
      case 'deductionItem': {
        const item = this.keep({ id, text }, index);
        (parent!.node as Adjustment).items.push(item);
        return { kind, index, node: item as never };
      }
    }
  }

  private placeCriterion(r: FormRow, id: string, text: string, index: number, parent: Placed): Placed {
    const rule = byLabel(T.rules, r.rule);
    if (!rule) this.err(index, 'rule', isBlank(r.rule) ? T.needsRule : T.unknownRule(keyOf(r.rule), Object.values(T.rules)));
    const note = textOf(r.note);
    if (note && rule !== 'tiers') this.err(index, 'note', T.noteOnlyForTiers);
    const node = this.keep<CriterionNode>(
      { type: 'criterion', id, text, points: this.points(r, index), method: textOf(r.method), evidence: textOf(r.evidence), rule: { kind: 'manual' } },
      index,
    );
    parent.children!.push(node);
    const entry: Placed = { kind: 'criterion', index, node, rule: rule ?? 'manual', note, inputs: [] };
    this.criteria.push(entry);
    return entry;
  }

  /** Each criterion's rule, once its inputs and sub-items are read; what a rubric cannot lack. */
  finish(): void {
    for (const c of this.criteria) {
      const node = c.node as CriterionNode;
      if (c.rule === 'tiers') {
        if (c.inputs!.length === 0) this.err(c.index, 'rule', T.tiersWithoutInputs);
        node.rule = { kind: 'tiers', combine: 'min', inputs: c.inputs!, ...(c.note ? { note: c.note } : {}) };
      } else {
        node.rule = { kind: c.rule! } as CriterionNode['rule'];
      }
      if (c.subItems?.length) node.subItems = c.subItems;
    }
    if (this.sections.length === 0) this.err(-1, null, T.noSections);
    for (const kind of ['bonus', 'deduction'] as const) if (!this.adjustments[kind]) this.err(-1, null, T.missingSection(T.kinds[kind]));
  }
}

/** `firstLine` is the sheet row of `form.rows[0]`, for messages that name another row. */
export function readForm(form: RubricForm, firstLine: number): FormResult {
  const reader = new RowReader(firstLine);
  form.rows.forEach((r, i) => reader.read(r, i));
  reader.finish();
  const { info, infoErrors } = readInfo(form.info);
  const { corrections, correctionErrors } = readCorrections(form.corrections);
  const errors = [...reader.errors, ...infoErrors, ...correctionErrors];
  if (errors.length > 0) return { rubric: null, errors };
  const { bonus, deduction } = reader.adjustments;
  const data = { ...info.top, corrections, document: info.document, sections: reader.sections, bonus, deduction };
  const shape = rubricShape.safeParse(data);
  const checked = shape.success ? rubricSchema.safeParse(data) : shape;
  if (!checked.success) errors.push(...locateIssues(data, checked.error.issues, reader.placed));
  return { rubric: shape.success ? (shape.data as Rubric) : null, errors };
}

function readInfo(values: RubricForm['info']) {
  const infoErrors: FormError[] = [];
  const top: Record<string, unknown> = {};
  const document: Record<string, unknown> = {};
  INFO_KEYS.forEach((key: InfoKey, index) => {
    const v = values[key];
    if (v === undefined) return void infoErrors.push({ place: 'info', index, field: key, message: T.missingInfo(T.info[key]) });
    const path = INFO_PATHS[key];
    let value: unknown = textOf(v);
    if (key === 'year') {
      const n = numberOf(v, true);
      if (typeof n !== 'number') return void infoErrors.push({ place: 'info', index, field: key, message: n === null ? T.needsPoints : n.error });
      value = n;
    }
    if (path[path.length - 1] === 'labels') value = (value as string).split('\n');
    let into = path[0] === 'document' ? document : top;
    for (const p of path.slice(path[0] === 'document' ? 1 : 0, -1)) into = (into[p] ??= {}) as Record<string, unknown>;
    into[path[path.length - 1]] = value;
  });
  return { info: { top, document }, infoErrors };
}

const CORRECTION_FIELDS = ['where', 'printed', 'corrected', 'reason'] as const;

function readCorrections(rows: FormValue[][]) {
  const correctionErrors: FormError[] = [];
  const corrections: Rubric['corrections'] = [];
  rows.forEach((r, index) => {
    const texts = CORRECTION_FIELDS.map((_, k) => textOf(r[k] ?? null));
    if (texts.every((t) => t.trim() === '')) return;
    const blank = texts.findIndex((t) => t.trim() === '');
    if (blank >= 0) return void correctionErrors.push({ place: 'corrections', index, field: CORRECTION_FIELDS[blank], message: T.correctionIncomplete });
    corrections.push({ where: texts[0], printed: texts[1], corrected: texts[2], reason: texts[3] });
  });
  return { corrections, correctionErrors };
}

/** Which column of a row a schema path ends in, after the node the row holds. */
const FIELD_OF: Record<string, RowField> = { title: 'text', text: 'text', label: 'label', points: 'points', cap: 'points', method: 'method', evidence: 'evidence', id: 'id', key: 'id', tiers: 'tiers', note: 'note', rule: 'rule', kind: 'rule', children: 'points', subItems: 'points', inputs: 'rule' };
const INFO_OF = new Map(INFO_KEYS.map((k) => [INFO_PATHS[k].join('.'), k] as const));

/** Each schema issue, addressed to the row (and field) of the deepest node on its path that a row holds. */
function locateIssues(data: unknown, issues: readonly Parameters<typeof describeIssues>[1][number][], placed: Map<object, number>): FormError[] {
  return issues.map((issue) => {
    const message = describeIssues(data, [issue]).join(' ');
    if (issue.path[0] === 'corrections' && typeof issue.path[1] === 'number') {
      return { place: 'corrections', index: issue.path[1], field: (CORRECTION_FIELDS as readonly string[]).includes(String(issue.path[2])) ? (issue.path[2] as 'where') : null, message };
    }
    let here: unknown = data;
    let row = -1;
    let field: RowField | null = null;
    for (const key of issue.path) {
      here = here && typeof here === 'object' ? (here as Record<PropertyKey, unknown>)[key as string] : undefined;
      if (here && typeof here === 'object' && placed.has(here)) {
        row = placed.get(here)!;
        field = null;
      } else if (row >= 0 && field === null && typeof key === 'string') field = FIELD_OF[key] ?? null;
    }
    if (row >= 0) return { place: 'rows', index: row, field: field ?? (issue.code === 'custom' ? 'points' : null), message };
    const info = INFO_OF.get(issue.path.join('.'));
    if (info) return { place: 'info', index: INFO_KEYS.indexOf(info), field: info, message };
    return { place: 'rows', index: -1, field: null, message };
  });
}
