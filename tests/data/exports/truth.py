#!/usr/bin/env python3
"""truth.py - writes the real-export corpus and its truth (expected.csv).

Each file is described here as Python data: a list of sales lines (day,
branch, document type, transaction id, product, quantity, net amount,
return flag).  From the SAME data this script writes the file's bytes in
the style of one real export (Bsale, a cp1252 POS, a butcher scale,
Shopify, Excel...) and computes the truth with decimal.Decimal.  Nothing
here parses a CSV, so the truth does not depend on ayni's reader.

Truth per file and month (docs/line-identity.md, docs/contract.md §6):
  revenue       sum of net amounts, returns subtracted (2 decimals)
  units         sum of quantities, returns subtracted (3 decimals);
                empty for a month of document-level lines (no product)
  transactions  distinct (branch, document type, sale day, transaction id)
  lines         lines stored
  returns       return lines

Deterministic: no randomness.  Run from anywhere:
  python3 tests/data/exports/truth.py
"""
import datetime as dt
import os
from collections import OrderedDict
from decimal import Decimal as D, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))


class Line:
    def __init__(self, when, tid, sku, qty, net, desc="", branch="",
                 doc="", ret=False, **extra):
        self.when = when            # datetime.datetime (wall clock)
        self.tid = str(tid)
        self.sku = sku
        self.qty = D(qty)           # as written (a return may be < 0)
        self.net = D(net)           # net revenue as stored (may be < 0)
        self.desc = desc
        self.branch = branch
        self.doc = doc
        self.ret = ret
        self.x = extra              # style-specific columns


# ---------------------------------------------------------------- numbers

def rnd(d, places=0):
    return d.quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)


def group(intpart, sep):
    s = str(intpart)
    out = []
    while len(s) > 3:
        out.insert(0, s[-3:])
        s = s[:-3]
    out.insert(0, s)
    return sep.join(out)


def num(d, places=0, thousands="", decimal=","):
    """d with `places` decimals, thousands separator and decimal mark."""
    d = rnd(D(d), places)
    neg = d < 0
    d = abs(d)
    ip = int(d)
    s = group(ip, thousands) if thousands else str(ip)
    if places:
        frac = str(d).split(".")[1] if "." in str(d) else "0" * places
        s += decimal + frac.ljust(places, "0")
    return ("-" if neg else "") + s


def cl(d, places=0):            # Chilean: 1.234,56
    return num(d, places, ".", ",")


def us(d, places=2):            # US: 1,234.56
    return num(d, places, ",", ".")


def plain(d, places=0):
    return num(d, places, "", ".")


def iva(net):
    return rnd(net * D("0.19"))


# ---------------------------------------------------------------- writing

def quote(s, delim):
    if any(c in s for c in (delim, '"', "\n", "\r")):
        return '"' + s.replace('"', '""') + '"'
    return s


def table(header, rows, delim, quoting=True, nl="\n"):
    out = []
    for r in [header] + rows:
        out.append(delim.join(quote(c, delim) if quoting else c for c in r))
    return nl.join(out) + nl


FILES = OrderedDict()           # name -> (bytes, [Line])


def add(name, text, lines, encoding="utf-8", bom=b""):
    FILES[name] = (bom + text.encode(encoding), lines)


def T(y, m, d, hh=0, mm=0, ss=0):
    return dt.datetime(y, m, d, hh, mm, ss)


# ------------------------------------------------------------------ data

CATALOG = [  # sku, description, net unit price (pesos)
    ("7801234000011", "Leche entera 1L", D(890)),
    ("7801234000028", "Pan hallulla kg", D(1990)),
    ("7801234000035", "Café molido 250g", D(3490)),
    ("7801234000042", "Aceite maravilla 1L", D(2390)),
    ("7801234000059", "Azúcar 1kg", D(1090)),
    ("7801234000066", "Té Ceylán 100 bolsitas", D(2790)),
    ("7801234000073", "Harina sin polvos 1kg", D(990)),
    ("7801234000080", "Jugo en polvo piña", D(290)),
]


def tickets(spec, branch="", doc="", price_cents=False):
    """spec: list of (datetime, tid, [(catalog index, qty, ret?)...])."""
    out = []
    for when, tid, items in spec:
        for it in items:
            idx, qty = it[0], D(it[1])
            ret = len(it) > 2 and it[2]
            sku, desc, price = CATALOG[idx]
            if price_cents:
                price = price + D("0.50")
            net = rnd(qty * price, 2 if price_cents else 0)
            out.append(Line(when, tid, sku, qty, net, desc, branch, doc,
                            ret, unit=price))
    return out


def more(dates, tids, k0=0):
    """Extra tickets, deterministic: one per (date, tid), 1-2 items."""
    out = []
    for i, (when, tid) in enumerate(zip(dates, tids)):
        k = k0 + i
        items = [((3 * k) % 8, 1 + k % 3)]
        if i % 2:
            items.append(((5 * k + 1) % 8, 1))
        out.append((when, str(tid), items))
    return out


def days(y, m, d0, n, per_day=2):
    """n datetimes from y-m-d0 on, per_day a day, 10:00 + 2 h apart."""
    return [dt.datetime(y, m, d0) + dt.timedelta(days=i // per_day,
            hours=10 + 2 * (i % per_day)) for i in range(n)]


