/* SDR labeling of one layer, as rust-fil-proofs' create_label / create_label_exp do it:
 *   label = SHA-256(replica_id || layer u32 BE || node u64 BE || 20 zero bytes || 37 parent labels)
 * with the top two bits of the last byte cleared. Layer 1 hashes its six base parents six times and
 * the first once more; later layers hash base parents (this layer) and expansion parents (previous
 * layer), 14 + 14 + 9. Node 0 hashes the 64-byte prefix alone.
 *
 * The prefix block holds the node index, so no midstate carries over from one label to the next;
 * instead each label is laid out as one 20-block message (prefix, 37 labels, padding whose tail is
 * constant and written once) and handed to the compression function in a single call, which is what
 * rust-fil-proofs' compress256 over the block list amounts to.
 *
 * Above a few MiB a layer no longer fits the CPU caches and every label waits on up to 14 random
 * DRAM reads (eight expansion parents uniformly over the previous layer); the loop therefore
 * prefetches the parent labels of the node PREFETCH_AHEAD places ahead, so those misses overlap
 * the hashing of the nodes in between. granary_sdr_label_layer_files maps the parent cache and the
 * layer files itself (64-bit offsets, any sector size) and writes labels straight into the output
 * file's page cache: the operating system flushes them (started per window with sync_file_range),
 * and the memory they occupy is reclaimable page cache, not anonymous memory. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "granary.h"

#define LABEL_PARENTS 37
#define LABEL_MESSAGE (64 + LABEL_PARENTS * NODE_SIZE)       /* 1248 bytes */
#define LABEL_BLOCKS ((LABEL_MESSAGE + 9 + 63) / 64)          /* 20 blocks */

typedef void (*compress_fn)(uint32_t state[8], const uint8_t *blocks, size_t nblocks);

static void store_digest(uint8_t *label, const uint32_t state[8]) {
    for (int j = 0; j < 8; j++) {
        uint32_t v = __builtin_bswap32(state[j]);
        memcpy(label + 4 * j, &v, 4);
    }
    label[NODE_SIZE - 1] &= 0x3f;
}

static void put_length_bits(uint8_t *block_end, uint64_t bits) {
    for (int i = 0; i < 8; i++)
        block_end[-1 - i] = (uint8_t)(bits >> (8 * i));
}

static void set_node(uint8_t *message, uint64_t node) {
    uint64_t be = __builtin_bswap64(node);
    memcpy(message + 36, &be, 8);
}

/* Fills the 37 label slots from the first `distinct` gathered ones, repeating them in order. */
static void repeat_labels(uint8_t *slots, size_t distinct) {
    size_t filled = distinct;
    while (filled < LABEL_PARENTS) {
        size_t n = LABEL_PARENTS - filled < distinct ? LABEL_PARENTS - filled : distinct;
        memcpy(slots + filled * NODE_SIZE, slots, n * NODE_SIZE);
        filled += n;
    }
}

/* Labels are PREFETCH_AHEAD nodes apart: far enough that a DRAM miss (~100 ns plus a page walk)
 * completes while the nodes between are hashed (~0.7 us each), near enough to stay in L1/L2. */
#define PREFETCH_AHEAD 8

/* The labeler publishes its position every PROGRESS_EVERY nodes; the helper on the second core
 * touches the previous layer's expansion-parent labels of the nodes HELPER_LEAD_MIN ..
 * HELPER_LEAD_MAX ahead of it, so they come from the shared L3 (and their page-table entries are
 * warm) when the labeler's own prefetch asks for them, instead of from DRAM. 8192 nodes of lead
 * are 65 536 lines = 4 MiB of a 32 MiB L3 and about 6 ms of labeling (512 MiB layer 2: +3 % over
 * the labeler's prefetch alone; 512 or 2048 nodes gained less). Layer 1 reads no previous layer
 * and runs without the helper. */
#define PROGRESS_EVERY 64
#define HELPER_LEAD_MIN 64
#define HELPER_LEAD_MAX 8192

/* Everything a run of labels of one layer reads and writes. */
struct label_job {
    compress_fn compress;
    uint64_t nodes;
    size_t distinct; /* 6 parents gathered in layer 1, 14 later */
    const uint8_t *parents;
    const uint8_t *prev;
    uint8_t *out;
    _Atomic uint64_t *progress; /* when not NULL, the labeler's position for the prefetch helper */
    _Alignas(64) uint8_t message[LABEL_BLOCKS * 64];
    _Alignas(64) uint8_t lone_pad[64];
};

