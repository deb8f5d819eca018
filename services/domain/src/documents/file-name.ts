/** The longest file name kept, in characters (most file systems allow 255 bytes; Japanese takes three each). */
export const maxFileNameLength = 200;

/**
 * Whether a file name as the uploader's browser sent it can be kept and given back on download:
 * a name only, no folder (`/`, `\`), nothing a terminal or a header would act on (control
 * characters, bidirectional overrides that disguise `exe.docx` as `docx.exe`), not `.` or `..`.
 */
export function isAcceptableFileName(name: string): boolean {
  if (name.trim() === '' || name === '.' || name === '..') return false;
  if ([...name].length > maxFileNameLength) return false;
  return !/[/\\\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(name);
}
