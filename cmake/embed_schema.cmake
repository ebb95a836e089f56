# Turn schema/NNNN_<what>.sql into a C array of migrations, in file-name
# order.  Run as: cmake -DSCHEMA_DIR=... -DOUT=... -P embed_schema.cmake
# The number in each name is the user_version the file brings the database
# to; numbers must run 1, 2, 3... without gaps (src/lib/db.c checks it).
file(GLOB files ${SCHEMA_DIR}/[0-9][0-9][0-9][0-9]_*.sql)
list(SORT files)
set(body "/* Generated from the schema directory by cmake/embed_schema.cmake. */\n")
string(APPEND body "#include \"schema.h\"\n\n")
string(APPEND body "const struct ayni_migration ayni_migrations[] = {\n")
set(n 0)
foreach(f ${files})
	get_filename_component(name ${f} NAME)
	string(SUBSTRING ${name} 0 4 num)
	math(EXPR num "1${num} - 10000")
	file(READ ${f} sql)
	# Emit the SQL as a sequence of C string literals, one per line.
	string(REPLACE "\\" "\\\\" sql "${sql}")
	string(REPLACE "\"" "\\\"" sql "${sql}")
	string(REPLACE "\t" "\\t" sql "${sql}")
	string(REPLACE "\n" "\\n\"\n\t    \"" sql "${sql}")
	string(APPEND body "\t{ ${num}, \"${name}\",\n\t    \"${sql}\" },\n")
	math(EXPR n "${n} + 1")
endforeach()
string(APPEND body "};\n\nconst int ayni_migration_count = ${n};\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
