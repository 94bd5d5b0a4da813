/**
 * Served in place of Microsoft's office.js in the end-to-end test: installs
 * Office/Excel globals backed by the fake Excel host, and exposes the host as
 * window.fakeExcel so the test can type into cells and read the selection.
 */
import { FakeExcelHost, installFakeOffice } from '../fakes/excel-host';

export interface FakeOfficeWindow {
  fakeExcel: FakeExcelHost;
}

(window as unknown as FakeOfficeWindow).fakeExcel = installFakeOffice(window);
