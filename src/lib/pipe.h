/*
 * pipe.h - one producer thread filling a ring of slots ahead of the
 * thread that takes them, in order (pipe.c).  The upload uses it twice:
 * pass 1 reads and splits the CSV ahead of the evidence and the spool
 * (dialect.c), and the store reads and parses the spool ahead of SQLite
 * (store.c), so that each half of the work has a core.
 *
 * fill(arg, slot) fills one slot and returns 1, or 0 at the end, or a
 * negative value on an error (the filler keeps the details in arg); it
 * runs on the producer thread, so it must touch nothing the taker does.
 * The taker gets the slots in order from ayni_pipe_next; done says which
 * it still holds: every slot from done on (done <= the next slot's
 * index), so that a slot can be kept a while (the store's lines waiting
 * for their batch) without being filled again.  NULL from ayni_pipe_next
 * is the end: ayni_pipe_status says which.  Without a thread (not asked
 * for, or pthread_create failed) the taker fills a slot itself when it
 * needs one.  A signal may reach either thread: the filler must not
 * block where only a signal would end the wait.
 */
#ifndef AYNI_PIPE_H
#define AYNI_PIPE_H

#include <pthread.h>
#include <stddef.h>

typedef int (*ayni_pipe_fill)(void *arg, void *slot);

struct ayni_pipe {
	unsigned char	*ring;
	size_t		 nslots, slot_size;
	ayni_pipe_fill	 fill;
	void		*arg;
	pthread_t	 th;
	int		 threaded, started;
	pthread_mutex_t	 mu;
	pthread_cond_t	 more, room;
	size_t		 next;		/* the taker's next slot */
	size_t		 filled;	/* slots filled so far */
	size_t		 done;		/* slots before it are free */
	size_t		 seen;		/* filled, when the taker looked */
	int		 end;		/* fill's last answer, once not 1 */
	int		 ended, stop;
	int		 pwait, twait;	/* the producer, the taker waits */
};

/*
 * 0, or -1 out of memory.  The slots start zeroed.  threaded: 0 to fill
 * on the taker's thread anyway: for a filler that may block (reading a
 * pipe or a terminal), which a signal must be able to interrupt on the
 * thread that would notice it.
 */
int	ayni_pipe_start(struct ayni_pipe *p, size_t nslots,
	    size_t slot_size, ayni_pipe_fill fill, void *arg, int threaded);
/* The next slot (*i its index since the start), or NULL at the end. */
void	*ayni_pipe_next(struct ayni_pipe *p, size_t done, size_t *i);
/* After NULL from ayni_pipe_next: 0 the end, or fill's error. */
int	ayni_pipe_status(const struct ayni_pipe *p);
/* The slot of index i (one the taker holds). */
void	*ayni_pipe_slot(const struct ayni_pipe *p, size_t i);
/*
 * Stop the producer (wherever it is), then free_slot(slot) for each slot
 * and the ring.  Safe on a pipe never started, and twice.
 */
void	ayni_pipe_stop(struct ayni_pipe *p, void (*free_slot)(void *));

#endif /* AYNI_PIPE_H */
