/**
 * The workbook's public contract: workbook-scope defined names that the check,
 * the merge and the add-in read by. ASCII and stable across rubric versions.
 */

/** "7" → "07", "14.1" → "14_1". */
function idPart(id: string): string {
  return id
    .split('.')
    .map((p, i) => (i === 0 ? p.padStart(2, '0') : p))
    .join('_');
}

export const names = {
  score: (criterionId: string) => `TC_${idPart(criterionId)}`,
  input: (criterionId: string, key: string) => `TC_${idPart(criterionId)}_${key}`,
  target: (criterionId: string) => `TC_${idPart(criterionId)}_ChiTieu`,
  achieved: (criterionId: string) => `TC_${idPart(criterionId)}_KetQua`,
  evidence: (criterionId: string) => `MC_${idPart(criterionId)}`,
  note: (criterionId: string) => `GC_${idPart(criterionId)}`,
  /** The printed "Điểm chuẩn" cell, watched for edits. */
  maxPoints: (criterionId: string) => `DC_${idPart(criterionId)}`,
  bonus: (itemId: string) => `Thuong_${itemId}`,
  bonusEvidence: (itemId: string) => `MC_Thuong_${itemId}`,
  deduction: (itemId: string) => `Tru_${itemId}`,
  deductionEvidence: (itemId: string) => `MC_Tru_${itemId}`,
  /** Section I → Tong_I; group 1.1 → Tong_1_1; group NV1 → Tong_NV1. */
  sectionTotal: (sectionId: string) => `Tong_${sectionId}`,
  groupTotal: (groupId: string) => `Tong_${groupId.replace(/\./g, '_')}`,
  bonusTotal: 'DiemThuong',
  deductionTotal: 'DiemTru',
  grandTotal: 'TongDiem',
  unitName: 'TenDonVi',
  /** The place–date line above the title. */
  dateLine: 'NgayLap',
  preparerName: 'NguoiLap',
  signerName: 'NguoiKy',
} as const;
