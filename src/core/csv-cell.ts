// Cells of exports people open in a spreadsheet. A cell a spreadsheet would run as a formula (a
// leading =, +, -, @, tab or CR) is defused with a leading apostrophe (CSV injection); a CSV cell is
// also quoted (RFC 4180) when it holds a quote, comma or line end.
export const spreadsheetSafe = (v: string): string => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function safeCsvCell(v: string | null | undefined): string {
  const safe = spreadsheetSafe(v ?? '');
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