# 1. Bsale "detalle de ventas": boletas, facturas sharing folios, and a
#    credit note with positive amounts (a return).
def bsale():
    H = ["Fecha de Emisión", "Tipo Documento", "N° Documento", "Sucursal",
         "Vendedor", "Cliente", "SKU", "Producto", "Cantidad",
         "Precio Unitario", "Subtotal Neto", "IVA", "Total"]
    B, F, NC = ("Boleta Electrónica", "Factura Electrónica",
                "Nota de Crédito Electrónica")
    spec = [
        (T(2025, 9, 29, 10, 5), B, "1200", "Casa Matriz",
         [(0, 2), (2, 1)]),
        (T(2025, 9, 30, 11, 40), B, "1201", "Casa Matriz",
         [(1, 1), (3, 2), (4, 1)]),
        (T(2025, 9, 30, 16, 2), F, "1200", "Casa Matriz",
         [(5, 10), (6, 24)]),
        (T(2025, 10, 1, 9, 15), B, "1202", "Sucursal Ñuñoa",
         [(0, 6), (7, 12)]),
        (T(2025, 10, 1, 12, 0), B, "1203", "Casa Matriz", [(2, 3)]),
        (T(2025, 10, 2, 17, 30), F, "1201", "Sucursal Ñuñoa",
         [(3, 12), (4, 20), (1, 5)]),
        (T(2025, 10, 3, 10, 10), NC, "55", "Casa Matriz", [(2, 1, True)]),
        (T(2025, 10, 3, 18, 45), B, "1204", "Sucursal Ñuñoa",
         [(6, 2), (0, 1), (5, 1)]),
    ]
    lines = []
    for when, doc, tid, br, items in spec:
        lines += tickets([(when, tid, items)], br, doc)
    rows = []
    for ln in lines:
        rows.append([ln.when.strftime("%d-%m-%Y"), ln.doc, ln.tid, ln.branch,
                     "María José", "76.086.428-5" if "Factura" in ln.doc
                     else "", ln.sku, ln.desc, plain(ln.qty),
                     plain(ln.x["unit"]), plain(ln.net), plain(iva(ln.net)),
                     plain(ln.net + iva(ln.net))])
    add("bsale-detalle-ventas.csv", table(H, rows, ","), lines)


# 2. Bsale again: ';' and Chilean thousands dots, N° Ticket style
#    folios, SII credit note spelled without "Electrónica".
def bsale_semicolon():
    H = ["Fecha de Emisión", "Tipo Documento", "N° Documento", "Sucursal",
         "SKU", "Producto", "Cantidad", "Precio Unitario", "Subtotal Neto",
         "IVA", "Total"]
    spec = [
        (T(2025, 11, 3), "Boleta", "80011", "Local Centro",
         [(2, 4), (5, 2)]),
        (T(2025, 11, 3), "Boleta", "80012", "Local Centro", [(3, 6)]),
        (T(2025, 11, 4), "Factura", "80011", "Local Centro",
         [(2, 30), (3, 24)]),
        (T(2025, 11, 4), "Nota de Crédito", "3001", "Local Centro",
         [(3, 2, True)]),
        (T(2025, 11, 5), "Boleta", "80013", "Local Mall", [(1, 3), (0, 12)]),
        (T(2025, 11, 5), "Boleta", "80013", "Local Centro", [(4, 5)]),
        (T(2025, 11, 6), "Boleta", "80014", "Local Mall", [(6, 2), (7, 8)]),
        (T(2025, 11, 6), "Nota de Crédito", "3002", "Local Mall",
         [(7, 3, True)]),
        (T(2025, 11, 7), "Factura", "80012", "Local Mall", [(0, 48)]),
        (T(2025, 11, 7), "Boleta", "80015", "Local Centro",
         [(5, 1), (1, 2)]),
    ]
    lines = []
    for when, doc, tid, br, items in spec:
        lines += tickets([(when, tid, items)], br, doc)
    rows = [[ln.when.strftime("%d/%m/%Y"), ln.doc, ln.tid, ln.branch, ln.sku,
             ln.desc, cl(ln.qty), cl(ln.x["unit"]), cl(ln.net),
             cl(iva(ln.net)), cl(ln.net + iva(ln.net))] for ln in lines]
    add("bsale-punto-y-coma.csv", table(H, rows, ";"), lines)


# 3. A POS in Windows-1252: ';', 1.234,56, dd/mm/yyyy HH:MM, kg with
#    decimal commas.
def pos_cp1252():
    H = ["Fecha", "N° Boleta", "Código", "Descripción", "Cantidad",
         "Precio Unitario", "Total"]
    spec = [
        (T(2025, 10, 6, 8, 31), "10501", [(0, 2), (1, "0.750")]),
        (T(2025, 10, 6, 9, 2), "10502", [(2, 1), (5, 1), (4, 2)]),
        (T(2025, 10, 6, 19, 48), "10503", [(1, "1.335"), (7, 10)]),
        (T(2025, 10, 7, 7, 59), "10504", [(3, 1)]),
        (T(2025, 10, 7, 13, 20), "10505", [(6, 3), (0, 6), (1, "0.480")]),
        (T(2025, 10, 31, 21, 55), "10506", [(2, 2)]),
        (T(2025, 11, 1, 8, 5), "10507", [(4, 1), (7, 4)]),
    ]
    spec += more(days(2025, 11, 3, 4), range(10508, 10512), 3)
    lines = tickets(spec, price_cents=True)
    rows = [[ln.when.strftime("%d/%m/%Y %H:%M"), ln.tid, ln.sku,
             ln.desc.replace("Azúcar", "Azúcar piña"), cl(ln.qty, 3),
             cl(ln.x["unit"], 2), cl(ln.net, 2)] for ln in lines]
    add("pos-cp1252.csv", table(H, rows, ";", nl="\r\n"), lines, "cp1252")