static void job_init(struct label_job *job, const uint8_t *replica_id, uint32_t layer, uint64_t nodes,
                     const uint8_t *parents, const uint8_t *prev, uint8_t *out) {
    job->compress = sha256_use_shani() ? sha256_compress_shani : sha256_compress_portable;
    job->nodes = nodes;
    job->distinct = layer == 1 ? 6 : SDR_DEGREE;
    job->parents = parents;
    job->prev = prev;
    job->out = out;
    job->progress = NULL;
    memset(job->message, 0, sizeof job->message);
    memcpy(job->message, replica_id, 32);
    uint32_t layer_be = __builtin_bswap32(layer);
    memcpy(job->message + 32, &layer_be, 4);
    job->message[LABEL_MESSAGE] = 0x80;
    put_length_bits(job->message + sizeof job->message, (uint64_t)LABEL_MESSAGE * 8);
    memset(job->lone_pad, 0, sizeof job->lone_pad);
    job->lone_pad[0] = 0x80;
    put_length_bits(job->lone_pad + 64, 64 * 8);
}

/* A cache hint only: parents out of range are skipped here and refused when the node is labeled. */
static void prefetch_parents(const struct label_job *job, uint64_t node) {
    uint32_t p[SDR_DEGREE];
    memcpy(p, job->parents + node * SDR_PARENTS_BYTES, SDR_PARENTS_BYTES);
    for (size_t k = 0; k < job->distinct; k++) {
        int own_layer = k < 6;
        if (p[k] < (own_layer ? node : job->nodes))
            __builtin_prefetch((own_layer ? job->out : job->prev) + (uint64_t)p[k] * NODE_SIZE, 0, 3);
    }
}

/* Labels nodes first .. end-1; every node below first must already be labeled. */
static int label_range(struct label_job *job, uint64_t first, uint64_t end) {
    uint8_t *slots = job->message + 64;
    for (uint64_t node = first; node < end; node++) {
        uint32_t state[8];
        memcpy(state, sha256_iv, sizeof state);
        set_node(job->message, node);
        if (node + PREFETCH_AHEAD < job->nodes)
            prefetch_parents(job, node + PREFETCH_AHEAD);
        if (node == 0) {
            job->compress(state, job->message, 1);
            job->compress(state, job->lone_pad, 1);
        } else {
            uint32_t p[SDR_DEGREE];
            memcpy(p, job->parents + node * SDR_PARENTS_BYTES, SDR_PARENTS_BYTES);
            for (size_t k = 0; k < job->distinct; k++) {
                int own_layer = k < 6;
                if (p[k] >= (own_layer ? node : job->nodes))
                    return GRANARY_EBADPARENT;
                const uint8_t *src = own_layer ? job->out : job->prev;
                memcpy(slots + k * NODE_SIZE, src + (uint64_t)p[k] * NODE_SIZE, NODE_SIZE);
            }
            repeat_labels(slots, job->distinct);
            job->compress(state, job->message, LABEL_BLOCKS);
        }
        store_digest(job->out + node * NODE_SIZE, state);
        if (job->progress != NULL && node % PROGRESS_EVERY == 0)
            atomic_store_explicit(job->progress, node, memory_order_relaxed);
    }
    return GRANARY_OK;
}

struct prefetch_helper {
    const struct label_job *job;
    _Atomic uint64_t labeled;
    _Atomic int stop;
    pthread_t thread;
};

/* Reads one byte of each expansion parent's label; the sum only keeps the loads from being dropped. */
static unsigned touch_expansion_parents(const struct label_job *job, uint64_t node) {
    uint32_t p[SDR_DEGREE];
    memcpy(p, job->parents + node * SDR_PARENTS_BYTES, SDR_PARENTS_BYTES);
    unsigned sum = 0;
    for (size_t k = 6; k < SDR_DEGREE; k++)
        if (p[k] < job->nodes)
            sum += *(const volatile uint8_t *)(job->prev + (uint64_t)p[k] * NODE_SIZE);
    return sum;
}

