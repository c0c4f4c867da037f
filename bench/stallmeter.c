/*
 * stallmeter: how long the machine itself stalls, beside a benchmark.
 *
 *   stallmeter SECONDS [THRESHOLD_MS]
 *
 * One thread per online CPU, pinned to it, at real-time priority
 * (SCHED_FIFO) where the system allows it, sleeps 1 ms at a time for
 * SECONDS and notes how much later than asked it woke.  Such a thread
 * does no work and, at real-time priority, waits for no other process:
 * a late wake-up of many milliseconds means that the CPU was not there
 * to run it (a virtual machine's CPU held back by its host, the kernel
 * busy with I/O), not that a program under test was slow.  Prints one
 * line:
 *
 *   STALL max_ms=<worst late wake-up> over=<wake-ups later than
 *   THRESHOLD_MS (10)> at=<seconds from the start to the worst>
 *   fifo=<1: real-time priority> cpus=<threads>
 *
 * bench/reads.sh runs it during every measurement (bench/README.md).
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct meter {
	pthread_t	 thread;
	int		 cpu;
	int		 fifo;		/* real-time priority granted */
	double		 max_ms;	/* worst late wake-up */
	double		 max_at;	/* when, seconds from the start */
	long		 over;		/* late wake-ups over the threshold */
};

static double	run_seconds, threshold_ms;
static double	start_s;

static double
now_s(void)
{
	struct timespec	t;

	(void)clock_gettime(CLOCK_MONOTONIC, &t);
	return ((double)t.tv_sec + (double)t.tv_nsec / 1e9);
}

static void *
meter_run(void *arg)
{
	struct meter		*m = arg;
	struct sched_param	 sp;
	struct timespec		 ms = { 0, 1000000 };
	cpu_set_t		 set;
	double			 before, late;

	CPU_ZERO(&set);
	CPU_SET(m->cpu, &set);
	(void)pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
	memset(&sp, 0, sizeof(sp));
	sp.sched_priority = 1;
	m->fifo = pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp) == 0;
	while ((before = now_s()) - start_s < run_seconds) {
		while (nanosleep(&ms, NULL) == -1 && errno == EINTR)
			;
		late = (now_s() - before) * 1000.0 - 1.0;
		if (late > m->max_ms) {
			m->max_ms = late;
			m->max_at = before - start_s;
		}
		if (late > threshold_ms)
			m->over++;
	}
	return (NULL);
}

int
main(int argc, char **argv)
{
	struct meter	*m;
	long		 cpus, i, over = 0;
	double		 max_ms = 0, max_at = 0;
	int		 fifo = 1;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: stallmeter SECONDS [THRESHOLD_MS]\n");
		return (2);
	}
	run_seconds = atof(argv[1]);
	threshold_ms = argc == 3 ? atof(argv[2]) : 10.0;
	if (!(run_seconds > 0) || !(threshold_ms > 0)) {
		fprintf(stderr, "stallmeter: SECONDS and THRESHOLD_MS must be "
		    "positive\n");
		return (2);
	}
	if ((cpus = sysconf(_SC_NPROCESSORS_ONLN)) < 1)
		cpus = 1;
	if ((m = calloc((size_t)cpus, sizeof(*m))) == NULL) {
		perror("stallmeter");
		return (1);
	}
	start_s = now_s();
	for (i = 0; i < cpus; i++) {
		m[i].cpu = (int)i;
		if (pthread_create(&m[i].thread, NULL, meter_run, &m[i]) != 0) {
			perror("stallmeter: pthread_create");
			return (1);
		}
	}
	for (i = 0; i < cpus; i++) {
		(void)pthread_join(m[i].thread, NULL);
		over += m[i].over;
		fifo &= m[i].fifo;
		if (m[i].max_ms > max_ms) {
			max_ms = m[i].max_ms;
			max_at = m[i].max_at;
		}
	}
	printf("STALL max_ms=%.1f over=%ld at=%.3f fifo=%d cpus=%ld\n", max_ms,
	    over, max_at, fifo, cpus);
	free(m);
	return (0);
}
