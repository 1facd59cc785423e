/* main.c: the pressroom command and its subcommands, in the manner of git or fossil:
 *   pressroom serve ...       the FastCGI responder (serve.c)
 *   pressroom db init|migrate|seed
 *   pressroom site ...        the site's name, contacts and clock cities (cmd_site.c)
 *   pressroom --help | --version
 * Bad usage: one line saying what is wrong, the usage, exit 2. */
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "backup.h"
#include "buf.h"
#include "cmd_key.h"
#include "cmd_verify.h"
#include "verify_download.h"
#include "cmd_site.h"
#include "cmd_subscribers.h"
#include "config.h"
#include "config_check.h"
#include "db.h"
#include "housekeeping.h"
#include "item_store.h"
#include "serve.h"
#include "user.h"
#include "valid.h"

#ifndef PRESSROOM_VERSION
#define PRESSROOM_VERSION "0.0.0"
#endif
#ifndef PRESSROOM_SYSCONF_DIR
#define PRESSROOM_SYSCONF_DIR "/etc/pressroom"
#endif
#ifndef PRESSROOM_TEMPLATES_DIR
#define PRESSROOM_TEMPLATES_DIR "templates"
#endif
#ifndef PRESSROOM_TEMPLATES_FROM_BIN
#define PRESSROOM_TEMPLATES_FROM_BIN "../share/pressroom/templates"
#endif

static const char usage_text[] =
	"usage: pressroom serve (--socket PATH | --listen HOST:PORT) [--db PATH] [--workers N] [--templates DIR]\n"
	"                       [--body-limit BYTES] [--user NAME] [--config FILE]\n"
	"       pressroom db (init | migrate | seed | check | optimize | backup FILE | backup DIR [--keep N] |\n"
	"                    restore FILE | sql) [--db PATH] [--config FILE]\n"
	"       pressroom user (add NAME --role editor|publisher | passwd NAME | disable NAME | list) [--db PATH]\n"
	"                      [--config FILE]\n"
	"       pressroom site [show | set KEY VALUE | clocks [CITY=ZONE ...]] [--db PATH] [--config FILE]\n"
	"       pressroom config check [FILE | --config FILE]\n"
	"       pressroom key (generate | show | sign FILE [--comment TEXT] | sign-versions [--archive URL] | rotate)\n"
	"                     [--key PATH] [--db PATH] [--config FILE]\n"
	"       pressroom verify (DIR | URL) [--checkpoint FILE]\n"
	"       pressroom --help | --version\n"
	"\n"
	"  serve      answer FastCGI requests from nginx with N worker processes (default: one per core)\n"
	"  db init    create the database (if missing) and bring its schema up to date\n"
	"  db migrate bring an existing database's schema up to date and keep every body's HTML rendered\n"
	"  db seed    load the demo content into an empty database\n"
	"  db check   verify the database's integrity, foreign keys and schema version\n"
	"  db optimize merge the search index into one piece, so searches stay fast, and remove expired sessions,\n"
	"             sign-in failures, device cookies, unconfirmed addresses and subscribe attempts (nightly,\n"
	"             with the backup)\n"
	"  db backup  copy the live database to FILE (safe while serving); into a folder DIR as\n"
	"             pressroom-YYYYMMDD-HHMMSS.db (UTC), replacing none, keeping the newest N with --keep N\n"
	"  db restore replace the database's content with a checked backup FILE\n"
	"  db sql     run the SQL read from stdin, with the search index's tokenizer (the sqlite3 shell lacks it)\n"
	"  user       manage press officers' accounts; passwords are read from the terminal or stdin\n"
	"  site       show or set the site's name, tagline, zone, url, contacts and clock cities\n"
	"  subscribers export  the confirmed email alert subscribers as CSV on stdout, for the data controller\n"
	"  subscribers count   how many subscribe, confirmed and pending, per language and list\n"
	"  key        the office's signing key (--key, else signing_key in the configuration): generate it\n"
	"             (mode 0600, outside the data folder), show its public key and fingerprint, or sign FILE\n"
	"             into FILE.minisig, or sign-versions: every published version not yet signed (docs/authenticity.md),\n"
	"             with --archive URL first recording a version of each published item that has none (the demo's,\n"
	"             or a site's from before the history) with URL as the site's address, or rotate: a new key,\n"
	"             endorsed by the old one, which is retired (restart serve after it)\n"
	"  verify     check a downloaded copy in DIR (signing-key.pub, history.txt, history-head.txt and their\n"
	"             texts with .minisig): every signature, the chain, and that a saved checkpoint is a prefix;\n"
	"             or the site at URL (http:// or https://), downloaded first: the key, the history and every version\n"
	"\n"
	"  config check  report every bad value of the configuration file (FILE, --config FILE, else the\n"
	"                default below), with its line, and what serve would refuse at start (templates,\n"
	"                user, database and its schema)\n"
	"\n"
	"  --config   the configuration file (default: $PRESSROOM_CONFIG; for config check, /etc/pressroom/pressroom.conf)\n"
	"  --db PATH  the SQLite database (default: the configuration's database, else $PRESSROOM_DB, else\n"
	"             pressroom.db)\n"
	"  --user     started as root, the workers open the database and then become this user (default nobody)\n";

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("pressroom: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fputs(usage_text, stderr);
	return 2;
}

