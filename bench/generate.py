#!/usr/bin/env python3
"""Writes a realistic client list of N rows for the benchmark.

Multilingual names with diacritics, a Zenamu-style header in one of several languages, mixed phone
formats (international, national with spaces, Excel-mangled), blanks, shared family e-mails,
exact duplicates, a few bad e-mails and negative balances: the mix the tool meets in real files.
Deterministic (seeded), so figures are comparable between runs.
"""
import random
import sys

GIVEN = ["Jana", "Petr", "Šárka", "Řehoř", "János", "Erzsébet", "Ödön", "Marie", "Hélène", "Zoé", "Noël",
         "Giulia", "Luca", "Jürgen", "Änne", "Łukasz", "Zofia", "José", "Inés", "Daan", "Anna", "John"]
FAMILY = ["Nováková", "Dvořák", "Kořínková", "Šťastný", "Kovács", "Szabó", "Tóth", "Dupont", "Lefèvre",
          "Rossi", "Bianchi", "Müller", "Schäfer", "Wiśniewski", "García", "van Dijk", "Doe", "Smith"]
DOMAINS = ["example.com", "seznam.cz", "freemail.hu", "orange.fr", "libero.it", "web.de", "wp.pl", "gmail.com"]
CONSENT = ["ano", "ne", "yes", "no", "igen", "oui", "", "", "sì"]


def phone(rng):
    """Real-looking numbers: Czech mobiles (60x, 72x, 73x, 77x), Hungarian, French; some mangled."""
    kind = rng.random()
    digits = "".join(rng.choice("0123456789") for _ in range(7))
    prefix = rng.choice(["603", "608", "721", "732", "777", "604"])
    if kind < 0.35:
        return f"+420 {prefix} {digits[:3]} {digits[3:6]}"
    if kind < 0.55:
        return f"{prefix} {digits[:3]} {digits[3:6]}"
    if kind < 0.62:
        return f"+36 30 {digits[:3]} {digits[3:]}"
    if kind < 0.66:
        return f"+33 6 {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6]}{rng.randint(0, 9)}"
    if kind < 0.67:
        return "4.20603E+11"
    if kind < 0.68:
        return "+420 123456789"
    return ""


HEADER = ["Jméno a příjmení", "E-mail", "Vstupy", "Kredity", "Telefon", "Souhlas"]


def main():
    rows = int(sys.argv[1])
    path = sys.argv[2]
    lines = generate(rows)
    if path.endswith(".xlsx"):
        write_xlsx(path, lines)
        return
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(";".join(HEADER) + "\r\n")
        for line in lines:
            out.write(";".join(line) + "\r\n")


def write_xlsx(path, lines):
    """An XLSX as Excel writes one: text in the shared-strings table, numbers as number cells."""
    import zipfile
    from xml.sax.saxutils import escape
    shared, index = [], {}

    def cell(ref, value):
        if value == "":
            return ""
        if value.isdigit() and len(value) < 15:
            return f'<c r="{ref}"><v>{value}</v></c>'
        if value not in index:
            index[value] = len(shared)
            shared.append(value)
        return f'<c r="{ref}" t="s"><v>{index[value]}</v></c>'

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        with book.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>'.encode())
            for number, line in enumerate([HEADER] + lines, start=1):
                cells = "".join(cell(f"{'ABCDEF'[i]}{number}", v) for i, v in enumerate(line))
                sheet.write(f'<row r="{number}">{cells}</row>'.encode())
            sheet.write(b"</sheetData></worksheet>")
        book.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        book.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        book.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Klienti" sheetId="1" r:id="rId1"/></sheets></workbook>')
        book.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        with book.open("xl/sharedStrings.xml", "w") as sst:
            sst.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}" count="{len(shared)}" uniqueCount="{len(shared)}">'.encode())
            for text in shared:
                sst.write(f"<si><t>{escape(text)}</t></si>".encode())
            sst.write(b"</sst>")


def generate(rows):
    """The client rows, as lists of cell texts."""
    rng = random.Random(42)
    lines, previous = [], None
    for i in range(rows):
        if previous and rng.random() < 0.01:
            lines.append(previous)  # an exact duplicate
            continue
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        email = f"client{i}@{rng.choice(DOMAINS)}"
        r = rng.random()
        if r < 0.01:
            email = email.replace("@", " at ")
        elif r < 0.03:
            email = f"family{i // 50}@example.com"
        elif r < 0.08:
            email = ""
        entries = rng.choice(["", "", "5", "10", "0", "3 vstupy"])
        credits = rng.choice(["", "", "150", "1 000,50", "250,5", "-20" if rng.random() < 0.01 else ""])
        if not email:
            entries, credits = "", ""
        previous = [name, email, entries, credits, phone(rng), rng.choice(CONSENT)]
        lines.append(previous)
    return lines


if __name__ == "__main__":
    main()
