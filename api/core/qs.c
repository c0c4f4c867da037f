/*
 * qs: parse an application/x-www-form-urlencoded query string.
 */
#include <stdlib.h>
#include <string.h>

#include "core/qs.h"
#include "core/utf8.h"

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/* Decode src[0..len) into dst (NUL terminated); returns length or -1. */
static long
decode(const char *src, size_t len, char *dst)
{
	size_t	i, o;
	int	hi, lo;

	for (i = 0, o = 0; i < len; i++) {
		if (src[i] == '+') {
			dst[o++] = ' ';
		} else if (src[i] == '%') {
			if (len - i < 3)
				return (-1);
			hi = hexval(src[i + 1]);
			lo = hexval(src[i + 2]);
			if (hi < 0 || lo < 0)
				return (-1);
			dst[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			dst[o++] = src[i];
		}
	}
	dst[o] = '\0';
	return ((long)o);
}

enum qs_result
qs_parse(struct qs *q, const char *raw, const char **bad_key)
{
	const char	*p, *end, *amp, *eq;
	char		*out;
	size_t		 rawlen, i;
	long		 klen, vlen;

	memset(q, 0, sizeof(*q));
	if (bad_key != NULL)
		*bad_key = NULL;
	if (raw == NULL || *raw == '\0')
		return (QS_OK);
	rawlen = strlen(raw);
	if (rawlen > QS_MAX_LEN)
		return (QS_TOO_LONG);
	/* Decoded text never grows; two NULs per pair at most. */
	if ((q->store = malloc(rawlen + 2 * QS_MAX_PAIRS + 2)) == NULL)
		return (QS_TOO_LONG);

	out = q->store;
	p = raw;
	end = raw + rawlen;
	while (p < end) {
		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL)
			amp = end;
		if (amp == p)
			return (QS_EMPTY_KEY);
		if (q->n == QS_MAX_PAIRS)
			return (QS_TOO_MANY);
		if ((eq = memchr(p, '=', (size_t)(amp - p))) == NULL)
			eq = amp;
		if (eq == p)
			return (QS_EMPTY_KEY);

		q->pairs[q->n].key = out;
		if ((klen = decode(p, (size_t)(eq - p), out)) < 0)
			return (QS_BAD_ENCODING);
		out += klen + 1;
		q->pairs[q->n].value = out;
		vlen = 0;
		if (eq < amp)
			vlen = decode(eq + 1, (size_t)(amp - eq - 1), out);
		else
			*out = '\0';
		if (vlen < 0)
			return (QS_BAD_ENCODING);
		out += vlen + 1;

		if (!utf8_valid(q->pairs[q->n].key, (size_t)klen) ||
		    !utf8_valid(q->pairs[q->n].value, (size_t)vlen))
			return (QS_BAD_UTF8);
		for (i = 0; i < q->n; i++) {
			if (strcmp(q->pairs[i].key, q->pairs[q->n].key) == 0) {
				if (bad_key != NULL)
					*bad_key = q->pairs[i].key;
				q->n++;
				return (QS_DUPLICATE);
			}
		}
		q->n++;
		p = amp + 1;
	}

	return (QS_OK);
}

void
qs_free(struct qs *q)
{
	if (q == NULL)
		return;
	free(q->store);
	memset(q, 0, sizeof(*q));
}

const char *
qs_get(const struct qs *q, const char *key)
{
	size_t	i;

	for (i = 0; i < q->n; i++) {
		if (strcmp(q->pairs[i].key, key) == 0)
			return (q->pairs[i].value);
	}
	return (NULL);
}

static int
list_contains(const char *list, const char *word)
{
	const char	*p, *comma;
	size_t		 wlen, len;

	if (list == NULL)
		return (0);
	wlen = strlen(word);
	for (p = list; *p != '\0'; p = comma + 1) {
		if ((comma = strchr(p, ',')) == NULL)
			comma = p + strlen(p);
		len = (size_t)(comma - p);
		if (len == wlen && strncmp(p, word, len) == 0)
			return (1);
		if (*comma == '\0')
			break;
	}
	return (0);
}

const char *
qs_first_unknown(const struct qs *q, const char *allowed)
{
	size_t	i;

	for (i = 0; i < q->n; i++) {
		if (!list_contains(allowed, q->pairs[i].key))
			return (q->pairs[i].key);
	}
	return (NULL);
}

const char *
qs_result_text(enum qs_result r)
{
	static const char *const	texts[] = {
		[QS_OK] = "in orde",
		[QS_BAD_ENCODING] = "ongeldige %-codering in de zoekparameters",
		[QS_BAD_UTF8] = "zoekparameters zijn geen geldige UTF-8",
		[QS_TOO_MANY] = "te veel zoekparameters",
		[QS_TOO_LONG] = "zoekparameters zijn te lang",
		[QS_DUPLICATE] = "een zoekparameter komt meer dan eens voor",
		[QS_EMPTY_KEY] = "lege zoekparameter",
	};

	if ((unsigned)r >= sizeof(texts) / sizeof(texts[0]))
		return ("onbekende fout");
	return (texts[r]);
}
