"""Spreadsheets the site writes: text that a spreadsheet program opens as text (every CSV goes
through as_spreadsheet_text) and the workbooks of the site's own exports."""

import datetime
import io
import re

from openpyxl import Workbook
from openpyxl.styles import Font

# A spreadsheet treats a cell starting with one of these as a formula; what a visitor or an
# editor typed must stay text (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A telephone number ("+420 603 111 222") starts like a formula but cannot do anything: it is
# exported as typed, readable.
PHONE_NUMBER = re.compile(r"\+?[0-9][0-9 ()/.-]{5,}")


def as_spreadsheet_text(value):
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES) and not PHONE_NUMBER.fullmatch(text):
        return "'" + text
    return text


def xlsx_workbook(title, headers, rows):
    """An Excel workbook of one sheet, as bytes: a bold header row that stays in view and filters,
    columns wide enough to read, addresses as links and typed text kept as text."""
    workbook = Workbook()
    sheet = workbook.active
    # Excel's limits for a sheet's name: 31 characters, none of []:*?/\
    sheet.title = re.sub(r"[\[\]:*?/\\]", " ", title)[:31]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in rows:
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":
                # openpyxl takes a text starting with "=" for a formula; it is what was typed.
                cell.data_type = "s"
            elif isinstance(cell.value, str) and cell.value.startswith(("https://", "http://")):
                cell.hyperlink = cell.value
                cell.style = "Hyperlink"
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for column in sheet.columns:
        longest = max(len(str(cell.value)) for cell in column if cell.value is not None)
        sheet.column_dimensions[column[0].column_letter].width = min(max(longest, 8) + 2, 60)
    content = io.BytesIO()
    workbook.save(content)
    return content.getvalue()
