/*
 * password_task: argon2id off the event loop, in Kore's task threads.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/tasks.h>

#include <sodium.h>

#include "accounts/password.h"
#include "accounts/password_task.h"
#include "http/applog.h"

/*
 * The hashing threads run at the workers' own priority.  At a lower one
 * (nice 10) the catalogue reads kept 92 % of their rate during the login
 * storm of bench/reads.sh, but a login waited 1.7 s (p50) and some more
 * than 5 s; at the same priority the reads keep 71 % and a login takes
 * about 1 s on a machine saturated with reads (bench/README.md).
 */

enum { OP_VERIFY = 1, OP_HASH };

struct pw_job {
	struct kore_task	 task;		/* first: the entry gets it */
	int			 used;
	int			 finished;	/* the thread is done */
	struct http_request	*req;		/* NULL: the request is gone */
	int			 op;
	unsigned char		 key[crypto_generichash_BYTES];
	char			 hash[PASSWORD_HASH_MAX];	/* verify */
	int			 has_hash;
	char			*pw;		/* the thread's copy */
	int			 result;
	char			 out[PASSWORD_HASH_MAX];	/* hash */
};

static struct pw_job	*jobs;
static unsigned		 njobs;
static unsigned		 nbusy;

void
pw_task_init(unsigned queue)
{
	free(jobs);
	njobs = queue > 0 ? queue : 1;
	if ((jobs = calloc(njobs, sizeof(*jobs))) == NULL)
		fatalx("out of memory for the password queue");
	nbusy = 0;
}

unsigned
pw_task_busy(void)
{
	return (nbusy);
}

unsigned
pw_task_queue(void)
{
	return (njobs);
}

/* In a task thread. */
static int
job_run(struct kore_task *t)
{
	struct pw_job		*j = (struct pw_job *)t;

	if (j->op == OP_VERIFY)
		j->result = password_verify(j->has_hash ? j->hash : NULL,
		    j->pw);
	else
		j->result = password_hash(j->pw, j->out) == 0;
	return (KORE_RESULT_OK);
}

static void
job_release(struct pw_job *j)
{
	kore_task_destroy(&j->task);
	sodium_memzero(j, sizeof(*j));
	nbusy--;
}

/* On the event loop, when the thread is done. */
static void
job_done(struct kore_task *t)
{
	struct pw_job	*j = (struct pw_job *)t;

	if (!kore_task_finished(t) || j->finished)
		return;
	j->finished = 1;
	sodium_memzero(j->pw, strlen(j->pw));
	free(j->pw);
	j->pw = NULL;
	if (j->req != NULL)
		http_request_wakeup(j->req);
	else
		job_release(j);
}

void
pw_task_request_gone(struct http_request *req)
{
	unsigned	i;

	for (i = 0; i < njobs; i++) {
		if (!jobs[i].used || jobs[i].req != req)
			continue;
		if (jobs[i].finished)
			job_release(&jobs[i]);
		else
			jobs[i].req = NULL;
	}
}

static void
job_key(int op, const char *hash, const char *pw, unsigned char *key)
{
	crypto_generichash_state	st;
	unsigned char			o = (unsigned char)op;

	crypto_generichash_init(&st, NULL, 0, crypto_generichash_BYTES);
	crypto_generichash_update(&st, &o, 1);
	if (hash != NULL)
		crypto_generichash_update(&st, (const unsigned char *)hash,
		    strlen(hash) + 1);
	crypto_generichash_update(&st, (const unsigned char *)pw, strlen(pw));
	crypto_generichash_final(&st, key, crypto_generichash_BYTES);
}

static enum pw_task
job_submit(struct http_request *req, int op, const char *hash,
    const char *pw, struct pw_job **out)
{
	unsigned char	 key[crypto_generichash_BYTES];
	struct pw_job	*j, *free_slot;
	unsigned	 i;

	job_key(op, hash, pw, key);
	free_slot = NULL;
	for (i = 0; i < njobs; i++) {
		j = &jobs[i];
		if (!j->used) {
			if (free_slot == NULL)
				free_slot = j;
			continue;
		}
		if (j->req == req && j->op == op &&
		    sodium_memcmp(j->key, key, sizeof(key)) == 0) {
			*out = j;
			return (j->finished ? PW_TASK_DONE : PW_TASK_PENDING);
		}
	}
	if (free_slot == NULL) {
		applog(LOG_LVL_WARNING, "password queue full (%u)", njobs);
		return (PW_TASK_BUSY);
	}
	j = free_slot;
	memset(j, 0, sizeof(*j));
	if ((j->pw = strdup(pw)) == NULL)
		return (PW_TASK_BUSY);
	if (hash != NULL && strlen(hash) < sizeof(j->hash)) {
		memcpy(j->hash, hash, strlen(hash) + 1);
		j->has_hash = 1;
	}
	j->used = 1;
	j->op = op;
	j->req = req;
	memcpy(j->key, key, sizeof(key));
	nbusy++;
	kore_task_create(&j->task, job_run);
	kore_task_bind_callback(&j->task, job_done);
	kore_task_run(&j->task);
	http_request_sleep(req);
	*out = j;
	return (PW_TASK_PENDING);
}

enum pw_task
pw_task_verify(struct http_request *req, const char *hash, const char *pw,
    int *ok)
{
	struct pw_job	*j;
	enum pw_task	 r;

	*ok = 0;
	if ((r = job_submit(req, OP_VERIFY, hash, pw, &j)) == PW_TASK_DONE)
		*ok = j->result;
	return (r);
}

enum pw_task
pw_task_hash(struct http_request *req, const char *pw, char *out, int *ok)
{
	struct pw_job	*j;
	enum pw_task	 r;

	*ok = 0;
	if ((r = job_submit(req, OP_HASH, NULL, pw, &j)) == PW_TASK_DONE &&
	    j->result) {
		memcpy(out, j->out, sizeof(j->out));
		*ok = 1;
	}
	return (r);
}