# 4. A POS in UTF-8 with BOM and CRLF, ',' delimiter, integer pesos.
def pos_bom_crlf():
    H = ["fecha", "boleta", "sku", "descripcion", "cantidad", "total"]
    spec = [
        (T(2025, 9, 12, 10, 0), "A-0091", [(0, 1), (2, 1)]),
        (T(2025, 9, 12, 10, 30), "A-0092", [(3, 2)]),
        (T(2025, 9, 13, 11, 15), "A-0093", [(4, 3), (6, 2), (7, 5)]),
        (T(2025, 9, 14, 18, 0), "A-0094", [(5, 1)]),
        (T(2025, 9, 15, 12, 12), "A-0095", [(1, 2), (0, 4)]),
    ]
    spec += more(days(2025, 9, 16, 5), ["A-%04d" % i for i in range(96, 101)], 1)
    lines = tickets(spec)
    rows = [[ln.when.strftime("%Y-%m-%d %H:%M:%S"), ln.tid, ln.sku, ln.desc,
             plain(ln.qty), plain(ln.net)] for ln in lines]
    add("pos-utf8-bom-crlf.csv", table(H, rows, ",", nl="\r\n"), lines,
        bom=b"\xef\xbb\xbf")


# 5. Ticket numbers restart every day.
def ticket_restart():
    H = ["Fecha", "Hora", "Ticket", "Código", "Descripción", "Cantidad",
         "Total"]
    spec = []
    for day in (29, 30):
        spec += [(T(2025, 9, day, 9), "1", [(0, 1), (1, 1), (0, 1)]),
                 (T(2025, 9, day, 10), "2", [(2, 1)]),
                 (T(2025, 9, day, 12), "3", [(day % 8, 2)])]
    for day in (1, 2):
        spec += [(T(2025, 10, day, 9), "1", [(3, 1), (0, 2)]),
                 (T(2025, 10, day, 11), "2", [(4, 1), (4 + day, 1)])]
    lines = tickets(spec)
    # "Hora" is unmapped: the sale day is in Fecha
    rows = [[ln.when.strftime("%d-%m-%Y"), ln.when.strftime("%H:%M"), ln.tid,
             ln.sku, ln.desc, plain(ln.qty), cl(ln.net)] for ln in lines]
    add("pos-ticket-diario.csv", table(H, rows, ";"), lines)


# 6. Two cash registers ("Caja") sharing ticket numbers.
def two_registers():
    H = ["Fecha", "Caja", "N° Ticket", "SKU", "Descripción", "Cantidad",
         "Total Venta"]
    spec = []
    for caja, base in (("Caja 1", 0), ("Caja 2", 3)):
        for k, tid in enumerate(("501", "502", "503")):
            items = [((base + k) % 8, 1 + k), ((base + k + 2) % 8, 1)]
            spec.append((caja, (T(2025, 10, 14, 9 + k, 10 * k), tid, items)))
    lines = []
    for caja, t in spec:
        lines += tickets([t], branch=caja)
    rows = [[ln.when.strftime("%d/%m/%Y %H:%M"), ln.branch, ln.tid, ln.sku,
             ln.desc, plain(ln.qty), cl(ln.net)] for ln in lines]
    add("pos-dos-cajas.csv", table(H, rows, ";"), lines)


# 7. Butcher scale: kg with a dot decimal (every weight >= 1 kg), money
#    without decimals; quantity x Precio = Total decides the reading.
def butcher():
    H = ["Fecha", "Boleta", "PLU", "Descripción", "Cantidad", "Precio",
         "Total"]
    meats = [("101", "Lomo vetado", D(15990)), ("102", "Posta negra",
             D(11990)), ("103", "Pollo entero", D(3290)),
             ("104", "Costillar cerdo", D(7490)), ("105", "Carne molida",
             D(8990))]
    spec = [
        (T(2025, 10, 17), "2201", [(0, "1.250"), (2, "2.105")]),
        (T(2025, 10, 17), "2202", [(1, "1.500")]),
        (T(2025, 10, 18), "2203", [(3, "2.340"), (4, "1.000"),
                                   (2, "1.875")]),
        (T(2025, 10, 18), "2204", [(0, "3.010")]),
        (T(2025, 10, 19), "2205", [(4, "1.125"), (1, "2.750")]),
        (T(2025, 10, 19), "2206", [(2, "1.430")]),
        (T(2025, 10, 20), "2207", [(0, "1.005"), (3, "1.660")]),
        (T(2025, 10, 20), "2208", [(1, "4.200"), (4, "2.015"),
                                   (2, "1.990")]),
    ]
    lines = []
    for when, tid, items in spec:
        for i, q in items:
            plu, desc, price = meats[i]
            q = D(q)
            lines.append(Line(when, tid, plu, q, rnd(q * price), desc,
                              unit=price))
    rows = [[ln.when.strftime("%d/%m/%Y"), ln.tid, ln.sku, ln.desc,
             plain(ln.qty, 3), plain(ln.x["unit"]), plain(ln.net)]
            for ln in lines]
    add("carniceria-balanza.csv", table(H, rows, ";"), lines, "cp1252")


# 8. Excel "CSV (separado por punto y coma)" with a sep=; first line.
def excel_sep():
    H = ["Fecha", "Folio", "Código", "Descripción", "Cantidad", "Monto"]
    spec = [
        (T(2025, 10, 20), "301", [(0, 3), (1, 1)]),
        (T(2025, 10, 20), "302", [(2, 2)]),
        (T(2025, 10, 21), "303", [(6, 1), (7, 3), (4, 1)]),
        (T(2025, 10, 22), "304", [(5, 2)]),
    ]
    spec += more(days(2025, 10, 23, 4), range(305, 309), 2)
    lines = tickets(spec)
    rows = [[ln.when.strftime("%d-%m-%Y"), ln.tid, ln.sku, ln.desc,
             plain(ln.qty), cl(ln.net)] for ln in lines]
    add("excel-sep.csv", "sep=;\r\n" + table(H, rows, ";", nl="\r\n"), lines,
        "cp1252")


