import { MemberFields, type MemberStatus } from '@hallbridge/contracts';
import { matchKey } from '../text/vietnamese';

/** Columns a roster can carry, with the headers offices actually use (compared without diacritics). */
const columnAliases = {
  fullName: ['ho va ten', 'ho ten', 'ten dang vien', 'full name', 'fullname', 'name'],
  unit: ['chi bo', 'ma chi bo', 'don vi', 'ma don vi', 'branch', 'unit', 'unit code'],
  position: ['chuc vu', 'chuc danh', 'position', 'title'],
  phone: ['so dien thoai', 'dien thoai', 'sdt', 'so dt', 'phone', 'mobile'],
  email: ['email', 'e-mail', 'thu dien tu', 'mail'],
  status: ['trang thai', 'tinh trang', 'status'],
} as const;
export type RosterColumn = keyof typeof columnAliases;

const statusAliases: Record<string, MemberStatus> = {
  'dang sinh hoat': 'active',
  'sinh hoat': 'active',
  'hoat dong': 'active',
  active: 'active',
  'mien sinh hoat': 'exempt',
  mien: 'exempt',
  exempt: 'exempt',
  'ngung sinh hoat': 'inactive',
  nghi: 'inactive',
  inactive: 'inactive',
};

export const MAX_ROSTER_ROWS = 20000;

export interface RosterRow {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  cells: string[];
}

export interface RosterUnit {
  id: string;
  code: string;
  name: string;
  kind: 'committee' | 'branch';
}

export interface ExistingMember {
  id: string;
  fullName: string;
  unitId: string;
  phone: string | null;
  email: string | null;
}

export interface RosterContext {
  /** Units the importer may put members into. */
  units: RosterUnit[];
  /** Used for rows that leave the unit column empty (a secretary importing their own branch). */
  defaultUnitId?: string;
  existing: ExistingMember[];
}

export interface RosterIssue {
  row: number;
  column: string | null;
  code: string;
  value: string | null;
}

export interface RosterDuplicate {
  row: number;
  fullName: string;
  matchesRow: number | null;
  matchesMemberId: string | null;
  reason: 'same_phone' | 'same_email' | 'same_name_same_unit';
}

export interface ValidMember {
  row: number;
  unitId: string;
  fullName: string;
  position: string | null;
  phone: string | null;
  email: string | null;
  status: MemberStatus;
}

export interface RosterValidation {
  members: ValidMember[];
  issues: RosterIssue[];
  duplicates: RosterDuplicate[];
}

function findColumns(headers: string[]): Partial<Record<RosterColumn, number>> {
  const found: Partial<Record<RosterColumn, number>> = {};
  headers.forEach((header, index) => {
    const key = matchKey(header).replace(/[:*]/g, '').trim();
    for (const [column, aliases] of Object.entries(columnAliases) as [RosterColumn, readonly string[]][]) {
      if (found[column] === undefined && aliases.includes(key)) found[column] = index;
    }
  });
  return found;
}

function resolveUnit(text: string, units: RosterUnit[]): RosterUnit | undefined {
  const key = matchKey(text);
  return units.find((u) => matchKey(u.code) === key) ?? units.find((u) => matchKey(u.name) === key);
}

/**
 * Checks every row of an uploaded roster and reports each problem with its row and column. Rows
 * are checked with the same schema as a member typed in by hand. Likely duplicates (same phone,
 * same e-mail, or same name in the same branch, against the file itself and the existing roster)
 * are reported apart: they are warnings, not errors.
 */
