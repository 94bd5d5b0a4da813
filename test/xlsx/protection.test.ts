/** The sheet password as Excel checks it: SHA-512 with salt and spin count, the same hash ExcelJS computes. */
import { passwordHash, passwordHasher } from '../../src/xlsx/protection';

// ExcelJS's own implementation over Node's crypto, the oracle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Encryptor = require('exceljs/lib/utils/encryptor') as {
  convertPasswordToHash(password: string, algorithm: string, salt: string, spinCount: number): string;
};

test('hashes a Vietnamese password as ExcelJS (and Excel) do', () => {
  const salt = Uint8Array.from({ length: 16 }, (_, i) => (i * 37 + 11) & 0xff);
  const hash = passwordHash('mật khẩu Hà Quảng', salt);
  expect(hash).toMatchObject({ algorithmName: 'SHA-512', spinCount: 100000, saltValue: Buffer.from(salt).toString('base64') });
  expect(hash.hashValue).toBe(Encryptor.convertPasswordToHash('mật khẩu Hà Quảng', 'SHA512', hash.saltValue, 100000));
  expect(passwordHash('mật khẩu Hà Quảng', salt).hashValue).not.toBe(passwordHash('mat khau', salt).hashValue);
});

test('a fresh salt for each workbook, one hash for its sheets', () => {
  const hashed = passwordHasher();
  expect(hashed('x')).toBe(hashed('x'));
  expect(passwordHasher()('x').saltValue).not.toBe(hashed('x').saltValue);
});