# 9. Excel turned the date column into serial numbers.
def excel_serial():
    H = ["Fecha", "Boleta", "Código", "Descripción", "Cantidad", "Total"]
    spec = [
        (T(2025, 10, 3), "7001", [(0, 1), (3, 1)]),
        (T(2025, 10, 3), "7002", [(2, 2)]),
        (T(2025, 10, 4), "7003", [(4, 4), (5, 1)]),
        (T(2025, 10, 30), "7004", [(6, 2)]),
        (T(2025, 11, 2), "7005", [(1, 1), (7, 6)]),
    ]
    spec += more(days(2025, 11, 3, 4), range(7006, 7010), 4)
    lines = tickets(spec)
    base = dt.datetime(1899, 12, 30)
    rows = [[str((ln.when - base).days), ln.tid, ln.sku, ln.desc,
             plain(ln.qty), plain(ln.net)] for ln in lines]
    add("excel-fechas-serie.csv", table(H, rows, ";"), lines)


# 10. Shopify orders export: totals on the first row of each order,
#     line revenue = quantity x price, Discount Amount on the first line.
def shopify():
    H = ["Name", "Email", "Financial Status", "Paid at",
         "Fulfillment Status", "Fulfilled at", "Accepts Marketing",
         "Currency", "Subtotal", "Shipping", "Taxes", "Total",
         "Discount Code", "Discount Amount", "Shipping Method", "Created at",
         "Lineitem quantity", "Lineitem name", "Lineitem price",
         "Lineitem compare at price", "Lineitem sku",
         "Lineitem requires shipping", "Lineitem taxable",
         "Lineitem fulfillment status", "Billing Name", "Vendor"]
    prods = {"POL-M": ("Polera algodón M", D("12990.00")),
             "POL-L": ("Polera algodón L", D("12990.00")),
             "GOR-01": ("Gorro lana, azul", D("8990.00")),
             "": ("Calcetines \"pack\" 3", D("4990.00")),
             "POL-XL": ("Polerón canguro XL", D("24990.00"))}
    orders = [
        ("#1001", "ana@example.cl", T(2025, 10, 3, 14, 22, 1), D(0),
         [("POL-M", 2), ("GOR-01", 1)]),
        ("#1002", "pedro@example.cl", T(2025, 10, 15, 9, 5, 40),
         D("2000.00"), [("POL-XL", 1), ("", 2)]),
        ("#1003", "luz@example.cl", T(2025, 10, 31, 22, 30, 0), D(0),
         [("POL-L", 1)]),
        ("#1004", "ana@example.cl", T(2025, 11, 2, 11, 0, 12),
         D("1500.00"), [("GOR-01", 3), ("POL-M", 1), ("", 1)]),
        ("#1005", "jose@example.cl", T(2025, 11, 14, 20, 45, 3), D(0),
         [("POL-L", 2), ("POL-XL", 1)]),
        ("#1006", "luz@example.cl", T(2025, 11, 30, 23, 59, 59),
         D("990.00"), [("", 4)]),
    ]
    lines, rows = [], []
    for name, email, when, disc, items in orders:
        sub = sum(prods[s][1] * q for s, q in items)
        ship = D("3990.00")
        total = sub - disc + ship
        taxes = rnd(total - total / D("1.19"), 2)
        for k, (sku, q) in enumerate(items):
            desc, price = prods[sku]
            net = price * q - (disc if k == 0 else 0)
            lines.append(Line(when, name, sku or desc, D(q), net, desc))
            first = k == 0
            rows.append([
                name, email,
                "paid" if first else "", when.strftime(
                    "%Y-%m-%d %H:%M:%S -0300") if first else "",
                "fulfilled" if first else "", "", "yes" if first else "",
                "CLP" if first else "",
                plain(sub, 2) if first else "",
                plain(ship, 2) if first else "",
                plain(taxes, 2) if first else "",
                plain(total, 2) if first else "",
                ("PRIMAVERA" if disc else "") if first else "",
                plain(disc, 2) if first else "",
                "Envío Chilexpress" if first else "",
                when.strftime("%Y-%m-%d %H:%M:%S -0300"),
                str(q), desc, plain(price, 2), "", sku, "true", "true",
                "fulfilled", "Ana Pérez" if first else "", "Tienda Lana"])
    add("shopify-orders.csv", table(H, rows, ","), lines)


# 11. US-style file: English headers, MM/DD/YYYY with days > 12, dot
#     decimals, comma thousands.
def us_style(ambiguous=False):
    H = ["Date", "Transaction ID", "SKU", "Description", "Quantity",
         "Unit Price", "Total"]
    days = ([(10, 3), (10, 9), (11, 4), (11, 12), (10, 5), (11, 1),
             (12, 2)] if ambiguous
            else [(10, 3), (10, 14), (10, 25), (11, 7), (11, 21),
                  (11, 8), (11, 30)])
    spec = []
    for k, (m, d) in enumerate(days):
        spec.append((T(2025, m, d), "INV-%04d" % (40 + k),
                     [(k % 8, 1 + k % 3), ((k + 3) % 8, "1.5")]))
    lines = tickets(spec, price_cents=True)
    rows = [[ln.when.strftime("%m/%d/%Y"), ln.tid, ln.sku, ln.desc,
             plain(ln.qty, 1), us(ln.x["unit"]), us(ln.net)] for ln in lines]
    name = "us-fechas-ambiguas.csv" if ambiguous else "us-style.csv"
    add(name, table(H, rows, ","), lines)


# 12. A gross Total and an IVA column only: net = Total - IVA.
def gross_iva():
    H = ["Fecha", "Boleta", "Código", "Descripción", "Cantidad", "IVA",
         "Total"]
    spec = [
        (T(2025, 9, 22), "90001", [(0, 2), (2, 1)]),
        (T(2025, 9, 22), "90002", [(3, 1)]),
        (T(2025, 9, 23), "90003", [(5, 3), (6, 1), (1, 2)]),
        (T(2025, 10, 1), "90004", [(4, 2)]),
    ]
    spec += more(days(2025, 10, 2, 5), range(90005, 90010), 5)
    lines = tickets(spec)
    rows = [[ln.when.strftime("%d-%m-%Y"), ln.tid, ln.sku, ln.desc,
             plain(ln.qty), cl(iva(ln.net)), cl(ln.net + iva(ln.net))]
            for ln in lines]
    add("total-bruto-iva.csv", table(H, rows, ";"), lines)


