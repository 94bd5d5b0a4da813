import { formulaShape, parseA1, shiftFormula } from '../../src/layout/a1';
import { invalidEntryFormula, missingEvidenceFormula, validityFormula } from '../../src/layout/formulas';

describe('shiftFormula', () => {
  test('moves relative references and keeps absolute ones', () => {
    expect(shiftFormula('AND(ISNUMBER($H10),$H10>0,LEN(TRIM(I10))=0,H$2<$C$3)', 5, 1)).toBe('AND(ISNUMBER($H15),$H15>0,LEN(TRIM(J15))=0,I$2<$C$3)');
  });

  test('leaves names, functions, strings and quoted sheet names alone', () => {
    expect(shiftFormula(`IF(TC_01>1,LOG10(A1)," H10 ",'B2 sheet'!B2)`, 1, 0)).toBe(`IF(TC_01>1,LOG10(A2)," H10 ",'B2 sheet'!B3)`);
    expect(shiftFormula('SUM(A1:B2)+Tong_I+DiemThuong', 2, 2)).toBe('SUM(C3:D4)+Tong_I+DiemThuong');
    expect(shiftFormula(`"say ""A1"" here"&A1`, 1, 0)).toBe(`"say ""A1"" here"&A2`);
  });

  test('a reference moved off the sheet is #REF!, as in Excel', () => {
    expect(shiftFormula('A2+B1', -1, 0)).toBe('A1+#REF!');
    expect(shiftFormula('XFD1', 0, 1)).toBe('#REF!');
  });

  test('gives each cell of a shared formula its own references', () => {
    expect(shiftFormula('SUM(A1:B2,$C$3,C$4,$D5)+LOG10(A1)', 2, 1)).toBe('SUM(B3:C4,$C$3,D$4,$D7)+LOG10(B3)');
    expect(shiftFormula(`IF(A1="A1",'My Sheet'!A1,TC_01)`, 1, 0)).toBe(`IF(A2="A1",'My Sheet'!A2,TC_01)`);
    expect(shiftFormula('A1*1E5+2.5E3+Sheet1!B2', 1, 0)).toBe('A2*1E5+2.5E3+Sheet1!B3');
  });

  test('is how a rule written for a range’s corner reads in any of its cells', () => {
    const rule = { whole: false, min: 0, max: 3 };
    for (const [from, to] of [['H10', 'H22'], ['D7', 'F7']]) {
      const a = parseA1(from);
      const b = parseA1(to);
      expect(shiftFormula(invalidEntryFormula(from, rule), b.row - a.row, b.col - a.col)).toBe(invalidEntryFormula(to, rule));
      expect(shiftFormula(missingEvidenceFormula(`$H${a.row}`, from), b.row - a.row, b.col - a.col)).toBe(
        missingEvidenceFormula(`$H${b.row}`, to),
      );
    }
  });
});

describe('formulaShape', () => {
  test('is equal for the same rule at different anchors and differs otherwise', () => {
    const rule = { whole: false, min: 0, max: 3 };
    const at = (ref: string, max = 3) => formulaShape(validityFormula(ref, { ...rule, max }), parseA1(ref));
    expect(at('H10')).toBe(at('H52'));
    expect(at('H10')).toBe(at('K3'));
    expect(at('H10')).not.toBe(at('H12', 5));
    expect(formulaShape('$H10+I10', parseA1('I10'))).not.toBe(formulaShape('$H11+I11', parseA1('J11')));
  });
});
