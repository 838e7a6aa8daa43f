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


def main():
    rows = int(sys.argv[1])
    path = sys.argv[2]
    rng = random.Random(42)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("Jméno a příjmení;E-mail;Vstupy;Kredity;Telefon;Souhlas\r\n")
        previous = None
        for i in range(rows):
            if previous and rng.random() < 0.01:
                out.write(previous)  # an exact duplicate
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
            line = f"{name};{email};{entries};{credits};{phone(rng)};{rng.choice(CONSENT)}\r\n"
            out.write(line)
            previous = line


if __name__ == "__main__":
    main()
