"""Types a text into one cell in LibreOffice, as a user would, and prints row heights before and after (JSON, points).

Usage: /usr/bin/python3 lo_type.py PROFILE_DIR FILE.xlsx SHEET_NAME CELL TEXT ROWS_JSON
The text goes in through LibreOffice's own input command (.uno:EnterString on
the selected cell), so rows that may fit their text grow as on screen. The
file is not saved.
"""
import json
import os
import sys

import uno

from lo_edit import connect, prop, shut_down


def points(hundredths_mm):
    return round(hundredths_mm / 100 * 72 / 25.4, 2)


def main():
    profile, path, sheet_name, cell, text = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    asked = json.loads(sys.argv[6])
    office, context = connect(profile)
    desktop = None
    try:
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))
        sheet = doc.Sheets.getByName(sheet_name)
        rows = sheet.getRows()
        heights = lambda: {str(r): points(rows.getByIndex(r - 1).Height) for r in asked}
        before = heights()
        controller = doc.getCurrentController()
        dispatcher = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        controller.select(sheet.getCellRangeByName(cell))
        dispatcher.executeDispatch(controller.getFrame(), ".uno:EnterString", "", 0, (prop("StringName", text),))
        typed = sheet.getCellRangeByName(cell).getString()
        print(json.dumps({"before": before, "after": heights(), "typed": typed == text}))
        doc.close(True)
    finally:
        shut_down(office, desktop)


if __name__ == "__main__":
    main()
