/*
 * pipe.c - a producer thread filling a ring of slots ahead of their taker
 * (pipe.h).
 *
 * The ring holds nslots slots; the producer may fill those from filled
 * on while filled - done < nslots, the taker takes them from next on
 * while next < filled.  The taker takes the slots it knows are filled
 * without the lock, and tells which it is done with only when it runs
 * out; the producer wakes a waiting taker a quarter of the ring at a
 * time.  A lock and a wake for every slot cost more in system calls
 * than the second core saved (2 s of a million-line re-upload).
 */
#include <stdlib.h>
#include <string.h>

#include "pipe.h"

static size_t
wake(const struct ayni_pipe *p)
{
	return p->nslots / 4 ? p->nslots / 4 : 1;
}

void *
ayni_pipe_slot(const struct ayni_pipe *p, size_t i)
{
	return p->ring + (i % p->nslots) * p->slot_size;
}

static void *
run(void *arg)
{
	struct ayni_pipe *p = arg;
	void *slot;
	int got, stop;

	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (p->filled - p->done == p->nslots && !p->stop) {
			p->pwait = 1;
			pthread_cond_wait(&p->room, &p->mu);
			p->pwait = 0;
		}
		slot = ayni_pipe_slot(p, p->filled);
		stop = p->stop;
		pthread_mutex_unlock(&p->mu);
		if (stop)
			return NULL;
		got = p->fill(p->arg, slot);
		pthread_mutex_lock(&p->mu);
		if (got == 1)
			p->filled++;
		else {
			p->end = got;
			p->ended = 1;
		}
		if (p->twait && (got != 1 || p->filled - p->next >= wake(p) ||
		    p->filled - p->done == p->nslots))
			pthread_cond_signal(&p->more);
		pthread_mutex_unlock(&p->mu);
		if (got != 1)
			return NULL;
	}
}

int
ayni_pipe_start(struct ayni_pipe *p, size_t nslots, size_t slot_size,
    ayni_pipe_fill fill, void *arg, int threaded)
{
	memset(p, 0, sizeof(*p));
	if ((p->ring = calloc(nslots, slot_size)) == NULL)
		return -1;
	p->nslots = nslots;
	p->slot_size = slot_size;
	p->fill = fill;
	p->arg = arg;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->more, NULL);
	pthread_cond_init(&p->room, NULL);
	p->started = 1;
	p->threaded = threaded && pthread_create(&p->th, NULL, run, p) == 0;
	return 0;
}

/* Without a thread: fill the next slot here when the taker needs it. */
static void
fill_here(struct ayni_pipe *p)
{
	int got;

	if (p->next < p->filled || p->ended)
		return;
	if ((got = p->fill(p->arg, ayni_pipe_slot(p, p->filled))) == 1)
		p->filled++;
	else {
		p->end = got;
		p->ended = 1;
	}
}

void *
ayni_pipe_next(struct ayni_pipe *p, size_t done, size_t *i)
{
	int avail;

	if (!p->threaded) {
		p->done = done;
		fill_here(p);
		avail = p->next < p->filled;
	} else if (p->next < p->seen) {
		avail = 1;		/* filled when last looked: no lock */
	} else {
		pthread_mutex_lock(&p->mu);
		p->done = done;
		if (p->pwait)
			pthread_cond_signal(&p->room);
		while (p->next == p->filled && !p->ended) {
			p->twait = 1;
			pthread_cond_wait(&p->more, &p->mu);
			p->twait = 0;
		}
		p->seen = p->filled;
		avail = p->next < p->filled;
		pthread_mutex_unlock(&p->mu);
	}
	if (!avail)
		return NULL;
	*i = p->next++;
	return ayni_pipe_slot(p, *i);
}

int
ayni_pipe_status(const struct ayni_pipe *p)
{
	return p->end;
}

void
ayni_pipe_stop(struct ayni_pipe *p, void (*free_slot)(void *))
{
	size_t i;

	if (!p->started)
		return;
	if (p->threaded) {
		pthread_mutex_lock(&p->mu);
		p->stop = 1;
		pthread_cond_signal(&p->room);
		pthread_mutex_unlock(&p->mu);
		pthread_join(p->th, NULL);
	}
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->more);
	pthread_cond_destroy(&p->room);
	for (i = 0; free_slot != NULL && i < p->nslots; i++)
		free_slot(p->ring + i * p->slot_size);
	free(p->ring);
	p->started = 0;
}