static const char *default_db(void)
{
	const char *env = getenv("PRESSROOM_DB");
	return env && *env ? env : "pressroom.db";
}

/* Parse the options shared by the subcommands. Returns 0, or an exit code after printing the error. */
enum { OPT_SOCKET = 1, OPT_LISTEN, OPT_DB, OPT_WORKERS, OPT_TEMPLATES, OPT_BODY_LIMIT, OPT_ROLE, OPT_USER, OPT_CONFIG, OPT_KEEP };

/* Everything the subcommands take; each accepts only its own options. */
struct cli {
	struct serve_options serve;
	const char *role;
	const char *config;
	int keep;         /* db backup DIR --keep N */
	int takes_file;   /* in: the command takes one FILE operand, anywhere among its options */
	const char *file; /* out: that operand */
};

static int parse_options(int argc, char **argv, int allowed, struct cli *cli)
{
	static const struct option longopts[] = {
		{"socket", required_argument, NULL, OPT_SOCKET},   {"listen", required_argument, NULL, OPT_LISTEN},
		{"db", required_argument, NULL, OPT_DB},           {"workers", required_argument, NULL, OPT_WORKERS},
		{"templates", required_argument, NULL, OPT_TEMPLATES}, {"body-limit", required_argument, NULL, OPT_BODY_LIMIT},
		{"role", required_argument, NULL, OPT_ROLE},           {"user", required_argument, NULL, OPT_USER},
		{"config", required_argument, NULL, OPT_CONFIG},       {"keep", required_argument, NULL, OPT_KEEP},
		{NULL, 0, NULL, 0},
	};
	opterr = 0;
	optind = 1;
	struct serve_options *o = &cli->serve;
	int opt;
	while ((opt = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		int c = opt;
		if (c == '?')
			return usage_error("unknown option %s", argv[optind - 1]);
		if (c == ':')
			return usage_error("option %s needs a value", argv[optind - 1]);
		if (!(allowed & (1 << c)))
			return usage_error("option --%s does not apply here", longopts[c - 1].name);
		long long n;
		switch (c) {
		case OPT_SOCKET: o->socket_path = optarg; break;
		case OPT_LISTEN: o->listen = optarg; break;
		case OPT_DB: o->db_path = optarg; break;
		case OPT_TEMPLATES: o->templates = optarg; break;
		case OPT_BODY_LIMIT:
			if (!valid_positive(optarg, 1L << 30, &n))
				return usage_error("--body-limit wants a number of bytes, not %s", optarg);
			o->body_limit = (long)n;
			break;
		case OPT_ROLE: cli->role = optarg; break;
		case OPT_USER: o->user = optarg; break;
		case OPT_CONFIG: cli->config = optarg; break;
		case OPT_KEEP:
			if (!valid_positive(optarg, 100000, &n))
				return usage_error("--keep wants a number of backups from 1, not %s", optarg);
			cli->keep = (int)n;
			break;
		case OPT_WORKERS:
			if (!valid_positive(optarg, 64, &n))
				return usage_error("--workers wants a number from 1 to 64, not %s", optarg);
			o->workers = (int)n;
			break;
		}
	}
	if (cli->takes_file && optind < argc)
		cli->file = argv[optind++];
	if (optind < argc)
		return usage_error("unexpected argument %s", argv[optind]);
	return 0;
}

/* The configuration file named by --config or $PRESSROOM_CONFIG, into *c. Returns 0, or 1 after printing
 * every problem (the server must not start on a bad configuration). */
static int read_config(const char *path, struct config *c)
{
	config_defaults(c);
	if (path == NULL)
		return 0;
	struct buf errors = {0};
	int problems = config_load(path, c, &errors);
	if (problems != 0)
		fputs(buf_str(&errors), stderr);
	buf_free(&errors);
	return problems == 0 ? 0 : 1;
}

static const char *config_path(const struct cli *cli)
{
	const char *env = getenv("PRESSROOM_CONFIG");
	return cli->config ? cli->config : env && *env ? env : NULL;
}

/* On the command line, else in the configuration file, else the default. */
#define PICK(cli_value, file_value, fallback) ((cli_value) ? (cli_value) : (file_value) ? (file_value) : (fallback))

/* The database of a db or user command: --db, else the configuration's (--config or $PRESSROOM_CONFIG, as
 * serve reads it, so that a sysadmin's commands reach the served file), else $PRESSROOM_DB or pressroom.db.
 * Returns 0, or 1 after printing what is wrong with the configuration. */
static int command_db(const struct cli *cli, const char **path)
{
	static struct config conf;
	if (read_config(config_path(cli), &conf) != 0) {
		fputs("pressroom: fix the configuration first (pressroom config check)\n", stderr);
		return 1;
	}
	*path = PICK(cli->serve.db_path, conf.database, default_db());
	return 0;
}

/* The templates when neither --templates nor the configuration name them: those installed beside this
 * binary (cmake --install puts them at PRESSROOM_TEMPLATES_FROM_BIN from its folder), else the source tree's,
 * for a binary run from its build folder. */
static const char *default_templates(void)
{
	static char path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
	char *slash = n > 0 ? memrchr(path, '/', (size_t)n) : NULL;
	if (slash && (size_t)(slash + 1 - path) + sizeof PRESSROOM_TEMPLATES_FROM_BIN <= sizeof path) {
		strcpy(slash + 1, PRESSROOM_TEMPLATES_FROM_BIN);
		if (access(path, R_OK | X_OK) == 0)
			return path;
	}
	return PRESSROOM_TEMPLATES_DIR;
}

static int cmd_serve(int argc, char **argv)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	struct cli cli = {0};
	static struct config conf;
	int allowed = 1 << OPT_SOCKET | 1 << OPT_LISTEN | 1 << OPT_DB | 1 << OPT_WORKERS | 1 << OPT_TEMPLATES |
	              1 << OPT_BODY_LIMIT | 1 << OPT_USER | 1 << OPT_CONFIG;
	int rc = parse_options(argc, argv, allowed, &cli);
	if (rc != 0)
		return rc;
	if (read_config(config_path(&cli), &conf) != 0) {
		fputs("pressroom: not starting with a bad configuration\n", stderr);
		return 1;
	}
	struct serve_options o = cli.serve;
	if (!o.socket_path && !o.listen) {
		o.socket_path = conf.socket;
		o.listen = conf.listen;
	}
	o.db_path = PICK(o.db_path, conf.database, default_db());
	o.templates = PICK(o.templates, conf.templates, default_templates());
	o.locales = conf.locales; /* config.c's default when the file does not say */
	o.user = PICK(o.user, conf.user, NULL); /* conf.user is never NULL: config.c's default */
	o.workers = PICK(o.workers, conf.workers, cores > 0 && cores <= 64 ? (int)cores : 2);
	o.body_limit = o.body_limit ? o.body_limit : conf.body_limit;
	o.config = &conf;
	/* systemd's socket activation hands the socket over as fd 3: then neither option is needed. */
	if (!serve_inherited_socket() && !o.socket_path == !o.listen)
		return usage_error("serve needs exactly one of --socket PATH or --listen HOST:PORT");
	return serve_run(&o);
}

