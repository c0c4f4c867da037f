/*
 * password_task: argon2id hashing and verification off the event loop.
 *
 * An argon2id operation takes 60-70 ms of CPU; on a worker's event loop it
 * would hold up every other request of that worker.  Here it runs in one
 * of Kore's task threads (task_threads, LEERLIJN_HASH_THREADS) while the
 * request sleeps.  At most LEERLIJN_HASH_QUEUE operations per worker wait
 * or run at once; beyond that the caller answers 503.
 *
 * How a handler uses it: the dispatcher runs the handler again from the
 * start when the operation has finished (the request's body is read again,
 * the same checks run again), and the second call finds the result of the
 * same operation with the same inputs kept for this request.  So a handler
 * that needs two operations (check the current password, hash the new one)
 * gets the first result on its second call and the second on its third.
 * Inputs that changed between the calls (another hash in the database)
 * start a new operation.  Results live until the request is freed.
 */
#ifndef LEERLIJN_PASSWORD_TASK_H
#define LEERLIJN_PASSWORD_TASK_H

struct http_request;

enum pw_task {
	PW_TASK_DONE = 0,	/* the result is there */
	PW_TASK_PENDING,	/* running: return, the request sleeps */
	PW_TASK_BUSY		/* the queue is full: answer 503 */
};

/* Per worker: at most queue operations waiting or running. */
void		pw_task_init(unsigned queue);
/* 1 when pw matches hash (NULL: the dummy, which never matches). */
enum pw_task	pw_task_verify(struct http_request *req, const char *hash,
		    const char *pw, int *ok);
/* A new hash of pw into out (PASSWORD_HASH_MAX bytes); *ok 0 on failure. */
enum pw_task	pw_task_hash(struct http_request *req, const char *pw,
		    char *out, int *ok);
/* The request is freed (req->onfree): its results go. */
void		pw_task_request_gone(struct http_request *req);
/* Operations waiting or running now, and the queue's size. */
unsigned	pw_task_busy(void);
unsigned	pw_task_queue(void);

#endif