export function validateRoster(headers: string[], rows: RosterRow[], ctx: RosterContext): RosterValidation {
  const issues: RosterIssue[] = [];
  const members: ValidMember[] = [];
  const columns = findColumns(headers);
  const header = (column: RosterColumn) => {
    const index = columns[column];
    return index === undefined ? null : headers[index]?.trim() || null;
  };

  if (columns.fullName === undefined)
    issues.push({ row: 1, column: null, code: 'column_missing_name', value: null });
  if (columns.unit === undefined && !ctx.defaultUnitId)
    issues.push({ row: 1, column: null, code: 'column_missing_unit', value: null });
  const dataRows = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (dataRows.length === 0) issues.push({ row: 2, column: null, code: 'file_empty', value: null });
  if (dataRows.length > MAX_ROSTER_ROWS)
    issues.push({
      row: MAX_ROSTER_ROWS + 2,
      column: null,
      code: 'too_many_rows',
      value: String(dataRows.length),
    });
  if (issues.length) return { members, issues, duplicates: [] };

  const cell = (r: RosterRow, column: RosterColumn) => {
    const index = columns[column];
    return index === undefined ? '' : (r.cells[index] ?? '').trim();
  };

  for (const r of dataRows) {
    const rowIssues: RosterIssue[] = [];
    const unitText = cell(r, 'unit');
    let unit: RosterUnit | undefined;
    if (unitText) {
      unit = resolveUnit(unitText, ctx.units);
      if (!unit)
        rowIssues.push({ row: r.row, column: header('unit'), code: 'unit_unknown', value: unitText });
      else if (unit.kind !== 'branch')
        rowIssues.push({ row: r.row, column: header('unit'), code: 'unit_not_branch', value: unitText });
    } else if (ctx.defaultUnitId) {
      unit = ctx.units.find((u) => u.id === ctx.defaultUnitId);
    } else {
      rowIssues.push({ row: r.row, column: header('unit'), code: 'required', value: null });
    }

    const statusText = cell(r, 'status');
    const status = statusText ? statusAliases[matchKey(statusText)] : 'active';
    if (!status)
      rowIssues.push({ row: r.row, column: header('status'), code: 'status_unknown', value: statusText });

    const parsed = MemberFields.safeParse({
      fullName: cell(r, 'fullName'),
      position: cell(r, 'position'),
      phone: cell(r, 'phone') || null,
      email: cell(r, 'email') || null,
      status: status ?? 'active',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]) as RosterColumn;
        const value = cell(r, field);
        const code =
          field === 'fullName' && !value
            ? 'required'
            : issue.code === 'custom' && issue.params?.rule
              ? 'text_invalid'
              : field === 'phone'
                ? 'phone_invalid'
                : field === 'email'
                  ? 'email_invalid'
                  : 'too_long';
        rowIssues.push({ row: r.row, column: header(field), code, value: value || null });
      }
    }

    issues.push(...rowIssues);
    if (rowIssues.length === 0 && parsed.success && unit && unit.kind === 'branch') {
      members.push({
        row: r.row,
        unitId: unit.id,
        fullName: parsed.data.fullName,
        position: parsed.data.position ?? null,
        phone: parsed.data.phone ?? null,
        email: parsed.data.email ?? null,
        status: parsed.data.status,
      });
    }
  }

  return { members, issues, duplicates: findDuplicates(members, ctx.existing) };
}

export function findDuplicates(members: ValidMember[], existing: ExistingMember[]): RosterDuplicate[] {
  const duplicates: RosterDuplicate[] = [];
  const byPhone = new Map<string, { row: number | null; id: string | null }>();
  const byEmail = new Map<string, { row: number | null; id: string | null }>();
  const byName = new Map<string, { row: number | null; id: string | null }>();
  const nameKey = (m: { unitId: string; fullName: string }) => `${m.unitId}|${matchKey(m.fullName)}`;
  const phoneKey = (phone: string) => phone.replace(/^(\+?84)/, '0');

  for (const m of existing) {
    const ref = { row: null, id: m.id };
    if (m.phone) byPhone.set(phoneKey(m.phone), ref);
    if (m.email) byEmail.set(m.email, ref);
    byName.set(nameKey(m), ref);
  }

  for (const m of members) {
    const checks: [
      Map<string, { row: number | null; id: string | null }>,
      string | null,
      RosterDuplicate['reason'],
    ][] = [
      [byPhone, m.phone && phoneKey(m.phone), 'same_phone'],
      [byEmail, m.email, 'same_email'],
      [byName, nameKey(m), 'same_name_same_unit'],
    ];
    const hit = checks.find(([map, key]) => key && map.has(key));
    if (hit) {
      const match = hit[0].get(hit[1] as string)!;
      duplicates.push({
        row: m.row,
        fullName: m.fullName,
        matchesRow: match.row,
        matchesMemberId: match.id,
        reason: hit[2],
      });
    }
    for (const [map, key] of checks) if (key && !map.has(key)) map.set(key, { row: m.row, id: null });
  }
  return duplicates;
}
