/**
 * A workbook without our metadata sheet: a sheet of the rubric given that
 * was copied into a new workbook is told apart, with how to recover it.
 */
import { adoption } from '../check/adopt';
import type { LoadedRubric } from '../rubric';
import { FILE_TEXT, rubricLabel } from '../text/messages';
import type { MetadataMissingError, WorkbookReadError } from './ports';

/** Why a file is not read as a sheet: the reader's code, or METADATA_LOST for a sheet of ours that lost its metadata sheet. */
export type UnreadableCode = WorkbookReadError['code'] | 'METADATA_LOST';

/** What to say of it; `recovery` is the command that would recover it. */
export function missingMetadata(e: MetadataMissingError, loaded: LoadedRubric, recovery: string): { code: UnreadableCode; message: string } {
  const rubric = rubricLabel(loaded.rubric.id, loaded.rubric.version);
  switch (adoption(e.workbook, loaded)) {
    case 'fits':
      return { code: 'METADATA_LOST', message: FILE_TEXT.metadataLost(rubric, recovery) };
    case 'otherRubric':
      return { code: 'METADATA_MISSING', message: FILE_TEXT.metadataLostOtherRubric(rubric) };
    case 'foreign':
      return { code: 'METADATA_MISSING', message: e.message };
  }
}