/* Only reads the parent cache and the previous layer, which no one writes while a layer is labeled. */
static void *prefetch_ahead(void *arg) {
    struct prefetch_helper *helper = arg;
    const struct label_job *job = helper->job;
    const struct timespec nap = {.tv_sec = 0, .tv_nsec = 50000};
    uint64_t next = 1;
    unsigned sum = 0;
    while (next < job->nodes && !atomic_load_explicit(&helper->stop, memory_order_relaxed)) {
        uint64_t labeled = atomic_load_explicit(&helper->labeled, memory_order_relaxed);
        if (next < labeled + HELPER_LEAD_MIN)
            next = labeled + HELPER_LEAD_MIN;
        if (next >= labeled + HELPER_LEAD_MAX) {
            nanosleep(&nap, NULL);
            continue;
        }
        for (uint64_t end = next + PROGRESS_EVERY; next < end && next < job->nodes; next++)
            sum += touch_expansion_parents(job, next);
    }
    return (void *)(uintptr_t)sum;
}

/* Starts the helper for layers that read a previous layer; returns 0 when it is not running. */
static int start_helper(struct prefetch_helper *helper, struct label_job *job) {
    if (job->prev == NULL)
        return 0;
    helper->job = job;
    atomic_init(&helper->labeled, 0);
    atomic_init(&helper->stop, 0);
    if (pthread_create(&helper->thread, NULL, prefetch_ahead, helper) != 0)
        return 0; /* labeling goes on without it, only slower */
    job->progress = &helper->labeled;
    return 1;
}

static void stop_helper(struct prefetch_helper *helper, struct label_job *job) {
    atomic_store_explicit(&helper->stop, 1, memory_order_relaxed);
    pthread_join(helper->thread, NULL);
    job->progress = NULL;
}

static int label_arguments_ok(const uint8_t *replica_id, size_t replica_len, uint32_t layer, uint64_t nodes) {
    return replica_id != NULL && replica_len == 32 && layer >= 1 && nodes >= 2 && nodes <= SDR_LABEL_MAX_NODES;
}

int granary_sdr_label_layer(const uint8_t *replica_id, size_t replica_len, uint32_t layer, uint64_t nodes,
                            const uint8_t *parents, size_t parents_len, const uint8_t *prev, size_t prev_len,
                            uint8_t *out, size_t out_len) {
    if (!label_arguments_ok(replica_id, replica_len, layer, nodes) || parents == NULL || out == NULL)
        return GRANARY_EINVAL;
    if (nodes > parents_len / SDR_PARENTS_BYTES || nodes > out_len / NODE_SIZE)
        return GRANARY_EINVAL;
    if (layer > 1 && (prev == NULL || nodes > prev_len / NODE_SIZE))
        return GRANARY_EINVAL;
    struct label_job job;
    job_init(&job, replica_id, layer, nodes, parents, layer > 1 ? prev : NULL, out);
    return label_range(&job, 0, nodes);
}

/* ---- labeling between files ---- */

/* One file mapped whole; base is MAP_FAILED while unmapped. */
struct mapped_file {
    int fd;
    uint8_t *base;
    size_t len;
};

#define UNMAPPED {.fd = -1, .base = MAP_FAILED, .len = 0}

static void unmap_file(struct mapped_file *f) {
    if (f->base != MAP_FAILED)
        munmap(f->base, f->len);
    if (f->fd >= 0)
        close(f->fd);
}

/* Sets *error_number (errno, or 0 for a file shorter than needed) and returns the role's status. */
static int failed(int status, int errno_value, int *error_number) {
    if (error_number != NULL)
        *error_number = errno_value;
    return status;
}

static int map_input(const char *path, uint64_t need, int advice, struct mapped_file *f, int status,
                     int *error_number) {
    struct stat st;
    f->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (f->fd < 0 || fstat(f->fd, &st) != 0)
        return failed(status, errno, error_number);
    if (st.st_size < 0 || (uint64_t)st.st_size < need)
        return failed(status, 0, error_number);
    f->len = (size_t)need;
    f->base = mmap(NULL, f->len, PROT_READ, MAP_SHARED, f->fd, 0);
    if (f->base == MAP_FAILED)
        return failed(status, errno, error_number);
    madvise(f->base, f->len, advice);
    return GRANARY_OK;
}

/* Creates (or truncates) the layer file with its blocks reserved, so a full disk is an error here
 * and not a SIGBUS when a label is stored into the mapping. */
