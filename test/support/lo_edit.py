"""Edits a workbook in LibreOffice as a user would, then saves it as .xlsx.

Usage: /usr/bin/python3 lo_edit.py PROFILE_DIR IN.xlsx OUT.xlsx SHEET_NAME STEPS_JSON
Steps, in order:
  {"op": "cutPaste", "from": "H16", "to": "H17"}   Edit > Cut, then Edit > Paste (LibreOffice's own commands)
  {"op": "insertRows", "before": 14, "count": 2}  rows inserted above row 14
  {"op": "moveColumn", "from": 9, "before": 3}    column I cut and inserted before column C
  {"op": "unprotect"}                             Tools > Protect Sheet off (no password)
  {"op": "copyToNewDocument"}                     Sheet > Move or Copy Sheet, copied to a new document,
                                                  which is what goes on (and is saved)
The profile should turn the overwrite query off (Calc/Input/ReplaceCellsWarning):
headless, nobody answers it, and the paste is cancelled.
"""
import json
import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue

MAX_ROW = 1048575


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(profile):
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
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            return office, resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            time.sleep(0.5)
    office.kill()
    raise SystemExit("LibreOffice did not start")


def shut_down(office, desktop):
    """Ends the LibreOffice that connect started, whatever became of its desktop."""
    try:
        if desktop is not None:
            desktop.terminate()
    except Exception:
        pass
    office.wait(timeout=60)


def copy_to_new_document(doc, sheet_name, desktop):
    """The sheet copied into a new document as Move or Copy Sheet does (ScDocShell::TransferTab)."""
    new = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    new.Sheets.importSheet(doc, sheet_name, 0)
    for name in list(new.Sheets.getElementNames()):
        if name != sheet_name:
            new.Sheets.removeByName(name)
    doc.close(True)
    return new


def apply(step, doc, sheet, context):
    op = step["op"]
    if op == "cutPaste":
        controller = doc.getCurrentController()
        frame = controller.getFrame()
        dispatcher = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        controller.select(sheet.getCellRangeByName(step["from"]))
        dispatcher.executeDispatch(frame, ".uno:Cut", "", 0, ())
        controller.select(sheet.getCellRangeByName(step["to"]))
        dispatcher.executeDispatch(frame, ".uno:Paste", "", 0, ())
    elif op == "insertRows":
        sheet.getRows().insertByIndex(step["before"] - 1, step["count"])
    elif op == "moveColumn":
        source, before = step["from"] - 1, step["before"] - 1
        sheet.getColumns().insertByIndex(before, 1)
        if source >= before:
            source += 1
        column = sheet.getCellRangeByPosition(source, 0, source, MAX_ROW).getRangeAddress()
        sheet.moveRange(sheet.getCellByPosition(before, 0).getCellAddress(), column)
        sheet.getColumns().removeByIndex(source, 1)
    elif op == "unprotect":
        sheet.unprotect("")
    else:
        raise SystemExit("unknown step %r" % op)


def main():
    profile, source, out, sheet_name, steps = sys.argv[1:6]
    office, context = connect(profile)
    desktop = None
    try:
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
        sheet = doc.Sheets.getByName(sheet_name)
        doc.getCurrentController().setActiveSheet(sheet)
        for step in json.loads(steps):
            if step["op"] == "copyToNewDocument":
                doc = copy_to_new_document(doc, sheet_name, desktop)
                sheet = doc.Sheets.getByName(sheet_name)
            else:
                apply(step, doc, sheet, context)
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
    finally:
        shut_down(office, desktop)


if __name__ == "__main__":
    main()