# 13. SII document type codes: 33 factura, 39 boleta, 61 nota de
#     credito (positive amounts, a return).
def sii_codes():
    H = ["Fecha", "Tipo DTE", "Folio", "Código", "Descripción", "Cantidad",
         "Neto"]
    spec = [
        (T(2025, 10, 8), "39", "1001", [(0, 3), (1, 1)]),
        (T(2025, 10, 8), "33", "1001", [(2, 12), (3, 6)]),
        (T(2025, 10, 9), "39", "1002", [(4, 2)]),
        (T(2025, 10, 9), "61", "201", [(2, 2, True)]),
        (T(2025, 10, 10), "39", "1003", [(5, 1), (7, 4)]),
        (T(2025, 10, 10), "33", "1002", [(0, 24), (4, 10), (6, 10)]),
        (T(2025, 10, 11), "39", "1004", [(1, 2)]),
        (T(2025, 10, 11), "61", "202", [(0, 4, True), (4, 1, True)]),
        (T(2025, 10, 12), "39", "1005", [(3, 1), (2, 1)]),
    ]
    lines = []
    for when, doc, tid, items in spec:
        lines += tickets([(when, tid, items)], doc=doc)
    rows = [[ln.when.strftime("%d-%m-%Y"), ln.doc, ln.tid, ln.sku, ln.desc,
             plain(ln.qty), cl(ln.net)] for ln in lines]
    add("sii-tipo-dte.csv", table(H, rows, ";"), lines)