static int map_output(const char *path, uint64_t len, struct mapped_file *f, int *error_number) {
    f->fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (f->fd < 0)
        return failed(GRANARY_EIO_OUT, errno, error_number);
    int reserve = posix_fallocate(f->fd, 0, (off_t)len);
    if (reserve != 0)
        return failed(GRANARY_EIO_OUT, reserve, error_number);
    f->len = (size_t)len;
    f->base = mmap(NULL, f->len, PROT_READ | PROT_WRITE, MAP_SHARED, f->fd, 0);
    if (f->base == MAP_FAILED)
        return failed(GRANARY_EIO_OUT, errno, error_number);
    return GRANARY_OK;
}

static uint64_t page_floor(uint64_t offset) {
    uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
    return offset / page * page;
}

/* Asks for the parent-cache pages of nodes first .. end-1 to be read in the background. */
static void prefetch_cache_window(const struct mapped_file *cache, uint64_t first, uint64_t end) {
    uint64_t from = page_floor(first * SDR_PARENTS_BYTES);
    uint64_t to = end * SDR_PARENTS_BYTES;
    if (to > from)
        madvise(cache->base + from, (size_t)(to - from), MADV_WILLNEED);
}

/* Unmaps the parent-cache pages of nodes below end from this process: labeling reads the cache once
 * per layer, front to back, so they only inflate its resident set; they stay in the page cache for
 * the next layer. */
static void release_cache_window(const struct mapped_file *cache, uint64_t *released, uint64_t end) {
    uint64_t to = page_floor(end * SDR_PARENTS_BYTES);
    if (to > *released) {
        madvise(cache->base + *released, (size_t)(to - *released), MADV_DONTNEED);
        *released = to;
    }
}

/* Starts writeback of the whole pages of labels below node end; the pages stay cached for reading. */
static void write_behind(const struct mapped_file *out, uint64_t *flushed, uint64_t end) {
    uint64_t to = page_floor(end * NODE_SIZE);
    if (to > *flushed) {
        sync_file_range(out->fd, (off_t)*flushed, (off_t)(to - *flushed), SYNC_FILE_RANGE_WRITE);
        *flushed = to;
    }
}

static int label_windows(struct label_job *job, const struct mapped_file *cache, const struct mapped_file *out,
                         uint64_t window_nodes) {
    uint64_t nodes = job->nodes;
    uint64_t flushed = 0;
    uint64_t released = 0;
    prefetch_cache_window(cache, 0, window_nodes < nodes ? window_nodes : nodes);
    for (uint64_t first = 0; first < nodes; first += window_nodes) {
        uint64_t end = nodes - first < window_nodes ? nodes : first + window_nodes;
        if (end < nodes)
            prefetch_cache_window(cache, end, nodes - end < window_nodes ? nodes : end + window_nodes);
        int status = label_range(job, first, end);
        if (status != GRANARY_OK)
            return status;
        write_behind(out, &flushed, end);
        release_cache_window(cache, &released, end);
    }
    return GRANARY_OK;
}

int granary_sdr_label_layer_files(const uint8_t *replica_id, size_t replica_len, uint32_t layer, uint64_t nodes,
                                  const char *parents_path, const char *prev_path, const char *out_path,
                                  uint64_t window_nodes, int *error_number) {
    if (!label_arguments_ok(replica_id, replica_len, layer, nodes) || parents_path == NULL || out_path == NULL
        || window_nodes < 1 || (layer > 1 && prev_path == NULL))
        return GRANARY_EINVAL;
    struct mapped_file cache = UNMAPPED, prev = UNMAPPED, out = UNMAPPED;
    int status = map_input(parents_path, nodes * SDR_PARENTS_BYTES, MADV_NORMAL, &cache, GRANARY_EIO_PARENTS,
                           error_number);
    if (status == GRANARY_OK && layer > 1)
        status = map_input(prev_path, nodes * NODE_SIZE, MADV_RANDOM, &prev, GRANARY_EIO_PREVIOUS, error_number);
    if (status == GRANARY_OK)
        status = map_output(out_path, nodes * NODE_SIZE, &out, error_number);
    if (status == GRANARY_OK) {
        struct label_job job;
        job_init(&job, replica_id, layer, nodes, cache.base, layer > 1 ? prev.base : NULL, out.base);
        struct prefetch_helper helper;
        int helped = start_helper(&helper, &job);
        status = label_windows(&job, &cache, &out, window_nodes);
        if (helped)
            stop_helper(&helper, &job);
    }
    unmap_file(&out);
    unmap_file(&prev);
    unmap_file(&cache);
    return status;
}
