/** The command line's composition root: the application layer's file ports, filled by the package layer. */
import { docxReader } from '../package/docx';
import { packageReader } from '../package/package-reader';
import { workbookWriter } from '../xlsx/workbook-writer';

export const files = { reader: packageReader, writer: workbookWriter, documents: docxReader };