# 14. Quoted fields with embedded ';', quotes and newlines.
def quoted():
    H = ["Fecha", "Boleta", "SKU", "Descripción", "Cantidad", "Total"]
    descs = ['Vino tinto; reserva', 'Queso "mantecoso" laminado',
             'Pack regalo\nincluye tarjeta', 'Galletas; "Tritón"\n(3 un.)',
             'Aceitunas', 'Pisco 35°; "Mistral"', 'Bebida 3 L', 'Chocolate\n"Trencito"; 2 un.', 'Pan amasado', '"Todo" a mil', 'Jamón; pierna; 250 g', 'Vienesas']
    lines = []
    for k, desc in enumerate(descs):
        when = T(2025, 11, 10 + k // 2)
        lines.append(Line(when, str(600 + k // 2), "Q%02d" % k, D(1 + k % 2),
                          D(1490 * (k + 1)), desc))
    rows = [[ln.when.strftime("%d/%m/%Y"), ln.tid, ln.sku, ln.desc,
             plain(ln.qty), cl(ln.net)] for ln in lines]
    add("campos-con-comillas.csv", table(H, rows, ";"), lines)


# 15. An inch mark in an unquoted field (Excel and DuckDB read it
#     literally).
def inch_mark():
    H = ["Fecha", "Folio", "Código", "Descripción", "Cantidad", "Total"]
    items = [("CLA-2", 'Clavos 2" (kg)', D(1), D(2490)),
             ("CLA-3", 'Clavos 3" (kg)', D(2), D(4980)),
             ("TOR-1", 'Tornillo 1 1/2" x100', D(1), D(3190)),
             ("CIN-1", "Cinta aisladora", D(3), D(1770)),
             ("MAN-3", 'Manguera 3/4" 15 m', D(1), D(12990)),
             ("BRO-1", 'Broca 1/4" acero', D(2), D(3380)),
             ("TUB-1", 'Tubo PVC 1/2" 6 m', D(4), D(9960)),
             ("LLA-1", "Llave stilson 14''", D(1), D(15490)),
             ("CLA-2", 'Clavos 2" (kg)', D(3), D(7470)),
             ("PER-5", "Pernos 5/16\" x 2\" (10 un)", D(1), D(2290)),
             ("SIL-1", "Silicona transparente", D(2), D(5380))]
    lines = []
    for k, (sku, desc, q, net) in enumerate(items):
        lines.append(Line(T(2025, 10, 24 + k // 2), str(4400 + k // 2), sku,
                          q, net, desc))
    rows = [[ln.when.strftime("%d-%m-%Y"), ln.tid, ln.sku, ln.desc,
             plain(ln.qty), cl(ln.net)] for ln in lines]
    add("ferreteria-pulgadas.csv", table(H, rows, ";", quoting=False), lines)


# 16. Returns marked "Devolución" / "NC" with negative amounts.
def returns_negative():
    H = ["Fecha", "Tipo", "N° Boleta", "Código", "Descripción", "Cantidad",
         "Total"]
    spec = [
        (T(2025, 10, 11), "Venta", "3301", [(0, 2), (2, 1)]),
        (T(2025, 10, 11), "Venta", "3302", [(3, 4)]),
        (T(2025, 10, 12), "Devolución", "3301", [(2, 1, True)]),
        (T(2025, 10, 12), "Venta", "3303", [(5, 2), (6, 1)]),
        (T(2025, 10, 13), "NC", "3302", [(3, 1, True)]),
        (T(2025, 10, 13), "Venta", "3304", [(1, 3), (7, 6)]),
        (T(2025, 10, 14), "Venta", "3305", [(4, 2)]),
        (T(2025, 10, 14), "Venta", "3306", [(0, 1), (5, 1), (2, 2)]),
        (T(2025, 10, 15), "Devolución", "3306", [(5, 1, True)]),
    ]
    lines = []
    for when, typ, tid, items in spec:
        for ln in tickets([(when, tid, items)]):
            ln.x["tipo"] = typ
            if ln.ret:
                ln.qty, ln.net = -ln.qty, -ln.net
            lines.append(ln)
    rows = [[ln.when.strftime("%d/%m/%Y"), ln.x["tipo"], ln.tid, ln.sku,
             ln.desc, plain(ln.qty), cl(ln.net)] for ln in lines]
    add("devoluciones-negativas.csv", table(H, rows, ";"), lines)


# 17. "$ 1.234" amounts and a return with a negative quantity and a
#     negative amount and no marker column.
def pesos_sign():
    H = ["Fecha Venta", "Nro Boleta", "Cod. Producto", "Nombre Producto",
         "Cant.", "Venta Neta"]
    spec = [
        (T(2025, 9, 5), "55001", [(0, 1), (1, 3)]),
        (T(2025, 9, 5), "55002", [(2, 1)]),
        (T(2025, 9, 6), "55003", [(4, 2), (5, 1), (3, 1)]),
        (T(2025, 9, 8), "55004", [(2, 1, True)]),
        (T(2025, 9, 12), "55010", [(4, 1, True)]),
    ]
    spec += more(days(2025, 9, 9, 4), range(55005, 55009), 6)
    lines = tickets(spec)

    def money(ln):      # a return: "-$ 3.490", or "(1.090)" as accountants
        if ln.net >= 0:
            return "$ " + cl(ln.net)
        return "(%s)" % cl(-ln.net) if ln.tid == "55010" else "-$ " + cl(
            -ln.net)
    for ln in lines:
        if ln.ret:
            ln.qty, ln.net = -ln.qty, -ln.net
    rows = [[ln.when.strftime("%d-%m-%Y"), ln.tid, ln.sku, ln.desc,
             plain(ln.qty), money(ln)] for ln in lines]
    add("montos-con-signo-peso.csv", table(H, rows, ";"), lines)


# 18. Rows holding only delimiters in the middle and at the end (Excel).
def delimiter_rows():
    H = ["Fecha", "Boleta", "Código", "Descripción", "Cantidad", "Total"]
    spec = [
        (T(2025, 10, 27), "8801", [(0, 1), (1, 1)]),
        (T(2025, 10, 27), "8802", [(2, 1)]),
        (T(2025, 10, 28), "8803", [(3, 2), (4, 1)]),
        (T(2025, 10, 28), "8804", [(6, 5)]),
    ]
    spec += more(days(2025, 10, 29, 4), range(8805, 8809), 7)
    lines = tickets(spec)
    rows = [[ln.when.strftime("%d-%m-%Y"), ln.tid, ln.sku, ln.desc,
             plain(ln.qty), cl(ln.net)] for ln in lines]
    empty = [""] * len(H)
    rows = rows[:3] + [empty] + rows[3:] + [empty, empty, empty]
    add("filas-vacias-excel.csv", table(H, rows, ";"), lines, "cp1252")


PREAMBLE = ["REPORTE DE VENTAS POR PRODUCTO;;;;;",
            "Minimarket Don Pepe Ltda.;;;;;",
            "Desde: 01/10/2025;;Hasta: 31/10/2025;;;",
            "Sucursal: Casa Matriz;;;;;", ";;;;;"]


def titled_lines():
    spec = [
        (T(2025, 10, 1, 9, 0), "12001", [(0, 2), (1, 1)]),
        (T(2025, 10, 1, 9, 30), "12002", [(2, 1), (3, 1)]),
        (T(2025, 10, 15, 18, 0), "12003", [(4, 3)]),
        (T(2025, 10, 31, 20, 0), "12004", [(5, 1), (6, 2), (7, 2)]),
    ]
    spec += more(days(2025, 10, 20, 3), range(12005, 12008), 8)
    lines = tickets(spec)
    H = ["Fecha", "N° Doc. Venta", "Código", "Descripción", "Cantidad",
         "Total"]
    rows = [[ln.when.strftime("%d/%m/%Y %H:%M"), ln.tid, ln.sku, ln.desc,
             plain(ln.qty), cl(ln.net)] for ln in lines]
    total = sum(ln.net for ln in lines)
    return H, rows, lines, "TOTAL;;;;;" + cl(total)


# 19-21. A report title and "Desde:" lines above the header, a TOTAL
#        footer, and both.
def title_footer():
    H, rows, lines, foot = titled_lines()
    body = table(H, rows, ";")
    add("titulo-desde.csv", "\n".join(PREAMBLE) + "\n" + body, lines,
        "cp1252")
    add("pie-total.csv", body + foot + "\n", lines, "cp1252")
    add("titulo-y-pie-total.csv", "\n".join(PREAMBLE) + "\n" + body + foot +
        "\n", lines, "cp1252")


# 22. Excel "Unicode text": UTF-16 LE with BOM, TAB-separated, CRLF.
def utf16():
    H = ["Fecha", "Boleta", "Código", "Descripción", "Cantidad",
         "Total"]
    spec = [
        (T(2025, 11, 17), "661", [(0, 1), (2, 2)]),
        (T(2025, 11, 17), "662", [(1, "0.5")]),
        (T(2025, 11, 18), "663", [(5, 1), (4, 3), (3, 1)]),
    ]
    spec += more(days(2025, 11, 19, 4), range(664, 668), 9)
    lines = tickets(spec)
    rows = [[ln.when.strftime("%d-%m-%Y"), ln.tid, ln.sku, ln.desc,
             cl(ln.qty, 1), cl(ln.net)] for ln in lines]
    add("excel-unicode-utf16.txt", table(H, rows, "\t", nl="\r\n"), lines,
        "utf-16-le", b"\xff\xfe")


# 23. A plain TAB-separated UTF-8 export with a category column.
def tab_plain():
    H = ["fecha", "n° venta", "sku", "nombre", "familia", "cant",
         "total neto"]
    spec = [
        (T(2025, 9, 1, 10), "V-1", [(0, 1), (4, 1)]),
        (T(2025, 9, 1, 11), "V-2", [(2, 2)]),
        (T(2025, 9, 2, 12), "V-3", [(6, 2), (7, 3), (1, 1)]),
        (T(2025, 9, 30, 23, 59), "V-4", [(3, 1)]),
    ]
    spec += more(days(2025, 9, 3, 4), ["V-%d" % i for i in range(5, 9)], 10)
    lines = tickets(spec)
    rows = [[ln.when.strftime("%Y-%m-%dT%H:%M:%S"), ln.tid, ln.sku, ln.desc,
             "Abarrotes", plain(ln.qty), plain(ln.net)] for ln in lines]
    add("tabulado.tsv", table(H, rows, "\t"), lines)


# 24. A UTF-8 BOM, yet Windows-1252 bytes in the text (a POS that writes
#     a BOM and then its own code page).
def bom_cp1252():
    H = ["Fecha", "Boleta", "Código", "Descripción", "Cantidad", "Total"]
    spec = more(days(2025, 10, 6, 8), range(3101, 3109), 11)
    lines = tickets(spec)
    rows = [[ln.when.strftime("%d-%m-%Y"), ln.tid, ln.sku, ln.desc,
             plain(ln.qty), cl(ln.net)] for ln in lines]
    add("bom-con-bytes-cp1252.csv", table(H, rows, ";"), lines, "cp1252",
        b"\xef\xbb\xbf")


# 25. The net column after the gross one: "Total" (gross) first, then
#     "Neto" and "IVA"; the net must win whatever the order.
def net_after_total():
    H = ["Fecha", "Tipo Documento", "Folio", "Código", "Descripción",
         "Cantidad", "Total", "Neto", "IVA"]
    spec = more(days(2025, 11, 10, 9, 3), range(501, 510), 12)
    lines = []
    for k, t in enumerate(spec):
        lines += tickets([t], doc="Factura" if k % 3 == 0 else "Boleta")
    rows = [[ln.when.strftime("%d/%m/%Y"), ln.doc, ln.tid, ln.sku, ln.desc,
             plain(ln.qty), cl(ln.net + iva(ln.net)), cl(ln.net),
             cl(iva(ln.net))] for ln in lines]
    add("neto-despues-de-total.csv", table(H, rows, ";"), lines)


# 26. An e-commerce export with ISO 8601 offsets (-03:00 and Z): the day
#     is the one written, even at 23:30 on a month's last day.
def iso_offsets():
    H = ["N° Pedido", "Fecha", "SKU", "Nombre", "Cantidad", "Total"]
    when = [T(2025, 10, 30, 12, 0, 5), T(2025, 10, 31, 23, 30, 0),
            T(2025, 10, 31, 23, 59, 59), T(2025, 11, 1, 0, 0, 1),
            T(2025, 11, 1, 2, 15, 0), T(2025, 11, 2, 18, 40, 0)]
    spec = more(when, range(20451, 20457), 13)
    lines = tickets(spec)
    rows = []
    for k, ln in enumerate(lines):
        stamp = ln.when.strftime("%Y-%m-%dT%H:%M:%S") + (
            "Z" if ln.tid in ("20453", "20455") else "-03:00")
        rows.append([ln.tid, stamp, ln.sku, ln.desc, plain(ln.qty),
                     plain(ln.net)])
    add("pedidos-iso-offset.csv", table(H, rows, ","), lines)


# 27. The SII sales register (RCV, "detalle ventas"): document level, no
#     product or quantity; transaction = type + folio; revenue = Monto
#     Neto + Monto Exento; 61 subtracts, 56 adds, 52 (guia de despacho)
#     is not a sale and is skipped.
def rcv():
    H = ["Nro", "Tipo Doc", "Tipo Venta", "Rut cliente", "Razon Social",
         "Folio", "Fecha Docto", "Fecha Recepcion", "Fecha Acuse Reclamo",
         "Fecha Reclamo", "Monto Exento", "Monto Neto", "Monto IVA",
         "Monto total", "IVA Retenido Total", "IVA Retenido Parcial",
         "IVA no retenido", "IVA propio", "IVA Terceros"]
    docs = [  # tipo, folio, day, cliente, exento, neto
        ("33", "1501", (2025, 10, 1), "76086428-5", 0, 125000),
        ("33", "1502", (2025, 10, 2), "96512340-K", 0, 89900),
        ("34", "88", (2025, 10, 2), "65012345-6", 45000, 0),
        ("33", "1503", (2025, 10, 6), "76086428-5", 12000, 230450),
        ("52", "4410", (2025, 10, 6), "76086428-5", 0, 230450),
        ("61", "301", (2025, 10, 9), "96512340-K", 0, 15000),
        ("56", "41", (2025, 10, 10), "76086428-5", 0, 2500),
        ("33", "1504", (2025, 10, 14), "77123456-8", 0, 310000),
        ("33", "1505", (2025, 10, 20), "96512340-K", 0, 56780),
        ("61", "302", (2025, 10, 28), "76086428-5", 0, 20000),
        ("33", "1506", (2025, 10, 31), "77123456-8", 0, 99990),
    ]
    lines, rows = [], []
    for k, (tipo, folio, (y, m, d), rut, ex, neto) in enumerate(docs):
        ex, neto = D(ex), D(neto)
        tax = iva(neto)
        if tipo != "52":
            lines.append(Line(T(y, m, d), folio, "", D(0), ex + neto,
                              doc=tipo, ret=tipo == "61"))
        rows.append([str(k + 1), tipo, "Del Giro", rut, "Cliente %d Ltda."
                     % (k % 4 + 1), folio, "%02d/%02d/%d" % (d, m, y),
                     "%02d/%02d/%d 10:11:12" % (d, m, y), "", "", plain(ex),
                     plain(neto), plain(tax), plain(ex + neto + tax), "0",
                     "0", "0", "0", "0"])
    add("rcv-ventas-detalle.csv", table(H, rows, ";"), lines)


# 28. Google Sheets "Download as CSV" in a Chilean-locale sheet: ','
#     delimiter, displayed values quoted ("$1.990", "1,5"), dates d/m/yyyy
#     without leading zeros.
def google_sheets():
    H = ["Fecha", "N° Boleta", "Código", "Descripción", "Cantidad",
         "Total"]
    spec = [(T(2025, 10, 3), "101", [(1, "1.5"), (0, 2)]),
            (T(2025, 10, 3), "102", [(2, 1)]),
            (T(2025, 10, 9), "103", [(1, "0.25"), (5, 1)]),
            (T(2025, 10, 14), "104", [(3, 3)])]
    spec += more(days(2025, 10, 20, 6), range(105, 111), 14)
    lines = tickets(spec)
    rows = [["%d/%d/%d" % (ln.when.day, ln.when.month, ln.when.year),
             ln.tid, ln.sku, ln.desc, cl(ln.qty, 2 if ln.qty % 1 else 0)
             .rstrip("0").rstrip(",") if ln.qty % 1 else plain(ln.qty),
             "$" + cl(ln.net)] for ln in lines]
    add("google-sheets-es-cl.csv", table(H, rows, ","), lines)


# 29. A scale with weights below and above 1 kg (0.850 proves the dot)
#     and whole kilos written 2.000.
def butcher_grams():
    H = ["Fecha", "Boleta", "PLU", "Descripción", "Cantidad", "Precio",
         "Total"]
    meats = [("201", "Lomo liso", D(13990)), ("202", "Huachalomo",
             D(8490)), ("203", "Trutro pollo", D(2990)), ("204",
             "Longaniza", D(6990))]
    spec = [(T(2025, 11, 21), "31", [(0, "0.850"), (1, "1.250")]),
            (T(2025, 11, 21), "32", [(2, "2.000")]),
            (T(2025, 11, 22), "33", [(3, "0.415"), (2, "1.730"),
                                     (0, "0.995")]),
            (T(2025, 11, 22), "34", [(1, "3.000")]),
            (T(2025, 11, 24), "35", [(3, "1.060"), (0, "0.300")]),
            (T(2025, 11, 24), "36", [(2, "0.780")])]
    lines = []
    for when, tid, items in spec:
        for i, q in items:
            plu, desc, price = meats[i]
            q = D(q)
            lines.append(Line(when, tid, plu, q, rnd(q * price), desc,
                              unit=price))
    rows = [[ln.when.strftime("%d/%m/%Y"), ln.tid, ln.sku, ln.desc,
             plain(ln.qty, 3), plain(ln.x["unit"]), plain(ln.net)]
            for ln in lines]
    add("carniceria-gramos.csv", table(H, rows, ";"), lines, "cp1252")


# 30. Excel's empty trailing columns (";;" after the last header and
#     every row) and a credit note written with negative amounts.
def trailing_columns():
    H = ["Fecha", "Tipo Documento", "Folio", "Código", "Descripción",
         "Cantidad", "Neto", "", ""]
    spec = more(days(2025, 9, 15, 8), range(7701, 7709), 15)
    lines = []
    for t in spec:
        lines += tickets([t], doc="Boleta")
    nc = tickets([(T(2025, 9, 19, 12), "410", [(2, 1, True)])],
                 doc="Nota de Crédito")
    for ln in nc:
        ln.qty, ln.net = -ln.qty, -ln.net
    lines += nc
    rows = [[ln.when.strftime("%d-%m-%Y"), ln.doc, ln.tid, ln.sku, ln.desc,
             plain(ln.qty), cl(ln.net), "", ""] for ln in lines]
    add("columnas-vacias-al-final.csv", table(H, rows, ";"), lines)


# ----------------------------------------------------------------- truth

def truth(lines):
    months = OrderedDict()
    for ln in sorted(lines, key=lambda l: l.when):
        m = months.setdefault(ln.when.strftime("%Y-%m"),
                              dict(rev=D(0), units=None, tx=set(), lines=0,
                                   ret=0))
        sign = -1 if ln.ret or (ln.qty < 0 and ln.net < 0) else 1
        m["rev"] += sign * abs(ln.net)
        if ln.sku:              # a document-level line has no units
            m["units"] = (m["units"] or D(0)) + sign * abs(ln.qty)
        m["tx"].add((ln.branch, ln.doc, ln.when.date(), ln.tid))
        m["lines"] += 1
        m["ret"] += sign < 0
    return months


def main():
    for f in (bsale, bsale_semicolon, pos_cp1252, pos_bom_crlf,
              ticket_restart, two_registers, butcher, excel_sep,
              excel_serial, shopify, us_style,
              lambda: us_style(ambiguous=True), gross_iva, sii_codes,
              quoted, inch_mark, returns_negative, pesos_sign,
              delimiter_rows, title_footer, utf16, tab_plain, bom_cp1252,
              net_after_total, iso_offsets, rcv, google_sheets,
              butcher_grams, trailing_columns):
        f()
    out = ["file,month,revenue,units,transactions,lines,returns"]
    for name, (data, lines) in FILES.items():
        with open(os.path.join(HERE, name), "wb") as fh:
            fh.write(data)
        for month, m in truth(lines).items():
            out.append("%s,%s,%s,%s,%d,%d,%d" % (
                name, month, rnd(m["rev"], 2),
                "" if m["units"] is None else rnd(m["units"], 3),
                len(m["tx"]), m["lines"], m["ret"]))
    with open(os.path.join(HERE, "expected.csv"), "w") as fh:
        fh.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
