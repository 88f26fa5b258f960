/*
 * glibc-replay: replays a malloclab .rep trace with this machine's real malloc, realloc and free, and prints what each
 * operation did in MemKata's "chunks" format (see MemKata.Engine.Traces.ChunksFormat), so the output can be compared
 * line by line with the engine's reimplementation of glibc malloc.
 *
 *   glibc-replay TRACE                 one line per operation, offsets relative to sbrk(0) at the start of main
 *   glibc-replay --bench ROUNDS TRACE  one untimed warm-up round, then ROUNDS timed rounds, each replaying the trace
 *                                      and then freeing every block still live (ascending id, then the blocks no id
 *                                      holds in the order they were made); prints
 *                                      "total_ns=<ns> ops=<ROUNDS * operation count>"
 *   glibc-replay --version             gnu_get_libc_version()
 *
 * CMU 15-213's trace conventions, as MemKata.Engine.Traces.TraceReader reads them: the id -1 is the NULL pointer
 * ("f -1" is free(NULL); "r -1 SIZE" is realloc(NULL, SIZE), whose block no id holds), and text after the operations
 * the header promises is not read (a note on stderr says where it starts; the exit status stays 0).
 *
 * The heap must be untouched before the first traced malloc, or every offset would be off. So there is no stdio here
 * at all (stdio buffers come from malloc): the trace is read with open/read into static buffers and parsed by hand,
 * numbers are formatted by hand into a static output buffer flushed with write(2), and every table lives in .bss.
 * Malformed input or a bad command line: a message on stderr and exit status 2.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <gnu/libc-version.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_IDS (1u << 20)
#define MAX_OPS (1u << 23)
#define READ_CHUNK (1u << 20)
#define OUT_CAPACITY (1u << 20)
#define OUT_SLACK 256u
#define IS_MMAPPED 0x2u
#define FLAG_BITS 0x7u
#define NULL_ID (-1)

enum op_kind { OP_ALLOCATE = 'a', OP_REALLOCATE = 'r', OP_FREE = 'f' };

struct op {
    uint64_t size;
    int32_t id; /* NULL_ID: the NULL pointer */
    char kind;
};

static struct op ops[MAX_OPS];
static uint32_t op_count;
static uint32_t id_limit; /* one past the highest id the trace uses */
static void *pointers[MAX_IDS];
static void *unheld[MAX_OPS]; /* bench: the blocks of "r -1 SIZE" in this round, which no id holds */
static uint32_t unheld_count;

static char in_buf[READ_CHUNK];
static size_t in_len;
static size_t in_pos;
static int in_fd = -1;
static int in_eof;
static unsigned long line_number = 1;
static const char *trace_path = "";

static char out_buf[OUT_CAPACITY];
static size_t out_len;

/* ---- output without stdio ----------------------------------------------------------------------------------- */

static void write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            _exit(3);
        }
        data += n;
        len -= (size_t)n;
    }
}

static void out_flush(void)
{
    write_all(1, out_buf, out_len);
    out_len = 0;
}

static void out_str(const char *s)
{
    size_t len = strlen(s);
    if (out_len + len > OUT_CAPACITY)
        out_flush();
    memcpy(out_buf + out_len, s, len);
    out_len += len;
}

static void out_u64(uint64_t v)
{
    char digits[24];
    int n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0)
        out_buf[out_len++] = digits[--n];
}

static void out_i64(int64_t v)
{
    if (v < 0) {
        out_buf[out_len++] = '-';
        out_u64((uint64_t)0 - (uint64_t)v);
    } else {
        out_u64((uint64_t)v);
    }
}

/* Ends the current output line; flushes when the buffer could not hold another line. */
static void out_end_line(void)
{
    out_buf[out_len++] = '\n';
    if (OUT_CAPACITY - out_len < OUT_SLACK)
        out_flush();
}

static void err_str(const char *s)
{
    write_all(2, s, strlen(s));
}

static void err_u64(uint64_t v)
{
    char digits[24];
    int n = 0;
    char text[24];
    int len = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0)
        text[len++] = digits[--n];
    write_all(2, text, (size_t)len);
}

static void die_usage(void)
{
    err_str("usage: glibc-replay TRACE | glibc-replay --bench ROUNDS TRACE | glibc-replay --version\n");
    _exit(2);
}

/* A malformed trace: "glibc-replay: PATH:LINE: WHY" and exit 2. */
static void die_trace(const char *why)
{
    err_str("glibc-replay: ");
    err_str(trace_path);
    err_str(":");
    err_u64(line_number);
    err_str(": ");
    err_str(why);
    err_str("\n");
    _exit(2);
}

