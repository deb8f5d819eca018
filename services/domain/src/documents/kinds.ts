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
