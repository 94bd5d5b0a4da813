export { convertWithLibreOffice, recalcWithLibreOffice } from '../../src/cli/libreoffice';
