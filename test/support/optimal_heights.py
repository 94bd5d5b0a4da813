"""Prints, as JSON, each row's height as saved and LibreOffice's optimal height for it (points).

Usage: /usr/bin/python3 optimal_heights.py PROFILE_DIR FILE.xlsx SHEET_NAME [PRINTED_COLUMNS]
LibreOffice lays the text out with the real fonts; the test compares the
heights the plan computed with these. With PRINTED_COLUMNS, the columns after
them (outside the print area) are emptied first, so the heights are those the
printout needs.
"""
import json
import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def main():
    profile, path, sheet_name = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    pipe = "chamdiem" + uuid.uuid4().hex
    office = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=file://" + os.path.abspath(profile),
            "--headless",
            "--norestore",
            "--invisible",
            "--accept=pipe,name=%s;urp;" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(120):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if context is None:
            raise SystemExit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        hidden = PropertyValue()
        hidden.Name, hidden.Value = "Hidden", True
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (hidden,))
        sheet = doc.Sheets.getByName(sheet_name)
        rows = sheet.getRows()
        used = sheet.createCursor()
        used.gotoEndOfUsedArea(False)
        last = used.getRangeAddress().EndRow
        if len(sys.argv) > 4:
            printed = int(sys.argv[4])
            end_col = used.getRangeAddress().EndColumn
            if end_col >= printed:
                sheet.unprotect("")
                # VALUE | DATETIME | STRING | FORMULA
                sheet.getCellRangeByPosition(printed, 0, end_col, last).clearContents(1 | 2 | 4 | 16)
        result = {}
        for i in range(last + 1):
            row = rows.getByIndex(i)
            saved = row.Height
            row.OptimalHeight = True
            result[i + 1] = [saved / 100 * 72 / 25.4, row.Height / 100 * 72 / 25.4]
        doc.close(True)
        print(json.dumps(result))
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        office.wait(timeout=60)


if __name__ == "__main__":
    main()
