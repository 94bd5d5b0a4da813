/**
 * The names of our sheets, apart from the plan that builds them: the task
 * pane names the sheet to the user before any of the plan has loaded.
 */
import { SHEET_LABELS } from '../text/labels';

export const SHEET_NAME = SHEET_LABELS.selfAssessment;
export const META_SHEET_NAME = 'ChamDiem_Meta';
