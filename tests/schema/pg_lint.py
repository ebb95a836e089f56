#!/usr/bin/env python3
"""pg_lint.py - check that the PostgreSQL schema keeps Citus's rules.

Usage: pg_lint.py schema/pg   (its NNNN_*.sql in order, then citus.sql)
       pg_lint.py FILE...
       pg_lint.py --expect-fail FIXTURE...

Reads the SQL text only: no server.  The files are taken in the order
given, as the migration runner would apply them; the create_reference_table
and create_distributed_table calls (schema/pg/citus.sql) say which tables
are reference tables and which are tenant tables.  It fails, naming the
table, when:
  * a table with a company_id column is neither reference nor distributed,
    or a tenant table is distributed by another column;
  * a tenant table's primary key or a unique constraint or index does not
    start with company_id (Citus enforces uniqueness per shard only);
  * a foreign key between tenant tables does not pair company_id with
    company_id, or sets it to NULL or a default on delete;
  * a trigger is created on a tenant table (Citus refuses them);
  * a tenant table is not PARTITION BY HASH (company_id), or has no
    partitions (the stand-in for Citus where Citus is absent);
  * a reference table, or a table Citus leaves on the coordinator, has a
    foreign key to a tenant table;
  * citus.sql places a table before a table its foreign keys point to;
  * the migrations are not numbered 1, 2, 3... without gaps.
With --expect-fail, each fixture must fail with exactly one error, which
contains the text of the fixture's first line, '-- expect: TEXT'; this
shows that each rule can fail.  Not checked: what the SQL means (tests/schema/pg-load.sh
loads it into a real server).
"""

import os
import re
import sys


class Table:
	def __init__(self, name):
		self.name = name
		self.columns = []
		self.pk = None			# list of columns
		self.uniques = []		# lists of columns
		self.fks = []			# (cols, table, refcols, on_delete)
		self.partition = None		# ('hash', [cols]) or other
		self.partitions = 0


