/** The command line's composition root: the application layer's file ports, filled by the package layer with Node's zlib. */
import { docxReader } from '../package/docx';
import { nodeCodec } from '../package/node-codec';
import { packageReaderWith } from '../package/package-reader';
import { workbookWriterWith } from '../xlsx/workbook-writer';

export const files = { reader: packageReaderWith(nodeCodec), writer: workbookWriterWith(nodeCodec), documents: docxReader };
