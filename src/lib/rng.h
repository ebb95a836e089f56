/*
 * rng.h - the random streams of the synthetic data generators (sample.c,
 * sample_register.c): splitmix64, tiny, fast and the same on every
 * machine, so that the same seed gives the same bytes everywhere.  Never
 * rand().  Private to libayni.
 */
#ifndef AYNI_RNG_H
#define AYNI_RNG_H

#include <assert.h>
#include <stdint.h>

static inline uint64_t
mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

struct rng {
	uint64_t	s;
};

static inline void
rng_seed(struct rng *r, uint64_t a, uint64_t b, uint64_t c)
{
	r->s = mix64(mix64(mix64(a) ^ b) ^ c);
}

static inline uint64_t
rng_next(struct rng *r)
{
	r->s += UINT64_C(0x9e3779b97f4a7c15);
	return mix64(r->s);
}

/*
 * Uniform in [0, n).  The modulo bias is below 2^-40 for every n used, and
 * determinism, not perfection, is the point.
 */
static inline uint32_t
rng_below(struct rng *r, uint32_t n)
{
	assert(n > 0);
	return (uint32_t)(rng_next(r) % n);
}

#endif /* AYNI_RNG_H */
