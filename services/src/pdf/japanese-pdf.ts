import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { LineCapStyle, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

/**
 * PDF documents in Japanese (invoices now, payment statements later): A4 pages, Noto Sans JP
 * (SIL Open Font License, from the `@expo-google-fonts/noto-sans-jp` package: TrueType outlines,
 * which fontkit subsets) embedded as a subset of the glyphs used, so a one-page invoice stays small
 * and its text can be selected, searched and extracted (pdf-lib writes each font's ToUnicode map).
 */

const require = createRequire(import.meta.url);
const fontFiles = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
} as const;
type Weight = keyof typeof fontFiles;

// Read once per process: 5 MB each, and the same for every document.
const fontBytes = new Map<Weight, Promise<Uint8Array>>();
function bytesOf(weight: Weight): Promise<Uint8Array> {
  let bytes = fontBytes.get(weight);
  if (!bytes) {
    bytes = readFile(require.resolve(fontFiles[weight]));
    fontBytes.set(weight, bytes);
  }
  return bytes;
}

/** A4 in points. */
export const pageSize = { width: 595.28, height: 841.89 } as const;
export const margin = 48;

export interface TextOptions {
  size?: number;
  bold?: boolean;
  /** Where `x` is: the text's left edge (default), its right edge, or its centre. */
  align?: 'left' | 'right' | 'center';
  grey?: boolean;
}

/**
 * A pen over pages whose y runs down from the top edge, as one reads. Text that reaches the
 * bottom margin is the caller's to break: `needs(height)` starts a new page when less is left.
 */
export interface JapanesePdf {
  /** The y of the next line, from the top. */
  y: number;
  text(text: string, x: number, options?: TextOptions): void;
  /** Width of a text in points, for columns. */
  widthOf(text: string, options?: Pick<TextOptions, 'size' | 'bold'>): number;
  rule(x1: number, x2: number, options?: { thickness?: number }): void;
  /** Moves down by `height`, first starting a new page when it would pass the bottom margin. */
  down(height: number): void;
  needs(height: number): void;
  save(): Promise<Uint8Array>;
}

export async function createJapanesePdf({ title, author }: { title: string; author: string }): Promise<JapanesePdf> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  document.setTitle(title);
  document.setAuthor(author);
  document.setLanguage('ja-JP');
  document.setCreator('Tsunagu');
  const fonts: Record<Weight, PDFFont> = {
    regular: await document.embedFont(await bytesOf('regular'), { subset: true }),
    bold: await document.embedFont(await bytesOf('bold'), { subset: true }),
  };
  let page: PDFPage = document.addPage([pageSize.width, pageSize.height]);
  const fontOf = (options?: { bold?: boolean }) => (options?.bold ? fonts.bold : fonts.regular);

  const pdf: JapanesePdf = {
    y: margin,
    widthOf: (text, options) => fontOf(options).widthOfTextAtSize(text, options?.size ?? 10),
    text(text, x, options = {}) {
      const size = options.size ?? 10;
      const width = pdf.widthOf(text, options);
      const left = options.align === 'right' ? x - width : options.align === 'center' ? x - width / 2 : x;
      page.drawText(text, {
        x: left,
        // The baseline, a line's ascent below the pen.
        y: pageSize.height - pdf.y - size,
        size,
        font: fontOf(options),
        color: options.grey ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0),
      });
    },
    rule(x1, x2, options = {}) {
      const y = pageSize.height - pdf.y;
      page.drawLine({
        start: { x: x1, y },
        end: { x: x2, y },
        thickness: options.thickness ?? 0.5,
        lineCap: LineCapStyle.Butt,
      });
    },
    needs(height) {
      if (pdf.y + height > pageSize.height - margin) {
        page = document.addPage([pageSize.width, pageSize.height]);
        pdf.y = margin;
      }
    },
    down(height) {
      pdf.needs(height);
      pdf.y += height;
    },
    save: () => document.save(),
  };
  return pdf;
}