static int cmd_config(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "check") != 0)
		return usage_error("config needs an action: check");
	struct cli cli = {.takes_file = 1};
	int rc = parse_options(argc - 1, argv + 1, 1 << OPT_CONFIG, &cli);
	if (rc != 0)
		return rc;
	/* As nginx -t -c FILE and visudo -cf FILE are used: the file to check, named once. */
	if (cli.file && cli.config)
		return usage_error("config check takes one file: FILE or --config FILE, not both");
	const char *path = cli.file ? cli.file : config_path(&cli);
	if (path == NULL)
		path = PRESSROOM_SYSCONF_DIR "/pressroom.conf";
	struct config c;
	config_defaults(&c);
	struct buf errors = {0};
	int problems = config_load(path, &c, &errors);
	struct buf warnings = {0};
	if (problems == 0)
		problems = config_check_machine(path, &c, &errors, &warnings);
	fputs(buf_str(&errors), stderr);
	if (problems == 0 && c.site_url == NULL)
		fprintf(stderr, "%s: warning: site_url is not set: absolute links will use the database's, else nginx's "
		                "PRESSROOM_BASE_URL, else its server_name (docs/deploy.md)\n", path);
	if (problems == 0)
		fputs(buf_str(&warnings), stderr);
	if (problems == 0)
		printf("%s: ok\n", path);
	buf_free(&errors);
	buf_free(&warnings);
	config_free(&c);
	return problems == 0 ? 0 : 1;
}

