/* sql_files.h: the SQL files of sql/, embedded at build time by src/embed.cmake. */
#ifndef PRESSROOM_SQL_FILES_H
#define PRESSROOM_SQL_FILES_H

struct sql_file {
	const char *name;  /* e.g. "0001_init.sql"; the number before '_' is the schema version it makes */
	const char *text;
};

extern const struct sql_file sql_migrations[];  /* in version order */
extern const int sql_migrations_count;
extern const char sql_queries[];
extern const char sql_seed[];

#endif
