/** Choosing a rubric: the built-in one, or one loaded from its JSON, checked against the schema. */
export { allCriteria, builtinRubric, loadRubric, RubricError } from '../rubric';
export { parseRubricJson } from '../rubric/json-text';