/* pressroom db sql: the SQL of stdin, run on a connection that has the search tokenizer, so that a write
 * to item (whose triggers update item_fts) works where the sqlite3 shell's fails (docs/search.md). */
static int db_sql_stdin(const char *path)
{
	struct buf sql = {0};
	char chunk[4096], err[512];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
		buf_append(&sql, chunk, n);
	struct db *db = db_open(path, 0, err, sizeof err);
	int rc = db ? db_exec(db, buf_str(&sql), err, sizeof err) : -1;
	if (rc != 0)
		fprintf(stderr, "pressroom: %s: %s\n", path, err);
	db_close(db);
	buf_free(&sql);
	return rc == 0 ? 0 : 1;
}

static int cmd_db(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("db needs an action: init, migrate, seed, check, optimize, backup, restore or sql");
	const char *action = argv[1];
	int takes_file = strcmp(action, "backup") == 0 || strcmp(action, "restore") == 0;
	if (takes_file && (argc < 3 || argv[2][0] == '-'))
		return usage_error("db %s needs a FILE", action);
	struct cli cli = {0};
	int shift = takes_file ? 2 : 1;
	struct stat st;
	int into_folder = strcmp(action, "backup") == 0 && stat(argv[2], &st) == 0 && S_ISDIR(st.st_mode);
	int rc = parse_options(argc - shift, argv + shift,
	                       1 << OPT_DB | 1 << OPT_CONFIG | (into_folder ? 1 << OPT_KEEP : 0), &cli);
	if (rc != 0 || (rc = command_db(&cli, &cli.serve.db_path)) != 0)
		return rc;
	struct serve_options o = cli.serve;
	if (strcmp(action, "check") == 0)
		return backup_check(o.db_path) == 0 ? 0 : 1;
	if (into_folder)
		return backup_into_folder(o.db_path, argv[2], cli.keep) == 0 ? 0 : 1;
	if (strcmp(action, "backup") == 0)
		return backup_make(o.db_path, argv[2]) == 0 ? 0 : 1;
	if (strcmp(action, "restore") == 0)
		return backup_restore(o.db_path, argv[2]) == 0 ? 0 : 1;
	int create = strcmp(action, "init") == 0;
	if (!create && strcmp(action, "migrate") != 0 && strcmp(action, "seed") != 0 &&
	    strcmp(action, "optimize") != 0 && strcmp(action, "sql") != 0)
		return usage_error("unknown db action %s", action);
	if (strcmp(action, "sql") == 0)
		return db_sql_stdin(o.db_path);

	char err[512];
	struct db *db = db_open(o.db_path, create ? DB_CREATE : 0, err, sizeof err);
	if (db == NULL) {
		fprintf(stderr, "pressroom: %s\n", err);
		return 1;
	}
	struct housekeeping kept_tidy = {0};
	if (strcmp(action, "seed") == 0 || strcmp(action, "optimize") == 0) {
		if (db_version(db) != db_latest_version()) {
			snprintf(err, sizeof err, "run pressroom db migrate first");
			rc = -1;
		} else {
			rc = action[0] == 's' ? db_seed(db, err, sizeof err) : db_optimize(db, err, sizeof err);
		}
		if (rc == 0 && action[0] == 'o')
			rc = housekeeping_run(db, time(NULL), &kept_tidy, err, sizeof err);
	} else {
		rc = db_migrate(db, err, sizeof err);
	}
	/* Bodies without HTML from this binary's renderer (migrated or seeded rows, or a new renderer) get it
	 * here, so no public read renders them; workers never write on a GET. */
	if (rc == 0 && store_fill_html(db) < 0) {
		snprintf(err, sizeof err, "rendering the bodies to keep their HTML failed: %s", db_error(db));
		rc = -1;
	}
	if (rc != 0)
		fprintf(stderr, "pressroom: %s: %s\n", o.db_path, err);
	else if (strcmp(action, "optimize") == 0)
		printf("%s: search index merged; removed %d old sessions, %d old sign-in failures, %d expired device "
		       "cookies, %d addresses never confirmed, %d old subscribe attempts\n", o.db_path, kept_tidy.sessions,
		       kept_tidy.login_failures, kept_tidy.login_devices, kept_tidy.pending_subscribers,
		       kept_tidy.subscribe_attempts);
	else
		printf("%s: schema version %d\n", o.db_path, db_version(db));
	db_close(db);
	return rc == 0 ? 0 : 1;
}

