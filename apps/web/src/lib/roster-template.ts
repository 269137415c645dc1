/**
 * Column headers of the roster file the importer reads (see libs/domain roster-validation). They are
 * part of the file format offices exchange, not interface text, so they stay Vietnamese in every language.
 */
export const rosterTemplateHeaders = [
  'Họ và tên',
  'Chi bộ',
  'Chức vụ',
  'Số điện thoại',
  'Email',
  'Trạng thái',
];

/** A blank roster as CSV; the UTF-8 byte-order mark makes Excel show Vietnamese correctly. */
export function rosterTemplateBlob(): Blob {
  const line = rosterTemplateHeaders.map((h) => `"${h.replace(/"/g, '""')}"`).join(',');
  return new Blob(['\uFEFF', `${line}\r\n`], { type: 'text/csv;charset=utf-8' });
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
