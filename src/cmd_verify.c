/* cmd_verify.c: `pressroom verify DIR [--checkpoint FILE]`. It trusts nothing but the key file in the folder:
 * every signature, every hash and every link of the chain is checked here from the formats of
 * docs/authenticity.md, so a reader can prove the office did not rewrite what it published. With the site's
 * /signing-keys saved as signing-keys, the keys it rotated through count too, each for its own stretch of the
 * history, as far as their signatures link them to the key file (key_set.h). */
#include "cmd_verify.h"

#include <dirent.h>
#include <stdarg.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "key_set.h"
#include "minisign.h"

enum { HEX = 65 };

struct chain {
	char (*hash)[HEX];        /* hash[n]: entry n's hash, n from 1 */
	char (*text_sha256)[HEX]; /* the text hash entry n records ("" when sealed) */
	long long n;
};

static int problems;

static void problem(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void problem(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	problems++;
}

static int read_file(const char *dir, const char *name, struct buf *out)
{
	struct buf path = {0};
	buf_printf(&path, "%s/%s", dir, name);
	FILE *f = fopen(buf_str(&path), "rb");
	buf_free(&path);
	if (!f)
		return -1;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(out, chunk, n);
	int bad = ferror(f);
	fclose(f);
	if (out->data == NULL)
		buf_puts(out, "");
	return bad ? -1 : 0;
}

static void sha256_hex(char out[HEX], const char *data, size_t len)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)data, len);
	sodium_bin2hex(out, HEX, h, sizeof h);
}

/* Walk history.txt: numbers from 1, each link the hash of the entry before (a sealed entry gives its hash). */
static void walk(const char *text, struct chain *c)
{
	char prev[HEX];
	memset(prev, '0', HEX - 1);
	prev[HEX - 1] = '\0';
	size_t cap = 0;
	for (const char *line = text; *line; ) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char *copy = strndup(line, len);
		long long seq = c->n + 1;
		if (c->n + 2 > (long long)cap) {
			cap = cap ? 2 * cap : 64;
			c->hash = realloc(c->hash, cap * sizeof *c->hash);
			c->text_sha256 = realloc(c->text_sha256, cap * sizeof *c->text_sha256);
			if (!c->hash || !c->text_sha256)
				abort();
		}
		char *f[8] = {0};
		int nf = 0;
		for (char *save = NULL, *tok = strtok_r(copy, " ", &save); tok && nf < 8; tok = strtok_r(NULL, " ", &save))
			f[nf++] = tok;
		if (nf < 1 || atoll(f[0]) != seq)
			problem("history.txt: entry %lld: expected here, found \"%.40s\"", seq, copy);
		c->text_sha256[seq][0] = '\0';
		if (nf == 3 && strcmp(f[1], "sealed") == 0 && strlen(f[2]) == HEX - 1) {
			snprintf(c->hash[seq], HEX, "%s", f[2]);
		} else if (nf == 7 && strlen(f[4]) == HEX - 1 && strlen(f[5]) == HEX - 1) {
			if (strcmp(f[5], prev) != 0)
				problem("history.txt: entry %lld: its link is not the hash of entry %lld (the log was altered)",
				        seq, seq - 1);
			sha256_hex(c->hash[seq], line, len);
			snprintf(c->text_sha256[seq], HEX, "%s", f[4]);
		} else {
			problem("history.txt: entry %lld: not an entry line", seq);
			c->hash[seq][0] = '\0';
		}
		snprintf(prev, sizeof prev, "%s", c->hash[seq]);
		c->n = seq;
		free(copy);
		line = end ? end + 1 : line + len;
	}
}

/* A checkpoint's text ("entries: N", "head: H"), signed or not, against the chain: H must be entry N's hash. */
static void check_checkpoint(const char *what, const char *text, const struct chain *c)
{
	long long n = 0;
	char head[HEX] = "";
	const char *e = strstr(text, "\nentries: "), *h = strstr(text, "\nhead: ");
	if (strncmp(text, "pressroom-history: 1\n", 21) != 0 || !e || !h || sscanf(e, "\nentries: %lld", &n) != 1 ||
	    sscanf(h, "\nhead: %64s", head) != 1) {
		problem("%s: not a history checkpoint", what);
		return;
	}
	if (n < 1 || n > c->n)
		problem("%s: it covers %lld entries, but the history has %lld: it is not a prefix of today's history",
		        what, n, c->n);
	else if (strcmp(c->hash[n], head) != 0)
		problem("%s: entry %lld's hash is not the one it recorded: the history before it was rewritten", what, n);
}

/* The number of entries a checkpoint's text covers (0 if it says none). */
static long long checkpoint_entries(const char *text)
{
	const char *e = strstr(text, "\nentries: ");
	long long n = 0;
	return e && sscanf(e, "\nentries: %lld", &n) == 1 && n > 0 ? n : 0;
}