static int cmd_user(int argc, char **argv)
{
	static const char *const actions[] = {"add", "passwd", "disable", "list", NULL};
	int action;
	if (argc < 2)
		return usage_error("user needs an action: add, passwd, disable or list");
	if (!valid_word(argv[1], actions, &action))
		return usage_error("unknown user action %s", argv[1]);
	int takes_name = action != USER_LIST;
	if (takes_name && (argc < 3 || argv[2][0] == '-'))
		return usage_error("user %s needs a NAME", argv[1]);
	struct cli cli = {0};
	int allowed = 1 << OPT_DB | 1 << OPT_CONFIG | (action == USER_ADD ? 1 << OPT_ROLE : 0);
	int shift = takes_name ? 2 : 1;
	int rc = parse_options(argc - shift, argv + shift, allowed, &cli);
	if (rc != 0 || (rc = command_db(&cli, &cli.serve.db_path)) != 0)
		return rc;
	if (action == USER_ADD && (cli.role == NULL ||
	                           (strcmp(cli.role, "editor") != 0 && strcmp(cli.role, "publisher") != 0)))
		return usage_error("user add needs --role editor or --role publisher");
	return user_command((enum user_action)action, takes_name ? argv[2] : NULL, cli.role, cli.serve.db_path);
}

/* A command's own words into words (at most 16), and --db/--config anywhere among them into *cli; then the
 * database it works on. 0, or the exit code of bad usage. */
static int words_and_db(int argc, char **argv, struct cli *cli, char *words[16], int *nwords)
{
	int n = 0;
	for (int i = 1; i < argc; i++) {
		int db = strcmp(argv[i], "--db") == 0, config = strcmp(argv[i], "--config") == 0;
		if ((db || config) && i + 1 >= argc)
			return usage_error("option %s needs a value", argv[i]);
		if (db || config) {
			*(db ? &cli->serve.db_path : &cli->config) = argv[++i];
			continue;
		}
		if (strncmp(argv[i], "--", 2) == 0)
			return usage_error("unknown option %s", argv[i]);
		if (n == 16)
			return usage_error("too many arguments");
		words[n++] = argv[i];
	}
	*nwords = n;
	return command_db(cli, &cli->serve.db_path);
}

