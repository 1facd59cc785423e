/* key_set.c: the keys a reader trusts (key_set.h). Trust only spreads along signatures: from a trusted key
 * to the key it endorsed (forward) and from a trusted key to the key it retired (backward), so a reader who
 * kept an old key and one who fetched today's both reach every genuine key, and a key made up by a forger
 * reaches none; the stretch of entries comes from the signed trusted comments, never from the list's
 * unsigned lines. */
#include "key_set.h"

#include <stdio.h>
#include <string.h>

/* One key of the list: its sections, pointing into the text (NULL when absent). */
struct listed {
	const char *pub, *endorsement, *retirement;
	size_t pub_len, endorsement_len, retirement_len;
};

int key_set_init(struct key_set *s, const char *public_file)
{
	memset(s, 0, sizeof *s);
	if (minisign_read_public(&s->keys[0].k, public_file) != 0)
		return -1;
	minisign_fingerprint(s->keys[0].id, &s->keys[0].k);
	s->keys[0].first = 1;
	s->keys[0].last = LLONG_MAX;
	s->n = 1;
	return 0;
}

static struct trusted_key *find(struct key_set *s, const char *id)
{
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->keys[i].id, id) == 0)
			return &s->keys[i];
	return NULL;
}

/* The sections of the list's text, key by key ("[name bytes]" then that many bytes). */
static int parse(const char *text, struct listed *out, int max)
{
	int n = -1;
	for (const char *p = text; *p; ) {
		char name[32];
		size_t len;
		int used = 0;
		if (strncmp(p, "key: ", 5) == 0 && n + 1 < max) {
			memset(&out[++n], 0, sizeof out[n]);
		} else if (n >= 0 && sscanf(p, "[%31[a-z-] %zu]%n", name, &len, &used) == 2 && used > 0 && p[used] == '\n' &&
		           strlen(p + used + 1) >= len) {
			const char *body = p + used + 1;
			if (strcmp(name, "public-key") == 0)
				out[n].pub = body, out[n].pub_len = len;
			else if (strcmp(name, "endorsement") == 0)
				out[n].endorsement = body, out[n].endorsement_len = len;
			else if (strcmp(name, "retirement") == 0)
				out[n].retirement = body, out[n].retirement_len = len;
			p = body + len;
			continue;
		}
		const char *end = strchr(p, '\n');
		p = end ? end + 1 : p + strlen(p);
	}
	return n + 1;
}

/* sig (of sig_len bytes) over msg by a trusted key, with a trusted comment of the form
 * "pressroom signing key <ID> valid <word> <time> (history entry <N>), <verb> by <SIGNER>": the key named
 * must be id, the signer a trusted key. 1 with *entry (and *signer, if given), else 0. */
static int vouched(struct key_set *s, const char *msg, size_t len, const char *sig, size_t sig_len, const char *id,
                   const char *word, long long *entry, struct trusted_key **signer_out)
{
	char copy[1024], named[32], w[16], when[32], verb[16], signer[32];
	if (sig_len >= sizeof copy)
		return 0;
	memcpy(copy, sig, sig_len);
	copy[sig_len] = '\0';
	const char *comment = strstr(copy, "\ntrusted comment: ");
	if (!comment || sscanf(comment, "\ntrusted comment: pressroom signing key %31s valid %15s %31s (history entry "
	                                "%lld), %15s by %31s", named, w, when, entry, verb, signer) != 6)
		return 0;
	struct trusted_key *by = find(s, signer);
	if (signer_out)
		*signer_out = by;
	return by && strcmp(named, id) == 0 && strcmp(w, word) == 0 &&
	       minisign_verify(&by->k, msg, len, copy, NULL, NULL) == 0;
}

