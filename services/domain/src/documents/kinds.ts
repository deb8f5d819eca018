/**
 * What a document is to its translation request: the text to translate, or one version of the
 * translation (a job may have several, each kept).
 */
export const documentRoles = ['source', 'translation'] as const;
export type DocumentRole = (typeof documentRoles)[number];

/**
 * How a document's volume was counted from its text: 400-character manuscript pages for Japanese
 * (原稿用紙換算, from the character count), words for other languages, pages for a PDF.
 */
export const documentCountUnits = ['characters', 'words', 'pages'] as const;
export type DocumentCountUnit = (typeof documentCountUnits)[number];

/**
 * Why a document's volume could not be counted from its text: a scanned PDF or an image has no
 * text to count, and the text of a spreadsheet or a slide deck is not extracted. The requester
 * enters the count instead (`correctedCount`).
 */
export const documentCountProblems = ['no_text', 'image', 'not_extracted'] as const;
export type DocumentCountProblem = (typeof documentCountProblems)[number];

/** The media types an upload may have, as found from its bytes, with the kind of text each holds. */
export const acceptedMediaTypes = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'image/heic': 'image',
} as const;
export type AcceptedMediaType = keyof typeof acceptedMediaTypes;
export type DocumentKind = (typeof acceptedMediaTypes)[AcceptedMediaType];

export const isAcceptedMediaType = (mediaType: string): mediaType is AcceptedMediaType =>
  Object.hasOwn(acceptedMediaTypes, mediaType);

/**
 * Where a document's count stands: a .docx or a .pdf is counted after its upload, by the worker
 * (their libraries read a file whole, which the upload must not hold); `cannot_count` says no count
 * came from the text (`DocumentCountProblem` says why), and the requester enters it.
 */
export const documentCountStatuses = ['counting', 'counted', 'cannot_count'] as const;
export type DocumentCountStatus = (typeof documentCountStatuses)[number];

/** The kinds whose text is extracted from the whole file after the upload (mammoth, unpdf). */
export const isCountedAfterUpload = (kind: DocumentKind) => kind === 'docx' || kind === 'pdf';