/* name and name.minisig: the signature holds, and the text is one the history records. */
static int check_text(const char *dir, const char *name, const struct key_set *keys, const struct chain *c)
{
	struct buf text = {0}, sig = {0}, signame = {0};
	buf_printf(&signame, "%s.minisig", name);
	int ok = 0, rc;
	const char *who = "";
	if (read_file(dir, name, &text) != 0 || read_file(dir, buf_str(&signame), &sig) != 0) {
		problem("%s: cannot read it or its .minisig", name);
		goto out;
	}
	char h[HEX];
	sha256_hex(h, text.data, text.len);
	long long entry = 0;
	for (long long i = 1; i <= c->n && !entry; i++)
		if (strcmp(c->text_sha256[i], h) == 0)
			entry = i;
	if ((rc = key_set_verify(keys, text.data, text.len, buf_str(&sig), entry, &who)) == 0)
		problem("%s: its signature does not hold (the text or its signature was changed, or another key made it)", name);
	else if (rc < 0)
		problem("%s: signed by key %s, which was not the office's key at history entry %lld", name, who, entry);
	else if (!entry)
		problem("%s: signed, but no history entry records its text", name);
	else
		ok = 1;
out:
	buf_free(&text);
	buf_free(&sig);
	buf_free(&signame);
	return ok;
}

int verify_command(const char *dir, const char *checkpoint)
{
	return verify_folder(dir, dir, checkpoint);
}

int verify_folder(const char *dir, const char *label, const char *checkpoint)
{
	struct buf key = {0}, history = {0}, head = {0}, headsig = {0}, list = {0};
	static struct key_set k;
	struct chain c = {0};
	int texts = 0;
	if (sodium_init() < 0)
		return 1;
	problems = 0;
	if (read_file(dir, "signing-key.pub", &key) != 0 || key_set_init(&k, buf_str(&key)) != 0) {
		problem("signing-key.pub: missing, or not a minisign public key");
		goto out;
	}
	if (read_file(dir, "signing-keys", &list) == 0) {
		struct buf why = {0};
		if (key_set_add_list(&k, buf_str(&list), &why) > 0)
			problem("%.*s", (int)why.len - 1, why.data);   /* each key's line; the last LF is problem's */
		buf_free(&why);
	}
	if (read_file(dir, "history.txt", &history) != 0) {
		problem("history.txt: missing");
		goto out;
	}
	walk(buf_str(&history), &c);
	/* The whole log's own signature, where the site signs it (not a site without a key, nor an old copy): it
	 * covers every entry, so the key must be the office's at the last. */
	struct buf histsig = {0};
	if (read_file(dir, "history.txt.minisig", &histsig) == 0 &&
	    key_set_verify(&k, history.data, history.len, buf_str(&histsig), c.n, NULL) != 1)
		problem("history.txt: its signature (history.txt.minisig) does not hold: the log was changed after it was signed");
	buf_free(&histsig);
	if (read_file(dir, "history-head.txt", &head) != 0 || read_file(dir, "history-head.txt.minisig", &headsig) != 0)
		problem("history-head.txt: missing, or its .minisig");
	else if (key_set_verify(&k, head.data, head.len, buf_str(&headsig), checkpoint_entries(buf_str(&head)), NULL) != 1)
		problem("history-head.txt: its signature does not hold, or its key was not the office's at its head entry");
	else
		check_checkpoint("history-head.txt", buf_str(&head), &c);
	if (checkpoint) {
		struct buf saved = {0};
		FILE *f = fopen(checkpoint, "rb");
		char chunk[4096];
		size_t n;
		if (!f)
			problem("%s: cannot read it", checkpoint);
		else {
			while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
				buf_append(&saved, chunk, n);
			fclose(f);
			check_checkpoint(checkpoint, buf_str(&saved), &c);
		}
		buf_free(&saved);
	}
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d)) != NULL; ) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0 || strcmp(e->d_name, "history.txt") == 0 ||
		    strcmp(e->d_name, "history-head.txt") == 0)
			continue;
		texts += check_text(dir, e->d_name, &k, &c);
	}
	if (d)
		closedir(d);
out:
	if (problems == 0)
		printf("%s: ok: %lld history entries, chain and checkpoint hold, %d signed text%s in the history\n", label,
		       c.n, texts, texts == 1 ? "" : "s");
	else
		printf("%s: NOT VERIFIED: %d problem%s\n", label, problems, problems == 1 ? "" : "s");
	free(c.hash);
	free(c.text_sha256);
	buf_free(&key);
	buf_free(&history);
	buf_free(&head);
	buf_free(&headsig);
	buf_free(&list);
	return problems == 0 ? 0 : 1;
}
