/**
 * Served in place of Microsoft's office.js in the end-to-end test: installs
 * Office/Excel globals backed by the fake Excel host, and exposes the host as
 * window.fakeExcel so the test can type into cells and read the selection.
 * `?excelApi=1.8` in the page URL sets the highest ExcelApi set the host has.
 */
import { FakeExcelHost, installFakeOffice } from '../fakes/excel-host';

export interface FakeOfficeWindow {
  fakeExcel: FakeExcelHost;
}

const apiVersion = new URLSearchParams(window.location.search).get('excelApi') ?? undefined;
(window as unknown as FakeOfficeWindow).fakeExcel = installFakeOffice(window, new FakeExcelHost({ apiVersion }));