def strip(sql):
	"""SQL text without comments, string contents and dollar bodies.

	String literals become '' so that names inside them (format() strings,
	messages) are not read as SQL, except a literal that is one plain name:
	the argument of ayni_partition() or create_*_table().  Newlines stay,
	so that line numbers stay right."""
	out = []
	i, n = 0, len(sql)
	while i < n:
		c = sql[i]
		if sql.startswith("--", i):
			j = sql.find("\n", i)
			i = n if j < 0 else j
		elif sql.startswith("/*", i):
			j = sql.find("*/", i + 2)
			j = n if j < 0 else j + 2
			out.append("\n" * sql.count("\n", i, j))
			i = j
		elif c == "'":
			j = i + 1
			while j < n:
				if sql[j] == "'" and sql.startswith("''", j):
					j += 2
				elif sql[j] == "'":
					break
				else:
					j += 1
			lit = sql[i + 1:j].replace("''", "'")
			# keep plain identifiers-as-strings (call arguments)
			if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", lit):
				out.append("'" + lit + "'")
			else:
				out.append("''" + "\n" * lit.count("\n"))
			i = j + 1
		elif c == "$":
			m = re.match(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$", sql[i:])
			if m:
				tag = m.group(0)
				j = sql.find(tag, i + len(tag))
				j = n if j < 0 else j + len(tag)
				out.append("$$$$" + "\n" * sql.count("\n", i, j))
				i = j
			else:
				out.append(c)
				i += 1
		else:
			out.append(c)
			i += 1
	return "".join(out)


def split_top(text, sep=","):
	"""Split on sep outside parentheses."""
	parts, depth, cur = [], 0, []
	for c in text:
		if c == "(":
			depth += 1
		elif c == ")":
			depth -= 1
		if c == sep and depth == 0:
			parts.append("".join(cur))
			cur = []
		else:
			cur.append(c)
	if "".join(cur).strip():
		parts.append("".join(cur))
	return [p.strip() for p in parts]


def paren(text, start):
	"""The text inside the parenthesis opening at start, and the end."""
	depth = 0
	for i in range(start, len(text)):
		if text[i] == "(":
			depth += 1
		elif text[i] == ")":
			depth -= 1
			if depth == 0:
				return text[start + 1:i], i + 1
	raise ValueError("unbalanced parentheses")


def names(text):
	return [c.strip().strip('"').lower() for c in text.split(",")]


IDENT = r'"?([A-Za-z_][A-Za-z0-9_]*)"?'
ON_DELETE = re.compile(r"\bON\s+DELETE\s+(SET\s+NULL|SET\s+DEFAULT|"
    r"CASCADE|RESTRICT|NO\s+ACTION)(\s*\([^)]*\))?", re.I)


def ref_clause(text):
	"""REFERENCES t [(cols)] [ON DELETE ...] -> (table, cols, action)."""
	m = re.search(r"\bREFERENCES\s+" + IDENT + r"\s*(\(([^)]*)\))?",
	    text, re.I)
	if not m:
		return None
	cols = names(m.group(3)) if m.group(3) else ["id"]
	d = ON_DELETE.search(text)
	action = None
	if d:
		action = re.sub(r"\s+", " ", d.group(1).upper())
		if d.group(2):		# SET NULL (cols): only those columns
			action += " " + re.sub(r"\s+", "", d.group(2)).lower()
	return m.group(1).lower(), cols, action


def table_constraint(t, item):
	"""A PRIMARY KEY, UNIQUE or FOREIGN KEY item of a table or ALTER."""
	item = re.sub(r"^CONSTRAINT\s+" + IDENT + r"\s+", "", item,
	    flags=re.I)
	m = re.match(r"PRIMARY\s+KEY\s*\(([^)]*)\)", item, re.I)
	if m:
		t.pk = names(m.group(1))
		return True
	m = re.match(r"UNIQUE\s*(NULLS\s+(NOT\s+)?DISTINCT\s*)?\(([^)]*)\)",
	    item, re.I)
	if m:
		t.uniques.append(names(m.group(3)))
		return True
	m = re.match(r"FOREIGN\s+KEY\s*\(([^)]*)\)\s*(.*)$", item, re.I | re.S)
	if m:
		tab, refcols, action = ref_clause(m.group(2))
		t.fks.append((names(m.group(1)), tab, refcols, action))
		return True
	return re.match(r"(CHECK|EXCLUDE)\b", item, re.I) is not None


def column(t, item):
	m = re.match(IDENT + r"\s+(.*)$", item, re.S)
	col, rest = m.group(1).lower(), m.group(2)
	t.columns.append(col)
	if re.search(r"\bPRIMARY\s+KEY\b", rest, re.I):
		t.pk = [col]
	if re.search(r"\bUNIQUE\b", rest, re.I):
		t.uniques.append([col])
	r = ref_clause(rest)
	if r:
		t.fks.append(([col], r[0], r[1], r[2]))


class Schema:
	def __init__(self):
		self.tables = {}
		self.triggers = []		# (trigger table, where)
		self.placed = []		# (table, 'reference'|'tenant', col)
		self.errors = []

	def error(self, msg):
		self.errors.append(msg)

	def create_table(self, stmt, where):
		m = re.match(r"CREATE\s+(UNLOGGED\s+)?TABLE\s+(IF\s+NOT\s+EXISTS"
		    r"\s+)?" + IDENT + r"\s*", stmt, re.I)
		name = m.group(3).lower()
		rest = stmt[m.end():]
		po = re.match(r"PARTITION\s+OF\s+" + IDENT, rest, re.I)
		if po:
			parent = self.tables.get(po.group(1).lower())
			if parent is not None:
				parent.partitions += 1
			return
		if not rest.startswith("("):
			self.error("%s: cannot read CREATE TABLE %s" % (where, name))
			return
		t = Table(name)
		body, end = paren(rest, 0)
		for item in split_top(body):
			if not table_constraint(t, item):
				column(t, item)
		pm = re.match(r"\s*PARTITION\s+BY\s+(\w+)\s*\(([^)]*)\)",
		    rest[end:], re.I)
		if pm:
			t.partition = (pm.group(1).lower(), names(pm.group(2)))
		self.tables[name] = t

	def create_index(self, stmt, where):
		m = re.match(r"CREATE\s+UNIQUE\s+INDEX\s+(CONCURRENTLY\s+)?"
		    r"(IF\s+NOT\s+EXISTS\s+)?(" + IDENT + r"\s+)?ON\s+(ONLY\s+)?"
		    + IDENT + r"\s*(USING\s+\w+\s*)?\(", stmt, re.I)
		if not m:
			return
		t = self.tables.get(m.group(6).lower())
		if t is None:
			self.error("%s: unique index on unknown table %s" %
			    (where, m.group(6)))
			return
		cols, _ = paren(stmt, m.end() - 1)
		t.uniques.append([c.split()[0].lower() if c.split() else c
		    for c in split_top(cols)])

	def alter_table(self, stmt, where):
		m = re.match(r"ALTER\s+TABLE\s+(IF\s+EXISTS\s+)?(ONLY\s+)?"
		    + IDENT + r"\s+(.*)$", stmt, re.I | re.S)
		t = self.tables.get(m.group(3).lower())
		if t is None:
			return
		rest = m.group(4)
		r = re.match(r"RENAME\s+TO\s+" + IDENT + r"\s*$", rest, re.I)
		if r:
			del self.tables[t.name]
			t.name = r.group(1).lower()
			self.tables[t.name] = t
			return
		for action in split_top(rest):
			a = re.match(r"ADD\s+(COLUMN\s+)?(.*)$", action,
			    re.I | re.S)
			if a and not table_constraint(t, a.group(2)):
				column(t, a.group(2))

	def statement(self, stmt, where):
		s = stmt.strip()
		up = s.upper()
		if re.match(r"CREATE\s+(UNLOGGED\s+)?TABLE\b", up):
			self.create_table(s, where)
		elif re.match(r"CREATE\s+UNIQUE\s+INDEX\b", up):
			self.create_index(s, where)
		elif re.match(r"ALTER\s+TABLE\b", up):
			self.alter_table(s, where)
		elif re.match(r"DROP\s+TABLE\b", up):
			for n in re.findall(IDENT, s[len("DROP TABLE"):]):
				self.tables.pop(n.lower(), None)
		elif re.match(r"CREATE\s+(OR\s+REPLACE\s+)?(CONSTRAINT\s+)?"
		    r"TRIGGER\b", up):
			m = re.search(r"\bON\s+" + IDENT, s, re.I)
			self.triggers.append((m.group(1).lower() if m else "?",
			    where))
		for m in re.finditer(r"\bayni_partition\s*\(\s*'(\w+)'", s):
			t = self.tables.get(m.group(1).lower())
			if t is not None:
				t.partitions += 8
		for m in re.finditer(r"\bcreate_reference_table\s*\(\s*'(\w+)'",
		    s, re.I):
			self.placed.append((m.group(1).lower(), "reference", None))
		for m in re.finditer(r"\bcreate_distributed_table\s*\(\s*"
		    r"'(\w+)'\s*,\s*'(\w+)'", s, re.I):
			self.placed.append((m.group(1).lower(), "tenant",
			    m.group(2).lower()))

	def load(self, path):
		with open(path, encoding="utf-8") as f:
			text = strip(f.read())
		line = 1
		for stmt in text.split(";"):
			self.statement(stmt, "%s:%d" % (path, line +
			    len(stmt) - len(stmt.lstrip("\n"))))
			line += stmt.count("\n")


def check(s):
	kind = {}
	for name, k, col in s.placed:
		if name not in s.tables:
			s.error("citus.sql places '%s', which no migration "
			    "creates" % name)
			continue
		t = s.tables[name]
		for cols, ref, refcols, action in t.fks:
			if ref != name and ref not in kind:
				s.error("citus.sql places '%s' before '%s', "
				    "which its foreign key refers to" % (name, ref))
		kind[name] = k
		if k == "tenant" and col != "company_id":
			s.error("tenant table '%s' is distributed by '%s', not "
			    "company_id" % (name, col))
	for t in s.tables.values():
		if t.name not in kind and "company_id" in t.columns:
			s.error("table '%s' has a company_id column but is neither "
			    "a reference nor a distributed table in citus.sql" %
			    t.name)
	for t in sorted(s.tables.values(), key=lambda t: t.name):
		if kind.get(t.name) == "tenant":
			check_tenant(s, t, kind)
		else:
			for cols, ref, refcols, action in t.fks:
				if kind.get(ref) == "tenant":
					s.error("%s table '%s' has a foreign key to "
					    "tenant table '%s'" % (kind.get(t.name,
					    "local"), t.name, ref))
	for tab, where in s.triggers:
		if kind.get(tab) == "tenant":
			s.error("%s: trigger on tenant table '%s'" % (where, tab))


def check_tenant(s, t, kind):
	if not t.pk:
		s.error("tenant table '%s' has no primary key" % t.name)
	elif t.pk[0] != "company_id":
		s.error("tenant table '%s': primary key (%s) does not start "
		    "with company_id" % (t.name, ", ".join(t.pk)))
	for u in t.uniques:
		if u[0] != "company_id":
			s.error("tenant table '%s': unique key (%s) does not "
			    "start with company_id" % (t.name, ", ".join(u)))
	if t.partition != ("hash", ["company_id"]):
		s.error("tenant table '%s' is not PARTITION BY HASH "
		    "(company_id)" % t.name)
	elif t.partitions == 0:
		s.error("tenant table '%s' has no partitions" % t.name)
	for cols, ref, refcols, action in t.fks:
		if kind.get(ref) != "tenant":
			continue
		pairs = dict(zip(cols, refcols))
		if pairs.get("company_id") != "company_id":
			s.error("tenant table '%s': foreign key (%s) to tenant "
			    "table '%s' lacks company_id" % (t.name,
			    ", ".join(cols), ref))
		elif action in ("SET NULL", "SET DEFAULT"):
			s.error("tenant table '%s': foreign key (%s) to '%s' "
			    "would set company_id on delete" % (t.name,
			    ", ".join(cols), ref))


def files(args):
	"""A directory stands for its NNNN_*.sql in order, then citus.sql."""
	out = []
	for a in args:
		if not os.path.isdir(a):
			out.append(a)
			continue
		mig = sorted(f for f in os.listdir(a)
		    if re.fullmatch(r"[0-9]{4}_\w+\.sql", f))
		out += [os.path.join(a, f) for f in mig]
		out.append(os.path.join(a, "citus.sql"))
	return out


def numbering(paths):
	"""Migrations are numbered 1, 2, 3... as the runner applies them."""
	errors = []
	nums = [int(os.path.basename(p)[:4]) for p in paths
	    if re.fullmatch(r"[0-9]{4}_\w+\.sql", os.path.basename(p))]
	if nums != list(range(1, len(nums) + 1)):
		errors.append("migrations are numbered %s, not 1..%d without "
		    "gaps" % (nums, len(nums)))
	return errors


def lint(paths):
	s = Schema()
	for p in paths:
		s.load(p)
	check(s)
	return numbering(paths) + s.errors


def main(argv):
	if argv[1:2] == ["--expect-fail"]:
		bad = 0
		for p in argv[2:]:
			with open(p, encoding="utf-8") as f:
				first = f.readline()
			want = re.match(r"--\s*expect:\s*(.*\S)", first)
			errors = lint([p])
			if not want:
				print("%s: no '-- expect:' first line" % p)
				bad += 1
			elif len(errors) != 1 or want.group(1) not in errors[0]:
				print("%s: expected one error, with '%s'; got: %s" %
				    (p, want.group(1), errors or "none"))
				bad += 1
			else:
				print("ok %s: %s" % (p, want.group(1)))
		return 1 if bad else 0
	paths = files(argv[1:])
	errors = lint(paths)
	for e in errors:
		print("pg_lint: " + e, file=sys.stderr)
	if not errors:
		print("pg_lint: %s: the schema keeps Citus's rules" %
		    " ".join(paths))
	return 1 if errors else 0


if __name__ == "__main__":
	sys.exit(main(sys.argv))