int key_set_add_list(struct key_set *s, const char *text, struct buf *problems)
{
	struct listed l[KEY_SET_MAX];
	int n = parse(text, l, KEY_SET_MAX), bad = 0;
	char copy[256], id[MINISIGN_FINGERPRINT_LEN + 1];
	struct minisign_key k[KEY_SET_MAX];
	int ok[KEY_SET_MAX] = {0};
	for (int i = 0; i < n; i++) {
		ok[i] = l[i].pub && l[i].pub_len < sizeof copy;
		if (ok[i]) {
			memcpy(copy, l[i].pub, l[i].pub_len);
			copy[l[i].pub_len] = '\0';
			ok[i] = minisign_read_public(&k[i], copy) == 0;
		}
		if (!ok[i])
			buf_printf(problems, "signing-keys: key %d of the list: no public key file\n", i + 1), bad++;
	}
	/* Until nothing changes: each pass may trust a key that the pass before made trusted vouches for. */
	for (int changed = 1; changed; ) {
		changed = 0;
		for (int i = 0; i < n; i++) {
			if (!ok[i])
				continue;
			minisign_fingerprint(id, &k[i]);
			long long from = 0, until = 0;
			struct trusted_key *endorser = NULL;
			int endorsed = l[i].endorsement && vouched(s, l[i].pub, l[i].pub_len, l[i].endorsement,
			                                           l[i].endorsement_len, id, "from", &from, &endorser);
			int retired = l[i].retirement && vouched(s, l[i].pub, l[i].pub_len, l[i].retirement,
			                                         l[i].retirement_len, id, "until", &until, NULL);
			/* The endorser said itself that its successor signs from entry `from` on: it signs nothing
			 * after, whatever its own retirement (missing, or changed in the list) says. */
			if (endorsed && endorser->last > from - 1)
				endorser->last = from - 1, changed = 1;
			struct trusted_key *t = find(s, id);
			if (!t && (endorsed || retired) && s->n < KEY_SET_MAX) {
				t = &s->keys[s->n++];
				t->k = k[i];
				snprintf(t->id, sizeof t->id, "%s", id);
				t->first = 1;
				t->last = LLONG_MAX;
				changed = 1;
			}
			if (t && endorsed && t->first != from)
				t->first = from, changed = 1;
			if (t && retired && until < t->last)
				t->last = until, changed = 1;
		}
	}
	for (int i = 0; i < n; i++) {
		if (!ok[i])
			continue;
		minisign_fingerprint(id, &k[i]);
		const struct trusted_key *t = find(s, id);
		long long entry;
		if (!t)
			buf_printf(problems, "signing-keys: key %s: no key you trust vouches for it (its endorsement and "
			                     "retirement do not hold)\n", id), bad++;
		else if (memcmp(t->k.pk, k[i].pk, sizeof k[i].pk) != 0)
			buf_printf(problems, "signing-keys: key %s: listed with another public key than the one trusted\n", id),
				bad++;
		/* A signature that does not hold is a list someone changed: its key's stretch would be wrong. */
		else if (l[i].endorsement && !vouched(s, l[i].pub, l[i].pub_len, l[i].endorsement, l[i].endorsement_len,
		                                      id, "from", &entry, NULL))
			buf_printf(problems, "signing-keys: key %s: its endorsement does not hold\n", id), bad++;
		else if (l[i].retirement && !vouched(s, l[i].pub, l[i].pub_len, l[i].retirement, l[i].retirement_len, id,
		                                     "until", &entry, NULL))
			buf_printf(problems, "signing-keys: key %s: its retirement does not hold\n", id), bad++;
	}
	return bad;
}

int key_set_verify(const struct key_set *s, const void *msg, size_t len, const char *sig, long long entry,
                   const char **who)
{
	for (int i = 0; i < s->n; i++) {
		const struct trusted_key *t = &s->keys[i];
		if (minisign_verify(&t->k, msg, len, sig, NULL, NULL) != 0)
			continue;
		if (who)
			*who = t->id;
		if (entry && (entry < t->first || entry > t->last))
			return -1;
		return 1;
	}
	return 0;
}
