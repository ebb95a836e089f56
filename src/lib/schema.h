/*
 * schema.h - the migrations embedded from the schema directory at build time
 * (cmake/embed_schema.cmake writes the array).  Private to libayni.
 */
#ifndef AYNI_SCHEMA_H
#define AYNI_SCHEMA_H

struct ayni_migration {
	int		 version;	/* user_version after applying it */
	const char	*name;		/* file name, for messages */
	const char	*sql;
};

extern const struct ayni_migration ayni_migrations[];
extern const int ayni_migration_count;

/* schema/pg/: PostgreSQL's own migrations, numbered apart (sql_pg.c). */
extern const struct ayni_migration ayni_pg_migrations[];
extern const int ayni_pg_migration_count;

#endif /* AYNI_SCHEMA_H */