/* pressroom site ...: its own words, and --db/--config anywhere among them. */
static int cmd_site(int argc, char **argv)
{
	struct cli cli = {0};
	char *words[16];
	int n = 0, rc = words_and_db(argc, argv, &cli, words, &n);
	return rc != 0 ? rc : site_command(n, words, cli.serve.db_path);
}

/* pressroom subscribers export|count: the same shape as site. */
static int cmd_subscribers(int argc, char **argv)
{
	struct cli cli = {0};
	char *words[16];
	int n = 0, rc = words_and_db(argc, argv, &cli, words, &n);
	return rc != 0 ? rc : subscribers_command(n, words, cli.serve.db_path);
}

/* pressroom key ...: like site, its own words, with --key, --comment, --db and --config among them. */
static int cmd_key(int argc, char **argv)
{
	struct cli cli = {0};
	const char *key = NULL, *comment = NULL, *archive = NULL;
	char *words[4];
	int n = 0;
	for (int i = 1; i < argc; i++) {
		const char **value = strcmp(argv[i], "--db") == 0 ? &cli.serve.db_path
		                     : strcmp(argv[i], "--config") == 0 ? &cli.config
		                     : strcmp(argv[i], "--key") == 0 ? &key
		                     : strcmp(argv[i], "--comment") == 0 ? &comment
		                     : strcmp(argv[i], "--archive") == 0 ? &archive : NULL;
		if (value && i + 1 >= argc)
			return usage_error("option %s needs a value", argv[i]);
		if (value) {
			*value = argv[++i];
			continue;
		}
		if (strncmp(argv[i], "--", 2) == 0)
			return usage_error("unknown option %s", argv[i]);
		if (n == (int)(sizeof words / sizeof words[0]))
			return usage_error("too many arguments");
		words[n++] = argv[i];
	}
	static struct config conf;
	if (read_config(config_path(&cli), &conf) != 0) {
		fputs("pressroom: fix the configuration first (pressroom config check)\n", stderr);
		return 1;
	}
	const char *db = PICK(cli.serve.db_path, conf.database, default_db());
	return key_command(n, words, key ? key : conf.signing_key, db, comment, archive);
}

/* pressroom verify (DIR | URL) [--checkpoint FILE] */
static int cmd_verify(int argc, char **argv)
{
	const char *dir = NULL, *checkpoint = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--checkpoint") == 0) {
			if (i + 1 >= argc)
				return usage_error("option --checkpoint needs a value");
			checkpoint = argv[++i];
		} else if (strncmp(argv[i], "--", 2) == 0) {
			return usage_error("unknown option %s", argv[i]);
		} else if (dir) {
			return usage_error("verify takes one DIR or URL");
		} else {
			dir = argv[i];
		}
	}
	if (!dir)
		return usage_error("verify needs a DIR or a URL");
	return verify_is_url(dir) ? verify_url(dir, checkpoint) : verify_command(dir, checkpoint);
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("a command is needed");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("pressroom %s\n", PRESSROOM_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "serve") == 0)
		return cmd_serve(argc - 1, argv + 1);
	if (strcmp(argv[1], "db") == 0)
		return cmd_db(argc - 1, argv + 1);
	if (strcmp(argv[1], "user") == 0)
		return cmd_user(argc - 1, argv + 1);
	if (strcmp(argv[1], "config") == 0)
		return cmd_config(argc - 1, argv + 1);
	if (strcmp(argv[1], "site") == 0)
		return cmd_site(argc - 1, argv + 1);
	if (strcmp(argv[1], "key") == 0)
		return cmd_key(argc - 1, argv + 1);
	if (strcmp(argv[1], "subscribers") == 0)
		return cmd_subscribers(argc - 1, argv + 1);
	if (strcmp(argv[1], "verify") == 0)
		return cmd_verify(argc - 1, argv + 1);
	return usage_error("unknown command %s", argv[1]);
}
