/* verify_download.c: `pressroom verify URL` (verify_download.h). The download is as a reader would make it
 * by hand (docs/authenticity.md, section 4): nothing of the site is trusted but what the checks prove; the
 * key comes from the site too, so its fingerprint is printed for the reader to compare with the one the
 * office publishes elsewhere. */
#include "verify_download.h"

#include <curl/curl.h>
#include <dirent.h>
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd_verify.h"
#include "minisign.h"

/* history.txt may be long (one line, about 200 bytes, per entry); a version's text is at most INPUT_TEXT_MAX
 * plus its header, its signature a few hundred bytes. Past this, a download is refused as no site's. */
#define MAX_FILE (256L << 20)

int verify_is_url(const char *arg)
{
	return strncmp(arg, "http://", 7) == 0 || strncmp(arg, "https://", 8) == 0;
}

static size_t take(char *data, size_t size, size_t n, void *out)
{
	buf_append(out, data, size * n);
	return size * n;
}

/* GET base + path into out: the HTTP status (0 when the transfer failed, reason printed). */
static long get(CURL *curl, const char *base, const char *path, struct buf *out)
{
	struct buf url = {0};
	buf_printf(&url, "%s%s", base, path);
	buf_reset(out);
	curl_easy_setopt(curl, CURLOPT_URL, buf_str(&url));
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, out);
	CURLcode rc = curl_easy_perform(curl);
	long status = 0;
	if (rc == CURLE_OK)
		curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
	else
		printf("%s: %s\n", buf_str(&url), curl_easy_strerror(rc));
	buf_free(&url);
	if (out->data == NULL)
		buf_puts(out, "");
	return status;
}

static int save(const char *dir, const char *name, const struct buf *b)
{
	struct buf path = {0};
	buf_printf(&path, "%s/%s", dir, name);
	FILE *f = fopen(buf_str(&path), "wb");
	int ok = f && fwrite(b->data, 1, b->len, f) == b->len;
	if (f && fclose(f) != 0)
		ok = 0;
	if (!ok)
		printf("%s: cannot write it: %s\n", buf_str(&path), strerror(errno));
	buf_free(&path);
	return ok ? 0 : -1;
}

/* Fetch path and save it as name; a missing file is a problem unless optional. 1 saved, 0 not, -1 error. */
static int fetch(CURL *curl, const char *base, const char *path, const char *dir, const char *name, int optional,
                 int *problems)
{
	struct buf b = {0};
	long status = get(curl, base, path, &b);
	int rc = 0;
	if (status == 200)
		rc = save(dir, name, &b) == 0 ? 1 : -1;
	else if (!(optional && status == 404)) {
		if (status)
			printf("%s: the site answered %ld for %s\n", name, status, path);
		(*problems)++;
	}
	buf_free(&b);
	return rc;
}

/* The path of an absolute URL (after its scheme and host), or NULL. */
static const char *url_path(const char *url)
{
	const char *p = strstr(url, "://");
	return p ? strchr(p + 3, '/') : NULL;
}

/* For each open entry of history (its fields split by spaces: seq, at, change, version, text_sha256, prev,
 * url), download the version's text and signature into dir as <last segment>.v<N>.txt(.minisig), and
 * check that the text has the hash the entry records. Returns the number of problems. */
