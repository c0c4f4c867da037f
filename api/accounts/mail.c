/*
 * mail: an SMTP sender thread per worker (libcurl).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "accounts/mail.h"
#include "http/applog.h"

#define QUEUE_MAX		64
#define CONNECT_TIMEOUT_S	5L
#define TOTAL_TIMEOUT_S		20L

struct job {
	struct job	*next;
	char		*to;
	char		*text;
	size_t		 len;
	size_t		 off;	/* bytes handed to libcurl */
};

static pthread_mutex_t	 lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 wake = PTHREAD_COND_INITIALIZER;
static struct job	*head, *tail;
static size_t		 queued;
static int		 running, stopping;
static pthread_t	 sender;
static char		*relay, *sender_from;

static void
job_free(struct job *j)
{
	if (j == NULL)
		return;
	free(j->to);
	free(j->text);
	free(j);
}

static size_t
read_cb(char *buf, size_t size, size_t nmemb, void *arg)
{
	struct job	*j = arg;
	size_t		 n;

	n = size * nmemb;
	if (n > j->len - j->off)
		n = j->len - j->off;
	memcpy(buf, j->text + j->off, n);
	j->off += n;
	return (n);
}

static void
send_one(struct job *j)
{
	CURL			*c;
	struct curl_slist	*rcpt;
	CURLcode		 rc;

	if ((c = curl_easy_init()) == NULL) {
		applog(LOG_LVL_ERROR, "mail: libcurl did not start");
		return;
	}
	rcpt = curl_slist_append(NULL, j->to);
	(void)curl_easy_setopt(c, CURLOPT_URL, relay);
	(void)curl_easy_setopt(c, CURLOPT_MAIL_FROM, sender_from);
	(void)curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	(void)curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	(void)curl_easy_setopt(c, CURLOPT_READDATA, j);
	(void)curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	(void)curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	(void)curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, CONNECT_TIMEOUT_S);
	(void)curl_easy_setopt(c, CURLOPT_TIMEOUT, TOTAL_TIMEOUT_S);
	/* smtps:// or STARTTLS when the relay offers it. */
	(void)curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	rc = curl_easy_perform(c);
	/* Neither the address nor the text reaches the log. */
	if (rc != CURLE_OK)
		applog(LOG_LVL_ERROR, "mail: not sent (%s)",
		    curl_easy_strerror(rc));
	else
		applog(LOG_LVL_INFO, "mail: sent (%zu bytes)", j->len);
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
}

static void *
sender_main(void *arg)
{
	struct job	*j;

	(void)arg;
	for (;;) {
		(void)pthread_mutex_lock(&lock);
		while (head == NULL && !stopping)
			(void)pthread_cond_wait(&wake, &lock);
		if (head == NULL) {
			(void)pthread_mutex_unlock(&lock);
			break;
		}
		j = head;
		if ((head = j->next) == NULL)
			tail = NULL;
		queued--;
		(void)pthread_mutex_unlock(&lock);
		send_one(j);
		job_free(j);
	}
	return (NULL);
}

int
mail_start(const char *smtp_url, const char *from)
{
	if (smtp_url == NULL || *smtp_url == '\0')
		return (0);
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK ||
	    (relay = strdup(smtp_url)) == NULL ||
	    (sender_from = strdup(from)) == NULL)
		return (-1);
	if (pthread_create(&sender, NULL, sender_main, NULL) != 0)
		return (-1);
	running = 1;
	return (0);
}

int
mail_enabled(void)
{
	return (running);
}

int
mail_queue(const char *to, const char *message, size_t len)
{
	struct job	*j;

	if (!running)
		return (-1);
	if ((j = calloc(1, sizeof(*j))) == NULL ||
	    (j->to = strdup(to)) == NULL ||
	    (j->text = malloc(len)) == NULL) {
		job_free(j);
		return (-1);
	}
	memcpy(j->text, message, len);
	j->len = len;
	(void)pthread_mutex_lock(&lock);
	if (queued >= QUEUE_MAX) {
		(void)pthread_mutex_unlock(&lock);
		job_free(j);
		applog(LOG_LVL_ERROR, "mail: queue full, not sent");
		return (-1);
	}
	if (tail != NULL)
		tail->next = j;
	else
		head = j;
	tail = j;
	queued++;
	(void)pthread_cond_signal(&wake);
	(void)pthread_mutex_unlock(&lock);
	return (0);
}

void
mail_stop(void)
{
	if (!running)
		return;
	(void)pthread_mutex_lock(&lock);
	stopping = 1;
	(void)pthread_cond_signal(&wake);
	(void)pthread_mutex_unlock(&lock);
	(void)pthread_join(sender, NULL);
	running = 0;
	free(relay);
	free(sender_from);
	relay = sender_from = NULL;
	curl_global_cleanup();
}