/* ---- input without stdio ------------------------------------------------------------------------------------ */

/* The next input byte without consuming it, or -1 at end of file. */
static int in_peek(void)
{
    if (in_pos < in_len)
        return (unsigned char)in_buf[in_pos];
    if (in_eof)
        return -1;
    for (;;) {
        ssize_t n = read(in_fd, in_buf, READ_CHUNK);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            die_trace("cannot read the trace file");
        }
        in_len = (size_t)n;
        in_pos = 0;
        if (n == 0) {
            in_eof = 1;
            return -1;
        }
        return (unsigned char)in_buf[0];
    }
}

static void in_advance(void)
{
    if (in_buf[in_pos] == '\n')
        line_number++;
    in_pos++;
}

static int is_blank(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Skips whitespace, newlines included. */
static void skip_blanks(void)
{
    int c;
    while ((c = in_peek()) != -1 && is_blank(c))
        in_advance();
}

/* Reads an unsigned decimal number after optional whitespace; `what` names it in the error message. */
static uint64_t read_u64(const char *what)
{
    skip_blanks();
    int c = in_peek();
    if (c < '0' || c > '9') {
        err_str("glibc-replay: expected ");
        err_str(what);
        err_str("\n");
        die_trace(c == -1 ? "unexpected end of file" : "not a decimal number");
    }
    uint64_t v = 0;
    while ((c = in_peek()) >= '0' && c <= '9') {
        uint64_t digit = (uint64_t)(c - '0');
        if (v > (UINT64_MAX - digit) / 10)
            die_trace("number out of range");
        v = v * 10 + digit;
        in_advance();
    }
    if (c != -1 && !is_blank(c))
        die_trace("garbage after a number");
    return v;
}

/* Reads a block id after optional whitespace: a number below MAX_IDS, or -1 (the NULL pointer) where the operation
 * takes a pointer (free, realloc). */
static int32_t read_id(int kind)
{
    skip_blanks();
    if (in_peek() == '-') {
        in_advance();
        if (in_peek() != '1')
            die_trace("a negative block id: only -1, the NULL pointer, is allowed");
        in_advance();
        int c = in_peek();
        if (c != -1 && !is_blank(c))
            die_trace("a negative block id: only -1, the NULL pointer, is allowed");
        if (kind == OP_ALLOCATE)
            die_trace("the id -1 is the NULL pointer, which malloc does not take");
        return NULL_ID;
    }
    uint64_t id = read_u64("a block id");
    if (id >= MAX_IDS)
        die_trace("block id too large (glibc-replay supports ids below 1048576)");
    return (int32_t)id;
}

/* Text after the last operation: not read, as CMU's mdriver does not read it; a note says where it starts. */
static void note_surplus(uint64_t count)
{
    err_str("glibc-replay: ");
    err_str(trace_path);
    err_str(":");
    err_u64(line_number);
    err_str(": note: the header promises ");
    err_u64(count);
    err_str(" operations, so this line and the rest of the file are not read (as CMU's mdriver does not read them)\n");
}

static void parse_trace(const char *path)
{
    trace_path = path;
    in_fd = open(path, O_RDONLY);
    if (in_fd < 0) {
        err_str("glibc-replay: cannot open ");
        err_str(path);
        err_str("\n");
        _exit(2);
    }

    (void)read_u64("the suggested heap size");
    uint64_t ids = read_u64("the number of block ids");
    uint64_t count = read_u64("the number of operations");
    (void)read_u64("the weight");
    if (ids > MAX_IDS)
        die_trace("more block ids than glibc-replay supports (1048576)");
    if (count > MAX_OPS)
        die_trace("more operations than glibc-replay supports (8388608)");
    id_limit = (uint32_t)ids;

    for (uint32_t i = 0; i < count; i++) {
        skip_blanks();
        int c = in_peek();
        if (c == -1)
            die_trace("fewer operations than the header announces");
        if (c != OP_ALLOCATE && c != OP_REALLOCATE && c != OP_FREE)
            die_trace("an operation must start with a, r or f");
        in_advance();
        int next = in_peek();
        if (next != -1 && !is_blank(next))
            die_trace("an operation must start with a, r or f");

        int32_t id = read_id(c);
        uint64_t size = c == OP_FREE ? 0 : read_u64("a size");
        ops[i].kind = (char)c;
        ops[i].id = id;
        ops[i].size = size;
        if (id != NULL_ID && (uint32_t)id + 1 > id_limit)
            id_limit = (uint32_t)id + 1;
    }

    skip_blanks();
    if (in_peek() != -1)
        note_surplus(count);
    op_count = (uint32_t)count;
    close(in_fd);
}

/* ---- replay ------------------------------------------------------------------------------------------------- */

/* Runs one operation with the real allocator; returns the pointer a malloc or realloc returned (NULL for a free). */
static void *run_op(const struct op *op)
{
    void *p = NULL;
    if (op->id == NULL_ID) {
        /* free(NULL) does nothing; realloc(NULL, n) is malloc(n), and no id holds the block. */
        if (op->kind == OP_FREE) {
            free(NULL);
        } else {
            p = realloc(NULL, op->size);
            if (p != NULL)
                unheld[unheld_count++] = p;
        }
        return p;
    }
    switch (op->kind) {
    case OP_ALLOCATE:
        p = malloc(op->size);
        pointers[op->id] = p;
        break;
    case OP_REALLOCATE:
        p = realloc(pointers[op->id], op->size);
        /* A failed realloc leaves the old block in place; realloc(p, 0) frees it and returns NULL. */
        if (p != NULL || op->size == 0)
            pointers[op->id] = p;
        break;
    default:
        free(pointers[op->id]);
        pointers[op->id] = NULL;
        break;
    }
    return p;
}

/* The size field of the chunk holding `p` (read through an integer so the compiler sees no out-of-bounds access). */
static size_t chunk_size_field(void *p)
{
    return *(volatile size_t *)((uintptr_t)p - sizeof(size_t));
}

static int replay(uintptr_t initial)
{
    for (uint32_t i = 0; i < op_count; i++) {
        const struct op *op = &ops[i];
        void *p = run_op(op);
        uintptr_t brk = (uintptr_t)sbrk(0);

        out_u64(i);
        out_str(" ");
        out_buf[out_len++] = op->kind;
        out_str(" ");
        out_i64(op->id);
        if (op->kind != OP_FREE) {
            out_str(" ");
            out_u64(op->size);
            out_str(" -> ");
            if (p == NULL) {
                out_str("0 csize=0");
            } else {
                size_t field = chunk_size_field(p);
                if (field & IS_MMAPPED)
                    out_str("MMAP");
                else
                    out_i64((int64_t)((uintptr_t)p - initial));
                out_str(" csize=");
                out_u64(field & ~(size_t)FLAG_BITS);
            }
        }
        out_str(" brk=");
        out_i64((int64_t)(brk - initial));
        out_end_line();
    }
    out_flush();
    return 0;
}

/* ---- bench -------------------------------------------------------------------------------------------------- */

static void bench_round(void)
{
    for (uint32_t i = 0; i < op_count; i++)
        (void)run_op(&ops[i]);
    for (uint32_t id = 0; id < id_limit; id++) {
        if (pointers[id] != NULL) {
            free(pointers[id]);
            pointers[id] = NULL;
        }
    }
    for (uint32_t i = 0; i < unheld_count; i++)
        free(unheld[i]);
    unheld_count = 0;
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int bench(uint64_t rounds)
{
    bench_round(); /* warm-up, untimed */
    uint64_t start = now_ns();
    for (uint64_t r = 0; r < rounds; r++)
        bench_round();
    uint64_t elapsed = now_ns() - start;

    out_str("total_ns=");
    out_u64(elapsed);
    out_str(" ops=");
    out_u64(rounds * op_count);
    out_end_line();
    out_flush();
    return 0;
}

/* ---- main --------------------------------------------------------------------------------------------------- */

static uint64_t parse_rounds(const char *text)
{
    uint64_t v = 0;
    if (*text == '\0')
        die_usage();
    for (; *text != '\0'; text++) {
        if (*text < '0' || *text > '9' || v > 100000000u)
            die_usage();
        v = v * 10 + (uint64_t)(*text - '0');
    }
    if (v == 0)
        die_usage();
    return v;
}

int main(int argc, char **argv)
{
    /* Before anything can touch the heap. */
    uintptr_t initial = (uintptr_t)sbrk(0);

    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        out_str(gnu_get_libc_version());
        out_end_line();
        out_flush();
        return 0;
    }
    if (argc == 4 && strcmp(argv[1], "--bench") == 0) {
        uint64_t rounds = parse_rounds(argv[2]);
        parse_trace(argv[3]);
        return bench(rounds);
    }
    if (argc == 2 && argv[1][0] != '-') {
        parse_trace(argv[1]);
        return replay(initial);
    }
    die_usage();
    return 2;
}