static int fetch_versions(CURL *curl, const char *base, const char *history, const char *dir)
{
	int problems = 0;
	struct buf text = {0}, path = {0}, name = {0};
	for (const char *line = history; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char *copy = strndup(line, len), *f[8] = {0};
		int nf = 0;
		for (char *save = NULL, *tok = strtok_r(copy, " ", &save); tok && nf < 8; tok = strtok_r(NULL, " ", &save))
			f[nf++] = tok;
		line = end ? end + 1 : line + len;
		if (nf != 7) {   /* sealed, or malformed: the folder's check names it */
			free(copy);
			continue;
		}
		const char *p = url_path(f[6]);
		const char *last = p ? strrchr(p, '/') + 1 : NULL;
		if (!p || !*last || strchr(last, '.')) {
			printf("history.txt: entry %s: its URL %s is not a statement's\n", f[0], f[6]);
			problems++;
			free(copy);
			continue;
		}
		buf_reset(&path);
		buf_reset(&name);
		buf_printf(&path, "%s.v%s.txt", p, f[3]);
		buf_printf(&name, "%s.v%s.txt", last, f[3]);
		long status = get(curl, base, buf_str(&path), &text);
		if (status != 200) {
			printf("history.txt: entry %s: its version %s v%s could not be downloaded (%ld)\n", f[0], f[6], f[3], status);
			problems++;
		} else {
			unsigned char h[crypto_hash_sha256_BYTES];
			char hex[2 * crypto_hash_sha256_BYTES + 1];
			crypto_hash_sha256(h, (const unsigned char *)text.data, text.len);
			sodium_bin2hex(hex, sizeof hex, h, sizeof h);
			if (strcmp(hex, f[4]) != 0) {
				printf("history.txt: entry %s: the text of %s v%s is not the one it records (its SHA-256 differs)\n",
				       f[0], f[6], f[3]);
				problems++;
			}
			if (save(dir, buf_str(&name), &text) != 0)
				problems++;
			buf_puts(&path, ".minisig");
			buf_puts(&name, ".minisig");
			if (fetch(curl, base, buf_str(&path), dir, buf_str(&name), 0, &problems) < 0)
				problems++;
		}
		free(copy);
	}
	buf_free(&text);
	buf_free(&path);
	buf_free(&name);
	return problems;
}

static void remove_folder(const char *dir)
{
	DIR *d = opendir(dir);
	struct buf path = {0};
	for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, e->d_name);
		unlink(buf_str(&path));
	}
	if (d)
		closedir(d);
	buf_free(&path);
	rmdir(dir);
}

int verify_url(const char *url, const char *checkpoint)
{
	if (sodium_init() < 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	char base[2048];
	snprintf(base, sizeof base, "%s", url);
	size_t n = strlen(base);
	while (n > 0 && base[n - 1] == '/')
		base[--n] = '\0';   /* paths are appended with their own slash */
	const char *tmp = getenv("TMPDIR");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/pressroom-verify-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		printf("%s: cannot make a temporary folder: %s\n", dir, strerror(errno));
		return 1;
	}
	CURL *curl = curl_easy_init();
	int problems = 0, rc = 1;
	if (curl == NULL)
		goto out;
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, take);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);   /* the files have one address each; a move is news */
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, 120L);
	curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)MAX_FILE);
	curl_easy_setopt(curl, CURLOPT_USERAGENT, "pressroom-verify");

	static const struct {
		const char *name;
		int optional;   /* a site without a key has no signature of its history, nor a list of keys */
	} files[] = {{"signing-key.pub", 0}, {"signing-keys", 1}, {"history.txt", 0}, {"history.txt.minisig", 1},
	             {"history-head.txt", 0}, {"history-head.txt.minisig", 0}};
	char path[64];
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "/%s", files[i].name);
		if (fetch(curl, base, path, dir, files[i].name, files[i].optional, &problems) < 0)
			problems++;
	}
	struct buf history = {0}, key = {0};
	if (problems == 0 && get(curl, base, "/history.txt", &history) == 200)
		problems += fetch_versions(curl, base, buf_str(&history), dir);
	/* The key came from the site: the reader compares its fingerprint with one published elsewhere. */
	struct minisign_key k;
	char fingerprint[MINISIGN_FINGERPRINT_LEN + 1];
	if (get(curl, base, "/signing-key.pub", &key) == 200 && minisign_read_public(&k, buf_str(&key)) == 0) {
		minisign_fingerprint(fingerprint, &k);
		printf("%s: the site's key has the fingerprint %s: compare it with the one the office publishes elsewhere\n",
		       url, fingerprint);
	}
	buf_free(&history);
	buf_free(&key);
	fflush(stdout);
	/* The folder's own check: every signature, the chain, the checkpoints, each text in the history. */
	rc = verify_folder(dir, url, checkpoint);
	if (problems) {
		printf("%s: NOT VERIFIED: %d problem%s while downloading\n", url, problems, problems == 1 ? "" : "s");
		rc = 1;
	}
out:
	if (curl)
		curl_easy_cleanup(curl);
	curl_global_cleanup();
	remove_folder(dir);
	return rc;
}
