#!/usr/bin/env python3
"""example-totals.py - expected monthly totals of the files in examples/.

Computed independently of ayni (Python's csv module, every dialect spelled
out below rather than sniffed), so that tests can compare the output of
'ayni aggregate --level month' against numbers nobody derived with ayni.
It deliberately does not guess anything: a new example file needs its own
entry in FILES.

    python3 scripts/example-totals.py            # markdown, for the README
    python3 scripts/example-totals.py --csv      # one row per file and month

Definitions follow docs/contract.md §6: revenue = sum of the line totals
with return lines subtracted (whatever their sign in the file), units likewise,
transactions = distinct document ids, lines = rows, returns = return lines.
"""
import csv
import os
import sys
import unicodedata
from datetime import datetime
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, '..', 'examples')

# file: (encoding, delimiter, decimal mark, date format,
#        date, document, quantity, total, type)  -- column headers
FILES = [
    ('ventas-minimarket-cp1252.csv', 'cp1252', ';', ',', '%d/%m/%Y %H:%M',
     'Fecha', 'Boleta', 'Cantidad', 'Total', 'Tipo'),
    ('ventas-pos-bom.csv', 'utf-8-sig', ',', '.', '%d-%m-%Y %H:%M',
     'Fecha venta', 'N° doc. venta', 'Cantidad', 'Total neto',
     'Método pago'),
    ('ventas-multilinea.csv', 'utf-8', ',', '.', '%Y-%m-%d',
     'date', 'transaction id', 'qty', 'total', 'type'),
    ('ventas-mapeo.csv', 'utf-8', '|', ',', '%Y/%m/%d %H:%M:%S',
     'Fch', 'Nro', 'Unid', 'Neto', 'Mov'),
]

RETURN_TYPES = {'return', 'devolucion', 'nota de credito', 'nc'}


def fold(s):
    s = unicodedata.normalize('NFD', s.strip().lower())
    return ''.join(c for c in s if unicodedata.category(c) != 'Mn')


def number(s, decimal):
    s = s.strip().replace('$', '').replace(' ', '')
    neg = s.startswith('(') and s.endswith(')')
    s = s.strip('()')
    thousands = '.' if decimal == ',' else ','
    s = s.replace(thousands, '').replace(decimal, '.')
    v = Decimal(s)
    return -v if neg else v


def totals(spec):
    name, enc, delim, dec, datefmt, c_dt, c_doc, c_qty, c_tot, c_typ = spec
    months = {}
    with open(os.path.join(EXAMPLES, name), encoding=enc, newline='') as f:
        for row in csv.DictReader(f, delimiter=delim):
            month = datetime.strptime(row[c_dt], datefmt).strftime('%Y-%m')
            m = months.setdefault(month, {
                'revenue': Decimal(0), 'units': Decimal(0),
                'docs': set(), 'lines': 0, 'returns': 0})
            q = number(row[c_qty], dec)
            t = number(row[c_tot], dec)
            if fold(row[c_typ]) in RETURN_TYPES:
                m['revenue'] -= abs(t)
                m['units'] -= abs(q)
                m['returns'] += 1
            else:
                m['revenue'] += t
                m['units'] += q
            m['docs'].add(row[c_doc])
            m['lines'] += 1
    return months


def main():
    as_csv = '--csv' in sys.argv[1:]
    out = csv.writer(sys.stdout, lineterminator='\n')
    if as_csv:
        out.writerow(['file', 'period', 'revenue', 'units', 'transactions',
                      'lines', 'returns'])
    else:
        print('| file | month | revenue | units | transactions | lines '
              '| returns |')
        print('|---|---|---:|---:|---:|---:|---:|')
    for spec in FILES:
        for month, m in sorted(totals(spec).items()):
            cells = [spec[0], month, str(m['revenue']),
                     str(m['units'].normalize()), str(len(m['docs'])),
                     str(m['lines']), str(m['returns'])]
            if as_csv:
                out.writerow(cells)
            else:
                print('| ' + ' | '.join(cells) + ' |')


if __name__ == '__main__':
    main()
